import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import fc from 'fast-check';
import { BoundedHistoryStore } from './bounded-store.js';
import { HistoryError } from './errors.js';
import { blake2b256, hashKey, initHashing, toHex } from './hash.js';
import { History } from './history.js';
import { Branch, decodeNode, Leaf } from './node.js';
import { type HistoryStore, MemoryHistoryStore, MemoryNodeStore, type NodeEntry, type NodeStore } from './stores.js';
import { emptyRoot, isEmptyRoot } from './trie.js';
import { VerifyingHistoryStore, VerifyingNodeStore } from './verifying-store.js';

const root = (n: number): Uint8Array => new Uint8Array(32).fill(n);
const hexes = (rs: Uint8Array[]): string[] => rs.map(toHex);
const entry = (bytes: Uint8Array): NodeEntry => ({ hash: blake2b256(bytes), bytes });
const codeOf = (e: unknown): string => (e instanceof HistoryError ? e.code : 'other');

/** Nodes and leaves reachable from the registered roots of `store`. */
function live(store: HistoryStore): { nodes: Set<string>; leaves: Set<string> } {
  const nodes = new Set<string>();
  const leaves = new Set<string>();
  const pending = store.listRoots().filter((r) => !isEmptyRoot(r));
  while (pending.length > 0) {
    const h = pending.pop() as Uint8Array;
    if (nodes.has(hashKey(h))) continue;
    nodes.add(hashKey(h));
    const node = decodeNode(h, store.nodes.get(h) as Uint8Array);
    if (node instanceof Leaf) leaves.add(hashKey(node.value));
    if (node instanceof Branch) {
      for (const k of node.kids) {
        if (k instanceof Leaf) leaves.add(hashKey(k.value));
        else pending.push(k.hash as Uint8Array);
      }
    }
  }
  return { nodes, leaves };
}

describe('MemoryHistoryStore', () => {
  before(() => initHashing());

  test('stores nodes and leaves by hash and keeps roots in order of last addition', () => {
    const s = new MemoryHistoryStore();
    const n = entry(Uint8Array.from([1, 2, 3]));
    s.writeCheckpoint({ root: root(1), nodes: [n, n], leaves: [] });
    assert.deepEqual(s.nodes.get(n.hash), n.bytes);
    assert.equal(s.nodes.has(n.hash), true);
    assert.equal(s.nodes.count(), 1);
    assert.equal(s.nodes.get(root(9)), undefined);
    s.addRoot(root(2));
    s.addRoot(root(3));
    s.addRoot(root(1));
    assert.deepEqual(hexes(s.listRoots()), hexes([root(2), root(3), root(1)]));
    assert.equal(s.hasRoot(root(3)), true);
    assert.equal(s.hasRoot(root(4)), false);
  });
});

describe('BoundedHistoryStore', () => {
  before(() => initHashing());

  test('evicts the oldest root first; re-adding moves a root to the end without evicting', () => {
    const s = new BoundedHistoryStore(3);
    for (const n of [1, 2, 3]) s.addRoot(root(n));
    s.addRoot(root(1));
    assert.deepEqual(hexes(s.listRoots()), hexes([root(2), root(3), root(1)]));
    s.addRoot(root(4));
    assert.deepEqual(hexes(s.listRoots()), hexes([root(3), root(1), root(4)]));
  });

  test('capacity 1 keeps only the last root', () => {
    const s = new BoundedHistoryStore(1);
    for (const n of [1, 2, 3]) s.addRoot(root(n));
    assert.deepEqual(hexes(s.listRoots()), hexes([root(3)]));
  });

  test('rejects a capacity below 1', () => {
    for (const c of [0, -1, 1.5, Number.NaN]) assert.throws(() => new BoundedHistoryStore(c), HistoryError);
  });

  test('property: registry is FIFO with move-to-end and never exceeds its capacity', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.array(fc.nat(8), { maxLength: 60 }), (capacity, adds) => {
        const s = new BoundedHistoryStore(capacity);
        let model: number[] = [];
        for (const n of adds) {
          s.addRoot(root(n));
          model = [...model.filter((m) => m !== n), n];
          if (model.length > capacity) model = model.slice(model.length - capacity);
          assert.ok(s.listRoots().length <= capacity);
          assert.deepEqual(hexes(s.listRoots()), hexes(model.map(root)));
        }
      }),
    );
  });

  test('property: evicting roots frees exactly the nodes and leaves no remaining root reaches', () => {
    const key = (n: number) => blake2b256(Uint8Array.from([n]));
    const stepArb = fc.tuple(fc.nat(4), fc.array(fc.tuple(fc.nat(40), fc.option(fc.nat(6))), { maxLength: 8 }));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.array(stepArb, { maxLength: 12 }), (capacity, steps) => {
        const store = new BoundedHistoryStore(capacity);
        const h = new History(store);
        const roots: Uint8Array[] = [emptyRoot()];
        for (const [back, changes] of steps) {
          // Build on a recent root that is still registered (or the empty one).
          const candidates = [emptyRoot(), ...store.listRoots()];
          const prev = candidates[Math.max(0, candidates.length - 1 - back)];
          const leafChanges = changes.map(([k, v]) => [key(k), v === null ? null : Uint8Array.from([k, v])] as const);
          roots.push(h.commit(leafChanges, prev));
          const reach = live(store);
          assert.equal(store.nodes.count(), reach.nodes.size);
          assert.equal(store.leaves.count(), reach.leaves.size);
          for (const r of store.listRoots()) h.verify(r);
        }
        // Evicted roots are unknown to the facade.
        for (const r of roots)
          if (!h.hasRoot(r))
            assert.throws(
              () => h.load(r),
              (e) => codeOf(e) === 'UnknownRoot',
            );
      }),
      { numRuns: 120 },
    );
  });
});

