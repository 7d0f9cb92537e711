/**
 * History on disk in one LMDB environment (a directory), via `lmdb` (prebuilt native binaries ship inside its
 * npm packages). Layout, all keys and values raw bytes:
 *
 * | database     | key                     | value                          |
 * |--------------|-------------------------|--------------------------------|
 * | `nodes`      | node hash (32)          | canonical node bytes           |
 * | `leaves`     | leaf hash (32)          | leaf bytes                     |
 * | `roots`      | root (32)               | sequence number (8, big-endian) |
 * | `root-order` | sequence number (8, BE) | root (32)                      |
 * | `meta`       | `format`                | {@link LMDB_FORMAT}            |
 *
 * `root-order` keeps the registry in the order roots were (last) added, as the other stores do; LMDB sorts
 * keys bytewise, so big-endian sequence numbers list oldest first. A checkpoint is one synchronous LMDB
 * transaction: nodes, leaves and root become visible together or not at all, also across a crash.
 */

import fs from 'node:fs';
import { join } from 'node:path';
import { type Database, open, type RootDatabase } from 'lmdb';
import { HistoryError } from './errors.js';
import type { CheckpointBatch, HistoryStore, NodeEntry, NodeStore } from './stores.js';

/** Identifies the on-disk layout; a directory written with another format is refused. */
export const LMDB_FORMAT = 'reified-rspaces/history/1';

/** Options of {@link LmdbHistoryStore.open}. */
export interface LmdbHistoryStoreOptions {
  /**
   * - `'deferred'` (default): LMDB's `noSync`: a checkpoint is committed (visible, and safe if the process
   *   dies or restarts) but the OS writes it back later; an OS crash or power cut may lose the latest
   *   checkpoints. Call `flush()` to make everything written so far durable.
   * - `'fsync'`: each checkpoint is flushed to disk before `writeCheckpoint` returns; it survives a power cut.
   *   Costs one fsync per checkpoint (4–12 ms on our virtual disks, whatever the batch size), which would be
   *   most of a checkpoint's time: hence not the default.
   */
  durability?: 'fsync' | 'deferred';
  /**
   * Open an existing history for reading only (inspection, a second process beside a writer): the
   * directory is never changed, a directory that holds no history is refused with `NotAHistory`
   * instead of becoming one, and writes throw `ReadOnly`.
   */
  readOnly?: boolean;
}

type Bytes = Database<Uint8Array, Uint8Array>;

function view(b: Uint8Array | undefined): Uint8Array | undefined {
  // lmdb returns a fresh Buffer per read; a plain Uint8Array view keeps Buffer's differing `slice` out of callers.
  return b === undefined ? undefined : new Uint8Array(b.buffer, b.byteOffset, b.length);
}

function seqBytes(n: number): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, BigInt(n), false);
  return out;
}

/** A content-addressed database inside the environment. */
class LmdbNodeStore implements NodeStore {
  private readonly db: Bytes;
  private readonly owner: LmdbHistoryStore;

  constructor(db: Bytes, owner: LmdbHistoryStore) {
    this.db = db;
    this.owner = owner;
  }

  get(hash: Uint8Array): Uint8Array | undefined {
    this.owner.ensureOpen();
    return view(this.db.get(hash));
  }

  has(hash: Uint8Array): boolean {
    this.owner.ensureOpen();
    return this.db.doesExist(hash);
  }

  putMany(entries: readonly NodeEntry[]): void {
    this.owner.ensureWritable();
    this.owner.transaction(() => this.putInTransaction(entries));
  }

  /** Writes inside the caller's transaction. Existing hashes are overwritten with identical bytes (cheaper than a lookup). */
  putInTransaction(entries: readonly NodeEntry[]): void {
    for (const { hash, bytes } of entries) this.db.putSync(hash, bytes);
  }

  count(): number {
    this.owner.ensureOpen();
    return this.db.getCount();
  }
}

export class LmdbHistoryStore implements HistoryStore {
  readonly path: string;
  readonly durability: 'fsync' | 'deferred';
  readonly readOnly: boolean;
  readonly nodes: NodeStore;
  readonly leaves: NodeStore;
  private readonly env: RootDatabase<Uint8Array, Uint8Array>;
  private readonly nodeDb: LmdbNodeStore;
  private readonly leafDb: LmdbNodeStore;
  private readonly roots: Bytes;
  private readonly order: Bytes;
  private closed = false;

