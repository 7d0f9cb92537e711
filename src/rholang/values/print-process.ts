/**
 * Printing of process terms (data may be processes), as one line of Rholang that parses back to
 * the same term: `for (x0, @x1 <- @"ch") { x0!(x1 + 1) }`, `new x0 in { x0!(Nil) }`.
 *
 * De Bruijn variables get names from their binding depth: the binder of the outermost variable in
 * scope is `x0`, the next `x1`, and so on, so the same value always prints the same way. A variable
 * bound as a name (by `new`, or as a whole receive pattern) prints as `x0` in channel position and
 * `*x0` as a process; one bound as a process prints as `x0`, and `@x0` as a channel.
 */

import type { ReceiveBind, Term } from '../term/index.js';
import { list, printTerm } from './print.js';

type Sort = 'name' | 'proc';

/** The pattern being printed: its variables are named from `base`; `sorts` records how each is used. */
interface PatternScope {
  readonly base: number;
  readonly sorts: Sort[];
}

/**
 * Naming state: the variables in scope (innermost last), the pattern being printed (if any), and
 * the number of the next fresh variable (past every variable in scope, and past the variables of
 * the pattern being printed, so a binder inside a pattern cannot reuse their names).
 */
export interface Scope {
  readonly vars: readonly { readonly name: string; readonly sort: Sort }[];
  readonly pattern: PatternScope | null;
  readonly next: number;
}

export const TOP: Scope = { vars: [], pattern: null, next: 0 };

const ATOMIC = new Set<string>([
  'Nil',
  'Bool',
  'Int',
  'String',
  'Uri',
  'Bytes',
  'Unforgeable',
  'List',
  'Tuple',
  'Set',
  'Map',
  'PathMap',
  'BoundVar',
  'FreeVar',
  'Wildcard',
  'VarRef',
  'Method',
  'Function',
  'Free',
  'ConnType',
  'ConnNot',
]);

function atom(t: Term, scope: Scope): string {
  const s = printTerm(t, scope);
  return ATOMIC.has(t.kind) && !(t.kind === 'Int' && t.value < 0n) ? s : `(${s})`;
}

function bound(index: number, scope: Scope): { name: string; sort: Sort } {
  const v = scope.vars[scope.vars.length - 1 - index];
  return v ?? { name: `#${index - scope.vars.length}`, sort: 'proc' };
}

function free(level: number, sort: Sort, scope: Scope): string {
  const p = scope.pattern;
  if (p === null) return `#free${level}`;
  p.sorts[level] ??= sort;
  return `x${p.base + level}`;
}

/** A term in channel position. */
function channel(t: Term, scope: Scope): string {
  switch (t.kind) {
    case 'BoundVar': {
      const v = bound(t.index, scope);
      return v.sort === 'name' ? v.name : `@${v.name}`;
    }
    case 'FreeVar':
      return free(t.level, 'name', scope);
    case 'Wildcard':
      return '_';
    default: {
      const s = printTerm(t, scope);
      return ATOMIC.has(t.kind) && t.kind !== 'Method' ? `@${s}` : `@{${s}}`;
    }
  }
}

/**
 * Runs `f` in a new pattern whose `count` variables are named from `base`; returns the text and
 * how each variable was used.
 */
function inPattern(
  scope: Scope,
  base: number,
  count: number,
  f: (s: Scope) => string,
): { text: string; sorts: Sort[] } {
  const sorts: Sort[] = [];
  const text = f({ vars: scope.vars, pattern: { base, sorts }, next: Math.max(scope.next, base + count) });
  return { text, sorts };
}

/** `scope` with `count` variables named from `base` pushed (used as `sorts` says). */
function withVars(scope: Scope, base: number, sorts: readonly Sort[], count: number): Scope {
  const vars = [...scope.vars];
  for (let i = 0; i < count; i++) vars.push({ name: `x${base + i}`, sort: sorts[i] ?? 'proc' });
  return { vars, pattern: scope.pattern, next: Math.max(scope.next, base + count) };
}

function block(t: Term, scope: Scope): string {
  return `{ ${printTerm(t, scope)} }`;
}

