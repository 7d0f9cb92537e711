/**
 * The history facade: hard checkpoints as Merkle roots over per-channel leaves.
 *
 * A leaf is a channel's canonical state bytes, stored under their BLAKE2b-256 hash; the trie maps each
 * channel's 32-byte key hash to its leaf hash; the root of that trie names the whole state. A checkpoint
 * passes only the channels that changed since `previousRoot`, so its cost follows the change, not the state.
 */

import { HistoryError } from './errors.js';
import { blake2b256, bytesEqual, initHashing, toHex } from './hash.js';
import { Branch, decodeNode, Leaf } from './node.js';
import type { HistoryStore, NodeEntry } from './stores.js';
import { emptyRoot, isEmptyRoot, Trie } from './trie.js';

/** Progress of {@link History.verify}, reported every {@link VERIFY_PROGRESS_EVERY} leaves and at the end. */
export interface VerifyProgress {
  /** Nodes and leaves checked so far, and their total size in bytes. */
  readonly nodes: number;
  readonly leaves: number;
  readonly bytes: number;
  /**
   * Estimated share of the work done, 0..1: the position in key space of the last leaf checked. Keys are
   * hashes, hence uniform, so this tracks the share of leaves checked without counting them first.
   */
  readonly fraction: number;
}

/** What {@link History.verify} checked. */
export interface VerifyReport {
  readonly root: Uint8Array;
  readonly nodes: number;
  readonly leaves: number;
  readonly bytes: number;
}

/** A channel whose leaf differs between two roots (null: absent on that side). */
export interface HistoryDiffEntry {
  readonly key: Uint8Array;
  readonly before: Uint8Array | null;
  readonly after: Uint8Array | null;
}

/** A change to checkpoint: a channel's key hash and its new leaf bytes, or null when the channel is gone. */
export type LeafChange = readonly [keyHash: Uint8Array, leaf: Uint8Array | null];

export const VERIFY_PROGRESS_EVERY = 1024;

export class History {
  readonly store: HistoryStore;
  /** The trie of the last root committed or loaded, so consecutive checkpoints reuse its decoded nodes. */
  private cached: Trie | null = null;

  /** Hashing must be initialised before the first call (see {@link History.create} / `initHashing`). */
  constructor(store: HistoryStore) {
    this.store = store;
  }

  /** Initialises hashing, then wraps `store`. */
  static async create(store: HistoryStore): Promise<History> {
    await initHashing();
    return new History(store);
  }

  /** Whether `root` can be loaded: registered in the store, or the empty root. */
  hasRoot(root: Uint8Array): boolean {
    return isEmptyRoot(root) || this.store.hasRoot(root);
  }

  /**
   * Checkpoints the state `previousRoot` + `changes` (the last change to a key wins) and returns its root. Nodes,
   * leaves and root are written with one `writeCheckpoint` (one LMDB transaction). `UnknownRoot` if
   * `previousRoot` is not loadable.
   */
  commit(changes: Iterable<LeafChange>, previousRoot: Uint8Array = emptyRoot()): Uint8Array {
    const trie = this.trieAt(previousRoot);
    const leaves: NodeEntry[] = [];
    const trieChanges: Array<readonly [Uint8Array, Uint8Array | null]> = [];
    for (const [key, leaf] of changes) {
      if (leaf === null) trieChanges.push([key, null]);
      else if (!(leaf instanceof Uint8Array)) throw new HistoryError('InvalidInput', 'leaves are Uint8Arrays or null');
      else {
        // A key changed twice keeps its last leaf (the trie's rule); an earlier leaf is written but unreachable,
        // which costs nothing here and which the bounded store sweeps.
        const hash = blake2b256(leaf);
        leaves.push({ hash, bytes: leaf });
        trieChanges.push([key, hash]);
      }
    }
    const update = trie.apply(trieChanges);
    this.store.writeCheckpoint({ root: update.root, nodes: update.nodes, leaves });
    this.cached = update.trie;
    return update.root.slice();
  }

  /**
   * Every (key hash, leaf bytes) of the state `root`, in ascending key order. `UnknownRoot` is thrown by this
   * call; `MissingNode` / `CorruptedNode` while iterating. Leaf arrays belong to the store: do not mutate them.
   */
  load(root: Uint8Array): Generator<[keyHash: Uint8Array, leaf: Uint8Array]> {
    const trie = this.trieAt(root);
    this.cached = trie;
    return this.leavesOf(trie);
  }

  private *leavesOf(trie: Trie): Generator<[Uint8Array, Uint8Array]> {
    for (const [key, hash] of trie.entries()) yield [key.slice(), this.leaf(hash)];
  }

  /** The key hashes of the state `root`, in ascending order, without reading any leaf. */
  *keys(root: Uint8Array): Generator<Uint8Array> {
    for (const [key] of this.trieAt(root).entries()) yield key.slice();
  }

  /** The leaf bytes of channel `keyHash` in state `root`, or undefined if the channel is absent there. */
  get(root: Uint8Array, keyHash: Uint8Array): Uint8Array | undefined {
    const hash = this.trieAt(root).get(keyHash);
    return hash === undefined ? undefined : this.leaf(hash);
  }

