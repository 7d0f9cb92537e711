/**
 * The spatial matcher of Rholang (rholang-surface §4.5; DECISIONS 20: every space uses it).
 *
 * `matchTerm(pattern, value)` returns the values of the pattern's free variables in level order —
 * what `instantiate` takes for the body of a receive or match case — or null. Patterns are terms
 * of the normalized representation: `FreeVar(level)` binds, `Wildcard` accepts anything, a
 * collection's remainder takes what its other members left, `ConnType` tests the kind, `/\`
 * matches every part, `\/` some part and `~` none (the last two bind nothing), and a `Par`
 * pattern matches a multiset of processes. A subterm without pattern constructs (its `pattern`
 * flag is false) is compared by canonical key, so closed data never gets walked.
 *
 * Matching is deterministic: where several assignments exist (sets, maps, Pars), candidates are
 * tried in canonical order and the first complete match wins.
 */

import type { Matcher } from '../../spaces/matchers/matcher.js';
import { termEquals } from '../term/encode.js';
import type { SimpleTypeName } from '../term/nodes-expr.js';
import { EList, NIL, type Remainder } from '../term/nodes-ground.js';
import type { Similarity } from '../term/nodes-proc.js';
import { shift } from '../term/substitute.js';
import type { Term } from '../term/term.js';
import { matchList, matchMap, matchPar, matchSet } from './collections.js';
import { type Cont, MatchState } from './state.js';

/** The values of a pattern's free variables, by level. */
export type TermBindings = readonly Term[];

export interface MatchOptions {
  /**
   * The number of variables the pattern binds (a bind's or case's `freeCount`). The result has
   * exactly this length; a variable the match did not reach (one only under `~` or `\/`) is `Nil`.
   * Without it the result ends at the highest level bound.
   */
  readonly freeCount?: number;
  /**
   * Values for `=x` var-refs still in the pattern, by de Bruijn index (index 0 first). The
   * reducer normally substitutes them before matching; a var-ref with no value here never matches.
   */
  readonly refs?: readonly Term[];
}

/** Matches `value` (a closed term) against `pattern`: the bindings in level order, or null. */
export function matchTerm(pattern: Term, value: Term, options: MatchOptions = {}): TermBindings | null {
  const values: (Term | undefined)[] = [];
  const direct = matchDirect(pattern, value, values);
  if (direct === FAIL) return null;
  if (direct === MATCH) return complete(values, options.freeCount);
  return matchGeneral(pattern, value, options);
}

/**
 * The general matcher alone (continuations and a trail, every construct), without the fast path.
 * @internal Exported for the property test that checks the fast path against it.
 */
export function matchGeneral(pattern: Term, value: Term, options: MatchOptions = {}): TermBindings | null {
  const s = new MatchState(options.refs ?? [], step);
  if (!s.match(pattern, value, 0, () => true)) return null;
  return complete(s.values, options.freeCount);
}

/** The bindings in level order, `Nil` for a level the match did not reach, at least `freeCount` long. */
function complete(values: (Term | undefined)[], freeCount: number | undefined): Term[] {
  const n = Math.max(freeCount ?? 0, values.length);
  const out = new Array<Term>(n);
  for (let i = 0; i < n; i++) out[i] = values[i] ?? NIL;
  return out;
}

const MATCH = 1;
const FAIL = 0;
/** The pattern has a construct the direct matcher leaves to the general one. */
const GENERAL = -1;
type Direct = typeof MATCH | typeof FAIL | typeof GENERAL;

/**
 * The fast path of the commonest patterns — a receive's `[@x, @y]`, a case `[a, _, 0]`: variables,
 * wildcards, simple types and closed subterms, inside lists (with a remainder) and tuples. None of
 * these offers a choice, so one left-to-right pass without continuations, closures or a trail
 * gives exactly what the general matcher gives. No binder is crossed, so every value is met at
 * depth 0. At the first other construct it returns `GENERAL` and the caller starts over with the
 * general matcher; a `FAIL` before that is final, because what came before offered no choice.
 */
function matchDirect(p: Term, v: Term, values: (Term | undefined)[]): Direct {
  if (!p.pattern) return termEquals(p, v) ? MATCH : FAIL;
  switch (p.kind) {
    case 'FreeVar': {
      const old = values[p.level];
      if (old === undefined) {
        values[p.level] = v;
        return MATCH;
      }
      return termEquals(old, v) ? MATCH : FAIL;
    }
    case 'Wildcard':
      return MATCH;
    case 'ConnType':
      return hasType(p.type, v) ? MATCH : FAIL;
    case 'List': {
      if (v.kind !== 'List') return FAIL;
      const ps = p.elements;
      const vs = v.elements;
      const rem = p.remainder;
      if (rem === null ? ps.length !== vs.length : ps.length > vs.length) return FAIL;
      const r = matchDirectAll(ps, vs, values);
      if (r !== MATCH || rem === null || rem.kind === 'Wildcard') return r;
      return matchDirect(rem, new EList(vs.slice(ps.length), null), values);
    }
    case 'Tuple': {
      if (v.kind !== 'Tuple' || p.elements.length !== v.elements.length) return FAIL;
      return matchDirectAll(p.elements, v.elements, values);
    }
    default:
      return GENERAL;
  }
}

