/**
 * The canonical binary encoding of terms, and the key, equality and order built on it.
 *
 * The encoding is deterministic and injective (equal terms ⇔ equal bytes, `decode.ts` inverts
 * it), and it is *order-preserving*: comparing encodings byte by byte gives the canonical order of
 * terms, so `compare` needs no second definition that could drift from equality. To that end:
 * - every term starts with its kind's tag (`tags.ts`), which orders kinds;
 * - integers are 8 bytes big-endian with the sign bit flipped, so bytes order them numerically;
 * - strings, URIs, byte arrays and unforgeable ids are their (WTF-8) bytes with 0x00 escaped as
 *   0x00 0xFF and terminated by 0x00 0x00, so bytes order them lexicographically (strings by
 *   code point) and a prefix sorts first;
 * - sequences end with 0x00, below every tag, so `[1]` < `[1, 2]`.
 * Counts, indices and levels are unsigned LEB128 varints (their order does not matter).
 *
 * `keyOf` is the encoding as a latin1 string (one char per byte): JS compares such strings in byte
 * order, so `compare` is a native string comparison, and the key serves directly as the channel
 * key of the space engine. Keys are memoized on the node (`cachedKey`).
 */

import { ByteWriter } from '../../data/writer.js';
import type { EBinary } from './nodes-expr.js';
import { BINARY_OPERATORS, SIMPLE_TYPES } from './nodes-expr.js';
import type { Remainder } from './nodes-ground.js';
import type { HyperParam, ReceiveBind, Similarity } from './nodes-proc.js';
import { END, ITEM, NONE, TAG } from './tags.js';
import type { Term } from './term.js';

const SIGN = 1n << 63n;
const LOW32 = 0xffffffffn;

/** Writes `t`'s encoding; a child whose key is memoized is copied rather than re-encoded. */
export function encodeInto(w: ByteWriter, t: Term): void {
  const cached = t.cachedKey;
  if (cached !== undefined) {
    for (let i = 0; i < cached.length; i++) w.writeByte(cached.charCodeAt(i));
    return;
  }
  w.writeByte(TAG[t.kind]);
  switch (t.kind) {
    case 'Nil':
    case 'Wildcard':
      return;
    case 'Bool':
      w.writeByte(t.value ? 1 : 0);
      return;
    case 'Int':
      writeInt64(w, t.value);
      return;
    case 'String':
    case 'Uri':
      writeEscapedString(w, t.value);
      return;
    case 'Bytes':
      writeEscapedBytes(w, t.value);
      return;
    case 'Unforgeable':
      writeEscapedBytes(w, t.id);
      return;
    case 'List':
    case 'Set':
    case 'PathMap':
      writeTerms(w, t.elements);
      writeRemainder(w, t.remainder);
      return;
    case 'Tuple':
      writeTerms(w, t.elements);
      return;
    case 'Map':
      for (let i = 0; i < t.keys.length; i++) {
        encodeInto(w, t.keys[i]);
        encodeInto(w, t.values[i]);
      }
      w.writeByte(END);
      writeRemainder(w, t.remainder);
      return;
    case 'BoundVar':
    case 'VarRef':
      w.writeVarint(t.index);
      return;
    case 'FreeVar':
      w.writeVarint(t.level);
      return;
    case 'Unary':
      w.writeByte(t.op === 'neg' ? 0 : 1);
      encodeInto(w, t.operand);
      return;
    case 'Binary':
      w.writeByte(binaryCode(t));
      encodeInto(w, t.left);
      encodeInto(w, t.right);
      return;
    case 'Matches':
      encodeInto(w, t.target);
      encodeInto(w, t.patternTerm);
      w.writeVarint(t.freeCount);
      return;
    case 'Method':
      writeEscapedString(w, t.name);
      encodeInto(w, t.receiver);
      writeTerms(w, t.args);
      return;
    case 'Function':
      writeEscapedString(w, t.name);
      writeTerms(w, t.args);
      return;
    case 'Free':
      writeEscapedString(w, t.theory);
      return;
    case 'ConnNot':
      encodeInto(w, t.body);
      return;
    case 'ConnAnd':
    case 'ConnOr':
      writeTerms(w, t.parts);
      return;
    case 'ConnType':
      w.writeByte(SIMPLE_TYPES.indexOf(t.type));
      return;
    case 'Send':
      w.writeByte(t.persistent ? 1 : 0);
      encodeInto(w, t.channel);
      writeTerms(w, t.data);
      writeHyperParams(w, t.hyperparams);
      return;
    case 'Receive':
      w.writeByte(t.persistent ? 1 : 0);
      w.writeVarint(t.bindCount);
      for (const b of t.binds) writeBind(w, b);
      w.writeByte(END);
      encodeInto(w, t.body);
      return;
    case 'New':
      for (const d of t.decls) {
        w.writeByte(ITEM);
        writeOptionalString(w, d.uri);
        writeOptionalTerm(w, d.space);
      }
      w.writeByte(END);
      encodeInto(w, t.body);
      return;
    case 'Match':
      encodeInto(w, t.target);
      for (const c of t.cases) {
        w.writeByte(ITEM);
        encodeInto(w, c.pattern);
        w.writeVarint(c.freeCount);
        encodeInto(w, c.body);
      }
      w.writeByte(END);
      return;
    case 'Bundle':
      w.writeByte((t.read ? 2 : 0) | (t.write ? 1 : 0));
      encodeInto(w, t.body);
      return;
    case 'Use':
      encodeInto(w, t.space);
      encodeInto(w, t.body);
      return;
    case 'Par':
      writeTerms(w, t.members);
      return;
  }
}

