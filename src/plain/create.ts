import type { Value } from '../data/value.js';
import type { SpaceConfigInput } from '../spaces/config.js';
import type { Bindings, Matcher } from '../spaces/matchers/matcher.js';
import { type Pattern, structuralMatcher } from '../spaces/matchers/structural.js';
import { Space } from '../spaces/space.js';
import type { Theory } from '../spaces/theory.js';
import { DEFAULT_SPACE_ID, type ValueTypes, valueAdapter } from './adapter.js';

/** Options of {@link createSpace}. */
export interface CreateSpaceOptions<P> {
  /** Outer store, inner collection, qualifier and their parameters. */
  config?: SpaceConfigInput;
  /** Prefix of the names this space hands out (default: 32 zero bytes). */
  spaceId?: Uint8Array;
  /** How patterns match data (default: the structural matcher over compiled templates). */
  matcher?: Matcher<P, Value, Bindings>;
  /** Data must satisfy this theory (see `spaces/theory.ts`). */
  theory?: Theory;
}

/**
 * A space over plain `Value`s. With no matcher given, patterns are compiled templates
 * (`compile(['job', bind('id'), _])`) matched structurally; the continuation type is yours.
 */
export function createSpace<K = unknown>(
  options?: Omit<CreateSpaceOptions<Pattern>, 'matcher'>,
): Space<ValueTypes<Pattern, K>>;
export function createSpace<P, K = unknown>(
  options: CreateSpaceOptions<P> & { matcher: Matcher<P, Value, Bindings> },
): Space<ValueTypes<P, K>>;
export function createSpace<P, K>(options: CreateSpaceOptions<P> = {}): Space<ValueTypes<P, K>> {
  const matcher = options.matcher ?? (structuralMatcher as unknown as Matcher<P, Value, Bindings>);
  return new Space<ValueTypes<P, K>>({
    adapter: valueAdapter<P, K>(options.spaceId ?? DEFAULT_SPACE_ID),
    matcher,
    config: options.config,
    theory: options.theory,
  });
}