  /** The channels whose leaves differ between `before` and `after`, in ascending key order. */
  *diff(before: Uint8Array, after: Uint8Array): Generator<HistoryDiffEntry> {
    const a = this.trieAt(before);
    const b = this.trieAt(after);
    for (const d of a.diff(b)) {
      yield {
        key: d.key.slice(),
        before: d.before === null ? null : this.leaf(d.before),
        after: d.after === null ? null : this.leaf(d.after),
      };
    }
  }

  /**
   * Re-reads every node and leaf reachable from `root` straight from the store, re-hashes each, and checks that
   * the trie is canonical and every leaf sits on its key's path. Throws the first problem as a `HistoryError`.
   */
  verify(root: Uint8Array, onProgress?: (progress: VerifyProgress) => void): VerifyReport {
    if (!this.hasRoot(root)) throw unknownRoot(root);
    const c = { nodes: 0, leaves: 0, bytes: 0, fraction: 0 };
    const checkLeaf = (leaf: Leaf, path: Uint8Array, depth: number): void => {
      if (!bytesEqual(leaf.key.subarray(0, depth), path.subarray(0, depth))) {
        throw new HistoryError('CorruptedNode', `Corrupted node: leaf ${toHex(leaf.key)} is off its key's path`);
      }
      const bytes = this.store.leaves.get(leaf.value);
      if (bytes === undefined) throw new HistoryError('MissingNode', `Missing leaf ${toHex(leaf.value)}`);
      if (!bytesEqual(blake2b256(bytes), leaf.value)) {
        throw new HistoryError('CorruptedNode', `Corrupted leaf ${toHex(leaf.value)}`);
      }
      c.leaves++;
      c.bytes += bytes.length;
      // The first 4 key bytes as a number in [0, 1): fine-grained enough for a progress bar.
      const k = leaf.key;
      c.fraction = (((k[0] * 256 + k[1]) * 256 + k[2]) * 256 + k[3]) / 2 ** 32;
      if (onProgress !== undefined && c.leaves % VERIFY_PROGRESS_EVERY === 0) onProgress({ ...c });
    };
    // Depth-first with an explicit stack of leaves and branches, children pushed in reverse so that they pop,
    // and leaves are checked, in ascending key order (which keeps `fraction` monotonic).
    type Work = { hash: Uint8Array; leaf: Leaf | null; depth: number; path: Uint8Array };
    const pending: Work[] = [];
    if (!isEmptyRoot(root)) pending.push({ hash: root, leaf: null, depth: 0, path: new Uint8Array(32) });
    while (pending.length > 0) {
      const { hash, leaf, depth, path } = pending.pop() as Work;
      if (leaf !== null) {
        checkLeaf(leaf, path, depth);
        continue;
      }
      const bytes = this.store.nodes.get(hash);
      if (bytes === undefined) throw new HistoryError('MissingNode', `Missing node ${toHex(hash)}`);
      if (!bytesEqual(blake2b256(bytes), hash))
        throw new HistoryError('CorruptedNode', `Corrupted node ${toHex(hash)}`);
      c.nodes++;
      c.bytes += bytes.length;
      const node = decodeNode(hash, bytes);
      if (node instanceof Leaf && depth === 0) {
        checkLeaf(node, path, 0);
        continue;
      }
      if (!(node instanceof Branch)) {
        throw new HistoryError('CorruptedNode', `Corrupted node ${toHex(hash)}: not a branch below the root`);
      }
      const at = depth + node.prefix.length;
      if (at >= 32) throw new HistoryError('CorruptedNode', `Corrupted node ${toHex(hash)}: prefix runs past the key`);
      for (let i = node.kids.length - 1; i >= 0; i--) {
        const kid = node.kids[i];
        const childPath = path.slice();
        childPath.set(node.prefix, depth);
        childPath[at] = node.slots[i];
        if (kid instanceof Leaf) pending.push({ hash: kid.value, leaf: kid, depth: at + 1, path: childPath });
        else pending.push({ hash: kid.hash as Uint8Array, leaf: null, depth: at + 1, path: childPath });
      }
    }
    c.fraction = 1;
    onProgress?.({ ...c });
    return { root: root.slice(), nodes: c.nodes, leaves: c.leaves, bytes: c.bytes };
  }

  private trieAt(root: Uint8Array): Trie {
    // Check the registry even on a cache hit: a bounded store may have evicted the root (and freed its nodes).
    if (!this.hasRoot(root)) throw unknownRoot(root);
    if (this.cached !== null && bytesEqual(this.cached.root, root)) return this.cached;
    return Trie.load(this.store.nodes, root);
  }

  private leaf(hash: Uint8Array): Uint8Array {
    const bytes = this.store.leaves.get(hash);
    if (bytes === undefined) throw new HistoryError('MissingNode', `Missing leaf ${toHex(hash)}`);
    return bytes;
  }
}

function unknownRoot(root: Uint8Array): HistoryError {
  return new HistoryError('UnknownRoot', `Checkpoint root not found: ${toHex(root)}`);
}