function binaryCode(t: EBinary): number {
  return BINARY_OPERATORS.indexOf(t.op);
}

function writeTerms(w: ByteWriter, terms: readonly Term[]): void {
  for (let i = 0; i < terms.length; i++) encodeInto(w, terms[i]);
  w.writeByte(END);
}

function writeRemainder(w: ByteWriter, r: Remainder | null): void {
  if (r === null) w.writeByte(NONE);
  else encodeInto(w, r);
}

function writeOptionalTerm(w: ByteWriter, t: Term | null): void {
  if (t === null) {
    w.writeByte(NONE);
  } else {
    w.writeByte(ITEM);
    encodeInto(w, t);
  }
}

function writeOptionalString(w: ByteWriter, s: string | null): void {
  if (s === null) {
    w.writeByte(NONE);
  } else {
    w.writeByte(ITEM);
    writeEscapedString(w, s);
  }
}

function writeOptionalTerms(w: ByteWriter, ts: readonly Term[] | null): void {
  if (ts === null) {
    w.writeByte(NONE);
  } else {
    w.writeByte(ITEM);
    writeTerms(w, ts);
  }
}

function writeHyperParams(w: ByteWriter, hs: readonly HyperParam[]): void {
  for (const h of hs) {
    w.writeByte(ITEM);
    writeOptionalString(w, h.key);
    encodeInto(w, h.value);
  }
  w.writeByte(END);
}

function writeSimilarity(w: ByteWriter, s: Similarity | null): void {
  if (s === null) {
    w.writeByte(NONE);
    return;
  }
  w.writeByte(ITEM);
  writeOptionalTerms(w, s.sim);
  writeOptionalTerms(w, s.rank);
  encodeInto(w, s.query);
}

/** A bind's encoding; also its sort key among the binds of a receive (see `build.ts`). */
export function writeBind(w: ByteWriter, b: ReceiveBind): void {
  w.writeByte(ITEM);
  // The source first: the binds of a join are ordered by channel.
  encodeInto(w, b.source);
  writeTerms(w, b.patterns);
  writeRemainder(w, b.remainder);
  w.writeVarint(b.freeCount);
  w.writeByte(b.peek ? 1 : 0);
  writeSimilarity(w, b.similarity);
}

