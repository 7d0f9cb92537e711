/**
 * The two facts every node computes once, at construction, from its children:
 *
 * - `open`: 1 + the largest de Bruijn index that occurs free in the term (0 for a closed term).
 *   Substitution skips every subterm whose `open` is not above the number of binders it crossed,
 *   so closed data (the common case) is never copied.
 * - `pattern`: whether the term holds constructs of the pattern it belongs to (free variables,
 *   wildcards, var-refs, connectives, remainders). A term without them is matched by equality of
 *   keys; a term with them needs the spatial matcher. The patterns of a nested receive, match or
 *   `matches` belong to *that* construct and do not count.
 */

import type { Term } from './term.js';

/** The `open` of several terms. */
export function openOf(terms: readonly Term[]): number {
  let open = 0;
  for (let i = 0; i < terms.length; i++) if (terms[i].open > open) open = terms[i].open;
  return open;
}

/** The `open` of a term seen from outside `binders` binders (what the binders capture is no longer free). */
export function openUnder(term: Term, binders: number): number {
  return term.open > binders ? term.open - binders : 0;
}

/** True if any of `terms` is pattern-ish. */
export function patternOf(terms: readonly Term[]): boolean {
  for (let i = 0; i < terms.length; i++) if (terms[i].pattern) return true;
  return false;
}
