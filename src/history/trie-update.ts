/**
 * The batched update behind `Trie.apply`: merges a sorted batch of changes into a trie, visiting only the slots
 * whose key range holds a change, and returns the new top child plus the nodes it had to create.
 *
 * The result is the canonical trie of the new map (see `node.ts`): a branch exists exactly where at least two
 * keys diverge, its prefix is the longest prefix they share, and a lone key is an inline leaf. So the shape,
 * and with it every hash, depends only on the map, never on the order of inserts and deletes.
 *
 * New branches are built unhashed and sealed (encoded, hashed) in one post-order pass at the end, so a branch
 * that a later step of the same batch merges away is never encoded, hashed or written.
 */

import { HistoryError } from './errors.js';
import { blake2b256, bytesEqual, compareBytes, HASH_LENGTH } from './hash.js';
import { Branch, type Child, encodeBranch, Leaf, Ref } from './node.js';

/** One stored node: its hash and its canonical bytes. */
export interface NodeEntry {
  readonly hash: Uint8Array;
  readonly bytes: Uint8Array;
}

/** A change to the map: set `key` to `value`, or delete it when `value` is null. */
export type TrieChange = readonly [key: Uint8Array, value: Uint8Array | null];

type Pending = [key: Uint8Array, value: Uint8Array | null];

const INDEX_SPAN = 2 ** 21;

/**
 * Sorts changes by key, stably. A comparator sort of 10,000 keys costs over 100,000 JS calls, so each change is
 * packed as (first 4 key bytes) * 2^21 + (input index) into a Float64Array (exact below 2^53) and sorted
 * natively; runs that share their first 4 bytes (rare for hash keys) are then finished with the comparator.
 */
function sortByKey(list: Pending[]): Pending[] {
  const byKey = (a: Pending, b: Pending) => compareBytes(a[0], b[0]);
  const n = list.length;
  if (n < 64 || n >= INDEX_SPAN) return list.sort(byKey);
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const k = list[i][0];
    packed[i] = (((k[0] << 24) | (k[1] << 16) | (k[2] << 8) | k[3]) >>> 0) * INDEX_SPAN + i;
  }
  packed.sort();
  const out: Pending[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = list[packed[i] % INDEX_SPAN];
  for (let i = 0; i < n; ) {
    const head = Math.floor(packed[i] / INDEX_SPAN);
    let j = i + 1;
    while (j < n && Math.floor(packed[j] / INDEX_SPAN) === head) j++;
    // Within a run, input order is kept, and Array sort is stable: equal keys stay in input order.
    if (j - i > 1) {
      const run = out.slice(i, j).sort(byKey);
      for (let r = 0; r < run.length; r++) out[i + r] = run[r];
    }
    i = j;
  }
  return out;
}

/** Sorts and validates a batch; copies keys and values so later mutation by the caller cannot reach the trie. */
function normalise(changes: Iterable<TrieChange>): { keys: Uint8Array[]; vals: (Uint8Array | null)[] } {
  const input: Pending[] = [];
  // Indexing instead of destructuring: array destructuring runs the iterator protocol per change.
  for (const change of changes) {
    const key = change[0];
    const value = change[1];
    if (!(key instanceof Uint8Array) || key.length !== HASH_LENGTH) {
      throw new HistoryError('InvalidInput', `trie keys are ${HASH_LENGTH}-byte arrays`);
    }
    if (value !== null && (!(value instanceof Uint8Array) || value.length !== HASH_LENGTH)) {
      throw new HistoryError('InvalidInput', `trie values are ${HASH_LENGTH}-byte arrays or null`);
    }
    input.push([new Uint8Array(key), value === null ? null : new Uint8Array(value)]);
  }
  const list = sortByKey(input);
  // Among equal keys the input order survived the stable sort, so keeping the last one makes the last change win.
  const keys: Uint8Array[] = [];
  const vals: (Uint8Array | null)[] = [];
  for (let i = 0; i < list.length; i++) {
    if (i + 1 < list.length && bytesEqual(list[i][0], list[i + 1][0])) continue;
    keys.push(list[i][0]);
    vals.push(list[i][1]);
  }
  return { keys, vals };
}