/** 8 bytes big-endian of the two's complement with the sign bit flipped: byte order = numeric order. */
function writeInt64(w: ByteWriter, v: bigint): void {
  const u = BigInt.asUintN(64, v) ^ SIGN;
  const hi = Number(u >> 32n);
  const lo = Number(u & LOW32);
  w.writeByte(hi >>> 24);
  w.writeByte((hi >>> 16) & 0xff);
  w.writeByte((hi >>> 8) & 0xff);
  w.writeByte(hi & 0xff);
  w.writeByte(lo >>> 24);
  w.writeByte((lo >>> 16) & 0xff);
  w.writeByte((lo >>> 8) & 0xff);
  w.writeByte(lo & 0xff);
}

/** WTF-8 bytes with 0x00 escaped, then 0x00 0x00. Only U+0000 produces a 0x00 byte in WTF-8. */
function writeEscapedString(w: ByteWriter, s: string): void {
  let from = 0;
  for (let z = s.indexOf('\u0000'); z >= 0; z = s.indexOf('\u0000', from)) {
    w.writeUtf8(s.slice(from, z));
    w.writeByte(0x00);
    w.writeByte(0xff);
    from = z + 1;
  }
  w.writeUtf8(from === 0 ? s : s.slice(from));
  w.writeByte(0x00);
  w.writeByte(0x00);
}

function writeEscapedBytes(w: ByteWriter, bytes: Uint8Array): void {
  if (bytes.indexOf(0) < 0) {
    w.writeBytes(bytes);
  } else {
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i];
      w.writeByte(b);
      if (b === 0) w.writeByte(0xff);
    }
  }
  w.writeByte(0x00);
  w.writeByte(0x00);
}

// One writer serves every top-level call. Encoding never calls back into these functions, but a
// re-entrant call would get a writer of its own rather than corrupt the shared one.
const shared = new ByteWriter(256);
let sharedBusy = false;

function encodeWith<R>(t: Term, finish: (w: ByteWriter) => R): R {
  if (sharedBusy) {
    const w = new ByteWriter(64);
    encodeInto(w, t);
    return finish(w);
  }
  sharedBusy = true;
  try {
    shared.reset();
    encodeInto(shared, t);
    return finish(shared);
  } finally {
    sharedBusy = false;
  }
}

const toBytes = (w: ByteWriter): Uint8Array => w.finish();
const toLength = (w: ByteWriter): number => w.length;
const toKey = (w: ByteWriter): string => w.toLatin1();

/** The canonical encoding of `t` (a fresh array). */
export function encodeTerm(t: Term): Uint8Array {
  const cached = t.cachedKey;
  if (cached !== undefined) return Uint8Array.from(Buffer.from(cached, 'latin1'));
  return encodeWith(t, toBytes);
}

/** The byte length of `t`'s canonical encoding (phlogiston charges by it). */
export function encodedLength(t: Term): number {
  const cached = t.cachedKey;
  if (cached !== undefined) return cached.length;
  return encodeWith(t, toLength);
}

/**
 * The canonical key of `t`: its encoding as a latin1 string. Equal terms, and only they, have
 * equal keys; the engine uses them as channel keys. Memoized on the node.
 */
export function keyOf(t: Term): string {
  let key = t.cachedKey;
  if (key === undefined) {
    key = encodeWith(t, toKey);
    t.cachedKey = key;
  }
  return key;
}

/** Structural equality: alpha-equivalence of the programs the terms come from. */
export function termEquals(a: Term, b: Term): boolean {
  return a === b || keyOf(a) === keyOf(b);
}

/**
 * The canonical total order of terms (byte order of their encodings): by kind first (see
 * `tags.ts`), integers numerically, strings by code point, sequences lexicographically.
 */
export function compareTerms(a: Term, b: Term): -1 | 0 | 1 {
  if (a === b) return 0;
  const ka = keyOf(a);
  const kb = keyOf(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