function matchDirectAll(ps: readonly Term[], vs: readonly Term[], values: (Term | undefined)[]): Direct {
  for (let i = 0; i < ps.length; i++) {
    const r = matchDirect(ps[i], vs[i], values);
    if (r !== MATCH) return r;
  }
  return MATCH;
}

/** True if `value` matches `pattern` (Rholang's `matches`). */
export function matches(pattern: Term, value: Term, options: MatchOptions = {}): boolean {
  return matchTerm(pattern, value, options) !== null;
}

/**
 * Matches the data of a send against one bind of a receive: `patterns` position by position,
 * the extra data (if the bind has a `...rest` remainder) bound to the remainder as a list.
 */
export function matchData(
  patterns: readonly Term[],
  remainder: Remainder | null,
  data: readonly Term[],
  options: MatchOptions = {},
): TermBindings | null {
  return matchTerm(new EList(patterns, remainder), new EList(data, null), options);
}

/** The engine-facing matcher over normalized terms (pattern, datum → bindings in level order). */
export const rholangMatcher: Matcher<Term, Term, TermBindings> = {
  name: 'RholangMatch',
  match: (pattern, datum) => matchTerm(pattern, datum),
};

/** Whether `v` is a value of the simple type `t`. */
function hasType(t: SimpleTypeName, v: Term): boolean {
  switch (t) {
    case 'Bool':
      return v.kind === 'Bool';
    case 'Int':
      return v.kind === 'Int';
    case 'String':
      return v.kind === 'String';
    case 'Uri':
      return v.kind === 'Uri';
    case 'ByteArray':
      return v.kind === 'Bytes';
  }
}

function sameRemainder(a: Remainder | null, b: Remainder | null): boolean {
  if (a === null || b === null) return a === b;
  return a.kind === b.kind && (a.kind === 'Wildcard' || (b.kind === 'FreeVar' && a.level === b.level));
}

function sameTerms(a: readonly Term[], b: readonly Term[]): boolean {
  return a.length === b.length && a.every((t, i) => termEquals(t, b[i]));
}

/** The terms of a similarity clause, or null if the two clauses differ in shape. */
function similarityTerms(a: Similarity | null, b: Similarity | null): [Term[], Term[]] | null {
  if (a === null || b === null) return a === b ? [[], []] : null;
  if ((a.sim === null) !== (b.sim === null) || (a.rank === null) !== (b.rank === null)) return null;
  if ((a.sim?.length ?? 0) !== (b.sim?.length ?? 0) || (a.rank?.length ?? 0) !== (b.rank?.length ?? 0)) return null;
  return [
    [a.query, ...(a.sim ?? []), ...(a.rank ?? [])],
    [b.query, ...(b.sim ?? []), ...(b.rank ?? [])],
  ];
}

/**
 * One pattern node that has pattern constructs (closed parts were settled by `MatchState.match`).
 * `depth` counts the binders of the pattern (and value) crossed so far; they matter for var-refs
 * and for captures, which must not carry a variable of those binders out.
 */
function step(s: MatchState, p: Term, v: Term, depth: number, k: Cont): boolean {
  switch (p.kind) {
    case 'FreeVar':
      return s.bind(p.level, v, depth) && k();
    case 'Wildcard':
      return k();
    case 'VarRef': {
      // Under binders of the pattern, a var-ref to one of them is the same variable in the value.
      if (p.index < depth) return v.kind === 'BoundVar' && v.index === p.index && k();
      const ref = s.refs[p.index - depth];
      return ref !== undefined && termEquals(shift(ref, depth), v) && k();
    }
    case 'ConnType':
      return hasType(p.type, v) && k();
    case 'ConnNot':
      return !s.test(p.body, v, depth) && k();
    case 'ConnOr':
      return p.parts.some((part) => s.test(part, v, depth)) && k();
    case 'ConnAnd':
      return s.all(
        p.parts,
        p.parts.map(() => v),
        depth,
        k,
      );
    case 'List':
      return v.kind === 'List' && matchList(s, p.elements, p.remainder, v.elements, depth, k);
    case 'Tuple':
      return v.kind === 'Tuple' && p.elements.length === v.elements.length && s.all(p.elements, v.elements, depth, k);
    case 'Set':
      return v.kind === 'Set' && matchSet(s, p, v, depth, k);
    case 'PathMap':
      return v.kind === 'PathMap' && matchSet(s, p, v, depth, k);
    case 'Map':
      return v.kind === 'Map' && matchMap(s, p, v, depth, k);
    case 'Par':
      return matchPar(s, p, v, depth, k);
    default:
      return structural(s, p, v, depth, k);
  }
}