  private constructor(path: string, options: LmdbHistoryStoreOptions) {
    this.path = path;
    this.durability = options.durability ?? 'deferred';
    this.readOnly = options.readOnly === true;
    if (this.readOnly && !fs.existsSync(join(path, 'data.mdb'))) {
      throw new HistoryError('NotAHistory', `no history at ${path}: it has no LMDB data file (data.mdb)`);
    }
    // overlappingSync is pinned off in both modes: LMDB refuses to reopen a directory with noSync after it was
    // opened with overlappingSync, and measured here it did not shorten a synchronous commit anyway.
    this.env = open<Uint8Array, Uint8Array>({
      path,
      maxDbs: 8,
      overlappingSync: false,
      noSync: this.durability === 'deferred',
      readOnly: this.readOnly,
      encoding: 'binary',
      keyEncoding: 'binary',
    });
    const sub = (name: string): Bytes => {
      // Read-only, lmdb returns undefined for a database that does not exist (its types do not say so).
      const db: Bytes | undefined = this.env.openDB({ name, encoding: 'binary', keyEncoding: 'binary' });
      if (db === undefined) {
        this.env.close();
        this.closed = true;
        throw new HistoryError('NotAHistory', `no history at ${path}: its LMDB environment has no '${name}' database`);
      }
      return db;
    };
    this.nodeDb = new LmdbNodeStore(sub('nodes'), this);
    this.leafDb = new LmdbNodeStore(sub('leaves'), this);
    this.nodes = this.nodeDb;
    this.leaves = this.leafDb;
    this.roots = sub('roots');
    this.order = sub('root-order');
    this.checkFormat(sub('meta'));
  }

  /** Opens (creating if needed) the history in directory `path`. Synchronous; the directory may already hold one. */
  static open(path: string, options: LmdbHistoryStoreOptions = {}): LmdbHistoryStore {
    return new LmdbHistoryStore(path, options);
  }

  private checkFormat(meta: Bytes): void {
    const key = new TextEncoder().encode('format');
    const found = meta.get(key);
    if (found === undefined && this.readOnly) {
      this.env.close();
      this.closed = true;
      throw new HistoryError('NotAHistory', `no history at ${this.path}: it has no history format marker`);
    }
    if (found === undefined) {
      this.env.transactionSync(() => meta.putSync(key, new TextEncoder().encode(LMDB_FORMAT)));
      return;
    }
    const text = new TextDecoder().decode(found);
    if (text !== LMDB_FORMAT) {
      this.env.close();
      this.closed = true;
      throw new HistoryError('InvalidInput', `${this.path} holds history format ${text}, not ${LMDB_FORMAT}`);
    }
  }

  /** @internal Throws `StoreClosed` after {@link close}. */
  ensureOpen(): void {
    if (this.closed) throw new HistoryError('StoreClosed', `the history store at ${this.path} is closed`);
  }

  /** @internal Throws `StoreClosed` after {@link close}, `ReadOnly` on a read-only store. */
  ensureWritable(): void {
    this.ensureOpen();
    if (this.readOnly) throw new HistoryError('ReadOnly', `the history store at ${this.path} is open read-only`);
  }

  /** @internal Runs `action` in one synchronous write transaction (joining the current one if inside one). */
  transaction(action: () => void): void {
    this.env.transactionSync(action);
  }

  listRoots(): Uint8Array[] {
    this.ensureOpen();
    const out: Uint8Array[] = [];
    for (const { value } of this.order.getRange({})) out.push(view(value) as Uint8Array);
    return out;
  }

  hasRoot(root: Uint8Array): boolean {
    this.ensureOpen();
    return this.roots.doesExist(root);
  }

  addRoot(root: Uint8Array): void {
    this.ensureWritable();
    this.env.transactionSync(() => this.addRootInTransaction(root));
  }

  private addRootInTransaction(root: Uint8Array): void {
    const old = this.roots.get(root);
    if (old !== undefined) this.order.removeSync(old);
    // Read the last sequence number inside the transaction, so two handles on one directory cannot collide.
    let next = 0;
    for (const { key } of this.order.getRange({ reverse: true, limit: 1 })) {
      next = Number(new DataView(key.buffer, key.byteOffset, 8).getBigUint64(0, false)) + 1;
    }
    const seq = seqBytes(next);
    this.roots.putSync(root, seq);
    this.order.putSync(seq, root);
  }

  writeCheckpoint(batch: CheckpointBatch): void {
    this.ensureWritable();
    this.env.transactionSync(() => {
      this.leafDb.putInTransaction(batch.leaves);
      this.nodeDb.putInTransaction(batch.nodes);
      this.addRootInTransaction(batch.root);
    });
  }

  /** Makes every committed checkpoint durable (only useful with `durability: 'deferred'`). */
  flush(): Promise<void> {
    this.ensureOpen();
    // `sync` (mdb_env_sync on a worker thread) exists on the environment but not in lmdb's type declarations.
    const env = this.env as unknown as { sync(cb: (error: unknown) => void): void };
    return new Promise((resolve, reject) => env.sync((error) => (error ? reject(error) : resolve())));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.env.close();
  }
}
