/**
 * The canonical binary encoding of values: equal values (in the sense of `equals`) give equal bytes, and
 * different values give different bytes, so the bytes can stand in for the value (hashing, keys, storage).
 *
 * Layout: one tag byte, then a payload that depends on the kind.
 * - null, false, true: no payload.
 * - number: float64 big-endian; `-0` is written as `0` and every NaN as 0x7FF8000000000000.
 * - bigint: a sign byte (0 = non-negative, 1 = negative), then the magnitude as an unsigned LEB128 varint
 *   of any length.
 * - string: varint byte length, then the UTF-8 bytes (WTF-8 for lone surrogates, see `utf8.ts`).
 * - bytes, name: varint length, then the bytes.
 * - list, tuple: varint count, then the items.
 * - map (a `Map` or a record; the same tag for both): varint count, then key, value, key, value, ... with keys
 *   in ascending `compare` order. If one JS `Map` holds several structurally equal keys (e.g. two distinct
 *   `[1]` arrays), they are one key and the entry that comes later in the Map's iteration order wins.
 * - set: varint count, then the elements in ascending `compare` order, structural duplicates removed.
 *
 * Tag values follow `ValueKind` order, so the first byte already orders values by kind.
 */

import { writeBigVarint } from './bigvarint.js';
import { canonicalKeys, canonicalSetElements, mapGet } from './compare.js';
import { InvalidValueError, isRecord, kindOf, Name, Tuple, type Value, type ValueRecord } from './value.js';
import { ByteWriter } from './writer.js';

/** The tag byte of each kind of value. */
export const Tag = {
  Null: 0x00,
  False: 0x01,
  True: 0x02,
  Number: 0x03,
  BigInt: 0x04,
  String: 0x05,
  Bytes: 0x06,
  List: 0x07,
  Tuple: 0x08,
  Map: 0x09,
  Set: 0x0a,
  Name: 0x0b,
} as const;

/**
 * Deepest nesting `encode` accepts (and `decode` produces). Besides keeping recursion off the stack limit, it
 * turns a cyclic structure (not a value) into an {@link InvalidValueError} instead of a stack overflow.
 */
export const MAX_DEPTH = 1000;

const NAN_BYTES = new Uint8Array([0x7f, 0xf8, 0, 0, 0, 0, 0, 0]);
const ZERO_BYTES = new Uint8Array(8);

/** Shared by `encode` / `encodedLength`; encoding is synchronous, so one buffer serves every call. */
const shared = new ByteWriter(1024);
let sharedBusy = false;

/** The canonical encoding of `v`, as a fresh array. Throws {@link InvalidValueError} if `v` is not a value. */
export function encode(v: Value): Uint8Array {
  // A getter on a record could call back into encode while the shared writer is in use; give it its own.
  if (sharedBusy) {
    const w = new ByteWriter();
    writeValue(v, w, 0);
    return w.finish();
  }
  sharedBusy = true;
  try {
    shared.reset();
    writeValue(v, shared, 0);
    return shared.finish();
  } finally {
    sharedBusy = false;
  }
}

/** The length in bytes of `encode(v)`, without allocating the result. */
export function encodedLength(v: Value): number {
  if (sharedBusy) {
    const w = new ByteWriter();
    writeValue(v, w, 0);
    return w.length;
  }
  sharedBusy = true;
  try {
    shared.reset();
    writeValue(v, shared, 0);
    return shared.length;
  } finally {
    sharedBusy = false;
  }
}

/** Appends the canonical encoding of `v` to `w` (which is not reset first). */
export function encodeInto(v: Value, w: ByteWriter): void {
  writeValue(v, w, 0);
}

function writeValue(v: Value, w: ByteWriter, depth: number): void {
  switch (typeof v) {
    case 'string':
      w.writeByte(Tag.String);
      w.writeString(v);
      return;
    case 'number':
      w.writeByte(Tag.Number);
      if (v === 0) w.writeBytes(ZERO_BYTES);
      else if (Number.isNaN(v)) w.writeBytes(NAN_BYTES);
      else w.writeFloat64(v);
      return;
    case 'boolean':
      w.writeByte(v ? Tag.True : Tag.False);
      return;
    case 'bigint':
      writeBigInt(v, w);
      return;
    case 'object':
      if (v === null) {
        w.writeByte(Tag.Null);
        return;
      }
      if (depth >= MAX_DEPTH) throw new InvalidValueError(`nesting deeper than ${MAX_DEPTH} (or a cycle)`);
      writeObject(v, w, depth + 1);
      return;
    default:
      kindOf(v); // throws InvalidValueError describing v
  }
}

function writeObject(v: Exclude<Value, null | boolean | number | bigint | string>, w: ByteWriter, depth: number): void {
  if (Array.isArray(v)) {
    writeItems(Tag.List, v as readonly Value[], w, depth);
  } else if (v instanceof Uint8Array) {
    w.writeByte(Tag.Bytes);
    w.writeVarint(v.length);
    w.writeBytes(v);
  } else if (v instanceof Tuple) {
    writeItems(Tag.Tuple, v.items, w, depth);
  } else if (v instanceof Name) {
    w.writeByte(Tag.Name);
    w.writeVarint(v.bytes.length);
    w.writeBytes(v.bytes);
  } else if (v instanceof Set) {
    const elements = canonicalSetElements(v as ReadonlySet<Value>);
    writeItems(Tag.Set, elements, w, depth);
  } else {
    // A Map or a record; kindOf throws for anything else (class instances, other typed arrays, ...).
    if (!(v instanceof Map) && !isRecord(v)) kindOf(v);
    const m = v as ReadonlyMap<Value, Value> | ValueRecord;
    const keys = canonicalKeys(m);
    w.writeByte(Tag.Map);
    w.writeVarint(keys.length);
    for (let i = 0; i < keys.length; i++) {
      writeValue(keys[i], w, depth);
      writeValue(mapGet(m, keys[i]), w, depth);
    }
  }
}

function writeItems(tag: number, items: readonly Value[], w: ByteWriter, depth: number): void {
  w.writeByte(tag);
  const n = items.length;
  w.writeVarint(n);
  for (let i = 0; i < n; i++) writeValue(items[i], w, depth);
}

function writeBigInt(v: bigint, w: ByteWriter): void {
  w.writeByte(Tag.BigInt);
  if (v < 0n) {
    w.writeByte(1);
    writeBigVarint(w, -v);
  } else {
    w.writeByte(0);
    writeBigVarint(w, v);
  }
}
