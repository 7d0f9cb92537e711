/**
 * Where history lives. A {@link HistoryStore} holds two content-addressed maps (trie nodes and leaves, each
 * stored under the BLAKE2b-256 of its bytes) and a registry of checkpoint roots. Every method is synchronous:
 * a checkpoint is one `writeCheckpoint` call, which the LMDB store runs as one transaction.
 *
 * Implementations: {@link MemoryHistoryStore} (here), `BoundedHistoryStore`, `VerifyingHistoryStore` and
 * `LmdbHistoryStore` (beside this file).
 */

import { hashKey } from './hash.js';
import type { NodeEntry } from './trie-update.js';

export type { NodeEntry } from './trie-update.js';

/**
 * A content-addressed map from 32-byte hashes to bytes. Stores keep the arrays they are given and hand out
 * arrays that callers must not mutate (a copy per read would double the cost of loading a trie).
 */
export interface NodeStore {
  get(hash: Uint8Array): Uint8Array | undefined;
  has(hash: Uint8Array): boolean;
  /** Stores every entry; an entry whose hash is already present is skipped (its bytes are the same). */
  putMany(entries: readonly NodeEntry[]): void;
  /** Number of entries held. */
  count(): number;
}

/** The registry of checkpoint roots, in the order they were (last) added. */
export interface RootRegistry {
  /** Every registered root, oldest first; the last one is the most recently added. */
  listRoots(): Uint8Array[];
  hasRoot(root: Uint8Array): boolean;
  /** Registers `root`; a root that is already registered moves to the end (it becomes the most recent). */
  addRoot(root: Uint8Array): void;
}

/** Everything one checkpoint writes. */
export interface CheckpointBatch {
  readonly root: Uint8Array;
  /** New trie nodes (hash → canonical node bytes). */
  readonly nodes: readonly NodeEntry[];
  /** New leaves (hash → the channel's canonical state bytes). */
  readonly leaves: readonly NodeEntry[];
}

/** Trie nodes, leaves and roots together. */
export interface HistoryStore extends RootRegistry {
  readonly nodes: NodeStore;
  readonly leaves: NodeStore;
  /** Stores the nodes, the leaves, then registers the root, atomically where the backend can (LMDB: one transaction). */
  writeCheckpoint(batch: CheckpointBatch): void;
  /** Releases the backend; a closed store throws `StoreClosed` (the in-memory stores simply keep working). */
  close(): Promise<void>;
}

/** A {@link NodeStore} in a JS Map. */
export class MemoryNodeStore implements NodeStore {
  private readonly map = new Map<string, Uint8Array>();

  get(hash: Uint8Array): Uint8Array | undefined {
    return this.map.get(hashKey(hash));
  }

  has(hash: Uint8Array): boolean {
    return this.map.has(hashKey(hash));
  }

  putMany(entries: readonly NodeEntry[]): void {
    for (const { hash, bytes } of entries) {
      const k = hashKey(hash);
      if (!this.map.has(k)) this.map.set(k, bytes);
    }
  }

  count(): number {
    return this.map.size;
  }
}

/**
 * An ordered root registry in a JS Map (Maps iterate in insertion order, so re-adding = delete + set moves a
 * root to the end).
 */
export class MemoryRootRegistry implements RootRegistry {
  private readonly roots = new Map<string, Uint8Array>();

  listRoots(): Uint8Array[] {
    return [...this.roots.values()].map((r) => r.slice());
  }

  hasRoot(root: Uint8Array): boolean {
    return this.roots.has(hashKey(root));
  }

  addRoot(root: Uint8Array): void {
    const k = hashKey(root);
    this.roots.delete(k);
    this.roots.set(k, root.slice());
  }

  /** Number of registered roots. */
  get size(): number {
    return this.roots.size;
  }

  /** The oldest root, or undefined when empty. */
  oldest(): Uint8Array | undefined {
    for (const r of this.roots.values()) return r;
    return undefined;
  }

  /** Unregisters `root`; returns whether it was registered. */
  remove(root: Uint8Array): boolean {
    return this.roots.delete(hashKey(root));
  }
}

/** Unbounded in-memory history: keeps every node, leaf and root until the process ends. */
export class MemoryHistoryStore implements HistoryStore {
  readonly nodes = new MemoryNodeStore();
  readonly leaves = new MemoryNodeStore();
  private readonly roots = new MemoryRootRegistry();

  listRoots(): Uint8Array[] {
    return this.roots.listRoots();
  }

  hasRoot(root: Uint8Array): boolean {
    return this.roots.hasRoot(root);
  }

  addRoot(root: Uint8Array): void {
    this.roots.addRoot(root);
  }

  writeCheckpoint(batch: CheckpointBatch): void {
    this.leaves.putMany(batch.leaves);
    this.nodes.putMany(batch.nodes);
    this.roots.addRoot(batch.root);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
