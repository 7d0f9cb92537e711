import { equals } from '../../data/compare.js';
import type { Value } from '../../data/value.js';
import { type Bindings, EMPTY_BINDINGS, type Matcher } from './matcher.js';

/**
 * Basic matchers and matcher combinators.
 *
 * Every matcher here is a small class rather than an object literal with closures: the engine calls
 * `match` on its hot path, and monomorphic class instances keep those calls cheap. Matchers that bind
 * nothing return the shared {@link EMPTY_BINDINGS}, so a successful match allocates nothing.
 */

class ExactMatcher<T> implements Matcher<T, T, Bindings> {
  readonly name = 'ExactMatch';
  constructor(private readonly equal: (a: T, b: T) => boolean) {}
  match(pattern: T, datum: T): Bindings | null {
    return this.equal(pattern, datum) ? EMPTY_BINDINGS : null;
  }
}

/**
 * A matcher that matches when the datum equals the pattern. Without an argument it compares
 * {@link Value}s structurally with `equals`; pass a comparator to use it for other types.
 */
export function exactMatcher(): Matcher<Value, Value, Bindings>;
export function exactMatcher<T>(equal: (a: T, b: T) => boolean): Matcher<T, T, Bindings>;
export function exactMatcher<T>(equal?: (a: T, b: T) => boolean): Matcher<T, T, Bindings> {
  return new ExactMatcher<T>(equal ?? (equals as unknown as (a: T, b: T) => boolean));
}

/** The exact matcher for {@link Value}s (structural equality). */
export const exactValueMatcher: Matcher<Value, Value, Bindings> = exactMatcher();

class WildcardMatcher implements Matcher<unknown, unknown, Bindings> {
  readonly name = 'WildcardMatch';
  match(_pattern: unknown, _datum: unknown): Bindings {
    return EMPTY_BINDINGS;
  }
}

/** Matches every datum against every pattern, binding nothing. */
export const wildcardMatcher: Matcher<unknown, unknown, Bindings> = new WildcardMatcher();

class PredicateMatcher<P, A> implements Matcher<P, A, Bindings> {
  constructor(
    private readonly fn: (pattern: P, datum: A) => boolean,
    readonly name: string,
  ) {}
  match(pattern: P, datum: A): Bindings | null {
    return this.fn(pattern, datum) ? EMPTY_BINDINGS : null;
  }
}

/** A matcher from a boolean test; it binds nothing. `name` is what the matcher reports as its name. */
export function predicateMatcher<P, A>(fn: (pattern: P, datum: A) => boolean, name: string): Matcher<P, A, Bindings> {
  return new PredicateMatcher(fn, name);
}

/**
 * The default merge of {@link andMatcher}: the union of both bindings. A name bound by both sides must
 * be bound to structurally equal values, otherwise the conjunction does not match (the same rule as a
 * name repeated in a structural template). Reuses an input when the other is empty, so no allocation
 * happens unless both sides captured something.
 */
export function mergeBindings(a: Bindings, b: Bindings): Bindings | null {
  if (isEmpty(b)) return a;
  if (isEmpty(a)) return b;
  const out: Record<string, Value> = Object.create(null);
  for (const k in a) out[k] = a[k];
  for (const k in b) {
    if (k in out && !equals(out[k], b[k])) return null;
    out[k] = b[k];
  }
  return out;
}

function isEmpty(b: Bindings): boolean {
  if (b === EMPTY_BINDINGS) return true;
  for (const _ in b) return false;
  return true;
}

class AndMatcher<P, A, BA, BB, B> implements Matcher<P, A, B> {
  readonly name: string;
  constructor(
    private readonly a: Matcher<P, A, BA>,
    private readonly b: Matcher<P, A, BB>,
    private readonly merge: (a: BA, b: BB) => B | null,
  ) {
    this.name = `And(${a.name}, ${b.name})`;
  }
  match(pattern: P, datum: A): B | null {
    const ba = this.a.match(pattern, datum);
    if (ba === null) return null;
    const bb = this.b.match(pattern, datum);
    if (bb === null) return null;
    return this.merge(ba, bb);
  }
}

/**
 * Matches iff both matchers match (the second is not consulted when the first fails). The bindings
 * are `merge(ba, bb)`; a merge returning `null` vetoes the match. The default merge is
 * {@link mergeBindings}.
 */
export function andMatcher<P, A>(a: Matcher<P, A, Bindings>, b: Matcher<P, A, Bindings>): Matcher<P, A, Bindings>;
export function andMatcher<P, A, BA, BB, B>(
  a: Matcher<P, A, BA>,
  b: Matcher<P, A, BB>,
  merge: (a: BA, b: BB) => B | null,
): Matcher<P, A, B>;
export function andMatcher<P, A, BA, BB, B>(
  a: Matcher<P, A, BA>,
  b: Matcher<P, A, BB>,
  merge?: (a: BA, b: BB) => B | null,
): Matcher<P, A, B> {
  const m = merge ?? (mergeBindings as unknown as (a: BA, b: BB) => B | null);
  return new AndMatcher(a, b, m);
}

class OrMatcher<P, A, B> implements Matcher<P, A, B> {
  readonly name: string;
  constructor(
    private readonly a: Matcher<P, A, B>,
    private readonly b: Matcher<P, A, B>,
  ) {
    this.name = `Or(${a.name}, ${b.name})`;
  }
  match(pattern: P, datum: A): B | null {
    const ba = this.a.match(pattern, datum);
    return ba !== null ? ba : this.b.match(pattern, datum);
  }
}

/** Matches iff either matcher matches; the bindings are those of the first that matches. */
export function orMatcher<P, A, B>(a: Matcher<P, A, B>, b: Matcher<P, A, B>): Matcher<P, A, B> {
  return new OrMatcher(a, b);
}
