/**
 * Expression and connective nodes: operators, `matches`, method and function calls, the theory
 * marker, and the logical connectives and simple types that only patterns may hold.
 */

import { openOf, patternOf } from './meta.js';
import { TermNode } from './node.js';
import type { Term } from './term.js';

/** Unary operators: arithmetic negation `-P` and boolean `not P`. */
export type UnaryOperator = 'neg' | 'not';

/** Binary operators (`matches` is {@link EMatches}; `/\` and `\/` are connectives). */
export type BinaryOperator =
  | '+'
  | '-'
  | '*'
  | '/'
  | '%'
  | '++'
  | '--'
  | '%%'
  | '<'
  | '<='
  | '>'
  | '>='
  | '=='
  | '!='
  | 'and'
  | 'or';

/** Every binary operator, in the order of their encoding codes. */
export const BINARY_OPERATORS: readonly BinaryOperator[] = [
  '+',
  '-',
  '*',
  '/',
  '%',
  '++',
  '--',
  '%%',
  '<',
  '<=',
  '>',
  '>=',
  '==',
  '!=',
  'and',
  'or',
];

export class EUnary extends TermNode {
  readonly kind = 'Unary' as const;
  readonly op: UnaryOperator;
  readonly operand: Term;
  constructor(op: UnaryOperator, operand: Term) {
    super(operand.open, operand.pattern);
    this.op = op;
    this.operand = operand;
  }
}

export class EBinary extends TermNode {
  readonly kind = 'Binary' as const;
  readonly op: BinaryOperator;
  readonly left: Term;
  readonly right: Term;
  constructor(op: BinaryOperator, left: Term, right: Term) {
    super(Math.max(left.open, right.open), left.pattern || right.pattern);
    this.op = op;
    this.left = left;
    this.right = right;
  }
}

/**
 * `target matches pattern`. The pattern's free variables (`freeCount` of them) belong to it
 * alone: they bind nothing outside, so they do not make the `matches` a pattern.
 */
export class EMatches extends TermNode {
  readonly kind = 'Matches' as const;
  readonly target: Term;
  readonly patternTerm: Term;
  readonly freeCount: number;
  constructor(target: Term, patternTerm: Term, freeCount: number) {
    super(Math.max(target.open, patternTerm.open), target.pattern);
    this.target = target;
    this.patternTerm = patternTerm;
    this.freeCount = freeCount;
  }
}

/** `receiver.name(args)`. */
export class EMethod extends TermNode {
  readonly kind = 'Method' as const;
  readonly name: string;
  readonly receiver: Term;
  readonly args: readonly Term[];
  constructor(name: string, receiver: Term, args: readonly Term[]) {
    super(Math.max(receiver.open, openOf(args)), receiver.pattern || patternOf(args));
    this.name = name;
    this.receiver = receiver;
    this.args = args;
  }
}

/** A built-in function call `name(args)` (only `getSpaceAgent` exists). */
export class EFunction extends TermNode {
  readonly kind = 'Function' as const;
  readonly name: string;
  readonly args: readonly Term[];
  constructor(name: string, args: readonly Term[]) {
    super(openOf(args), patternOf(args));
    this.name = name;
    this.args = args;
  }
}

/** The theory marker `free Nat()`. */
export class EFree extends TermNode {
  readonly kind = 'Free' as const;
  readonly theory: string;
  constructor(theory: string) {
    super(0, false);
    this.theory = theory;
  }
}

/** `~P` in a pattern: matches what `P` does not. */
export class ConnNot extends TermNode {
  readonly kind = 'ConnNot' as const;
  readonly body: Term;
  constructor(body: Term) {
    super(body.open, true);
    this.body = body;
  }
}

/** `P /\ Q /\ ...` in a pattern (nested conjunctions are flattened, order kept). */
export class ConnAnd extends TermNode {
  readonly kind = 'ConnAnd' as const;
  readonly parts: readonly Term[];
  constructor(parts: readonly Term[]) {
    super(openOf(parts), true);
    this.parts = parts;
  }
}

/** `P \/ Q \/ ...` in a pattern (nested disjunctions are flattened, order kept). */
export class ConnOr extends TermNode {
  readonly kind = 'ConnOr' as const;
  readonly parts: readonly Term[];
  constructor(parts: readonly Term[]) {
    super(openOf(parts), true);
    this.parts = parts;
  }
}

/** The simple types usable as patterns. */
export type SimpleTypeName = 'Bool' | 'Int' | 'String' | 'Uri' | 'ByteArray';
export const SIMPLE_TYPES: readonly SimpleTypeName[] = ['Bool', 'Int', 'String', 'Uri', 'ByteArray'];

/** A simple type in a pattern: `Int` matches every integer. */
export class ConnType extends TermNode {
  readonly kind = 'ConnType' as const;
  readonly type: SimpleTypeName;
  constructor(type: SimpleTypeName) {
    super(0, true);
    this.type = type;
  }
}
