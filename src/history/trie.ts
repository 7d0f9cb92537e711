/**
 * A persistent Merkle radix trie from 32-byte keys to 32-byte values (for the history: a channel's key hash to
 * the hash of its leaf bytes). 256-ary with path compression; the node format is in `node.ts`, the batched
 * update in `trie-update.ts`.
 *
 * A `Trie` value never changes: `apply` returns a new trie that shares every untouched node with the old one
 * (in memory and, by hash, in the store). Stored nodes are decoded lazily, on first visit, and then cached in
 * the trie's own objects, so a trie that is read and updated repeatedly decodes each node at most once.
 */

import { HistoryError } from './errors.js';
import { blake2b256, bytesEqual, compareBytes, fromHex, toHex } from './hash.js';
import { Branch, type Child, decodeNode, EMPTY_ROOT_HEX, encodeLeafNode, Leaf, Ref } from './node.js';
import { applyChanges, type NodeEntry, type TrieChange } from './trie-update.js';

/** Where a trie reads stored nodes from: any `NodeStore` will do. */
export interface NodeReader {
  get(hash: Uint8Array): Uint8Array | undefined;
}

/** The result of {@link Trie.apply}. */
export interface TrieUpdate {
  /** The updated trie (the same object when the batch changed nothing). */
  readonly trie: Trie;
  /** Its root hash. */
  readonly root: Uint8Array;
  /** Nodes created by this batch, children before parents, no duplicates; empty when nothing changed. */
  readonly nodes: NodeEntry[];
}

/** One key whose value differs between two tries (null: absent on that side). */
export interface TrieDiffEntry {
  readonly key: Uint8Array;
  readonly before: Uint8Array | null;
  readonly after: Uint8Array | null;
}

/** The root hash of the empty trie, as a fresh array. */
export function emptyRoot(): Uint8Array {
  return fromHex(EMPTY_ROOT_HEX);
}

/** Whether `root` is the hash of the empty trie. */
export function isEmptyRoot(root: Uint8Array): boolean {
  return root.length === 32 && toHex(root) === EMPTY_ROOT_HEX;
}

export class Trie {
  /** The root hash. Do not mutate. */
  readonly root: Uint8Array;
  private readonly store: NodeReader | null;
  private readonly top: Child | null;

  private constructor(store: NodeReader | null, top: Child | null, root: Uint8Array) {
    this.store = store;
    this.top = top;
    this.root = root;
  }

  /** The empty trie; `store` is where nodes of tries loaded or derived from it are read (none needed here). */
  static empty(store: NodeReader | null = null): Trie {
    return new Trie(store, null, emptyRoot());
  }

  /**
   * The trie whose root is `root`, reading nodes from `store` on demand. Only the root node is read now:
   * `MissingNode` if it is absent, `CorruptedNode` if it does not decode. Nodes below are read on first visit.
   */
  static load(store: NodeReader, root: Uint8Array): Trie {
    if (isEmptyRoot(root)) return Trie.empty(store);
    const hash = root.slice();
    const bytes = store.get(hash);
    if (bytes === undefined) throw new HistoryError('MissingNode', `Missing node ${toHex(hash)}`);
    const node = decodeNode(hash, bytes);
    if (node instanceof Leaf) return new Trie(store, node, hash);
    if (node instanceof Branch) return new Trie(store, new Ref(hash, node), hash);
    throw new HistoryError('CorruptedNode', `Corrupted node ${toHex(hash)}: the empty node under another hash`);
  }

  /** Whether the map is empty. */
  get isEmpty(): boolean {
    return this.top === null;
  }

  /** The value stored under `key`, or undefined. Reads at most one node per level of the path. */
  get(key: Uint8Array): Uint8Array | undefined {
    let child = this.top;
    let depth = 0;
    while (child !== null) {
      if (child instanceof Leaf) return bytesEqual(child.key, key) ? child.value : undefined;
      const b = this.branch(child);
      const p = b.prefix;
      for (let i = 0; i < p.length; i++) if (key[depth + i] !== p[i]) return undefined;
      depth += p.length;
      const idx = b.indexOf(key[depth]);
      if (idx < 0) return undefined;
      child = b.kids[idx];
      depth++;
    }
    return undefined;
  }

