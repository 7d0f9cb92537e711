/**
 * Injective keys for using values as JS `Map` keys (e.g. channel keys): `keyOf(a)` and `keyOf(b)` are
 * SameValueZero-equal exactly when `equals(a, b)`.
 *
 * - a number is its own key (`-0` normalised to `0`; NaN stays NaN, which a JS Map treats as one key);
 * - a string is its own key unless it starts with U+0000;
 * - anything else (booleans, null, bigints, strings starting with U+0000, all compound values) is
 *   `'\u0000'` + a one-character kind tag + the canonical encoding read as latin1 (one char per byte).
 *
 * The cases cannot collide: numbers are not strings, and only encoded keys start with U+0000. The kind tag
 * is redundant with the encoding's own tag byte; it is kept so that keys read well when debugging.
 */

import { encodeInto } from './encode.js';
import { kindOf, type Value, type ValueKind } from './value.js';
import { ByteWriter } from './writer.js';

/**
 * The tag character of each `ValueKind`, indexed by kind: null, boolean, float (number), integer (bigint),
 * string, bytes ("y"), list, tuple, map, set ("e"), Name.
 */
const KIND_TAGS = 'nbfisyltmeN';

const writer = new ByteWriter(256);
let busy = false;

/** An injective JS-Map key for `v` (see the module comment). Throws `InvalidValueError` for non-values. */
export function keyOf(v: Value): string | number {
  if (typeof v === 'number') return v === 0 ? 0 : v;
  if (typeof v === 'string' && (v.length === 0 || v.charCodeAt(0) !== 0)) return v;
  if (v === null) return NULL_KEY;
  if (typeof v === 'boolean') return v ? TRUE_KEY : FALSE_KEY;
  return encodedKey(v);
}

function encodedKey(v: Value): string {
  const kind = kindOf(v);
  // Reentrancy (a record getter calling keyOf) would clobber the shared writer; use a fresh one then.
  if (busy) return writeKey(v, kind, new ByteWriter());
  busy = true;
  try {
    writer.reset();
    return writeKey(v, kind, writer);
  } finally {
    busy = false;
  }
}

function writeKey(v: Value, kind: ValueKind, w: ByteWriter): string {
  w.writeByte(0);
  w.writeByte(KIND_TAGS.charCodeAt(kind));
  encodeInto(v, w);
  return w.toLatin1();
}

const NULL_KEY = encodedKey(null);
const TRUE_KEY = encodedKey(true);
const FALSE_KEY = encodedKey(false);
