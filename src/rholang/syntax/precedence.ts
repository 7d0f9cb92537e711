/**
 * The precedence ladder of rholang-surface §7.2, shared by the Pratt parser and the printer so the
 * two cannot disagree. Higher binds tighter. Levels 0–3 are process forms (`|`, `new`/`if`/`!?`,
 * the block forms, sends); 4–16 are expressions.
 */

import type { BinaryOp, Proc } from './ast.js';
import { T } from './tokens.js';

export const LEVEL = {
  par: 0,
  /** `new … in P`, `x!?(…); P`, `if (…) P else P`. */
  open: 1,
  /** `let`, `match`, `contract`, `for`, `bundle`, `use`. */
  block: 2,
  send: 3,
  or: 4,
  and: 5,
  equality: 6,
  comparison: 7,
  additive: 8,
  multiplicative: 9,
  prefix: 10,
  postfix: 11,
  quote: 12,
  disjunction: 13,
  conjunction: 14,
  negation: 15,
  primary: 16,
} as const;

/** Level of each infix operator. */
export const BINARY_LEVEL: Readonly<Record<BinaryOp, number>> = {
  or: LEVEL.or,
  and: LEVEL.and,
  '==': LEVEL.equality,
  '!=': LEVEL.equality,
  matches: LEVEL.equality,
  '<': LEVEL.comparison,
  '<=': LEVEL.comparison,
  '>': LEVEL.comparison,
  '>=': LEVEL.comparison,
  '+': LEVEL.additive,
  '-': LEVEL.additive,
  '++': LEVEL.additive,
  '--': LEVEL.additive,
  '*': LEVEL.multiplicative,
  '/': LEVEL.multiplicative,
  '%': LEVEL.multiplicative,
  '%%': LEVEL.multiplicative,
  '\\/': LEVEL.disjunction,
  '/\\': LEVEL.conjunction,
};

/** `matches` is the only right-associative infix operator; every other one is left-associative. */
export const isRightAssociative = (op: BinaryOp): boolean => op === 'matches';

/** Infix level by token kind (0: not an infix operator). Token kinds are below 128. */
export const INFIX_LEVEL: Uint8Array = new Uint8Array(128);
/** The operator of each infix token kind. */
export const INFIX_OP: (BinaryOp | undefined)[] = new Array(128);

const infix: [number, BinaryOp][] = [
  [T.Or, 'or'],
  [T.And, 'and'],
  [T.EqEq, '=='],
  [T.NotEq, '!='],
  [T.Matches, 'matches'],
  [T.Lt, '<'],
  [T.LtEq, '<='],
  [T.Gt, '>'],
  [T.GtEq, '>='],
  [T.Plus, '+'],
  [T.Minus, '-'],
  [T.PlusPlus, '++'],
  [T.MinusMinus, '--'],
  [T.Star, '*'],
  [T.Slash, '/'],
  [T.Percent, '%'],
  [T.PercentPercent, '%%'],
  [T.Disj, '\\/'],
  [T.Conj, '/\\'],
];
for (const [kind, op] of infix) {
  INFIX_LEVEL[kind] = BINARY_LEVEL[op];
  INFIX_OP[kind] = op;
}

/**
 * The level a node is written at, for deciding whether it must be wrapped when it is an operand.
 * Prefix expression forms (`-x`, `not x`, `~x`, `*x`, `=x`, `free T()`) can start any operand, so
 * they count as primaries here; what they absorb on their right is the printer's business.
 */
export function levelOf(node: Proc): number {
  switch (node.kind) {
    case 'Par':
      return LEVEL.par;
    case 'New':
    case 'IfElse':
    case 'SendSync':
      return LEVEL.open;
    case 'Let':
    case 'Match':
    case 'Contract':
    case 'For':
    case 'Bundle':
    case 'Use':
      return LEVEL.block;
    case 'Send':
      return LEVEL.send;
    case 'Binary':
      return BINARY_LEVEL[node.op];
    case 'Method':
    case 'FunctionCall':
      return LEVEL.postfix;
    default:
      return LEVEL.primary;
  }
}
