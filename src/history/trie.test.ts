import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { before, describe, test } from 'node:test';
import fc from 'fast-check';
import { HistoryError } from './errors.js';
import { blake2b256, compareBytes, hashKey, initHashing, toHex } from './hash.js';
import { Branch, decodeNode, EMPTY_ROOT_HEX, Leaf } from './node.js';
import { MemoryNodeStore } from './stores.js';
import { Trie } from './trie.js';
import type { NodeEntry, TrieChange } from './trie-update.js';

/** Keys with long shared prefixes (mostly zero bytes), so splits and merges happen at every depth. */
const denseKey = fc.tuple(fc.nat(31), fc.nat(3), fc.nat(31), fc.nat(3)).map(([i, a, j, b]) => {
  const k = new Uint8Array(32);
  k[i] = a;
  k[j] = b;
  return k;
});
const keyArb = fc.oneof(denseKey, fc.uint8Array({ minLength: 32, maxLength: 32 }));
const valueArb = fc.nat(5).map((n) => new Uint8Array(32).fill(n));
/** A map as sorted, key-unique entries. */
const mapArb = fc
  .uniqueArray(fc.tuple(keyArb, valueArb), { maxLength: 40, selector: ([k]) => toHex(k) })
  .map((es) => es.sort((a, b) => compareBytes(a[0], b[0])));

/** A small deterministic PRNG (mulberry32), so fast-check can replay a failing seed. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

function shuffle<T>(xs: T[], rand: () => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Hashes of every node reachable from `root` in `store`. */
function reachable(store: MemoryNodeStore, root: Uint8Array): Set<string> {
  const seen = new Set<string>();
  const pending = toHex(root) === EMPTY_ROOT_HEX ? [] : [root];
  while (pending.length > 0) {
    const h = pending.pop() as Uint8Array;
    seen.add(hashKey(h));
    const node = decodeNode(h, store.get(h) as Uint8Array);
    if (node instanceof Branch) for (const k of node.kids) if (!(k instanceof Leaf)) pending.push(k.hash as Uint8Array);
  }
  return seen;
}

/**
 * Reaches `target` from the empty trie through random batches in a random order: keys first get a wrong value
 * or a noise key is inserted, then values are fixed and noise deleted (plus deletes of absent keys). Persists
 * nodes as it goes, reloads from the store at random, and checks that each batch's nodes are all reachable.
 */
function buildRandomly(target: Array<[Uint8Array, Uint8Array]>, noise: Uint8Array[], seed: number): Uint8Array {
  const rand = rng(seed);
  const inTarget = new Set(target.map(([k]) => hashKey(k)));
  const extra = noise.filter((k) => !inTarget.has(hashKey(k)));
  const wrong = new Uint8Array(32).fill(99);
  const first: TrieChange[] = [...target.map(([k, v]): TrieChange => [k, rand() < 0.3 ? wrong : v])];
  for (const k of extra) first.push([k, wrong]);
  const second: TrieChange[] = [
    ...target.map(([k, v]): TrieChange => [k, v]),
    ...extra.map((k): TrieChange => [k, null]),
  ];
  const ops = [...shuffle(first, rand), ...shuffle(second, rand)];
  const store = new MemoryNodeStore();
  let trie = Trie.empty(store);
  for (let i = 0; i < ops.length; ) {
    const n = 1 + Math.floor(rand() * 6);
    const u = trie.apply(ops.slice(i, i + n));
    store.putMany(u.nodes);
    const live = reachable(store, u.root);
    for (const { hash } of u.nodes) assert.ok(live.has(hashKey(hash)), 'apply returned a node the root cannot reach');
    trie = rand() < 0.3 ? Trie.load(store, u.root) : u.trie;
    i += n;
  }
  return trie.root;
}

