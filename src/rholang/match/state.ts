/**
 * The mutable state of one match: the values bound so far to the pattern's free variables, and a
 * trail of the levels bound, so that a failed alternative can be undone exactly (the matcher
 * backtracks over set, map and Par assignments, and a later failure must release the bindings an
 * earlier choice made).
 *
 * Matching is written in continuation-passing style: `match(p, v, depth, k)` matches `p` against
 * `v` and then calls `k` for "the rest of the match"; it returns true only if `k` succeeded too.
 * That makes backtracking complete: when a choice inside a set lets its element match but makes a
 * sibling fail later, the loop that made the choice sees `false` and tries the next candidate.
 */

import { termEquals } from '../term/encode.js';
import type { Term } from '../term/term.js';

/** What to do once a part of the pattern matched; true if the whole match then succeeded. */
export type Cont = () => boolean;

/** Dispatches one pattern node (implemented in `match.ts`, passed in to keep imports acyclic). */
export type Step = (s: MatchState, p: Term, v: Term, depth: number, k: Cont) => boolean;

export class MatchState {
  /** The value of each free variable by level; `undefined` while unbound. */
  readonly values: (Term | undefined)[] = [];
  /** Values for `=x` var-refs still left in the pattern: de Bruijn index → value (index 0 first). */
  readonly refs: readonly Term[];
  private readonly trail: number[] = [];
  private readonly step: Step;

  constructor(refs: readonly Term[], step: Step) {
    this.refs = refs;
    this.step = step;
  }

  /**
   * Binds `level` to `v`, or checks `v` against the value it already has (a variable repeated in
   * one pattern must see equal values). `depth` counts the binders of the value crossed to reach
   * `v`: a subterm with a variable free under them refers to those binders and cannot leave them.
   */
  bind(level: number, v: Term, depth: number): boolean {
    if (depth > 0 && v.open > 0) return false;
    const old = this.values[level];
    if (old !== undefined) return termEquals(old, v);
    this.values[level] = v;
    this.trail.push(level);
    return true;
  }

  /** Matches `p` against `v`, then runs `k`; on failure every binding made meanwhile is undone. */
  match(p: Term, v: Term, depth: number, k: Cont): boolean {
    // A term without pattern constructs can only match an equal term (keys are cached, so cheap).
    if (!p.pattern) return termEquals(p, v) && k();
    return this.attempt(() => this.step(this, p, v, depth, k));
  }

  /** Runs `f`; if it fails, undoes the bindings it made (so the caller may try an alternative). */
  attempt(f: () => boolean): boolean {
    const mark = this.trail.length;
    if (f()) return true;
    this.undo(mark);
    return false;
  }

  /**
   * Whether `p` matches `v` on its own, keeping no bindings (`~` and `\/` bind nothing). Variables
   * bound before still constrain the test.
   */
  test(p: Term, v: Term, depth: number): boolean {
    const mark = this.trail.length;
    const ok = this.match(p, v, depth, () => true);
    this.undo(mark);
    return ok;
  }

  /** Matches the pairs `ps[i]`/`vs[i]` from `i` on, left to right, then runs `k`. */
  all(ps: readonly Term[], vs: readonly Term[], depth: number, k: Cont, i = 0): boolean {
    if (i === ps.length) return k();
    return this.match(ps[i], vs[i], depth, () => this.all(ps, vs, depth, k, i + 1));
  }

  private undo(mark: number): void {
    while (this.trail.length > mark) {
      const level = this.trail.pop();
      if (level !== undefined) this.values[level] = undefined;
    }
  }
}
