/**
 * Smart constructors: the way to build terms. They put every term in canonical form, so that
 * structurally equal terms are built identically whatever order their parts came in:
 * - `par` flattens nested compositions, drops `Nil`, and sorts the members (keeping the written
 *   order in `sourceOrder`); a composition of one member is that member, of none is `Nil`;
 * - `eset`, `epathmap` sort and deduplicate; `emap` sorts by key, a repeated key keeping its last value;
 * - `receive` sorts the binds of a join and renumbers the body's variables to follow;
 * - `bundle` merges a bundle directly inside another (the flags of both must allow an operation).
 * Substitution rebuilds through these, so a term stays canonical after values replace variables.
 */

import { ByteWriter } from '../../data/writer.js';
import { compareTerms, keyOf, writeBind } from './encode.js';
import type { Remainder } from './nodes-ground.js';
import { EMap, EPathMap, ESet, GBool, GBytes, GInt, GString, GUri, NIL, Unforgeable } from './nodes-ground.js';
import { Bundle, Par, Receive, type ReceiveBind } from './nodes-proc.js';
import { renameBound } from './substitute.js';
import type { Term } from './term.js';

export const INT64_MIN = -(1n << 63n);
export const INT64_MAX = (1n << 63n) - 1n;

export const TRUE: GBool = new GBool(true);
export const FALSE: GBool = new GBool(false);

export function gbool(value: boolean): GBool {
  return value ? TRUE : FALSE;
}

/** An integer term; `value` must be a signed 64-bit integer (RangeError otherwise). */
export function gint(value: bigint | number): GInt {
  const v = typeof value === 'number' ? BigInt(value) : value;
  if (v < INT64_MIN || v > INT64_MAX) throw new RangeError(`integer ${v} is outside the signed 64-bit range`);
  return new GInt(v);
}

export function gstring(value: string): GString {
  return new GString(value);
}

export function guri(value: string): GUri {
  return new GUri(value);
}

/** A byte-array term holding a copy of `bytes`. */
export function gbytes(bytes: Uint8Array): GBytes {
  return new GBytes(Uint8Array.from(bytes));
}

/** An unforgeable name with (a copy of) the id bytes. */
export function unforgeable(id: Uint8Array): Unforgeable {
  return new Unforgeable(Uint8Array.from(id));
}

/** The parallel composition of `terms` in canonical form (see the module comment). */
export function par(terms: readonly Term[]): Term {
  const flat: Term[] = [];
  for (const t of terms) {
    if (t.kind === 'Nil') continue;
    if (t.kind === 'Par') for (const m of t.sourceOrder) flat.push(m);
    else flat.push(t);
  }
  if (flat.length === 0) return NIL;
  if (flat.length === 1) return flat[0];
  return new Par(sortedCopy(flat), flat);
}

/** A set of `elements` (sorted, duplicates dropped). */
export function eset(elements: readonly Term[], remainder: Remainder | null = null): ESet {
  return new ESet(sortedUnique(elements), remainder);
}

/** A PathMap literal of `elements` (sorted, duplicates dropped). */
export function epathmap(elements: readonly Term[], remainder: Remainder | null = null): EPathMap {
  return new EPathMap(sortedUnique(elements), remainder);
}

/** A map of `keys[i] → values[i]` sorted by key; a repeated key keeps its last value. */
export function emap(keys: readonly Term[], values: readonly Term[], remainder: Remainder | null = null): EMap {
  if (keys.length !== values.length) throw new RangeError('emap: keys and values differ in length');
  const byKey = new Map<string, number>();
  for (let i = 0; i < keys.length; i++) byKey.set(keyOf(keys[i]), i);
  const order = [...byKey.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map((e) => e[1]);
  return new EMap(
    order.map((i) => keys[i]),
    order.map((i) => values[i]),
    remainder,
  );
}

/** A map from entry pairs (see {@link emap}). */
export function emapOf(entries: readonly (readonly [Term, Term])[], remainder: Remainder | null = null): EMap {
  return emap(
    entries.map((e) => e[0]),
    entries.map((e) => e[1]),
    remainder,
  );
}

/** `bundle` with the given flags; a bundle directly inside keeps only what both allow. */
export function bundle(body: Term, read: boolean, write: boolean): Bundle {
  if (body.kind === 'Bundle') return new Bundle(body.body, read && body.read, write && body.write);
  return new Bundle(body, read, write);
}

/**
 * A receive whose `body` numbers the binds' variables in the order `binds` are given. The binds
 * are put in canonical order and, if that moved any, the body's variables are renumbered.
 */
export function receive(binds: readonly ReceiveBind[], body: Term, persistent: boolean): Receive {
  let bindCount = 0;
  for (const b of binds) bindCount += b.freeCount;
  if (binds.length < 2) return new Receive(binds, body, persistent, bindCount);
  const keys = binds.map(bindKey);
  const order = binds.map((_, i) => i).sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0));
  if (order.every((j, i) => j === i)) return new Receive(binds, body, persistent, bindCount);
  // Old level of each bind's first variable, then the new ones after reordering.
  const oldStart: number[] = [];
  let level = 0;
  for (const b of binds) {
    oldStart.push(level);
    level += b.freeCount;
  }
  // perm[old index] = new index, indices counted from the innermost (last) variable.
  const perm = new Array<number>(bindCount);
  let newLevel = 0;
  for (const j of order) {
    for (let o = 0; o < binds[j].freeCount; o++) {
      perm[bindCount - 1 - (oldStart[j] + o)] = bindCount - 1 - (newLevel + o);
    }
    newLevel += binds[j].freeCount;
  }
  return new Receive(
    order.map((j) => binds[j]),
    renameBound(body, perm),
    persistent,
    bindCount,
  );
}

const bindWriter = new ByteWriter(64);

/** The canonical sort key of a receive bind (its encoding). */
export function bindKey(b: ReceiveBind): string {
  bindWriter.reset();
  writeBind(bindWriter, b);
  return bindWriter.toLatin1();
}

function sortedCopy(terms: readonly Term[]): Term[] {
  return [...terms].sort(compareTerms);
}

function sortedUnique(terms: readonly Term[]): Term[] {
  const sorted = sortedCopy(terms);
  const out: Term[] = [];
  let last: string | undefined;
  for (const t of sorted) {
    const k = keyOf(t);
    if (k !== last) out.push(t);
    last = k;
  }
  return out;
}
