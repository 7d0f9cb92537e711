/**
 * Decoding of the canonical encoding (see `encode.ts`).
 *
 * Decoding is strict: it accepts exactly the byte strings that `encode` produces, so for any `bytes` that
 * decode without error, `encode(decode(bytes))` is byte-identical to `bytes`. Besides truncation, unknown
 * tags and trailing bytes, it therefore rejects non-minimal varints, `-0` and non-canonical NaN bits, a
 * negative-zero bigint, invalid UTF-8, and map keys or set elements that are not in strictly ascending
 * `compare` order (which also rules out duplicates).
 *
 * Shapes produced: a map whose keys are all strings (including the empty map) becomes a plain record `{}`;
 * any other map a `Map`; sets become `Set`, tuples `Tuple`, names `Name`. Bytes and name bytes are copies,
 * never views of the input.
 */

import { readBigVarint } from './bigvarint.js';
import { compare } from './compare.js';
import { MAX_DEPTH, Tag } from './encode.js';
import { compareStrings } from './utf8.js';
import { Name, Tuple, type Value } from './value.js';
import { ByteReader, DecodeError } from './writer.js';

export { DecodeError };

/** Decodes one value that must span all of `bytes`. Throws {@link DecodeError} for malformed input. */
export function decode(bytes: Uint8Array): Value {
  const r = new ByteReader(bytes);
  const v = readValue(r, 0);
  if (r.remaining !== 0) r.fail('trailing bytes after the value');
  return v;
}

function readValue(r: ByteReader, depth: number): Value {
  const at = r.pos;
  const tag = r.readByte();
  switch (tag) {
    case Tag.Null:
      return null;
    case Tag.False:
      return false;
    case Tag.True:
      return true;
    case Tag.Number:
      return readNumber(r);
    case Tag.BigInt:
      return readBigInt(r);
    case Tag.String:
      return r.readString(r.readVarint());
  }
  if (tag > Tag.Name) r.fail(`unknown tag 0x${tag.toString(16).padStart(2, '0')}`, at);
  // Mirrors encode, which counts every object (bytes and names included) towards the depth.
  if (depth >= MAX_DEPTH) r.fail(`nesting deeper than ${MAX_DEPTH}`, at);
  const count = r.readVarint();
  if (tag === Tag.Bytes) return r.readBytes(count);
  if (tag === Tag.Name) return new Name(r.readBytes(count));
  // Every item takes at least one byte (an entry two): reject absurd counts before allocating for them.
  if (count > r.remaining) r.fail(`count ${count} exceeds the remaining input`, at);
  if (tag === Tag.Map) return readMap(r, count, depth + 1);
  const items: Value[] = new Array(count);
  const isSet = tag === Tag.Set;
  for (let i = 0; i < count; i++) {
    const itemAt = r.pos;
    const x = readValue(r, depth + 1);
    if (isSet && i > 0 && compare(items[i - 1], x) >= 0) {
      r.fail('set elements not in strictly ascending order', itemAt);
    }
    items[i] = x;
  }
  if (tag === Tag.List) return items;
  if (tag === Tag.Tuple) return new Tuple(items);
  return new Set(items);
}

function readNumber(r: ByteReader): number {
  const at = r.pos;
  const x = r.readFloat64();
  if (x === 0) {
    if (r.bytes[at] !== 0) r.fail('non-canonical -0 (encode writes 0)', at);
  } else if (Number.isNaN(x)) {
    const b = r.bytes;
    let canonical = b[at] === 0x7f && b[at + 1] === 0xf8;
    for (let i = 2; i < 8 && canonical; i++) canonical = b[at + i] === 0;
    if (!canonical) r.fail('non-canonical NaN bits', at);
  }
  return x;
}

function readBigInt(r: ByteReader): bigint {
  const at = r.pos;
  const sign = r.readByte();
  if (sign > 1) r.fail(`invalid bigint sign byte ${sign}`, at);
  const m = readBigVarint(r);
  if (sign === 0) return m;
  if (m === 0n) r.fail('negative-zero bigint', at);
  return -m;
}

/**
 * Builds a record while every key so far is a string, switching to a `Map` at the first other key. Keys
 * arrive in canonical order, and strings sort before every compound kind, so the switch (if any) happens
 * early: non-string primitive keys come first.
 */
function readMap(r: ByteReader, count: number, depth: number): Value {
  let rec: Record<string, Value> | null = {};
  let map: Map<Value, Value> | null = null;
  let prev: Value = null;
  for (let i = 0; i < count; i++) {
    const at = r.pos;
    const k = readValue(r, depth);
    if (i > 0 && keyOrder(prev, k) >= 0) r.fail('map keys not in strictly ascending order', at);
    prev = k;
    const v = readValue(r, depth);
    if (rec !== null) {
      if (typeof k === 'string') {
        setOwn(rec, k, v);
        continue;
      }
      map = new Map<Value, Value>(Object.entries(rec));
      rec = null;
    }
    map!.set(k, v);
  }
  return rec ?? map!;
}

function keyOrder(a: Value, b: Value): number {
  return typeof a === 'string' && typeof b === 'string' ? compareStrings(a, b) : compare(a, b);
}

function setOwn(rec: Record<string, Value>, k: string, v: Value): void {
  // Plain assignment to "__proto__" would set the prototype instead of creating an own property.
  if (k === '__proto__') {
    Object.defineProperty(rec, k, { value: v, enumerable: true, writable: true, configurable: true });
  } else {
    rec[k] = v;
  }
}
