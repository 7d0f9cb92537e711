/**
 * Environments of the reducer. Terms keep their de Bruijn indices; an environment holds the
 * values of the variables bound around the term being run, in binding order, so index `i` is
 * `env[env.length - 1 - i]`. Every value in an environment is closed and evaluated, so closing a
 * term over an environment never shifts anything.
 */

import { substitute } from '../term/substitute.js';
import type { Term } from '../term/term.js';

export type Env = readonly Term[];

export const EMPTY_ENV: Env = [];

/** The value of de Bruijn index `index`. */
export function lookup(env: Env, index: number): Term {
  return env[env.length - 1 - index];
}

/** `env` extended with `values` (bound in that order; the last one becomes index 0). */
export function extend(env: Env, values: readonly Term[]): Env {
  const m = values.length;
  if (m === 0) return env;
  const n = env.length;
  if (n === 0) return values;
  // A copy loop: `concat` on these short arrays costs several times more.
  const out = new Array<Term>(n + m);
  for (let i = 0; i < n; i++) out[i] = env[i];
  for (let i = 0; i < m; i++) out[n + i] = values[i];
  return out;
}

/** `t` with the variables free at its root replaced by their values: a closed term. */
export function close(t: Term, env: Env): Term {
  const n = t.open;
  if (n === 0) return t;
  // Only the innermost `n` variables can occur: pass them index 0 first, as `substitute` wants.
  const inner = new Array<Term>(n);
  const last = env.length - 1;
  for (let i = 0; i < n; i++) inner[i] = env[last - i];
  return substitute(t, inner);
}
