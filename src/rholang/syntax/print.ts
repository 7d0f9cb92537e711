/**
 * Pretty-printer: turns a tree back into Rholang that `parse` reads as the same tree (spans
 * aside). Bodies are always printed as `{ … }` blocks, which removes the dangling-`else` and
 * "where does this case end" questions; operands get `( )` (expressions) or `{ }` (processes)
 * exactly where the precedence ladder needs them.
 *
 * Wrapping an operand depends on two things: its own level (precedence.ts), and what its right
 * edge would swallow. A prefix form such as `-x` or `not x` absorbs every later operator above
 * its level (`-x.m()` is `-(x.m())`), so each rendering reports the lowest level it would absorb
 * (`open`) and the caller wraps when the operator that follows is above it.
 */

import type { Bind, HyperParam, Name, Proc, ProcVar, Program, Receipt, Source } from './ast.js';
import { BINARY_LEVEL, isRightAssociative, LEVEL, levelOf } from './precedence.js';

interface Rendered {
  readonly text: string;
  /** Operators of a level above this one, written right after the text, would be absorbed by it. */
  readonly open: number;
}

const CLOSED = 99;
/** Passed as `trailing` where the next token can never continue an expression. */
const NOTHING = -1;
/** `.m()` and a `(` after a variable (function call) both bind at the postfix level. */
const POSTFIX = LEVEL.postfix;

/** Prints a program or a process as Rholang source. Throws on `Error` nodes (trees with syntax errors). */
export function print(node: Program | Proc): string {
  return proc(node.kind === 'Program' ? node.body : node, '');
}

/** A process where any process may stand (delimited by brackets, separators or keywords). */
function proc(node: Proc, ind: string): string {
  return render(node, ind, NOTHING).text;
}

function closed(text: string): Rendered {
  return { text, open: CLOSED };
}

function operand(node: Proc, min: number, trailing: number, ind: string): Rendered {
  const level = levelOf(node);
  if (level < min) return closed(wrap(level, proc(node, ind)));
  const r = render(node, ind, trailing);
  return trailing > r.open ? closed(wrap(level, r.text)) : r;
}

/** Processes are grouped with a block, expressions with parentheses (the only forms the reference grammar allows). */
function wrap(level: number, text: string): string {
  return level < LEVEL.or ? `{ ${text} }` : `(${text})`;
}

function block(body: Proc, ind: string): string {
  const inner = `${ind}  `;
  return `{\n${inner}${proc(body, inner)}\n${ind}}`;
}

function list(items: readonly Proc[], ind: string): string {
  return items.map((x) => proc(x, ind)).join(', ');
}

function withRemainder(items: readonly Proc[], remainder: ProcVar | null, ind: string): string {
  const rest = remainder === null ? '' : `...${remainder.kind === 'Var' ? remainder.name : '_'}`;
  if (items.length === 0) return rest;
  return rest === '' ? list(items, ind) : `${list(items, ind)}, ${rest}`;
}

