/**
 * The event log of a durable space. Every produce, consume (and install) and withdraw emits an IO
 * event, and every firing a COMM event, in the order they happen. Events carry BLAKE2b-256 hashes of
 * their content, not the content: a log proves what happened without revealing the data.
 *
 * - produce: channel, datum, persistent flag, priority;
 * - consume: channels, patterns, continuation (in the consumer's order), persistent flag, peeks,
 *   and (VectorDB spaces) the similarity queries;
 * - withdraw: channels, continuation;
 * - comm: the consume that fired (the hash of its consume event) and, per position, the channel the
 *   datum came from, the datum, and whether it was persistent and whether it was peeked.
 *
 * Logs encode to bytes (`encodeEventLog`) and back, so they can travel with a block.
 */

import { ByteReader, ByteWriter } from '../data/writer.js';
import { blake2b256, bytesEqual, HASH_LENGTH, toHex } from '../history/hash.js';
import { DurableError } from './errors.js';

/** A 32-byte BLAKE2b-256 hash. */
export type Hash = Uint8Array;

export interface ProduceEvent {
  readonly kind: 'produce';
  readonly channel: Hash;
  readonly datum: Hash;
  readonly persistent: boolean;
  /** The priority asked for, or -1 when none was given. */
  readonly priority: number;
}

export interface ConsumeEvent {
  readonly kind: 'consume';
  readonly channels: readonly Hash[];
  readonly patterns: readonly Hash[];
  readonly continuation: Hash;
  readonly persistent: boolean;
  /** Peeked positions, ascending. */
  readonly peeks: readonly number[];
  /** VectorDB spaces: the hash of the similarity queries, or null for an ordinary consume. */
  readonly similarity: Hash | null;
}

export interface WithdrawEvent {
  readonly kind: 'withdraw';
  readonly channels: readonly Hash[];
  readonly continuation: Hash;
}

/** One position of a COMM: where its datum came from. */
export interface CommMatch {
  readonly channel: Hash;
  readonly datum: Hash;
  readonly persistent: boolean;
  readonly peeked: boolean;
}

export interface CommEvent {
  readonly kind: 'comm';
  /** The hash of the encoded consume event of the continuation that fired. */
  readonly consume: Hash;
  readonly matches: readonly CommMatch[];
}

export type ReplayEvent = ProduceEvent | ConsumeEvent | WithdrawEvent | CommEvent;

/** Events in the order they happened. */
export type EventLog = readonly ReplayEvent[];

const TAG = { produce: 1, consume: 2, withdraw: 3, comm: 4 } as const;
const LOG_MAGIC = 0x52; // 'R'
const LOG_VERSION = 1;
const eventWriter = new ByteWriter(256);

/** The canonical bytes of one event (also what two events are compared by). */
export function encodeEvent(e: ReplayEvent): Uint8Array {
  // Synchronous and never re-entered: one writer serves every call.
  const w = eventWriter;
  w.reset();
  writeEvent(w, e);
  return w.finish();
}

/** The hash that identifies a consume event inside the COMMs it causes. */
export function consumeRef(e: ConsumeEvent): Hash {
  // Hashed straight from the shared writer: no copy of the encoding.
  const w = eventWriter;
  w.reset();
  writeEvent(w, e);
  return blake2b256(w.written());
}

export function eventsEqual(a: ReplayEvent, b: ReplayEvent): boolean {
  return a.kind === b.kind && bytesEqual(encodeEvent(a), encodeEvent(b));
}

export function encodeEventLog(log: EventLog): Uint8Array {
  const w = new ByteWriter(64 + log.length * 80);
  w.writeByte(LOG_MAGIC);
  w.writeByte(LOG_VERSION);
  w.writeVarint(log.length);
  for (const e of log) writeEvent(w, e);
  return w.finish();
}

/** Decodes an event log; malformed bytes throw `DurableError` with code `CorruptedState`. */
export function decodeEventLog(bytes: Uint8Array): ReplayEvent[] {
  const r = new ByteReader(bytes);
  try {
    if (r.readByte() !== LOG_MAGIC || r.readByte() !== LOG_VERSION) r.fail('not an event log of this version');
    const n = r.readVarint();
    const out: ReplayEvent[] = [];
    for (let i = 0; i < n; i++) out.push(readEvent(r));
    if (r.remaining !== 0) r.fail('trailing bytes after the last event');
    return out;
  } catch (error) {
    if (error instanceof DurableError) throw error;
    throw new DurableError('CorruptedState', `corrupted event log: ${(error as Error).message}`);
  }
}