/** Length of the common part of `key[depth..]` and `prefix[0..limit)`. */
function matchLength(key: Uint8Array, depth: number, prefix: Uint8Array, limit: number): number {
  for (let i = 0; i < limit; i++) if (key[depth + i] !== prefix[i]) return i;
  return limit;
}

/** Applies a batch to the trie whose top child is `top`; `resolve` decodes (and caches) a stored branch. */
export function applyChanges(
  top: Child | null,
  changes: Iterable<TrieChange>,
  resolve: (ref: Ref) => Branch,
): { top: Child | null; nodes: NodeEntry[] } {
  const { keys, vals } = normalise(changes);
  if (keys.length === 0) return { top, nodes: [] };
  const u = new Updater(keys, vals, resolve);
  const next = u.update(top, 0, 0, keys.length);
  if (next instanceof Ref && next.hash === null) u.seal(next);
  return { top: next, nodes: u.nodes };
}

class Updater {
  readonly nodes: NodeEntry[] = [];
  private readonly keys: Uint8Array[];
  private readonly vals: (Uint8Array | null)[];
  private readonly resolve: (ref: Ref) => Branch;

  constructor(keys: Uint8Array[], vals: (Uint8Array | null)[], resolve: (ref: Ref) => Branch) {
    this.keys = keys;
    this.vals = vals;
    this.resolve = resolve;
  }

  /** The subtree at `depth` after changes [lo, hi), which all share the subtree's path. Same object if unchanged. */
  update(child: Child | null, depth: number, lo: number, hi: number): Child | null {
    if (child === null) return this.buildRange(depth, lo, hi);
    if (child instanceof Leaf) return this.mergeLeaf(child, depth, lo, hi);
    return this.updateBranch(this.resolve(child), child, depth, lo, hi);
  }

  private buildRange(depth: number, lo: number, hi: number): Child | null {
    const leaves: Leaf[] = [];
    for (let j = lo; j < hi; j++) {
      const v = this.vals[j];
      if (v !== null) leaves.push(new Leaf(this.keys[j], v));
    }
    return this.build(leaves, 0, leaves.length, depth);
  }

  private mergeLeaf(leaf: Leaf, depth: number, lo: number, hi: number): Child | null {
    const leaves: Leaf[] = [];
    let placed = false;
    let changed = false;
    for (let j = lo; j < hi; j++) {
      const c = compareBytes(this.keys[j], leaf.key);
      const v = this.vals[j];
      if (!placed && c > 0) {
        leaves.push(leaf);
        placed = true;
      }
      if (c === 0) {
        placed = true;
        if (v !== null && bytesEqual(v, leaf.value)) leaves.push(leaf);
        else {
          if (v !== null) leaves.push(new Leaf(this.keys[j], v));
          changed = true;
        }
      } else if (v !== null) {
        leaves.push(new Leaf(this.keys[j], v));
        changed = true;
      }
    }
    if (!placed) leaves.push(leaf);
    return changed ? this.build(leaves, 0, leaves.length, depth) : leaf;
  }

  /** The canonical subtree at `depth` of `leaves[lo, hi)` (sorted, distinct keys). */
  private build(leaves: Leaf[], lo: number, hi: number, depth: number): Child | null {
    if (hi - lo <= 1) return hi > lo ? leaves[lo] : null;
    const first = leaves[lo].key;
    const last = leaves[hi - 1].key;
    // Sorted keys: the common prefix of the whole range is the common prefix of its ends.
    let at = depth;
    while (first[at] === last[at]) at++;
    const slots: number[] = [];
    const kids: Child[] = [];
    for (let i = lo; i < hi; ) {
      const b = leaves[i].key[at];
      let j = i + 1;
      while (j < hi && leaves[j].key[at] === b) j++;
      slots.push(b);
      kids.push(this.build(leaves, i, j, at + 1) as Child);
      i = j;
    }
    return this.finish(first.slice(depth, at), slots, kids);
  }

