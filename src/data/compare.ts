/**
 * Structural equality and the total order on values.
 *
 * The order: first by kind (the order of `ValueKind`), then within a kind: false < true; numbers numerically
 * with `-0 == 0` and NaN (one value) after every number; bigints numerically; strings by code point (the byte
 * order of their encoding); bytes and names lexicographically, a proper prefix first; lists and tuples
 * element-wise, a proper prefix first; maps by their canonical entry sequences (key, then value, entry by
 * entry, then fewer entries first); sets by their canonical element sequences.
 *
 * "Canonical" means sorted by this order with structural duplicates removed; for a JS `Map` holding several
 * structurally equal keys the entry later in iteration order wins (the same rule as `encode`).
 *
 * `compare(a, b) === 0` exactly when `equals(a, b)`, and exactly when their encodings are equal.
 */

import { compareStrings } from './utf8.js';
import { kindOf, mapSize, type Name, type Tuple, type Value, ValueKind, type ValueRecord } from './value.js';

/** A map value: a JS `Map` or a record. */
export type MapValue = ReadonlyMap<Value, Value> | ValueRecord;

/** Structural equality (see the module comment). Throws `InvalidValueError` on non-values it has to inspect. */
export function equals(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || a === null) {
    // Distinct primitives are unequal (=== already equates -0 and 0, and 1n and 1n), except NaN: one value.
    return typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b);
  }
  if (typeof b !== 'object' || b === null) return false;
  const kind = kindOf(a);
  if (kind !== kindOf(b)) return false;
  switch (kind) {
    case ValueKind.List:
      return itemsEqual(a as readonly Value[], b as readonly Value[]);
    case ValueKind.Tuple:
      return itemsEqual((a as Tuple).items, (b as Tuple).items);
    case ValueKind.Bytes:
      return bytesEqual(a as Uint8Array, b as Uint8Array);
    case ValueKind.Name:
      return bytesEqual((a as Name).bytes, (b as Name).bytes);
    case ValueKind.Map:
      return mapsEqual(a as MapValue, b as MapValue);
    default:
      return setsEqual(a as ReadonlySet<Value>, b as ReadonlySet<Value>);
  }
}

/** The total order (see the module comment): -1 if `a` sorts first, 1 if `b` does, 0 if they are equal. */
export function compare(a: Value, b: Value): -1 | 0 | 1 {
  if (a === b) return 0;
  const ka = kindOf(a);
  const kb = kindOf(b);
  if (ka !== kb) return ka < kb ? -1 : 1;
  switch (ka) {
    case ValueKind.Number: {
      const x = a as number;
      const y = b as number;
      if (x < y) return -1;
      if (x > y) return 1;
      if (Number.isNaN(x)) return Number.isNaN(y) ? 0 : 1; // NaN sorts after every number
      return -1; // y is NaN (x === y was ruled out above, -0 vs 0 included)
    }
    case ValueKind.String:
      return compareStrings(a as string, b as string);
    case ValueKind.Boolean:
      return a ? 1 : -1; // a !== b, so exactly one is true
    case ValueKind.BigInt:
      return (a as bigint) < (b as bigint) ? -1 : 1;
    case ValueKind.Bytes:
      return compareBytes(a as Uint8Array, b as Uint8Array);
    case ValueKind.List:
      return compareItems(a as readonly Value[], b as readonly Value[]);
    case ValueKind.Tuple:
      return compareItems((a as Tuple).items, (b as Tuple).items);
    case ValueKind.Map:
      return compareMaps(a as MapValue, b as MapValue);
    case ValueKind.Set:
      return compareItems(canonicalSetElements(a as ReadonlySet<Value>), canonicalSetElements(b as ReadonlySet<Value>));
    case ValueKind.Name:
      return compareBytes((a as Name).bytes, (b as Name).bytes);
    default:
      return 0; // null: only one value
  }
}

