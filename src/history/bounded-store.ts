/**
 * In-memory history that keeps at most `capacity` checkpoint roots, evicting the oldest first (FIFO; re-adding
 * a root moves it to the end without evicting anything; capacity 1 keeps only the last).
 *
 * Roots share most of their nodes, so evicting a root must not simply delete "its" nodes. Each node and leaf
 * carries a reference count: one per stored node that points at it, plus one per registry entry for a root
 * node. Evicting a root drops its count; whatever reaches zero is deleted and drops the counts of what it points
 * at, so memory holds exactly what the remaining roots can reach (plus anything put but never committed).
 */

import { HistoryError } from './errors.js';
import { hashFromKey, hashKey } from './hash.js';
import { forEachReference } from './node.js';
import {
  type CheckpointBatch,
  type HistoryStore,
  MemoryRootRegistry,
  type NodeEntry,
  type NodeStore,
} from './stores.js';

/** A node store whose entries are freed when their reference count drops to zero. */
class CountedStore implements NodeStore {
  readonly bytes = new Map<string, Uint8Array>();
  /** Counts are kept apart from `bytes`: a parent may be stored before a child it points at. */
  readonly refs = new Map<string, number>();

  get(hash: Uint8Array): Uint8Array | undefined {
    return this.bytes.get(hashKey(hash));
  }

  has(hash: Uint8Array): boolean {
    return this.bytes.has(hashKey(hash));
  }

  putMany(entries: readonly NodeEntry[]): void {
    for (const e of entries) this.putOne(e);
  }

  /** Stores `e` if absent; returns whether it was new (only a new node adds references to its children). */
  putOne(e: NodeEntry): boolean {
    const k = hashKey(e.hash);
    if (this.bytes.has(k)) return false;
    this.bytes.set(k, e.bytes);
    return true;
  }

  count(): number {
    return this.bytes.size;
  }

  /** Frees entry `k` if nothing references it. */
  sweep(k: string): void {
    if (!this.refs.has(k)) this.bytes.delete(k);
  }

  retain(k: string): void {
    this.refs.set(k, (this.refs.get(k) ?? 0) + 1);
  }

  /** Drops one reference; returns the bytes it freed, if the count reached zero. */
  release(k: string): Uint8Array | undefined {
    const n = (this.refs.get(k) ?? 0) - 1;
    if (n > 0) {
      this.refs.set(k, n);
      return undefined;
    }
    this.refs.delete(k);
    const bytes = this.bytes.get(k);
    this.bytes.delete(k);
    return bytes;
  }
}

/** The trie-node side of a bounded store: storing a new node retains everything it points at. */
class CountedNodes extends CountedStore {
  private readonly leafStore: CountedStore;
  constructor(leafStore: CountedStore) {
    super();
    this.leafStore = leafStore;
  }

  override putMany(entries: readonly NodeEntry[]): void {
    for (const e of entries) {
      if (!this.putOne(e)) continue;
      forEachReference(
        e.hash,
        e.bytes,
        (child) => this.retain(hashKey(child)),
        (leaf) => this.leafStore.retain(hashKey(leaf)),
      );
    }
  }

  /** Frees node `k` if nothing references it (a node written by a checkpoint that its root does not reach). */
  override sweep(k: string): void {
    if (this.refs.has(k) || !this.bytes.has(k)) return;
    this.refs.set(k, 1);
    this.releaseTree(k);
  }

  /** Releases one reference to node `k`, cascading through everything a freed node pointed at. */
  releaseTree(k: string): void {
    const pending = [k];
    while (pending.length > 0) {
      const key = pending.pop() as string;
      const bytes = this.release(key);
      if (bytes === undefined) continue;
      forEachReference(
        hashFromKey(key),
        bytes,
        (child) => pending.push(hashKey(child)),
        (leaf) => {
          this.leafStore.release(hashKey(leaf));
        },
      );
    }
  }
}

export class BoundedHistoryStore implements HistoryStore {
  readonly capacity: number;
  readonly leaves: NodeStore;
  readonly nodes: NodeStore;
  private readonly counted: CountedNodes;
  private readonly leafStore: CountedStore;
  private readonly roots = new MemoryRootRegistry();

  constructor(capacity: number) {
    if (!Number.isSafeInteger(capacity) || capacity < 1) {
      throw new HistoryError('InvalidInput', `capacity must be a positive integer, got ${capacity}`);
    }
    this.capacity = capacity;
    const leaves = new CountedStore();
    this.leaves = leaves;
    this.leafStore = leaves;
    this.counted = new CountedNodes(leaves);
    this.nodes = this.counted;
  }

  listRoots(): Uint8Array[] {
    return this.roots.listRoots();
  }

  hasRoot(root: Uint8Array): boolean {
    return this.roots.hasRoot(root);
  }

  addRoot(root: Uint8Array): void {
    if (this.roots.hasRoot(root)) {
      this.roots.addRoot(root);
      return;
    }
    this.roots.addRoot(root);
    this.counted.retain(hashKey(root));
    // Evict only after the new root is retained: it may share nodes with the root being evicted.
    while (this.roots.size > this.capacity) {
      const oldest = this.roots.oldest() as Uint8Array;
      this.roots.remove(oldest);
      this.counted.releaseTree(hashKey(oldest));
    }
  }

  writeCheckpoint(batch: CheckpointBatch): void {
    this.leaves.putMany(batch.leaves);
    this.nodes.putMany(batch.nodes);
    this.addRoot(batch.root);
    // Whatever the batch holds that its root cannot reach (e.g. the leaf of a key changed twice in one commit)
    // has no reference and would never be freed: drop it now, leaves after the nodes that might point at them.
    for (const { hash } of batch.nodes) this.counted.sweep(hashKey(hash));
    for (const { hash } of batch.leaves) this.leafStore.sweep(hashKey(hash));
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
