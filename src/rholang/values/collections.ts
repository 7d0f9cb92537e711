/**
 * Set and map operations on canonical (sorted, duplicate-free) collections. Elements and keys
 * are found by binary search on their keys, which the collections' construction has memoized,
 * and results are built directly in canonical order.
 */

import { EMap, ESet, keyOf, NIL, type Term } from '../term/index.js';

/** The position of `key` in `sorted` (by key), or `-(insertion point) - 1` if absent. */
export function search(sorted: readonly Term[], key: string): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const k = keyOf(sorted[mid]);
    if (k < key) lo = mid + 1;
    else if (k > key) hi = mid - 1;
    else return mid;
  }
  return -lo - 1;
}

export function setContains(s: ESet, x: Term): boolean {
  return search(s.elements, keyOf(x)) >= 0;
}

export function setAdd(s: ESet, x: Term): ESet {
  const i = search(s.elements, keyOf(x));
  if (i >= 0) return s;
  const at = -i - 1;
  return new ESet([...s.elements.slice(0, at), x, ...s.elements.slice(at)], null);
}

export function setDelete(s: ESet, x: Term): ESet {
  const i = search(s.elements, keyOf(x));
  if (i < 0) return s;
  return new ESet([...s.elements.slice(0, i), ...s.elements.slice(i + 1)], null);
}

/** Sorted merge of two sorted lists without duplicates (`pick` decides for equal keys). */
function merge<T>(
  a: readonly Term[],
  b: readonly Term[],
  onlyA: (i: number) => T | null,
  onlyB: (j: number) => T | null,
  both: (i: number, j: number) => T | null,
): T[] {
  const out: T[] = [];
  let i = 0;
  let j = 0;
  const push = (x: T | null): void => {
    if (x !== null) out.push(x);
  };
  while (i < a.length || j < b.length) {
    if (j >= b.length) push(onlyA(i++));
    else if (i >= a.length) push(onlyB(j++));
    else {
      const ka = keyOf(a[i]);
      const kb = keyOf(b[j]);
      if (ka < kb) push(onlyA(i++));
      else if (ka > kb) push(onlyB(j++));
      else push(both(i++, j++));
    }
  }
  return out;
}

export function setUnion(a: ESet, b: ESet): ESet {
  const x = a.elements;
  const y = b.elements;
  return new ESet(
    merge(
      x,
      y,
      (i) => x[i],
      (j) => y[j],
      (i) => x[i],
    ),
    null,
  );
}

export function setDiff(a: ESet, b: ESet): ESet {
  const x = a.elements;
  return new ESet(
    merge(
      x,
      b.elements,
      (i) => x[i],
      () => null,
      () => null,
    ),
    null,
  );
}

/** The value at `key`, or `fallback` (`Nil` by default). */
export function mapGet(m: EMap, key: Term, fallback: Term = NIL): Term {
  const i = search(m.keys, keyOf(key));
  return i >= 0 ? m.values[i] : fallback;
}

export function mapContains(m: EMap, key: Term): boolean {
  return search(m.keys, keyOf(key)) >= 0;
}

export function mapSet(m: EMap, key: Term, value: Term): EMap {
  const i = search(m.keys, keyOf(key));
  if (i >= 0) {
    const values = [...m.values];
    values[i] = value;
    return new EMap(m.keys, values, null);
  }
  const at = -i - 1;
  return new EMap(
    [...m.keys.slice(0, at), key, ...m.keys.slice(at)],
    [...m.values.slice(0, at), value, ...m.values.slice(at)],
    null,
  );
}

export function mapDelete(m: EMap, key: Term): EMap {
  const i = search(m.keys, keyOf(key));
  if (i < 0) return m;
  return new EMap(
    [...m.keys.slice(0, i), ...m.keys.slice(i + 1)],
    [...m.values.slice(0, i), ...m.values.slice(i + 1)],
    null,
  );
}

/** Union of two maps; on a shared key the value of `b` wins. */
export function mapUnion(a: EMap, b: EMap): EMap {
  const pairs = merge<[Term, Term]>(
    a.keys,
    b.keys,
    (i) => [a.keys[i], a.values[i]],
    (j) => [b.keys[j], b.values[j]],
    (_, j) => [b.keys[j], b.values[j]],
  );
  return new EMap(
    pairs.map((p) => p[0]),
    pairs.map((p) => p[1]),
    null,
  );
}

/** The entries of `a` whose key is not a key of `b`. */
export function mapDiff(a: EMap, b: EMap): EMap {
  const pairs = merge<[Term, Term]>(
    a.keys,
    b.keys,
    (i) => [a.keys[i], a.values[i]],
    () => null,
    () => null,
  );
  return new EMap(
    pairs.map((p) => p[0]),
    pairs.map((p) => p[1]),
    null,
  );
}