export function printProcess(t: Term, scope: Scope): string {
  switch (t.kind) {
    case 'BoundVar': {
      const v = bound(t.index, scope);
      return v.sort === 'name' ? `*${v.name}` : v.name;
    }
    case 'FreeVar':
      return free(t.level, 'proc', scope);
    case 'Wildcard':
      return '_';
    case 'VarRef': {
      const v = bound(t.index, scope);
      return v.sort === 'name' ? `=*${v.name}` : `=${v.name}`;
    }
    case 'Unary': {
      if (t.op === 'not') return `not ${atom(t.operand, scope)}`;
      // `-` against a digit would read back as a negative literal: `-(1)`, `-(0.length())`.
      const operand = atom(t.operand, scope);
      return /^[0-9]/.test(operand) ? `-(${operand})` : `-${operand}`;
    }
    case 'Binary':
      return `${atom(t.left, scope)} ${t.op} ${atom(t.right, scope)}`;
    case 'Matches': {
      const p = inPattern(scope, scope.next, t.freeCount, (s) => atom(t.patternTerm, s));
      return `${atom(t.target, scope)} matches ${p.text}`;
    }
    case 'Method':
      return `${atom(t.receiver, scope)}.${t.name}(${list(t.args, scope)})`;
    case 'Function':
      return `${t.name}(${list(t.args, scope)})`;
    case 'Free':
      return `free ${t.theory}()`;
    case 'ConnNot':
      return `~${atom(t.body, scope)}`;
    case 'ConnAnd':
      return t.parts.map((p) => atom(p, scope)).join(' /\\ ');
    case 'ConnOr':
      return t.parts.map((p) => atom(p, scope)).join(' \\/ ');
    case 'ConnType':
      return t.type;
    case 'Send': {
      const hyper = t.hyperparams.map((h) => (h.key === null ? '' : `${h.key}=`) + printTerm(h.value, scope));
      const args = list(t.data, scope) + (hyper.length === 0 ? '' : `; ${hyper.join(', ')}`);
      return `${channel(t.channel, scope)}${t.persistent ? '!!' : '!'}(${args})`;
    }
    case 'Receive':
      return printReceive(t.binds, t.body, t.persistent, scope);
    case 'New': {
      const n = t.decls.length;
      const inner = withVars(scope, scope.next, new Array<Sort>(n).fill('name'), n);
      const decls = t.decls.map((d, i) => {
        const space = d.space === null ? '' : ` : ${channel(d.space, scope)}`;
        const uri = d.uri === null ? '' : `(\`${d.uri}\`)`;
        return `x${scope.next + i}${space}${uri}`;
      });
      return `new ${decls.join(', ')} in ${block(t.body, inner)}`;
    }
    case 'Match': {
      const cases = t.cases.map((c) => {
        const p = inPattern(scope, scope.next, c.freeCount, (s) => printTerm(c.pattern, s));
        return `${p.text} => ${block(c.body, withVars(scope, scope.next, p.sorts, c.freeCount))}`;
      });
      return `match ${atom(t.target, scope)} { ${cases.join(' ')} }`;
    }
    case 'Bundle': {
      const flag = t.read ? (t.write ? '' : '-') : t.write ? '+' : '0';
      return `bundle${flag} ${block(t.body, scope)}`;
    }
    case 'Use':
      return `use ${channel(t.space, scope)} ${block(t.body, scope)}`;
    case 'Par':
      return t.members.map((m) => (m.kind === 'Par' ? `(${printTerm(m, scope)})` : printTerm(m, scope))).join(' | ');
    default:
      // Ground values and collections are printed by `printTerm`.
      return printTerm(t, scope);
  }
}

function printReceive(binds: readonly ReceiveBind[], body: Term, persistent: boolean, scope: Scope): string {
  const arrow = (b: ReceiveBind): string => (persistent ? '<=' : b.peek ? '<<-' : '<-');
  const sorts: Sort[] = [];
  const first = scope.next;
  const total = binds.reduce((n, b) => n + b.freeCount, 0);
  let base = first;
  const parts = binds.map((b) => {
    const p = inPattern({ ...scope, next: first + total }, base, b.freeCount, (s) => {
      const names = b.patterns.map((x) => channel(x, s));
      if (b.remainder !== null) names.push(`...@${printTerm(b.remainder, s)}`);
      return names.join(', ');
    });
    for (let i = 0; i < b.freeCount; i++) sorts.push(p.sorts[i] ?? 'proc');
    base += b.freeCount;
    let text = `${p.text}${p.text === '' ? '' : ' '}${arrow(b)} ${channel(b.source, scope)}`;
    const sim = b.similarity;
    if (sim !== null) {
      if (sim.sim !== null) text += ` ~ sim(${list(sim.sim, scope)})`;
      if (sim.rank !== null) text += ` ~ rank(${list(sim.rank, scope)})`;
      text += ` ~ ${atom(sim.query, scope)}`;
    }
    return text;
  });
  return `for (${parts.join(' & ')}) ${block(body, withVars(scope, first, sorts, total))}`;
}
