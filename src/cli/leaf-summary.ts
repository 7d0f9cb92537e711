/**
 * What the CLI can say about a leaf without knowing the codec of the space that wrote it.
 *
 * The leaf format of `src/durable/leaves.ts` length-prefixes every channel, datum, pattern and
 * continuation, so its structure (kind, data counts, waiting continuations, join references) reads
 * with an identity codec whatever the space's codec was. Only the items themselves need a codec:
 * they print as values when they decode with `valueStateCodec()` (plain-data spaces), and fall
 * back to sizes and hashes otherwise. A leaf that is not in the format at all (a history written
 * through `History` directly) is summarised as `other`, never an error. Arbitrary bytes can parse
 * as a leaf by chance, so a leaf also has to sit under the key its contents hash to.
 */

import { print } from '../data/print.js';
import type { Value } from '../data/value.js';
import type { Codec, StateCodec } from '../durable/codec.js';
import { valueStateCodec } from '../durable/codec.js';
import {
  channelKeyHash,
  type DecodedLeaf,
  decodeLeaf,
  joinKeyHash,
  type MetaLeaf,
  metaKeyHash,
} from '../durable/leaves.js';
import { bytesEqual } from '../history/hash.js';
import type { StoredDatum } from '../spaces/collections/data-collection.js';

interface RawTypes {
  channel: Uint8Array;
  datum: Uint8Array;
  pattern: Uint8Array;
  continuation: Uint8Array;
  bindings: unknown;
}

const bytesCodec: Codec<Uint8Array> = { encode: (b) => b, decode: (b) => b };
const RAW: StateCodec<RawTypes> = {
  channel: bytesCodec,
  datum: bytesCodec,
  pattern: bytesCodec,
  continuation: bytesCodec,
};
const VALUES = valueStateCodec();

export type LeafSummary =
  | { readonly kind: 'meta'; readonly meta: MetaLeaf }
  | {
      readonly kind: 'channel';
      /** The channel's encoded bytes, and its data's, as the space's codec wrote them. */
      readonly channel: Uint8Array;
      readonly data: readonly StoredDatum<Uint8Array>[];
      /** How many joins the channel takes part in. */
      readonly joins: number;
    }
  | { readonly kind: 'join'; readonly channels: readonly Uint8Array[]; readonly waiting: number }
  | { readonly kind: 'other'; readonly reason: string };

export type LeafKind = LeafSummary['kind'];

/** The structure of the leaf `bytes` stored under `key`; `other` when it is not a checkpoint leaf. */
export function summarizeLeaf(key: Uint8Array, bytes: Uint8Array): LeafSummary {
  let leaf: DecodedLeaf<RawTypes>;
  try {
    leaf = decodeLeaf(RAW, bytes);
  } catch (error) {
    return { kind: 'other', reason: (error as Error).message };
  }
  switch (leaf.kind) {
    case 'meta':
      return bytesEqual(key, metaKeyHash()) ? leaf : misplaced('meta');
    case 'channel':
      if (!bytesEqual(key, channelKeyHash(leaf.channel))) return misplaced('channel');
      return { kind: 'channel', channel: leaf.channel, data: leaf.data, joins: leaf.joinKeys.length };
    case 'join':
      if (!bytesEqual(key, joinKeyHash(leaf.channels))) return misplaced('join');
      return { kind: 'join', channels: leaf.channels, waiting: leaf.waiting.length };
  }
}

function misplaced(kind: string): LeafSummary {
  return { kind: 'other', reason: `it parses as a ${kind} leaf but is not stored under that leaf's key` };
}

/**
 * `bytes` printed with the project's value printer when they are a plain value as
 * `valueStateCodec()` encodes channels and data; null when they are not (a space with its own codec).
 */
export function printEncoded(bytes: Uint8Array): string | null {
  let value: Value;
  try {
    value = VALUES.datum.decode(bytes);
  } catch {
    return null;
  }
  return print(value);
}
