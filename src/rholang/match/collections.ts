/**
 * Matching of collections and of parallel compositions: lists with a remainder, sets and PathMaps
 * (order-independent, with a remainder), maps (by key, with a remainder) and Par multisets.
 *
 * Sets, maps and Pars share one scheme. Pattern members without pattern constructs are looked up
 * (they can only match an equal member, so taking it is never a wrong choice). The other members
 * are assigned injectively to the remaining value members by backtracking, candidates tried in
 * canonical order — the first assignment found is the canonical one, which keeps matching
 * deterministic. What no pattern member took goes to the remainder.
 */

import { emap, epathmap, eset, par } from '../term/build.js';
import { keyOf } from '../term/encode.js';
import { EList, type EMap, type EPathMap, type ESet, NIL, type Remainder } from '../term/nodes-ground.js';
import type { Par } from '../term/nodes-proc.js';
import type { Term } from '../term/term.js';
import type { Cont, MatchState } from './state.js';

/** Binds a remainder to what was left over (built lazily: a wildcard or no remainder needs nothing). */
function bindRest(s: MatchState, rem: Remainder | null, rest: () => Term, depth: number, k: Cont): boolean {
  if (rem === null) return k();
  if (rem.kind === 'Wildcard') return k();
  return s.bind(rem.level, rest(), depth) && k();
}

/** `[p0, p1, ...rest]` against a list: a prefix matched position by position, the rest as a list. */
export function matchList(
  s: MatchState,
  ps: readonly Term[],
  rem: Remainder | null,
  vs: readonly Term[],
  depth: number,
  k: Cont,
): boolean {
  if (rem === null ? ps.length !== vs.length : ps.length > vs.length) return false;
  return s.all(ps, vs, depth, () => bindRest(s, rem, () => new EList(vs.slice(ps.length), null), depth, k));
}

/**
 * Takes the members of `vs` equal to the closed members of `ps` (marking them in `used`) and
 * returns the pattern members left to assign, or null if a closed member has no partner.
 * Works on multisets: each closed pattern member takes one unused equal member.
 */
function takeClosed(ps: readonly Term[], vs: readonly Term[], used: boolean[]): Term[] | null {
  const byKey = new Map<string, number[]>();
  for (let j = vs.length - 1; j >= 0; j--) {
    const key = keyOf(vs[j]);
    const list = byKey.get(key);
    if (list === undefined) byKey.set(key, [j]);
    else list.push(j);
  }
  const open: Term[] = [];
  for (const p of ps) {
    if (p.pattern) {
      open.push(p);
      continue;
    }
    const j = byKey.get(keyOf(p))?.pop();
    if (j === undefined) return null;
    used[j] = true;
  }
  return open;
}

/**
 * Assigns `ps[i..]` injectively to the unused members of `vs` (trying them in order), then runs
 * `k`. `pair` matches one pattern member against one value member index.
 */
function assign(
  s: MatchState,
  ps: readonly Term[],
  n: number,
  used: boolean[],
  pair: (p: Term, j: number, k: Cont) => boolean,
  k: Cont,
  i = 0,
): boolean {
  if (i === ps.length) return k();
  for (let j = 0; j < n; j++) {
    if (used[j]) continue;
    used[j] = true;
    if (s.attempt(() => pair(ps[i], j, () => assign(s, ps, n, used, pair, k, i + 1)))) return true;
    used[j] = false;
  }
  return false;
}

function unusedOf<T>(xs: readonly T[], used: readonly boolean[]): T[] {
  const out: T[] = [];
  for (let j = 0; j < xs.length; j++) if (!used[j]) out.push(xs[j]);
  return out;
}

