/** Helpers over channel keys: repeated channels in a join, and the key of a join's channel set. */
import type { ChannelKey } from './types.js';

/** True if some key appears twice (a join that names a channel twice). */
export function hasRepeats(keys: readonly ChannelKey[]): boolean {
  for (let i = 1; i < keys.length; i++) for (let j = 0; j < i; j++) if (Object.is(keys[i], keys[j])) return true;
  return false;
}

/** Numbers before strings; numbers numerically; strings by code unit. */
export function compareKeys(a: ChannelKey, b: ChannelKey): number {
  if (typeof a === 'number') return typeof b === 'number' ? (a < b ? -1 : a > b ? 1 : 0) : -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** An injective key for a multiset of channel keys (order-insensitive). */
export function compositeKey(keys: readonly ChannelKey[]): string {
  let out = '';
  for (const k of [...keys].sort(compareKeys)) out += typeof k === 'number' ? `n${k};` : `s${k.length}:${k}`;
  return out;
}