/** A one-line rendering for error messages: hashes shortened to 8 hex digits. */
export function describeEvent(e: ReplayEvent): string {
  const h = (x: Hash) => toHex(x).slice(0, 8);
  const list = (xs: readonly Hash[]) => xs.map(h).join(' ');
  switch (e.kind) {
    case 'produce':
      return (
        `produce(channel ${h(e.channel)}, datum ${h(e.datum)}${e.persistent ? ', persistent' : ''}` +
        `${e.priority >= 0 ? `, priority ${e.priority}` : ''})`
      );
    case 'consume':
      return (
        `consume(channels [${list(e.channels)}], continuation ${h(e.continuation)}` +
        `${e.persistent ? ', persistent' : ''}${e.peeks.length > 0 ? `, peeks [${e.peeks.join(' ')}]` : ''})`
      );
    case 'withdraw':
      return `withdraw(channels [${list(e.channels)}], continuation ${h(e.continuation)})`;
    case 'comm':
      return `comm(consume ${h(e.consume)}, data [${e.matches.map((m) => `${h(m.channel)}:${h(m.datum)}`).join(' ')}])`;
  }
}

function writeEvent(w: ByteWriter, e: ReplayEvent): void {
  w.writeByte(TAG[e.kind]);
  switch (e.kind) {
    case 'produce':
      w.writeBytes(e.channel);
      w.writeBytes(e.datum);
      w.writeByte(e.persistent ? 1 : 0);
      w.writeVarint(e.priority + 1);
      return;
    case 'consume':
      writeHashes(w, e.channels);
      for (const p of e.patterns) w.writeBytes(p);
      w.writeBytes(e.continuation);
      w.writeByte(e.persistent ? 1 : 0);
      w.writeVarint(e.peeks.length);
      for (const p of e.peeks) w.writeVarint(p);
      w.writeByte(e.similarity === null ? 0 : 1);
      if (e.similarity !== null) w.writeBytes(e.similarity);
      return;
    case 'withdraw':
      writeHashes(w, e.channels);
      w.writeBytes(e.continuation);
      return;
    case 'comm':
      w.writeBytes(e.consume);
      w.writeVarint(e.matches.length);
      for (const m of e.matches) {
        w.writeBytes(m.channel);
        w.writeBytes(m.datum);
        w.writeByte((m.persistent ? 1 : 0) | (m.peeked ? 2 : 0));
      }
      return;
  }
}

function writeHashes(w: ByteWriter, hashes: readonly Hash[]): void {
  w.writeVarint(hashes.length);
  for (const x of hashes) w.writeBytes(x);
}

function readEvent(r: ByteReader): ReplayEvent {
  const tag = r.readByte();
  switch (tag) {
    case TAG.produce: {
      const channel = readHash(r);
      const datum = readHash(r);
      const persistent = readFlag(r, 1) === 1;
      return { kind: 'produce', channel, datum, persistent, priority: r.readVarint() - 1 };
    }
    case TAG.consume: {
      const channels = readHashes(r);
      const patterns = channels.map(() => readHash(r));
      const continuation = readHash(r);
      const persistent = readFlag(r, 1) === 1;
      const peeks: number[] = [];
      const n = r.readVarint();
      for (let i = 0; i < n; i++) peeks.push(r.readVarint());
      const similarity = readFlag(r, 1) === 1 ? readHash(r) : null;
      return { kind: 'consume', channels, patterns, continuation, persistent, peeks, similarity };
    }
    case TAG.withdraw: {
      const channels = readHashes(r);
      return { kind: 'withdraw', channels, continuation: readHash(r) };
    }
    case TAG.comm: {
      const consume = readHash(r);
      const n = r.readVarint();
      const matches: CommMatch[] = [];
      for (let i = 0; i < n; i++) {
        const channel = readHash(r);
        const datum = readHash(r);
        const flags = readFlag(r, 3);
        matches.push({ channel, datum, persistent: (flags & 1) !== 0, peeked: (flags & 2) !== 0 });
      }
      return { kind: 'comm', consume, matches };
    }
    default:
      return r.fail(`unknown event tag ${tag}`);
  }
}

function readHash(r: ByteReader): Hash {
  return r.readBytes(HASH_LENGTH).slice();
}

function readHashes(r: ByteReader): Hash[] {
  const n = r.readVarint();
  const out: Hash[] = [];
  for (let i = 0; i < n; i++) out.push(readHash(r));
  return out;
}

function readFlag(r: ByteReader, max: number): number {
  const b = r.readByte();
  if (b > max) r.fail(`invalid flags byte ${b}`);
  return b;
}
