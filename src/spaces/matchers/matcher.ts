import type { Value } from '../../data/value.js';

/**
 * A matcher decides whether a datum satisfies a pattern. It returns the bindings the match produced,
 * or `null` for no match. Matchers must be pure and must not throw for well-formed inputs:
 * the engine may call them any number of times while it searches for a firing.
 */
export interface Matcher<P, A, B> {
  /** A stable, human-readable name (`ExactMatch`, `WildcardMatch`, `And(ExactMatch, ...)`, ...). */
  readonly name: string;
  match(pattern: P, datum: A): B | null;
}

/** Bindings of named captures made by the structural matcher: capture name → captured value. */
export type Bindings = Readonly<Record<string, Value>>;

/** The shared bindings object of a match that captured nothing. Frozen, so sharing it is safe. */
export const EMPTY_BINDINGS: Bindings = Object.freeze(Object.create(null) as Record<string, Value>);