/** A set or PathMap pattern against a value of the same kind. */
export function matchSet<S extends ESet | EPathMap>(s: MatchState, p: S, v: S, depth: number, k: Cont): boolean {
  const ps = p.elements;
  const vs = v.elements;
  if (p.remainder === null ? ps.length !== vs.length : ps.length > vs.length) return false;
  const used = new Array<boolean>(vs.length).fill(false);
  const open = takeClosed(ps, vs, used);
  if (open === null) return false;
  const rebuild = p.kind === 'Set' ? eset : epathmap;
  return assign(
    s,
    open,
    vs.length,
    used,
    (pe, j, next) => s.match(pe, vs[j], depth, next),
    () => bindRest(s, p.remainder, () => rebuild(unusedOf(vs, used)), depth, k),
  );
}

/** A map pattern against a map: entries by key (closed keys looked up, others assigned), rest to the remainder. */
export function matchMap(s: MatchState, p: EMap, v: EMap, depth: number, k: Cont): boolean {
  if (p.remainder === null ? p.keys.length !== v.keys.length : p.keys.length > v.keys.length) return false;
  const index = new Map<string, number>();
  for (let j = 0; j < v.keys.length; j++) index.set(keyOf(v.keys[j]), j);
  const used = new Array<boolean>(v.keys.length).fill(false);
  // Entries with a closed key pair with the value's entry of that key; their values match in order.
  const fixedP: Term[] = [];
  const fixedV: Term[] = [];
  const openEntries: number[] = [];
  for (let i = 0; i < p.keys.length; i++) {
    if (p.keys[i].pattern) {
      openEntries.push(i);
      continue;
    }
    const j = index.get(keyOf(p.keys[i]));
    if (j === undefined) return false;
    used[j] = true;
    fixedP.push(p.values[i]);
    fixedV.push(v.values[j]);
  }
  const finish: Cont = () =>
    bindRest(s, p.remainder, () => emap(unusedOf(v.keys, used), unusedOf(v.values, used)), depth, k);
  // Entries with a pattern key: `assign` works on the keys, each looking up its own value (keys are distinct).
  const openKeys = openEntries.map((i) => p.keys[i]);
  const patternValue = new Map<Term, Term>(openEntries.map((i) => [p.keys[i], p.values[i]]));
  return s.all(fixedP, fixedV, depth, () =>
    assign(
      s,
      openKeys,
      v.keys.length,
      used,
      (pk, j, next) =>
        s.match(pk, v.keys[j], depth, () => s.match(patternValue.get(pk) ?? NIL, v.values[j], depth, next)),
      finish,
    ),
  );
}

/** The members of a value seen as a multiset of processes: `Nil` is empty, a non-Par one member. */
export function membersOf(v: Term): readonly Term[] {
  if (v.kind === 'Par') return v.members;
  if (v.kind === 'Nil') return [];
  return [v];
}

/**
 * A Par pattern against any process. Members that are free variables or `_` absorb the rest:
 * the other members each match one value member (injectively), and what is left goes to the
 * first free-variable member in canonical order (as a Par; `Nil` if nothing is left), the other
 * free-variable members getting `Nil`. Without such members nothing may be left.
 */
export function matchPar(s: MatchState, p: Par, v: Term, depth: number, k: Cont): boolean {
  const vs = membersOf(v);
  const specific: Term[] = [];
  const absorbers: Term[] = [];
  for (const m of p.members) {
    if (m.kind === 'FreeVar' || m.kind === 'Wildcard') absorbers.push(m);
    else specific.push(m);
  }
  if (absorbers.length === 0 ? specific.length !== vs.length : specific.length > vs.length) return false;
  const used = new Array<boolean>(vs.length).fill(false);
  const open = takeClosed(specific, vs, used);
  if (open === null) return false;
  const finish: Cont = () => {
    const rest = unusedOf(vs, used);
    if (absorbers.length === 0) return rest.length === 0 && k();
    let first = true;
    for (const a of absorbers) {
      if (a.kind !== 'FreeVar') continue;
      if (!s.bind(a.level, first ? par(rest) : NIL, depth)) return false;
      first = false;
    }
    return k();
  };
  return assign(s, open, vs.length, used, (pm, j, next) => s.match(pm, vs[j], depth, next), finish);
}