function render(node: Proc, ind: string, trailing: number): Rendered {
  switch (node.kind) {
    case 'Nil':
      return closed('Nil');
    case 'Bool':
      return closed(node.value ? 'true' : 'false');
    case 'Int':
      return closed(node.value.toString());
    case 'String':
      return closed(`"${node.raw}"`);
    case 'Uri':
      return closed(`\`${node.value}\``);
    case 'Unit':
      return closed('()');
    case 'SimpleType':
      return closed(node.name);
    case 'Var':
      return closed(node.name);
    case 'Wildcard':
      return closed('_');
    case 'List':
      return closed(`[${withRemainder(node.elements, node.remainder, ind)}]`);
    case 'Tuple':
      return closed(node.elements.length === 1 ? `(${proc(node.elements[0], ind)},)` : `(${list(node.elements, ind)})`);
    case 'Set':
      return closed(`Set(${withRemainder(node.elements, node.remainder, ind)})`);
    case 'PathMap':
      return closed(`{| ${withRemainder(node.elements, node.remainder, ind)} |}`);
    case 'Map': {
      const entries = node.entries.map((e) => `${proc(e.key, ind)}: ${proc(e.value, ind)}`);
      if (node.remainder !== null) entries.push(`...${node.remainder.kind === 'Var' ? node.remainder.name : '_'}`);
      return closed(entries.length === 0 ? '{}' : `{${entries.join(', ')}}`);
    }
    case 'Binary': {
      const level = BINARY_LEVEL[node.op];
      const right = isRightAssociative(node.op);
      const l = operand(node.left, right ? level + 1 : level, level, ind);
      const r = operand(node.right, right ? level : level + 1, trailing, ind);
      return { text: `${l.text} ${node.op} ${r.text}`, open: Math.min(right ? level - 1 : level, r.open) };
    }
    case 'Unary': {
      if (node.op === '~') {
        const r = operand(node.operand, LEVEL.primary, trailing, ind);
        return { text: `~${r.text}`, open: Math.min(LEVEL.negation, r.open) };
      }
      const r = operand(node.operand, LEVEL.postfix, trailing, ind);
      // `- 5` and `- -x` keep their space: `-5` is a literal and `--` another operator.
      const first = r.text.charCodeAt(0);
      const sep = node.op === 'not' || first === 45 || (first >= 48 && first <= 57) ? ' ' : '';
      return { text: `${node.op}${sep}${r.text}`, open: Math.min(LEVEL.prefix, r.open) };
    }
    case 'Eval': {
      const r = name(node.name, trailing, ind);
      return { text: `*${r.text}`, open: r.open };
    }
    case 'VarRef':
      return closed(`=${node.deref ? '*' : ''}${node.name}`);
    case 'Method': {
      const receiver = operand(node.receiver, POSTFIX, POSTFIX, ind);
      return closed(`${receiver.text}.${node.name}(${list(node.args, ind)})`);
    }
    case 'FunctionCall':
      return closed(`${node.name}(${list(node.args, ind)})`);
    case 'Free':
      return closed(`free ${node.theory}()`);
    case 'Par':
      return closed(node.procs.map((q) => operand(q, LEVEL.open, NOTHING, ind).text).join(` |\n${ind}`));
    case 'Send':
      return closed(
        `${name(node.channel, NOTHING, ind).text}${node.persistent ? '!!' : '!'}(${inputs(node.args, node.hyperparams, ind)})`,
      );
    case 'SendSync': {
      const head = `${name(node.channel, NOTHING, ind).text}!?(${inputs(node.args, node.hyperparams, ind)})`;
      return node.cont === null ? closed(`${head}.`) : { text: `${head}; ${block(node.cont, ind)}`, open: LEVEL.par };
    }
    case 'New': {
      const decls = node.decls.map((d) => {
        const space = d.space === null ? '' : ` : ${name(d.space, d.uri === null ? NOTHING : POSTFIX, ind).text}`;
        return `${d.name}${space}${d.uri === null ? '' : `(\`${d.uri}\`)`}`;
      });
      return { text: `new ${decls.join(', ')} in ${block(node.body, ind)}`, open: LEVEL.par };
    }
    case 'IfElse': {
      let text = `if (${proc(node.condition, ind)}) ${block(node.then, ind)}`;
      if (node.otherwise !== null) {
        text += ` else ${node.otherwise.kind === 'IfElse' ? proc(node.otherwise, ind) : block(node.otherwise, ind)}`;
      }
      return { text, open: LEVEL.par };
    }
    case 'Let': {
      const decls = node.decls.map((d) =>
        d.kind === 'LetAssign'
          ? `${d.name} = ${proc(d.value, ind)}`
          : `${names(d.names, d.remainder, ind)} <- ${list(d.values, ind)}`,
      );
      return { text: `let ${decls.join(node.concurrent ? ' & ' : '; ')} in ${block(node.body, ind)}`, open: LEVEL.par };
    }
    case 'Match': {
      const inner = `${ind}  `;
      const cases = node.cases.map((c) => `${inner}${pattern(c.pattern, inner)} => ${block(c.body, inner)}`);
      const target = operand(node.target, LEVEL.or, NOTHING, ind).text;
      return closed(`match ${target} {\n${cases.join('\n')}\n${ind}}`);
    }
    case 'Contract': {
      const formals = names(node.formals, node.remainder, ind);
      return closed(`contract ${name(node.name, POSTFIX, ind).text}(${formals}) = ${block(node.body, ind)}`);
    }
    case 'For':
      return closed(`for (${node.receipts.map((r) => receipt(r, ind)).join('; ')}) ${block(node.body, ind)}`);
    case 'Bundle': {
      const keyword = { read: 'bundle-', write: 'bundle+', equiv: 'bundle0', readWrite: 'bundle' }[node.bundle];
      return closed(`${keyword} ${block(node.body, ind)}`);
    }
    case 'Use':
      return closed(`use ${name(node.space, NOTHING, ind).text} ${block(node.body, ind)}`);
    case 'Error':
      throw new Error(`cannot print a tree with syntax errors (error node at offset ${node.span.offset})`);
  }
}

/**
 * A case pattern. After the previous case's `}` a leading `-` or `*` would continue that body as
 * subtraction or multiplication, so such patterns are wrapped.
 */
function pattern(node: Proc, ind: string): string {
  const text = proc(node, ind);
  return text[0] === '-' || text[0] === '*' ? wrap(levelOf(node), text) : text;
}

function name(node: Name, trailing: number, ind: string): Rendered {
  if (node.kind === 'Var') return closed(node.name);
  if (node.kind === 'Wildcard') return closed('_');
  const r = operand(node.proc, LEVEL.quote + 1, trailing, ind);
  return { text: `@${r.text}`, open: Math.min(LEVEL.quote, r.open) };
}

function names(list: readonly Name[], remainder: ProcVar | null, ind: string): string {
  // A following `<=` (level 7) must not be absorbed into the last quoted name.
  const parts = list.map((n) => name(n, LEVEL.comparison, ind).text);
  if (remainder !== null) parts.push(`...@${remainder.kind === 'Var' ? remainder.name : '_'}`);
  return parts.join(', ');
}

function inputs(args: readonly Proc[], hyperparams: readonly HyperParam[] | null, ind: string): string {
  const data = list(args, ind);
  if (hyperparams === null) return data;
  const hyper = hyperparams.map((h) => (h.key === null ? proc(h.value, ind) : `${h.key} = ${proc(h.value, ind)}`));
  return `${data};${hyper.length === 0 ? '' : ` ${hyper.join(', ')}`}`;
}

function receipt(r: Receipt, ind: string): string {
  return r.binds.map((b) => bind(b, ind)).join(' & ');
}

function bind(b: Bind, ind: string): string {
  const lhs = names(b.names, b.remainder, ind);
  const prefix = lhs === '' ? '' : `${lhs} `;
  if (b.kind === 'RepeatedBind') return `${prefix}<= ${name(b.source, NOTHING, ind).text}`;
  if (b.kind === 'PeekBind') return `${prefix}<<- ${name(b.source, NOTHING, ind).text}`;
  let text = `${prefix}<- ${source(b.source, ind)}`;
  const s = b.similarity;
  if (s !== null) {
    if (s.sim !== null) text += ` ~ sim(${list(s.sim, ind)})`;
    if (s.rank !== null) text += ` ~ rank(${list(s.rank, ind)})`;
    text += ` ~ ${operand(s.query, LEVEL.or, NOTHING, ind).text}`;
  }
  return text;
}

function source(s: Source, ind: string): string {
  const channel = name(s.name, NOTHING, ind).text;
  if (s.kind === 'SimpleSource') return channel;
  if (s.kind === 'ReceiveSendSource') return `${channel}?!`;
  return `${channel}!?(${inputs(s.args, s.hyperparams, ind)})`;
}
