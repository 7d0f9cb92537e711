/**
 * Substitution of values for bound variables, and the two renumberings it needs.
 *
 * Variables are de Bruijn indices, so substitution cannot capture: a value placed under `d`
 * binders is shifted by `d` (a no-op for closed values, the usual case), and a variable never
 * changes meaning because of a name. Subterms whose `open` shows no variable free at their root
 * are shared, not copied. Nodes are rebuilt through the smart constructors of `build.ts`, so the
 * result is canonical again (a substituted `Par` is re-flattened and re-sorted, a set re-sorted
 * and deduplicated, a join's binds re-sorted).
 */

import { bundle, emap, epathmap, eset, par, receive } from './build.js';
import { ConnAnd, ConnNot, ConnOr, EBinary, EFunction, EMatches, EMethod, EUnary } from './nodes-expr.js';
import { BoundVar, EList, ETuple, VarRef } from './nodes-ground.js';
import { HyperParam, Match, MatchCase, New, NewDecl, ReceiveBind, Send, Similarity, UseBlock } from './nodes-proc.js';
import type { Term } from './term.js';

/** What to put for a variable with index `i` met under `depth` binders (only called when `i >= depth`). */
interface Mapper {
  bound(i: number, depth: number): Term;
  ref(i: number, depth: number): Term;
}

/**
 * Replaces the variables free at the root of `t`: index `i` becomes `env[i]` (shifted under any
 * binders crossed), and an index past the end of `env` becomes `i - env.length` (the binders
 * `env` stood for are gone). `=x` var-refs are replaced the same way, by the value itself.
 */
export function substitute(t: Term, env: readonly Term[]): Term {
  if (env.length === 0 || t.open === 0) return t;
  const n = env.length;
  return rewrite(t, 0, {
    bound: (i, d) => (i - d < n ? shift(env[i - d], d) : new BoundVar(i - n)),
    ref: (i, d) => (i - d < n ? shift(env[i - d], d) : new VarRef(i - n)),
  });
}

/**
 * The body of a binder with the values its variables took, given in binding order (the first
 * name of a `new`, the variables of a receive's binds bind after bind in level order, a match
 * case's in level order): the last value is index 0. With closed values, as the reducer has,
 * the result is closed if the body was closed but for these variables.
 */
export function instantiate(body: Term, values: readonly Term[]): Term {
  return substitute(body, [...values].reverse());
}

/** Adds `by` to every index free at the root of `t` (what placing `t` under `by` binders needs). */
export function shift(t: Term, by: number): Term {
  if (by === 0 || t.open === 0) return t;
  return rewrite(t, 0, {
    bound: (i) => new BoundVar(i + by),
    ref: (i) => new VarRef(i + by),
  });
}

/**
 * Renumbers the innermost `perm.length` variables free at the root of `t`: index `i` becomes
 * `perm[i]`; other indices stay. (Used when the binds of a join are reordered.)
 */
export function renameBound(t: Term, perm: readonly number[]): Term {
  const n = perm.length;
  return rewrite(t, 0, {
    bound: (i, d) => (i - d < n ? new BoundVar(d + perm[i - d]) : new BoundVar(i)),
    ref: (i, d) => (i - d < n ? new VarRef(d + perm[i - d]) : new VarRef(i)),
  });
}

