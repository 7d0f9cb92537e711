/**
 * The leaves of a space's hard checkpoint. The state is cut into one leaf per channel, one per
 * join (a set of channels with continuations waiting on exactly that set) and one for the space
 * itself, each under a 32-byte key hash:
 *
 * | leaf    | key hash                                   | bytes |
 * |---------|--------------------------------------------|-------|
 * | meta    | H(`00`)                                    | `00` version config identity counters |
 * | channel | H(`01` channel)                            | `01` channel data… joins… |
 * | join    | H(`02` n channel…) (channels in key order) | `02` channels… waiting… |
 *
 * - channel: the channel's bytes; a kind byte (0 data, 1 the result channel of a similarity
 *   receive); its data in collection order, each `flags [priority] datum` (flags: 1 persistent,
 *   2 has a priority); the key hashes of its joins in registration order.
 * - join: its channels in canonical order; each waiting continuation as `flags channels peeks
 *   patterns continuation [queries]`, its channels in the consumer's order and as the consumer
 *   named them (flags: 1 persistent, 2 similarity queries follow: per position `00`, or `01` and
 *   the query as a value).
 *
 * Byte strings inside leaves are length-prefixed (LEB128 varints); H is BLAKE2b-256. The encoding is
 * a function of the state alone, so equal states give equal leaves and equal roots.
 */

import { decode } from '../data/decode.js';
import { encode } from '../data/encode.js';
import { ByteReader, ByteWriter } from '../data/writer.js';
import { blake2b256, HASH_LENGTH } from '../history/hash.js';
import type { StoredDatum } from '../spaces/collections/data-collection.js';
import type { SimilarityQuery } from '../spaces/collections/vectordb.js';
import type { SpaceConfig } from '../spaces/config.js';
import { queryFromValue, queryValue } from '../spaces/similarity.js';
import type { WaitingInfo } from '../spaces/types.js';
import type { RecordedTypes, StateCodec } from './codec.js';
import { DurableError } from './errors.js';

const META = 0;
const CHANNEL = 1;
const JOIN = 2;
const META_VERSION = 1;

let metaKey: Uint8Array | null = null;

// Encoding is synchronous and never re-entered (codecs write their own buffers), so one writer for
// keys and one for leaves serve every call: a checkpoint of 10,000 channels makes 20,000 of these.
const keyWriter = new ByteWriter(256);
const leafWriter = new ByteWriter(4096);

function fresh(w: ByteWriter): ByteWriter {
  w.reset();
  return w;
}

/** The key hash of the meta leaf (computed on first use: hashing needs initialising). */
export function metaKeyHash(): Uint8Array {
  metaKey ??= blake2b256(Uint8Array.of(META));
  return metaKey;
}

export function channelKeyHash(channelBytes: Uint8Array): Uint8Array {
  const w = fresh(keyWriter);
  w.writeByte(CHANNEL);
  w.writeBytes(channelBytes);
  return blake2b256(w.finish());
}

/** `channelBytes` in canonical (key) order, a repeated channel repeated. */
export function joinKeyHash(channelBytes: readonly Uint8Array[]): Uint8Array {
  const w = fresh(keyWriter);
  w.writeByte(JOIN);
  writeByteStrings(w, channelBytes);
  return blake2b256(w.finish());
}

/** What the meta leaf records. */
export interface MetaLeaf {
  readonly config: string;
  readonly identity: Uint8Array;
  readonly counters: readonly number[];
}

/** The configuration as the meta leaf records it: every field, in a fixed order. */
export function configText(c: SpaceConfig): string {
  const vector = c.inner === 'vectordb' ? [c.dimensions, c.embeddingType, c.metric, c.threshold] : [];
  return [c.outer, c.inner, c.continuations, c.qualifier, c.size, c.cyclic, c.levels, ...vector].join('/');
}

export function encodeMeta(meta: MetaLeaf): Uint8Array {
  const w = fresh(leafWriter);
  w.writeByte(META);
  w.writeByte(META_VERSION);
  w.writeString(meta.config);
  writeByteString(w, meta.identity);
  w.writeVarint(meta.counters.length);
  for (const c of meta.counters) w.writeVarint(c);
  return w.finish();
}

export function encodeChannelLeaf<T extends RecordedTypes>(
  codec: StateCodec<T>,
  channelBytes: Uint8Array,
  data: readonly StoredDatum<T['datum']>[],
  joinKeys: readonly Uint8Array[],
  results = false,
): Uint8Array {
  const w = fresh(leafWriter);
  w.writeByte(CHANNEL);
  writeByteString(w, channelBytes);
  w.writeByte(results ? 1 : 0);
  w.writeVarint(data.length);
  for (const item of data) {
    const hasPriority = item.priority !== undefined;
    w.writeByte((item.persistent ? 1 : 0) | (hasPriority ? 2 : 0));
    if (hasPriority) w.writeVarint(item.priority as number);
    writeByteString(w, codec.datum.encode(item.datum));
  }
  w.writeVarint(joinKeys.length);
  for (const k of joinKeys) w.writeBytes(k);
  return w.finish();
}