describe('Trie', () => {
  before(() => initHashing());

  test('the empty trie has the fixed empty root', () => {
    assert.equal(toHex(Trie.empty().root), EMPTY_ROOT_HEX);
    assert.equal(Trie.empty().isEmpty, true);
    const k = new Uint8Array(32).fill(1);
    const u = Trie.empty().apply([[k, k]]);
    assert.equal(toHex(u.trie.apply([[k, null]]).root), EMPTY_ROOT_HEX);
  });

  test('pins the node format: roots of small fixed maps', () => {
    const k = (b: number, at = 0) => {
      const x = new Uint8Array(32);
      x[at] = b;
      return x;
    };
    const v = (b: number) => new Uint8Array(32).fill(b);
    const one = Trie.empty().apply([[k(1), v(2)]]);
    // A one-entry map's root is the hash of the leaf node `01 key value`.
    assert.equal(toHex(one.root), toHex(blake2b256(Uint8Array.from([1, ...k(1), ...v(2)]))));
    const three = Trie.empty().apply([
      [k(1), v(1)],
      [k(2), v(2)],
      [k(3, 5), v(3)],
    ]);
    // One branch `02 00 03` with three inline leaves; expected hashes computed independently (Python hashlib).
    assert.equal(three.nodes.length, 1);
    assert.equal(toHex(three.root), '7ff686391bea6a0a0b1e442b28eb041b11d4cbcec168a4a0d4e414aaca962464');
    // Two keys sharing [5, 5] sit in a branch at depth 1 with prefix [5], referenced by hash from the root.
    const key = (...bs: number[]) => Uint8Array.from({ length: 32 }, (_, i) => bs[i] ?? 0);
    const nested = Trie.empty().apply([
      [key(9), v(3)],
      [key(5, 5, 2), v(2)],
      [key(5, 5, 1), v(1)],
    ]);
    assert.equal(nested.nodes.length, 2);
    assert.equal(toHex(nested.root), '825430f4b41e2fd9a285d0ea338698359c4231f140a16ccaf43fddfd1c15e4d9');
  });

  test('property: the root depends only on the final map, not on the order of inserts and deletes', () => {
    fc.assert(
      fc.property(mapArb, fc.array(keyArb, { maxLength: 10 }), fc.integer(), fc.integer(), (map, noise, s1, s2) => {
        const canonical = toHex(Trie.empty().apply(map).root);
        assert.equal(toHex(buildRandomly(map, noise, s1)), canonical);
        assert.equal(toHex(buildRandomly(map, noise, s2)), canonical);
      }),
      { numRuns: 150 },
    );
  });

  test('property: a large batch (sorted natively, ties on the first 4 bytes) equals one change at a time', () => {
    const change = fc.tuple(keyArb, fc.option(valueArb, { freq: 4 }));
    fc.assert(
      fc.property(fc.array(change, { minLength: 64, maxLength: 300 }), (changes) => {
        let oneByOne = Trie.empty();
        for (const c of changes) oneByOne = oneByOne.apply([c]).trie;
        const batched = Trie.empty().apply(changes);
        assert.equal(toHex(batched.root), toHex(oneByOne.root));
        assert.deepEqual(
          [...batched.trie.entries()].map(([k, v]) => toHex(k) + toHex(v)),
          [...oneByOne.entries()].map(([k, v]) => toHex(k) + toHex(v)),
        );
      }),
      { numRuns: 60 },
    );
  });

  test('property: different maps give different roots', () => {
    fc.assert(
      fc.property(mapArb, keyArb, valueArb, (map, key, value) => {
        const base = Trie.empty().apply(map);
        const old = base.trie.get(key);
        const changed = base.trie.apply([[key, old === undefined ? value : null]]);
        assert.notEqual(toHex(changed.root), toHex(base.root));
        const other = new Uint8Array(32).fill(200);
        if (old !== undefined) assert.notEqual(toHex(base.trie.apply([[key, other]]).root), toHex(base.root));
      }),
      { numRuns: 200 },
    );
  });

  test('property: load, get and entries round trip through a node store', () => {
    fc.assert(
      fc.property(mapArb, keyArb, (map, probe) => {
        const store = new MemoryNodeStore();
        const u = Trie.empty(store).apply(map);
        store.putMany(u.nodes);
        const loaded = Trie.load(store, u.root);
        assert.deepEqual(
          [...loaded.entries()].map(([k, v]) => [toHex(k), toHex(v)]),
          map.map(([k, v]) => [toHex(k), toHex(v)]),
        );
        for (const [k, v] of map) assert.deepEqual(loaded.get(k), v);
        const expected = map.find(([k]) => toHex(k) === toHex(probe));
        assert.deepEqual(loaded.get(probe), expected?.[1]);
      }),
      { numRuns: 200 },
    );
  });

  test('property: diff lists exactly the keys whose values differ', () => {
    fc.assert(
      fc.property(mapArb, mapArb, (a, b) => {
        const store = new MemoryNodeStore();
        const ta = Trie.empty(store).apply(a);
        // Build b on top of a, so the two tries share nodes and diff can skip them.
        const tb = ta.trie.apply([...a.map(([k]): TrieChange => [k, null]), ...b]);
        store.putMany([...ta.nodes, ...tb.nodes]);
        const before = new Map(a.map(([k, v]) => [toHex(k), toHex(v)]));
        const after = new Map(b.map(([k, v]) => [toHex(k), toHex(v)]));
        const expected = [...new Set([...before.keys(), ...after.keys()])]
          .sort()
          .filter((k) => before.get(k) !== after.get(k))
          .map((k) => [k, before.get(k) ?? null, after.get(k) ?? null]);
        const actual = [...Trie.load(store, ta.root).diff(Trie.load(store, tb.root))].map((d) => [
          toHex(d.key),
          d.before === null ? null : toHex(d.before),
          d.after === null ? null : toHex(d.after),
        ]);
        assert.deepEqual(actual, expected);
      }),
      { numRuns: 200 },
    );
  });

  test('a single-key change in a 10,000-key trie creates only the branches on that key path', () => {
    const entries = Array.from({ length: 10_000 }, (): [Uint8Array, Uint8Array] => [randomBytes(32), randomBytes(32)]);
    const store = new MemoryNodeStore();
    const full = Trie.empty(store).apply(entries);
    store.putMany(full.nodes);
    const trie = Trie.load(store, full.root);
    for (const [key] of entries.slice(0, 20)) {
      const u = trie.apply([[key, randomBytes(32)]]);
      store.putMany(u.nodes);
      // Count the branches from the root down to the key's leaf.
      let depth = 0;
      let hash: Uint8Array | null = u.root;
      let at = 0;
      while (hash !== null) {
        const node = decodeNode(hash, store.get(hash) as Uint8Array) as Branch;
        depth++;
        at += node.prefix.length;
        const kid = node.kids[node.indexOf(key[at++])];
        hash = kid instanceof Leaf ? null : (kid.hash as Uint8Array);
      }
      assert.equal(u.nodes.length, depth);
      assert.ok(depth <= 4, `path of ${depth} branches`);
    }
    const ten = trie.apply(entries.slice(100, 110).map(([k]): TrieChange => [k, randomBytes(32)]));
    assert.ok(ten.nodes.length <= 1 + 10 * 3, `${ten.nodes.length} nodes for 10 changes`);
  });

  test('a batch that changes nothing returns the same trie and no nodes', () => {
    const k = new Uint8Array(32).fill(3);
    const absent = new Uint8Array(32).fill(4);
    const u = Trie.empty().apply([
      [k, k],
      [new Uint8Array(32), k],
    ]);
    const same = u.trie.apply([
      [k, k],
      [absent, null],
    ]);
    assert.equal(same.trie, u.trie);
    assert.deepEqual(same.nodes, []);
  });

  test('the last change to a key in a batch wins', () => {
    const k = new Uint8Array(32).fill(3);
    const v1 = new Uint8Array(32).fill(1);
    const v2 = new Uint8Array(32).fill(2);
    assert.deepEqual(
      Trie.empty()
        .apply([
          [k, v1],
          [k, null],
          [k, v2],
        ])
        .trie.get(k),
      v2,
    );
    assert.equal(
      Trie.empty().apply([
        [k, v1],
        [k, null],
      ]).trie.isEmpty,
      true,
    );
  });

  test('callers mutating their arrays after apply cannot change the trie', () => {
    const k = new Uint8Array(32).fill(3);
    const v = new Uint8Array(32).fill(1);
    const u = Trie.empty().apply([[k, v]]);
    v.fill(7);
    k.fill(8);
    assert.deepEqual(u.trie.get(new Uint8Array(32).fill(3)), new Uint8Array(32).fill(1));
  });

  test('rejects keys and values that are not 32 bytes', () => {
    const isInvalid = (e: unknown) => e instanceof HistoryError && e.code === 'InvalidInput';
    assert.throws(() => Trie.empty().apply([[new Uint8Array(31), new Uint8Array(32)]]), isInvalid);
    assert.throws(() => Trie.empty().apply([[new Uint8Array(32), new Uint8Array(33)]]), isInvalid);
  });

  test('missing and corrupted nodes are reported with their codes', () => {
    const entries = Array.from({ length: 600 }, (): [Uint8Array, Uint8Array] => [randomBytes(32), randomBytes(32)]);
    const u = Trie.empty().apply(entries);
    const all = new Map(u.nodes.map((n: NodeEntry) => [hashKey(n.hash), n.bytes]));
    const code = (e: unknown) => (e instanceof HistoryError ? e.code : 'other');
    assert.throws(
      () => Trie.load({ get: () => undefined }, u.root),
      (e) => code(e) === 'MissingNode',
    );
    // Everything but one child branch: loading works, reaching that branch fails.
    const lost = u.nodes[0].hash;
    const partial = { get: (h: Uint8Array) => (hashKey(h) === hashKey(lost) ? undefined : all.get(hashKey(h))) };
    assert.throws(
      () => [...Trie.load(partial, u.root).entries()],
      (e) => code(e) === 'MissingNode',
    );
    const garbled = {
      get: (h: Uint8Array) => (hashKey(h) === hashKey(lost) ? Uint8Array.from([7]) : all.get(hashKey(h))),
    };
    assert.throws(
      () => [...Trie.load(garbled, u.root).entries()],
      (e) => code(e) === 'CorruptedNode',
    );
  });
});