function rewrite(t: Term, d: number, m: Mapper): Term {
  if (t.open <= d) return t;
  switch (t.kind) {
    case 'BoundVar':
      return m.bound(t.index, d);
    case 'VarRef':
      return m.ref(t.index, d);
    case 'List': {
      const es = all(t.elements, d, m);
      return es === t.elements ? t : new EList(es, t.remainder);
    }
    case 'Tuple': {
      const es = all(t.elements, d, m);
      return es === t.elements ? t : new ETuple(es);
    }
    case 'Set': {
      const es = all(t.elements, d, m);
      return es === t.elements ? t : eset(es, t.remainder);
    }
    case 'PathMap': {
      const es = all(t.elements, d, m);
      return es === t.elements ? t : epathmap(es, t.remainder);
    }
    case 'Map': {
      const ks = all(t.keys, d, m);
      const vs = all(t.values, d, m);
      return ks === t.keys && vs === t.values ? t : emap(ks, vs, t.remainder);
    }
    case 'Unary': {
      const o = rewrite(t.operand, d, m);
      return o === t.operand ? t : new EUnary(t.op, o);
    }
    case 'Binary': {
      const l = rewrite(t.left, d, m);
      const r = rewrite(t.right, d, m);
      return l === t.left && r === t.right ? t : new EBinary(t.op, l, r);
    }
    case 'Matches': {
      const target = rewrite(t.target, d, m);
      const pattern = rewrite(t.patternTerm, d, m);
      return target === t.target && pattern === t.patternTerm ? t : new EMatches(target, pattern, t.freeCount);
    }
    case 'Method': {
      const r = rewrite(t.receiver, d, m);
      const as = all(t.args, d, m);
      return r === t.receiver && as === t.args ? t : new EMethod(t.name, r, as);
    }
    case 'Function': {
      const as = all(t.args, d, m);
      return as === t.args ? t : new EFunction(t.name, as);
    }
    case 'ConnNot': {
      const b = rewrite(t.body, d, m);
      return b === t.body ? t : new ConnNot(b);
    }
    case 'ConnAnd': {
      const ps = all(t.parts, d, m);
      return ps === t.parts ? t : new ConnAnd(ps);
    }
    case 'ConnOr': {
      const ps = all(t.parts, d, m);
      return ps === t.parts ? t : new ConnOr(ps);
    }
    case 'Send': {
      const c = rewrite(t.channel, d, m);
      const data = all(t.data, d, m);
      let changed = c !== t.channel || data !== t.data;
      const hs = t.hyperparams.map((h) => {
        const v = rewrite(h.value, d, m);
        if (v === h.value) return h;
        changed = true;
        return new HyperParam(h.key, v);
      });
      return changed ? new Send(c, data, t.persistent, hs) : t;
    }
    case 'Receive': {
      let changed = false;
      const binds = t.binds.map((b) => {
        const nb = rewriteBind(b, d, m);
        if (nb !== b) changed = true;
        return nb;
      });
      const body = rewrite(t.body, d + t.bindCount, m);
      if (!changed && body === t.body) return t;
      return receive(binds, body, t.persistent);
    }
    case 'New': {
      let changed = false;
      const decls = t.decls.map((x) => {
        if (x.space === null) return x;
        const s = rewrite(x.space, d, m);
        if (s === x.space) return x;
        changed = true;
        return new NewDecl(x.uri, s);
      });
      const body = rewrite(t.body, d + t.decls.length, m);
      return changed || body !== t.body ? new New(decls, body) : t;
    }
    case 'Match': {
      const target = rewrite(t.target, d, m);
      let changed = target !== t.target;
      const cases = t.cases.map((c) => {
        const p = rewrite(c.pattern, d, m);
        const b = rewrite(c.body, d + c.freeCount, m);
        if (p === c.pattern && b === c.body) return c;
        changed = true;
        return new MatchCase(p, b, c.freeCount);
      });
      return changed ? new Match(target, cases) : t;
    }
    case 'Bundle': {
      const b = rewrite(t.body, d, m);
      return b === t.body ? t : bundle(b, t.read, t.write);
    }
    case 'Use': {
      const s = rewrite(t.space, d, m);
      const b = rewrite(t.body, d, m);
      return s === t.space && b === t.body ? t : new UseBlock(s, b);
    }
    case 'Par': {
      const ms = all(t.sourceOrder, d, m);
      return ms === t.sourceOrder ? t : par(ms);
    }
    default:
      // Every other kind is closed (open === 0) and was returned above.
      return t;
  }
}

/** `terms` rewritten; the same array when nothing changed. */
function all(terms: readonly Term[], d: number, m: Mapper): readonly Term[] {
  let out: Term[] | null = null;
  for (let i = 0; i < terms.length; i++) {
    const r = rewrite(terms[i], d, m);
    if (out === null && r !== terms[i]) out = terms.slice(0, i);
    if (out !== null) out.push(r);
  }
  return out ?? terms;
}

function rewriteBind(b: ReceiveBind, d: number, m: Mapper): ReceiveBind {
  const source = rewrite(b.source, d, m);
  const patterns = all(b.patterns, d, m);
  let sim = b.similarity;
  if (sim !== null) {
    const q = rewrite(sim.query, d, m);
    const s = sim.sim === null ? null : all(sim.sim, d, m);
    const r = sim.rank === null ? null : all(sim.rank, d, m);
    if (q !== sim.query || s !== sim.sim || r !== sim.rank) sim = new Similarity(s, r, q);
  }
  if (source === b.source && patterns === b.patterns && sim === b.similarity) return b;
  return new ReceiveBind(patterns, b.remainder, source, b.freeCount, b.peek, sim);
}