/** `channelBytes` in canonical order; the waiting continuations in collection order. */
export function encodeJoinLeaf<T extends RecordedTypes>(
  codec: StateCodec<T>,
  channelBytes: readonly Uint8Array[],
  waiting: readonly WaitingInfo<T>[],
): Uint8Array {
  const w = fresh(leafWriter);
  w.writeByte(JOIN);
  writeByteStrings(w, channelBytes);
  w.writeVarint(waiting.length);
  for (const info of waiting) {
    const similarity = info.similarity;
    w.writeByte((info.persistent ? 1 : 0) | (similarity === undefined ? 0 : 2));
    for (const c of info.channels) writeByteString(w, codec.channel.encode(c));
    w.writeVarint(info.peeks.length);
    for (const p of info.peeks) w.writeVarint(p);
    for (const p of info.patterns) writeByteString(w, codec.pattern.encode(p));
    writeByteString(w, codec.continuation.encode(info.continuation));
    if (similarity !== undefined) {
      for (const q of similarity) {
        w.writeByte(q === null ? 0 : 1);
        if (q !== null) writeByteString(w, encode(queryValue(q)));
      }
    }
  }
  return w.finish();
}

/** A decoded leaf. Joins of a channel are still key hashes; the caller resolves them. */
export type DecodedLeaf<T extends RecordedTypes> =
  | { readonly kind: 'meta'; readonly meta: MetaLeaf }
  | {
      readonly kind: 'channel';
      readonly channel: T['channel'];
      readonly data: StoredDatum<T['datum']>[];
      readonly joinKeys: Uint8Array[];
      readonly results: boolean;
    }
  | { readonly kind: 'join'; readonly channels: T['channel'][]; readonly waiting: WaitingInfo<T>[] };

/** Decodes any leaf; malformed bytes throw `DurableError` with code `CorruptedState`. */
export function decodeLeaf<T extends RecordedTypes>(codec: StateCodec<T>, bytes: Uint8Array): DecodedLeaf<T> {
  const r = new ByteReader(bytes);
  try {
    const leaf = readLeaf(codec, r);
    if (r.remaining !== 0) r.fail('trailing bytes');
    return leaf;
  } catch (error) {
    if (error instanceof DurableError) throw error;
    throw new DurableError('CorruptedState', `a checkpoint leaf does not decode: ${(error as Error).message}`);
  }
}

function readLeaf<T extends RecordedTypes>(codec: StateCodec<T>, r: ByteReader): DecodedLeaf<T> {
  const tag = r.readByte();
  if (tag === META) {
    if (r.readByte() !== META_VERSION) r.fail('unknown meta leaf version');
    const config = r.readString(r.readVarint());
    const identity = readByteString(r);
    const counters: number[] = [];
    const n = r.readVarint();
    for (let i = 0; i < n; i++) counters.push(r.readVarint());
    return { kind: 'meta', meta: { config, identity, counters } };
  }
  if (tag === CHANNEL) {
    const channel = codec.channel.decode(readByteString(r));
    const kind = r.readByte();
    if (kind > 1) r.fail(`invalid channel kind ${kind}`);
    const data: StoredDatum<T['datum']>[] = [];
    const n = r.readVarint();
    for (let i = 0; i < n; i++) {
      const flags = r.readByte();
      if (flags > 3) r.fail(`invalid datum flags ${flags}`);
      const priority = (flags & 2) !== 0 ? r.readVarint() : undefined;
      const datum = codec.datum.decode(readByteString(r));
      const persistent = (flags & 1) !== 0;
      data.push(priority === undefined ? { datum, persistent } : { datum, persistent, priority });
    }
    const joinKeys: Uint8Array[] = [];
    const j = r.readVarint();
    for (let i = 0; i < j; i++) joinKeys.push(r.readBytes(HASH_LENGTH).slice());
    return { kind: 'channel', channel, data, joinKeys, results: kind === 1 };
  }
  if (tag === JOIN) {
    const channels = readByteStrings(r).map((b) => codec.channel.decode(b));
    const waiting: WaitingInfo<T>[] = [];
    const n = r.readVarint();
    for (let i = 0; i < n; i++) waiting.push(readWaiting(codec, r, channels.length));
    return { kind: 'join', channels, waiting };
  }
  return r.fail(`unknown leaf tag ${tag}`);
}

function readWaiting<T extends RecordedTypes>(codec: StateCodec<T>, r: ByteReader, arity: number): WaitingInfo<T> {
  const flags = r.readByte();
  if (flags > 3) r.fail(`invalid continuation flags ${flags}`);
  const channels: T['channel'][] = [];
  for (let i = 0; i < arity; i++) channels.push(codec.channel.decode(readByteString(r)));
  const peeks: number[] = [];
  const p = r.readVarint();
  for (let i = 0; i < p; i++) peeks.push(r.readVarint());
  const patterns = channels.map(() => codec.pattern.decode(readByteString(r)));
  const continuation = codec.continuation.decode(readByteString(r));
  const info: WaitingInfo<T> = { channels, patterns, continuation, persistent: (flags & 1) !== 0, peeks };
  if ((flags & 2) === 0) return info;
  const similarity = channels.map((): SimilarityQuery | null => {
    const present = r.readByte();
    if (present > 1) r.fail(`invalid query flag ${present}`);
    return present === 0 ? null : queryFromValue(decode(readByteString(r)));
  });
  return { ...info, similarity };
}

function writeByteString(w: ByteWriter, bytes: Uint8Array): void {
  w.writeVarint(bytes.length);
  w.writeBytes(bytes);
}

function writeByteStrings(w: ByteWriter, list: readonly Uint8Array[]): void {
  w.writeVarint(list.length);
  for (const b of list) writeByteString(w, b);
}

function readByteString(r: ByteReader): Uint8Array {
  return r.readBytes(r.readVarint());
}

function readByteStrings(r: ByteReader): Uint8Array[] {
  const n = r.readVarint();
  const out: Uint8Array[] = [];
  for (let i = 0; i < n; i++) out.push(readByteString(r));
  return out;
}