  private updateBranch(b: Branch, ref: Ref, depth: number, lo: number, hi: number): Child | null {
    const { keys, vals } = this;
    const p = b.prefix;
    // Where the first insert leaves the prefix. Deleting a key that leaves it is a no-op (the key is absent).
    let split = p.length;
    for (let j = lo; j < hi; j++) {
      if (vals[j] !== null) split = matchLength(keys[j], depth, p, split);
    }
    // Changes that share p[0, split) form one run of the sorted batch; the rest are no-op deletions.
    let a = lo;
    while (a < hi && matchLength(keys[a], depth, p, split) < split) a++;
    let z = a;
    while (z < hi && matchLength(keys[z], depth, p, split) === split) z++;
    const at = depth + split;
    const slots: number[] = [];
    const kids: Child[] = [];

    if (split < p.length) {
      // An insert leaves the prefix: the old branch moves one level down (shorter prefix) under a new branch.
      const pivot = p[split];
      const inner = new Ref(null, new Branch(p.subarray(split + 1), b.slots, b.kids));
      let innerPlaced = false;
      for (let i = a; i < z; ) {
        const c = keys[i][at];
        let j = i + 1;
        while (j < z && keys[j][at] === c) j++;
        if (!innerPlaced && c > pivot) {
          slots.push(pivot);
          kids.push(inner);
          innerPlaced = true;
        }
        const kid = c === pivot ? this.update(inner, at + 1, i, j) : this.buildRange(at + 1, i, j);
        if (c === pivot) innerPlaced = true;
        if (kid !== null) {
          slots.push(c);
          kids.push(kid);
        }
        i = j;
      }
      if (!innerPlaced) {
        slots.push(pivot);
        kids.push(inner);
      }
      return this.finish(p.slice(0, split), slots, kids);
    }

    // Every change lies inside this branch: walk its slots and the changed groups together. An unchanged
    // branch is returned as is, even an unsealed one (the final seal pass hashes it).
    let changed = false;
    let k = 0;
    const n = b.slots.length;
    for (let i = a; i < z; ) {
      const c = keys[i][at];
      let j = i + 1;
      while (j < z && keys[j][at] === c) j++;
      while (k < n && b.slots[k] < c) {
        slots.push(b.slots[k]);
        kids.push(b.kids[k++]);
      }
      const old = k < n && b.slots[k] === c ? b.kids[k++] : null;
      const kid = this.update(old, at + 1, i, j);
      if (kid !== old) changed = true;
      if (kid !== null) {
        slots.push(c);
        kids.push(kid);
      }
      i = j;
    }
    if (!changed) return ref;
    while (k < n) {
      slots.push(b.slots[k]);
      kids.push(b.kids[k++]);
    }
    return this.finish(p, slots, kids);
  }

  /** A branch of `kids`, or what it collapses to: nothing, a lone leaf, or its only child branch, merged up. */
  private finish(prefix: Uint8Array, slots: ArrayLike<number>, kids: Child[]): Child | null {
    if (kids.length === 0) return null;
    if (kids.length === 1) {
      const only = kids[0];
      if (only instanceof Leaf) return only;
      const c = this.resolve(only);
      const merged = new Uint8Array(prefix.length + 1 + c.prefix.length);
      merged.set(prefix);
      merged[prefix.length] = slots[0];
      merged.set(c.prefix, prefix.length + 1);
      return new Ref(null, new Branch(merged, c.slots, c.kids));
    }
    return new Ref(null, new Branch(prefix, Uint8Array.from(slots), kids));
  }

  /** Encodes and hashes `ref` and its unsealed descendants, children first, recording each new node. */
  seal(ref: Ref): void {
    const b = ref.node as Branch;
    for (const kid of b.kids) {
      if (kid instanceof Ref && kid.hash === null) this.seal(kid);
    }
    const bytes = encodeBranch(b.prefix, b.slots, b.kids);
    const hash = blake2b256(bytes);
    ref.hash = hash;
    this.nodes.push({ hash, bytes });
  }
}
