import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';
import { BoundedHistoryStore } from './bounded-store.js';
import { HistoryError } from './errors.js';
import { blake2b256, compareBytes, hashKey, toHex } from './hash.js';
import { History, type LeafChange, VERIFY_PROGRESS_EVERY, type VerifyProgress } from './history.js';
import { EMPTY_ROOT_HEX } from './node.js';
import { MemoryHistoryStore } from './stores.js';
import { emptyRoot } from './trie.js';

const key = (n: number): Uint8Array => blake2b256(Uint8Array.from([n >> 8, n & 0xff]));
const leaf = (n: number, size = 100): Uint8Array => new Uint8Array(size).fill(n & 0xff);
const codeOf = (e: unknown): string => (e instanceof HistoryError ? e.code : 'other');
const pairs = (it: Iterable<[Uint8Array, Uint8Array]>): string[][] => [...it].map(([k, v]) => [toHex(k), toHex(v)]);

async function history(): Promise<{ h: History; store: MemoryHistoryStore }> {
  const store = new MemoryHistoryStore();
  return { h: await History.create(store), store };
}

describe('History', () => {
  test('commit then load returns the state in key order; get reads one channel', async () => {
    const { h } = await history();
    const changes: LeafChange[] = Array.from({ length: 50 }, (_, i) => [key(i), leaf(i)]);
    const root = h.commit(changes);
    const expected = [...changes].sort((a, b) => compareBytes(a[0], b[0])) as Array<[Uint8Array, Uint8Array]>;
    assert.deepEqual(pairs(h.load(root)), pairs(expected));
    assert.deepEqual(h.get(root, key(7)), leaf(7));
    assert.equal(h.get(root, key(999)), undefined);
    assert.equal(h.hasRoot(root), true);
  });

  test('equal states give equal roots whatever the history that built them', async () => {
    const { h } = await history();
    const a1 = h.commit([
      [key(1), leaf(1)],
      [key(2), leaf(2)],
    ]);
    const a2 = h.commit([[key(3), leaf(3)]], a1);
    const a3 = h.commit([[key(1), null]], a2);
    const { h: other } = await history();
    const b1 = other.commit([[key(3), leaf(3)]]);
    const b2 = other.commit([[key(2), leaf(2)]], b1);
    assert.equal(toHex(a3), toHex(b2));
    // Deleting everything comes back to the fixed empty root.
    assert.equal(
      toHex(
        h.commit(
          [
            [key(2), null],
            [key(3), null],
          ],
          a3,
        ),
      ),
      EMPTY_ROOT_HEX,
    );
  });

  test('the last change to a channel in one commit wins; a bounded store keeps only the reachable leaf', async () => {
    const store = new BoundedHistoryStore(2);
    const h = await History.create(store);
    const root = h.commit([
      [key(1), leaf(1)],
      [key(2), leaf(3)],
      [key(1), leaf(2)],
    ]);
    assert.deepEqual(h.get(root, key(1)), leaf(2));
    assert.equal(store.leaves.count(), 2);
  });

  test('the empty root is always loadable and is the default previous root', async () => {
    const { h } = await history();
    assert.deepEqual([...h.load(emptyRoot())], []);
    assert.equal(toHex(h.commit([])), EMPTY_ROOT_HEX);
    assert.equal(h.verify(emptyRoot()).nodes, 0);
  });

  test('unknown roots fail with UnknownRoot, at call time', async () => {
    const { h } = await history();
    const unknown = new Uint8Array(32).fill(7);
    const isUnknown = (e: unknown) =>
      codeOf(e) === 'UnknownRoot' && (e as Error).message === `Checkpoint root not found: ${toHex(unknown)}`;
    assert.throws(() => h.load(unknown), isUnknown);
    assert.throws(() => h.get(unknown, key(1)), isUnknown);
    assert.throws(() => h.verify(unknown), isUnknown);
    assert.throws(() => h.commit([[key(1), leaf(1)]], unknown), isUnknown);
    assert.throws(() => h.diff(emptyRoot(), unknown).next(), isUnknown);
  });

  test('missing leaves and nodes fail with MissingNode', async () => {
    const { h, store } = await history();
    const root = h.commit(Array.from({ length: 2000 }, (_, i): LeafChange => [key(i), leaf(i)]));
    const broken = new MemoryHistoryStore();
    broken.writeCheckpoint({ root, nodes: [], leaves: [] });
    const hb = new History(broken);
    assert.throws(
      () => [...hb.load(root)],
      (e) => codeOf(e) === 'MissingNode',
    );
    assert.throws(
      () => hb.verify(root),
      (e) => codeOf(e) === 'MissingNode',
    );
    // Nodes present, leaves absent.
    const rootBytes = store.nodes.get(root) as Uint8Array;
    broken.nodes.putMany([{ hash: root, bytes: rootBytes }]);
    assert.throws(
      () => [...hb.load(root)],
      (e) => codeOf(e) === 'MissingNode',
    );
  });

  test('verify detects corrupted nodes and leaves', async () => {
    const { h, store } = await history();
    const root = h.commit(Array.from({ length: 300 }, (_, i): LeafChange => [key(i), leaf(i)]));
    // The in-memory store keeps the arrays it is given, so flipping a byte in place corrupts the stored copy.
    const aLeaf = h.get(root, key(5)) as Uint8Array;
    aLeaf[0] ^= 1;
    assert.throws(
      () => h.verify(root),
      (e) => codeOf(e) === 'CorruptedNode' && /Corrupted leaf/.test(String(e)),
    );
    aLeaf[0] ^= 1;
    h.verify(root);
    const rootNode = store.nodes.get(root) as Uint8Array;
    rootNode[rootNode.length - 1] ^= 1;
    assert.throws(
      () => h.verify(root),
      (e) => codeOf(e) === 'CorruptedNode' && String(e).includes(`Corrupted node ${toHex(root)}`),
    );
  });

  test('verify reports monotonic progress and the totals', async () => {
    const { h, store } = await history();
    const n = 5000;
    const root = h.commit(Array.from({ length: n }, (_, i): LeafChange => [key(i), leaf(i, 10)]));
    const seen: VerifyProgress[] = [];
    const report = h.verify(root, (p) => seen.push(p));
    assert.equal(report.leaves, n);
    assert.equal(report.nodes, store.nodes.count());
    assert.equal(seen.length, Math.floor(n / VERIFY_PROGRESS_EVERY) + 1);
    for (let i = 1; i < seen.length; i++) assert.ok(seen[i].fraction >= seen[i - 1].fraction);
    const last = seen[seen.length - 1];
    assert.equal(last.fraction, 1);
    assert.equal(last.leaves, n);
    assert.ok(Math.abs(seen[0].fraction - VERIFY_PROGRESS_EVERY / n) < 0.1, `first fraction ${seen[0].fraction}`);
  });

  test('diff lists changed channels with their leaves on both sides', async () => {
    const { h } = await history();
    const r1 = h.commit(Array.from({ length: 500 }, (_, i): LeafChange => [key(i), leaf(i)]));
    const r2 = h.commit(
      [
        [key(1), leaf(200)],
        [key(2), null],
        [key(600), leaf(6)],
        [key(3), leaf(3)],
      ],
      r1,
    );
    const d = [...h.diff(r1, r2)].map((e) => [hashKey(e.key), e.before?.[0] ?? null, e.after?.[0] ?? null]);
    const expected = [
      [hashKey(key(1)), 1, 200],
      [hashKey(key(2)), 2, null],
      [hashKey(key(600)), null, 6],
    ].sort((a, b) => ((a[0] as string) < (b[0] as string) ? -1 : 1));
    assert.deepEqual(d, expected);
    assert.deepEqual([...h.diff(r2, r2)], []);
  });

  test('rejects malformed changes before writing anything', async () => {
    const { h, store } = await history();
    const isInvalid = (e: unknown) => codeOf(e) === 'InvalidInput';
    assert.throws(() => h.commit([[new Uint8Array(5), leaf(1)]]), isInvalid);
    assert.throws(() => h.commit([[key(1), 'text' as unknown as Uint8Array]]), isInvalid);
    assert.deepEqual(store.listRoots(), []);
  });

  test('a 10-channel checkpoint on 10,000 channels writes a handful of nodes', async () => {
    const { h, store } = await history();
    const r1 = h.commit(Array.from({ length: 10_000 }, (_, i): LeafChange => [key(i), randomBytes(100)]));
    const before = store.nodes.count();
    h.commit(
      Array.from({ length: 10 }, (_, i): LeafChange => [key(i * 997), randomBytes(100)]),
      r1,
    );
    assert.ok(store.nodes.count() - before <= 31, `${store.nodes.count() - before} new nodes`);
  });
});
