import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { open } from 'lmdb';
import { HistoryError } from './errors.js';
import { blake2b256, initHashing, toHex } from './hash.js';
import { History, type LeafChange } from './history.js';
import { LMDB_FORMAT, LmdbHistoryStore } from './lmdb-store.js';
import { VerifyingHistoryStore } from './verifying-store.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rspaces-history-'));
  dirs.push(dir);
  return dir;
}

const codeOf = (e: unknown): string => (e instanceof HistoryError ? e.code : 'other');
const asHex = (entries: Iterable<[Uint8Array, Uint8Array]>): string[][] =>
  [...entries].map(([k, v]) => [toHex(k), toHex(v)]);

describe('LmdbHistoryStore', () => {
  before(() => initHashing());
  after(() => {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('checkpoints survive closing and reopening the directory in a new store object', async () => {
    const dir = tempDir();
    const keys = Array.from({ length: 300 }, (_, i) => blake2b256(Uint8Array.from([i >> 8, i & 0xff])));
    const states: Array<Map<string, [Uint8Array, Uint8Array]>> = [];
    const roots: Uint8Array[] = [];
    {
      const store = LmdbHistoryStore.open(dir);
      const h = new History(store);
      let state = new Map<string, [Uint8Array, Uint8Array]>();
      let prev: Uint8Array | undefined;
      for (let step = 0; step < 6; step++) {
        const changes: LeafChange[] = [];
        const touched = step === 0 ? keys : keys.filter((_, i) => i % 37 === step);
        for (const k of touched) changes.push([k, step === 3 ? null : randomBytes(100)]);
        state = new Map(state);
        for (const [k, leaf] of changes) {
          if (leaf === null) state.delete(toHex(k));
          else state.set(toHex(k), [k, leaf as Uint8Array]);
        }
        prev = h.commit(changes, prev);
        roots.push(prev);
        states.push(state);
      }
      await store.close();
      assert.throws(
        () => store.listRoots(),
        (e) => codeOf(e) === 'StoreClosed',
      );
    }
    const store = LmdbHistoryStore.open(dir);
    const h = new History(store);
    assert.deepEqual(store.listRoots().map(toHex), roots.map(toHex));
    roots.forEach((root, i) => {
      const expected = [...states[i].values()].sort((a, b) => Buffer.compare(a[0], b[0]));
      assert.deepEqual(asHex(h.load(root)), asHex(expected));
      const report = h.verify(root);
      assert.equal(report.leaves, states[i].size);
    });
    // Building on a root written by the earlier process works too.
    const next = h.commit([[keys[0], Uint8Array.from([1])]], roots[5]);
    assert.deepEqual(h.get(next, keys[0]), Uint8Array.from([1]));
    await store.close();
  });

  test('a checkpoint is one transaction: a rejected batch leaves nothing behind', async () => {
    const store = LmdbHistoryStore.open(tempDir());
    const verified = new VerifyingHistoryStore(store);
    const good = { hash: blake2b256(Uint8Array.from([2])), bytes: Uint8Array.from([2]) };
    const bad = { hash: blake2b256(Uint8Array.from([3])), bytes: Uint8Array.from([4]) };
    assert.throws(() => verified.writeCheckpoint({ root: good.hash, nodes: [good, bad], leaves: [] }));
    assert.equal(store.nodes.count(), 0);
    // An exception inside the transaction aborts it as a whole.
    const failing = [
      good,
      {
        hash: good.hash,
        get bytes(): Uint8Array {
          throw new Error('boom');
        },
      },
    ];
    assert.throws(() => store.writeCheckpoint({ root: good.hash, nodes: failing, leaves: [] }), /boom/);
    assert.equal(store.nodes.count(), 0);
    assert.deepEqual(store.listRoots(), []);
    await store.close();
  });

  test('reads return fresh arrays that later reads do not overwrite (decoded nodes keep views into them)', async () => {
    const store = LmdbHistoryStore.open(tempDir());
    const a = { hash: blake2b256(Uint8Array.from([1])), bytes: new Uint8Array(300).fill(1) };
    const b = { hash: blake2b256(Uint8Array.from([2])), bytes: new Uint8Array(300).fill(2) };
    store.nodes.putMany([a, b]);
    const first = store.nodes.get(a.hash) as Uint8Array;
    store.nodes.get(b.hash);
    store.leaves.get(b.hash);
    assert.deepEqual(first, a.bytes);
    assert.equal(store.nodes.has(b.hash), true);
    assert.equal(store.nodes.count(), 2);
    await store.close();
  });

  test('re-adding a root moves it to the end of the registry, also on disk', async () => {
    const dir = tempDir();
    const r = (n: number) => new Uint8Array(32).fill(n);
    let store = LmdbHistoryStore.open(dir);
    for (const n of [1, 2, 3, 1]) store.addRoot(r(n));
    await store.close();
    store = LmdbHistoryStore.open(dir);
    assert.deepEqual(store.listRoots().map(toHex), [r(2), r(3), r(1)].map(toHex));
    assert.equal(store.hasRoot(r(3)), true);
    assert.equal(store.hasRoot(r(4)), false);
    await store.close();
  });

  test('deferred durability commits, flushes on request and reopens', async () => {
    const dir = tempDir();
    let store = LmdbHistoryStore.open(dir, { durability: 'deferred' });
    const h = new History(store);
    const k = blake2b256(Uint8Array.from([9]));
    const root = h.commit([[k, Uint8Array.from([9, 9])]]);
    await store.flush();
    await store.close();
    store = LmdbHistoryStore.open(dir);
    assert.deepEqual(new History(store).get(root, k), Uint8Array.from([9, 9]));
    await store.close();
  });

  test('refuses a directory written in another format', async () => {
    const dir = tempDir();
    const env = open({ path: dir, maxDbs: 8 });
    const meta = env.openDB({ name: 'meta', encoding: 'binary', keyEncoding: 'binary' });
    await meta.put(new TextEncoder().encode('format'), new TextEncoder().encode('something-else/9'));
    await env.close();
    assert.throws(
      () => LmdbHistoryStore.open(dir),
      (e) => codeOf(e) === 'InvalidInput' && String(e).includes(LMDB_FORMAT),
    );
  });

  test('readOnly: reads an existing history, refuses writes, and never turns another directory into one', async () => {
    const dir = tempDir();
    const writer = LmdbHistoryStore.open(dir);
    const h = new History(writer);
    const root = h.commit([[blake2b256(Uint8Array.of(1)), Uint8Array.of(9)]]);
    await writer.close();
    const reader = LmdbHistoryStore.open(dir, { readOnly: true });
    try {
      assert.deepEqual(reader.listRoots().map(toHex), [toHex(root)]);
      assert.equal([...new History(reader).load(root)].length, 1);
      assert.throws(() => new History(reader).commit([], root), { code: 'ReadOnly', message: /read-only/ });
      assert.throws(() => reader.nodes.putMany([]), { code: 'ReadOnly' });
    } finally {
      await reader.close();
    }
    const empty = tempDir();
    assert.throws(() => LmdbHistoryStore.open(empty, { readOnly: true }), {
      code: 'NotAHistory',
      message: new RegExp(empty),
    });
    assert.deepEqual(fs.readdirSync(empty), []);
  });
});