  /** Every entry in ascending key order. The arrays view node bytes: do not mutate them. */
  *entries(): Generator<[key: Uint8Array, value: Uint8Array]> {
    for (const leaf of this.walk(this.top)) yield [leaf.key, leaf.value];
  }

  /**
   * Applies a batch of changes (null deletes; the last change to a key wins) and returns the new trie, its root
   * and the nodes that must be stored for it. Only branches on the paths of changed keys are rebuilt.
   */
  apply(changes: Iterable<TrieChange>): TrieUpdate {
    const { top, nodes } = applyChanges(this.top, changes, (ref) => this.branch(ref));
    if (top === this.top) return { trie: this, root: this.root, nodes: [] };
    let root: Uint8Array;
    if (top === null) root = emptyRoot();
    else if (top instanceof Leaf) {
      // A one-entry map has no branch: its root node is the leaf itself.
      const bytes = encodeLeafNode(top);
      root = blake2b256(bytes);
      nodes.push({ hash: root, bytes });
    } else root = top.hash as Uint8Array;
    return { trie: new Trie(this.store, top, root), root, nodes };
  }

  /**
   * The keys whose values differ between this trie (`before`) and `other` (`after`), in ascending key order.
   * Subtrees with equal hashes are skipped without being read, so the cost follows the size of the difference.
   */
  *diff(other: Trie): Generator<TrieDiffEntry> {
    yield* this.diffChildren(this.top, other, other.top);
  }

  private *diffChildren(a: Child | null, other: Trie, b: Child | null): Generator<TrieDiffEntry> {
    if (a === b) return;
    if (a instanceof Ref && b instanceof Ref) {
      if (a.hash !== null && b.hash !== null && bytesEqual(a.hash, b.hash)) return;
      const ba = this.branch(a);
      const bb = other.branch(b);
      // Same position and same prefix: the slots cover the same key ranges, so compare slot by slot.
      if (bytesEqual(ba.prefix, bb.prefix)) {
        let i = 0;
        let j = 0;
        while (i < ba.slots.length || j < bb.slots.length) {
          const sa = i < ba.slots.length ? ba.slots[i] : 256;
          const sb = j < bb.slots.length ? bb.slots[j] : 256;
          const ka = sa <= sb ? ba.kids[i++] : null;
          const kb = sb <= sa ? bb.kids[j++] : null;
          yield* this.diffChildren(ka, other, kb);
        }
        return;
      }
    }
    // Different shapes: merge the two sorted entry streams.
    const ia = this.walk(a);
    const ib = other.walk(b);
    let x = ia.next();
    let y = ib.next();
    while (!x.done || !y.done) {
      const c = x.done ? 1 : y.done ? -1 : compareBytes(x.value.key, y.value.key);
      if (c < 0) {
        yield { key: x.value.key, before: x.value.value, after: null };
        x = ia.next();
      } else if (c > 0) {
        const leaf = y.value as Leaf;
        yield { key: leaf.key, before: null, after: leaf.value };
        y = ib.next();
      } else {
        const la = x.value as Leaf;
        const lb = y.value as Leaf;
        if (!bytesEqual(la.value, lb.value)) yield { key: la.key, before: la.value, after: lb.value };
        x = ia.next();
        y = ib.next();
      }
    }
  }

  private *walk(child: Child | null): Generator<Leaf> {
    if (child === null) return;
    if (child instanceof Leaf) {
      yield child;
      return;
    }
    for (const kid of this.branch(child).kids) yield* this.walk(kid);
  }

  /** The branch `ref` points at, read and decoded on first use. */
  private branch(ref: Ref): Branch {
    if (ref.node !== null) return ref.node;
    const hash = ref.hash as Uint8Array;
    const bytes = this.store?.get(hash);
    if (bytes === undefined) throw new HistoryError('MissingNode', `Missing node ${toHex(hash)}`);
    const node = decodeNode(hash, bytes);
    if (!(node instanceof Branch)) {
      throw new HistoryError('CorruptedNode', `Corrupted node ${toHex(hash)}: a child pointer to a non-branch node`);
    }
    ref.node = node;
    return node;
  }
}
