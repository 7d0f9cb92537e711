/**
 * Expression evaluation: a term in data or expression position, with its environment, becomes a
 * value (a closed term with no expression left at its top level). Literals and names are values
 * already; variables take their values; collections evaluate their elements; operators and
 * methods compute. Processes in data (`ch!(for (x <- y) { P })`, `@{P}`) are closed but not run,
 * and a parallel composition evaluates only its expression members — as the reference does.
 */

import { matchTerm } from '../match/match.js';
import { emap, epathmap, eset, FALSE, par, TRUE } from '../term/build.js';
import { EList, ETuple } from '../term/nodes-ground.js';
import type { Term } from '../term/term.js';
import { callMethod } from '../values/methods.js';
import { applyBinary, applyUnary } from '../values/operators.js';
import { show } from '../values/value.js';
import type { ExprCosts } from './costs.js';
import { close, type Env, lookup } from './env.js';
import { RhoRuntimeError } from './errors.js';

/** What evaluation needs around it: the charges of each step, and the built-in functions. */
export interface ExprContext extends ExprCosts {
  /** Calls a built-in function (`getSpaceAgent`) on evaluated arguments. */
  call(name: string, args: readonly Term[]): Term;
}

/** Evaluates `t` (data, a channel, an operand) over `env`. */
export function evaluate(t: Term, env: Env, ctx: ExprContext): Term {
  switch (t.kind) {
    case 'Nil':
    case 'Bool':
    case 'Int':
    case 'String':
    case 'Uri':
    case 'Bytes':
    case 'Unforgeable':
      return t;
    case 'BoundVar':
      return lookup(env, t.index);
    case 'List': {
      const es = all(t.elements, env, ctx);
      return es === t.elements ? t : new EList(es, null);
    }
    case 'Tuple': {
      const es = all(t.elements, env, ctx);
      return es === t.elements ? t : new ETuple(es);
    }
    case 'Set': {
      const es = all(t.elements, env, ctx);
      return es === t.elements ? t : eset(es);
    }
    case 'PathMap': {
      const es = all(t.elements, env, ctx);
      return es === t.elements ? t : epathmap(es);
    }
    case 'Map': {
      const ks = all(t.keys, env, ctx);
      const vs = all(t.values, env, ctx);
      return ks === t.keys && vs === t.values ? t : emap(ks, vs);
    }
    case 'Unary': {
      const v = evaluate(t.operand, env, ctx);
      ctx.unary(t.op);
      return applyUnary(t.op, v);
    }
    case 'Binary': {
      const a = evaluate(t.left, env, ctx);
      const b = evaluate(t.right, env, ctx);
      ctx.binary(t.op, a, b);
      return applyBinary(t.op, a, b);
    }
    case 'Method': {
      const receiver = evaluate(t.receiver, env, ctx);
      const args = all(t.args, env, ctx);
      const result = callMethod(t.name, receiver, args);
      ctx.method(t.name, receiver, args);
      return result;
    }
    case 'Matches': {
      const target = evaluate(t.target, env, ctx);
      const pattern = close(t.patternTerm, env);
      ctx.matches(target, pattern);
      return matchTerm(pattern, target, { freeCount: t.freeCount }) === null ? FALSE : TRUE;
    }
    case 'Par': {
      // Only the expression members compute; process members are closed, not run.
      let changed = false;
      const ms = t.sourceOrder.map((m) => {
        const v = isExpression(m) ? evaluate(m, env, ctx) : close(m, env);
        if (v !== m) changed = true;
        return v;
      });
      return changed ? par(ms) : t;
    }
    case 'Function':
      return ctx.call(t.name, all(t.args, env, ctx));
    case 'Free':
      // A theory marker is a value: factories read it.
      return t;
    default:
      if (isProcess(t)) return close(t, env);
      throw new RhoRuntimeError('NotAValue', `a pattern (${show(t)}) cannot be evaluated as a value`);
  }
}

/** True for process terms other than `Nil` (what `*x` and a method in process position may run). */
export function isProcess(t: Term): boolean {
  switch (t.kind) {
    case 'Send':
    case 'Receive':
    case 'New':
    case 'Match':
    case 'Bundle':
    case 'Use':
    case 'Par':
      return true;
    default:
      return false;
  }
}

/** True for the terms that compute something when evaluated (operators, methods, `matches`). */
export function isExpression(t: Term): boolean {
  switch (t.kind) {
    case 'Unary':
    case 'Binary':
    case 'Method':
    case 'Matches':
    case 'Function':
    case 'BoundVar':
      return true;
    default:
      return false;
  }
}

/** The elements evaluated; the same array when none changed. */
function all(ts: readonly Term[], env: Env, ctx: ExprContext): readonly Term[] {
  let out: Term[] | null = null;
  for (let i = 0; i < ts.length; i++) {
    const v = evaluate(ts[i], env, ctx);
    if (out === null) {
      if (v === ts[i]) continue;
      out = ts.slice(0, i);
    }
    out.push(v);
  }
  return out ?? ts;
}