/** Lexicographic byte order, a proper prefix first. */
export function compareBytes(a: Uint8Array, b: Uint8Array): -1 | 0 | 1 {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

/** The value stored under `key` (a key of `m` as returned by {@link canonicalKeys}). */
export function mapGet(m: MapValue, key: Value): Value {
  return m instanceof Map ? (m as ReadonlyMap<Value, Value>).get(key)! : (m as ValueRecord)[key as string];
}

/** The keys of a map value in canonical order, structural duplicates removed (the later entry's key kept). */
export function canonicalKeys(m: MapValue): Value[] {
  if (!(m instanceof Map)) return stableSort(Object.keys(m), compareStrings);
  return canonicalize(Array.from((m as ReadonlyMap<Value, Value>).keys()));
}

/** The elements of a set in canonical order, structural duplicates removed. */
export function canonicalSetElements(s: ReadonlySet<Value>): Value[] {
  return canonicalize(Array.from(s));
}

/** Sorts `items` (distinct by SameValueZero, as Map keys and Set elements are) and drops structural duplicates. */
function canonicalize(items: Value[]): Value[] {
  let allStrings = true;
  let compound = false;
  for (let i = 0; i < items.length; i++) {
    const x = items[i];
    if (typeof x !== 'string') {
      allStrings = false;
      if (typeof x === 'object' && x !== null) compound = true;
    }
  }
  if (allStrings) return stableSort(items as string[], compareStrings);
  stableSort(items, compare); // equal items keep their insertion order
  // Only compound values can be structurally equal yet SameValueZero-distinct.
  if (!compound) return items;
  let w = 0;
  for (let i = 0; i < items.length; i++) {
    // Keep the last of each run of equal items: for Map keys, the later entry wins.
    if (i + 1 < items.length && compare(items[i], items[i + 1]) === 0) continue;
    items[w++] = items[i];
  }
  items.length = w;
  return items;
}

/**
 * Sorts in place, stably. Maps and sets are usually small, and for a handful of items an insertion sort
 * (linear when already sorted) beats `Array.prototype.sort`'s per-call setup; larger inputs use the latter.
 */
function stableSort<T>(items: T[], cmp: (a: T, b: T) => number): T[] {
  const n = items.length;
  if (n > 12) return items.sort(cmp);
  for (let i = 1; i < n; i++) {
    const x = items[i];
    let j = i - 1;
    while (j >= 0 && cmp(items[j], x) > 0) {
      items[j + 1] = items[j];
      j--;
    }
    items[j + 1] = x;
  }
  return items;
}

function itemsEqual(a: readonly Value[], b: readonly Value[]): boolean {
  const n = a.length;
  if (n !== b.length) return false;
  for (let i = 0; i < n; i++) {
    if (!equals(a[i], b[i])) return false;
  }
  return true;
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  const n = a.length;
  if (n !== b.length) return false;
  for (let i = 0; i < n; i++) {
    if (a[i] !== b[i]) return false;
  }
  return true;
}

function compareItems(a: readonly Value[], b: readonly Value[]): -1 | 0 | 1 {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compare(a[i], b[i]);
    if (c !== 0) return c;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

function compareMaps(a: MapValue, b: MapValue): -1 | 0 | 1 {
  const ka = canonicalKeys(a);
  const kb = canonicalKeys(b);
  const n = Math.min(ka.length, kb.length);
  for (let i = 0; i < n; i++) {
    const c = compare(ka[i], kb[i]) || compare(mapGet(a, ka[i]), mapGet(b, kb[i]));
    if (c !== 0) return c;
  }
  return ka.length < kb.length ? -1 : ka.length > kb.length ? 1 : 0;
}

function mapHas(m: MapValue, key: Value): boolean {
  if (m instanceof Map) return (m as ReadonlyMap<Value, Value>).has(key);
  return typeof key === 'string' && Object.hasOwn(m, key);
}

/**
 * Fast path: while `a`'s keys are primitives, look each up in `b` (Map lookup is SameValueZero, which is
 * structural equality for primitives). A primitive key has no structural duplicate, so a missing key or a
 * different value settles inequality at once. A compound key needs the canonical (sorted) comparison.
 */
function mapsEqual(a: MapValue, b: MapValue): boolean {
  if (a instanceof Map) {
    for (const [k, v] of a as ReadonlyMap<Value, Value>) {
      if (typeof k === 'object' && k !== null) return compareMaps(a, b) === 0;
      if (!mapHas(b, k) || !equals(v, mapGet(b, k))) return false;
    }
    // Every key of `a` is in `b`; `b` has no others iff the sizes agree (`a`'s keys have no duplicates).
    return a.size === mapSize(b);
  }
  const keys = Object.keys(a);
  if (keys.length !== mapSize(b)) return false;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (!mapHas(b, k) || !equals((a as ValueRecord)[k], mapGet(b, k))) return false;
  }
  return true;
}

/** As {@link mapsEqual}: `Set.has` decides primitive membership; compound elements need the sorted comparison. */
function setsEqual(a: ReadonlySet<Value>, b: ReadonlySet<Value>): boolean {
  for (const x of a) {
    if (typeof x === 'object' && x !== null) return compareSetsEqual(a, b);
    if (!b.has(x)) return false;
  }
  return a.size === b.size;
}

function compareSetsEqual(a: ReadonlySet<Value>, b: ReadonlySet<Value>): boolean {
  return compareItems(canonicalSetElements(a), canonicalSetElements(b)) === 0;
}