/**
 * Expressions and processes holding pattern constructs (`@{x!(y)}`, `@{for (z <- x) { y }}`):
 * the same node in the value, children matched in place. Patterns of a nested receive, match or
 * `matches` belong to that construct, so they are compared, not matched; the bodies under its
 * binders are matched one binder level deeper.
 */
function structural(s: MatchState, p: Term, v: Term, depth: number, k: Cont): boolean {
  switch (p.kind) {
    case 'Unary':
      return v.kind === 'Unary' && v.op === p.op && s.match(p.operand, v.operand, depth, k);
    case 'Binary':
      return v.kind === 'Binary' && v.op === p.op && s.all([p.left, p.right], [v.left, v.right], depth, k);
    case 'Matches':
      return (
        v.kind === 'Matches' &&
        v.freeCount === p.freeCount &&
        termEquals(p.patternTerm, v.patternTerm) &&
        s.match(p.target, v.target, depth, k)
      );
    case 'Method':
      return (
        v.kind === 'Method' &&
        v.name === p.name &&
        v.args.length === p.args.length &&
        s.all([p.receiver, ...p.args], [v.receiver, ...v.args], depth, k)
      );
    case 'Function':
      return (
        v.kind === 'Function' && v.name === p.name && v.args.length === p.args.length && s.all(p.args, v.args, depth, k)
      );
    case 'Send': {
      if (v.kind !== 'Send' || v.persistent !== p.persistent || v.data.length !== p.data.length) return false;
      if (v.hyperparams.length !== p.hyperparams.length) return false;
      if (p.hyperparams.some((h, i) => h.key !== v.hyperparams[i].key)) return false;
      return s.all(
        [p.channel, ...p.data, ...p.hyperparams.map((h) => h.value)],
        [v.channel, ...v.data, ...v.hyperparams.map((h) => h.value)],
        depth,
        k,
      );
    }
    case 'Receive': {
      if (v.kind !== 'Receive' || v.persistent !== p.persistent || v.bindCount !== p.bindCount) return false;
      if (v.binds.length !== p.binds.length) return false;
      const ps: Term[] = [];
      const vs: Term[] = [];
      for (let i = 0; i < p.binds.length; i++) {
        const a = p.binds[i];
        const b = v.binds[i];
        if (a.freeCount !== b.freeCount || a.peek !== b.peek || !sameRemainder(a.remainder, b.remainder)) return false;
        if (!sameTerms(a.patterns, b.patterns)) return false;
        const sim = similarityTerms(a.similarity, b.similarity);
        if (sim === null) return false;
        ps.push(a.source, ...sim[0]);
        vs.push(b.source, ...sim[1]);
      }
      return s.all(ps, vs, depth, () => s.match(p.body, v.body, depth + p.bindCount, k));
    }
    case 'New': {
      if (v.kind !== 'New' || v.decls.length !== p.decls.length) return false;
      const ps: Term[] = [];
      const vs: Term[] = [];
      for (let i = 0; i < p.decls.length; i++) {
        const a = p.decls[i];
        const b = v.decls[i];
        if (a.uri !== b.uri || (a.space === null) !== (b.space === null)) return false;
        if (a.space !== null && b.space !== null) {
          ps.push(a.space);
          vs.push(b.space);
        }
      }
      return s.all(ps, vs, depth, () => s.match(p.body, v.body, depth + p.decls.length, k));
    }
    case 'Match': {
      if (v.kind !== 'Match' || v.cases.length !== p.cases.length) return false;
      const cases = p.cases;
      if (cases.some((c, i) => c.freeCount !== v.cases[i].freeCount || !termEquals(c.pattern, v.cases[i].pattern))) {
        return false;
      }
      const body = (i: number): boolean =>
        i === cases.length
          ? k()
          : s.match(cases[i].body, v.cases[i].body, depth + cases[i].freeCount, () => body(i + 1));
      return s.match(p.target, v.target, depth, () => body(0));
    }
    case 'Bundle':
      return v.kind === 'Bundle' && v.read === p.read && v.write === p.write && s.match(p.body, v.body, depth, k);
    case 'Use':
      return v.kind === 'Use' && s.all([p.space, p.body], [v.space, v.body], depth, k);
    default:
      // Every other kind never has the pattern flag (ground values, bound variables, `free`).
      return termEquals(p, v) && k();
  }
}