/** A store that hands out altered bytes for one hash, as a corrupted disk would. */
class TamperingStore implements NodeStore {
  readonly inner = new MemoryNodeStore();
  tampered: string | null = null;
  get(hash: Uint8Array): Uint8Array | undefined {
    const bytes = this.inner.get(hash);
    if (bytes === undefined || hashKey(hash) !== this.tampered) return bytes;
    const copy = bytes.slice();
    copy[copy.length - 1] ^= 1;
    return copy;
  }
  has(hash: Uint8Array): boolean {
    return this.inner.has(hash);
  }
  putMany(entries: readonly NodeEntry[]): void {
    this.inner.putMany(entries);
  }
  count(): number {
    return this.inner.count();
  }
}

describe('VerifyingHistoryStore', () => {
  before(() => initHashing());

  test('rejects a write whose bytes do not hash to their key', () => {
    const s = new VerifyingHistoryStore(new MemoryHistoryStore());
    const good = entry(Uint8Array.from([2, 0]));
    const bad = { hash: good.hash, bytes: Uint8Array.from([2, 1]) };
    const mismatch = (e: unknown) => codeOf(e) === 'RootMismatch' && String(e).includes('Root mismatch on store');
    assert.throws(() => s.writeCheckpoint({ root: good.hash, nodes: [bad], leaves: [] }), mismatch);
    assert.throws(() => s.writeCheckpoint({ root: good.hash, nodes: [good], leaves: [bad] }), mismatch);
    assert.throws(() => s.nodes.putMany([bad]), mismatch);
    // Nothing of a rejected checkpoint was written.
    assert.equal(s.nodes.count(), 0);
    assert.deepEqual(s.listRoots(), []);
  });

  test('refuses to register a root whose node is not stored', () => {
    const s = new VerifyingHistoryStore(new MemoryHistoryStore());
    assert.throws(
      () => s.addRoot(root(5)),
      (e) => codeOf(e) === 'MissingNode',
    );
    s.addRoot(emptyRoot());
    const n = entry(Uint8Array.from([2, 0]));
    s.writeCheckpoint({ root: n.hash, nodes: [n], leaves: [] });
    s.addRoot(n.hash);
    assert.equal(s.hasRoot(n.hash), true);
  });

  test('detects tampered bytes on read', () => {
    const inner = new TamperingStore();
    const s = new VerifyingNodeStore(inner);
    const n = entry(Uint8Array.from([1, 2, 3]));
    s.putMany([n]);
    assert.deepEqual(s.get(n.hash), n.bytes);
    inner.tampered = hashKey(n.hash);
    assert.throws(
      () => s.get(n.hash),
      (e) => codeOf(e) === 'CorruptedNode' && String(e).includes(`Corrupted node ${toHex(n.hash)}`),
    );
    assert.throws(() => new VerifyingNodeStore(inner, 'leaf').get(n.hash), /Corrupted leaf/);
  });

  test('a verified history loads what was committed', async () => {
    const h = await History.create(new VerifyingHistoryStore(new MemoryHistoryStore()));
    const k = blake2b256(Uint8Array.from([1]));
    const r = h.commit([[k, Uint8Array.from([42])]]);
    assert.deepEqual([...h.load(r)], [[k, Uint8Array.from([42])]]);
  });
});
