/**
 * The checks a space makes before it changes anything: peek positions, theories, and the Seq
 * qualifier's mobility and concurrency rules. Each throws the typed error of its rule.
 */

import {
  InvalidPeekError,
  SeqChannelConcurrencyError,
  SeqChannelNotMobileError,
  TheoryValidationError,
} from './errors.js';
import type { ChannelStore } from './stores/store.js';
import type { Theory } from './theory.js';
import type { ChannelKey, SpaceAdapter, SpaceTypes } from './types.js';

/** Validates peek positions and turns them into a per-position mask (null when nothing is peeked). */
export function peekMask(peeks: Iterable<number>, n: number): boolean[] | null {
  let mask: boolean[] | null = null;
  for (const p of peeks) {
    if (!Number.isInteger(p) || p < 0 || p >= n) throw new InvalidPeekError(p, n);
    mask ??= new Array<boolean>(n).fill(false);
    mask[p] = true;
  }
  return mask;
}

/** A datum the theory rejects: `TheoryValidationError`. */
export function checkTheory<T extends SpaceTypes>(theory: Theory, adapter: SpaceAdapter<T>, datum: T['datum']): void {
  const reason = theory.validate(datum);
  if (reason !== null) throw new TheoryValidationError(theory.name, adapter.describeDatum(datum), reason);
}

/** A Seq space's own names may not travel inside data: `SeqChannelNotMobile`. */
export function checkMobility<T extends SpaceTypes>(adapter: SpaceAdapter<T>, datum: T['datum']): void {
  adapter.channelsIn?.(datum, (c) => {
    if (adapter.names.isOwn(c)) throw new SeqChannelNotMobileError(adapter.describeChannel(c));
  });
}

/** A Seq channel admits one waiting consume at a time: `SeqChannelConcurrency`. */
export function checkConcurrency<T extends SpaceTypes>(
  store: ChannelStore<T>,
  adapter: SpaceAdapter<T>,
  channels: readonly T['channel'][],
  keys: readonly ChannelKey[],
): void {
  for (let i = 0; i < keys.length; i++) {
    const entry = store.get(keys[i]);
    if (entry !== undefined && entry.groups.length > 0) {
      throw new SeqChannelConcurrencyError(adapter.describeChannel(channels[i]));
    }
  }
}
