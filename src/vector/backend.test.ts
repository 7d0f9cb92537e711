import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { VectorBackend } from './backend.js';
import { CapacityExceededError, InvalidVectorError, UnknownVectorIdError, VectorError } from './errors.js';
import { forceKernelBackend } from './kernel-backend.js';
import { cosineSimilarity, l2Normalize, similarity } from './kernels.js';
import { VECTOR_METRICS } from './metrics.js';

/** Everything observable about a backend, for "a refused call changes nothing". */
function snapshot(b: VectorBackend) {
  return { len: b.len, entries: [...b.entries()].map(([id, v]) => [id, Array.from(v)]) };
}

/** A deterministic pseudo-random vector (a tiny LCG: tests must not depend on Math.random). */
function vec(seed: number, dims: number): Float32Array {
  let s = seed * 2654435761 + 1;
  return Float32Array.from({ length: dims }, () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 2 ** 31 - 1;
  });
}

describe('VectorBackend: storing, reading, removing', () => {
  test('ids count up from 0 and are never reused, not even after clear', () => {
    const b = new VectorBackend({ dimensions: 3, normalize: false });
    assert.deepEqual([b.store([1, 2, 3]), b.store([4, 5, 6]), b.store([7, 8, 9])], [0, 1, 2]);
    b.remove(2);
    assert.equal(b.store([1, 1, 1]), 3);
    b.clear();
    assert.equal(b.len, 0);
    assert.deepEqual(b.ids(), []);
    assert.equal(b.store([2, 2, 2]), 4);
    assert.deepEqual(b.ids(), [4]);
  });

  test('get returns a float32 copy; has/len follow stores and removes', () => {
    const b = new VectorBackend({ dimensions: 2, normalize: false });
    const id = b.store([0.1, 2]);
    const got = b.get(id);
    assert.deepEqual(got, Float32Array.from([0.1, 2]));
    got[0] = 99;
    assert.deepEqual(b.get(id), Float32Array.from([0.1, 2]));
    assert.equal(b.has(id), true);
    assert.equal(b.len, 1);
    b.remove(id);
    assert.equal(b.has(id), false);
    assert.equal(b.len, 0);
  });

  test('swap-remove keeps every other id on its own vector', () => {
    const b = new VectorBackend({ dimensions: 4, normalize: false });
    const ids = Array.from({ length: 40 }, (_, i) => b.store(vec(i, 4)));
    for (const id of [0, 39, 17, 5, 6, 38]) b.remove(id);
    for (const id of ids) {
      if (b.has(id)) assert.deepEqual(b.get(id), vec(id, 4));
    }
    assert.equal(b.len, 34);
    assert.deepEqual(
      b.ids(),
      ids.filter((id) => ![0, 39, 17, 5, 6, 38].includes(id)),
    );
    assert.deepEqual(
      [...b.entries()].map(([id]) => id),
      b.ids(),
    );
  });

  test('pre-normalization stores exactly l2Normalize(v); the zero vector stays zero', () => {
    const b = new VectorBackend({ dimensions: 5, metric: 'cosine' });
    assert.equal(b.normalized, true);
    const v = vec(1, 5);
    assert.deepEqual(b.get(b.store(v)), l2Normalize(v));
    assert.deepEqual(b.get(b.store(new Float32Array(5))), new Float32Array(5));
  });

  test('defaults follow the metric (reference §10.4)', () => {
    const cases: [string, boolean, boolean][] = [
      ['cosine', true, false],
      ['dot', true, false],
      ['l2', false, false],
      ['manhattan', false, false],
      ['hamming', false, true],
      ['jaccard', false, true],
    ];
    for (const [metric, normalized, packed] of cases) {
      const b = new VectorBackend({ dimensions: 2, metric });
      assert.deepEqual([b.normalized, b.packed], [normalized, packed], metric);
    }
    const b = new VectorBackend({ dimensions: 2 });
    assert.deepEqual([b.metric, b.threshold, b.capacity], ['cosine', 0.8, Number.POSITIVE_INFINITY]);
  });

  test('capacity is honoured: a full backend refuses, a removal makes room', () => {
    const b = new VectorBackend({ dimensions: 2, capacity: 2 });
    b.store([1, 0]);
    const second = b.store([0, 1]);
    const before = snapshot(b);
    assert.throws(
      () => b.store([1, 1]),
      (e: unknown) => {
        assert.ok(e instanceof CapacityExceededError && e instanceof VectorError);
        assert.equal(e.capacity, 2);
        assert.match(e.message, /at most 2/);
        return true;
      },
    );
    assert.deepEqual(snapshot(b), before);
    b.remove(second);
    assert.equal(b.store([1, 1]), 2, 'the refused store consumed no id');
  });
});

describe('VectorBackend: refused calls change nothing', () => {
  test('bad vectors', () => {
    const b = new VectorBackend({ dimensions: 3 });
    b.store([1, 2, 3]);
    const before = snapshot(b);
    const bad: [unknown, string, RegExp][] = [
      [[1, 2], 'DimensionMismatch', /2 component\(s\), expected 3/],
      [[1, 2, 3, 4], 'DimensionMismatch', /4 component/],
      [[1, Number.NaN, 3], 'InvalidVector', /\[1\] = NaN/],
      [[1, 2, Number.POSITIVE_INFINITY], 'InvalidVector', /\[2\] = Infinity/],
      [[1e39, 0, 0], 'InvalidVector', /\[0\] = 1e\+39.*float32/],
      [[1, '2', 3], 'InvalidVector', /\[1\] = "2": not a number/],
      [[3e38, 3e38, 0], 'InvalidVector', /overflows/],
      [null, 'InvalidVector', /null/],
      ['abc', 'InvalidVector', /"abc"/],
    ];
    for (const [v, code, message] of bad) {
      assert.throws(() => b.store(v as number[]), { code, message }, String(v));
      assert.throws(() => b.query(v as number[]), { code }, `query ${String(v)}`);
    }
    assert.deepEqual(snapshot(b), before);
    assert.equal(b.store([0, 0, 1]), 1, 'no id was consumed by the refusals');
  });

  test('unknown and removed ids', () => {
    const b = new VectorBackend({ dimensions: 1 });
    const id = b.store([1]);
    b.remove(id);
    b.store([2]);
    const before = snapshot(b);
    for (const bad of [id, 7, -1, 0.5, Number.NaN]) {
      assert.throws(
        () => b.remove(bad),
        (e: unknown) => e instanceof UnknownVectorIdError && e.code === 'UnknownVectorId' && Object.is(e.id, bad),
      );
      assert.throws(() => b.get(bad), UnknownVectorIdError);
      assert.throws(() => b.similarity(bad, 1), UnknownVectorIdError);
      assert.throws(() => b.similarity(1, bad), UnknownVectorIdError);
    }
    assert.throws(() => b.similarity(1, 1, 'cosinus'), { code: 'InvalidMetric', message: /'cosinus'|"cosinus"/ });
    assert.equal(b.similarity(1, 1), 1);
    assert.match(new UnknownVectorIdError(7).message, /id 7/);
    assert.deepEqual(snapshot(b), before);
  });

  test('bad options', () => {
    const bad: [unknown, string, RegExp][] = [
      [{ dimensions: 0 }, 'InvalidVectorOption', /dimensions must be/],
      [{ dimensions: 2.5 }, 'InvalidVectorOption', /got 2\.5/],
      [{ dimensions: 2, capacity: 0 }, 'InvalidVectorOption', /capacity/],
      [{ dimensions: 2, metric: 'nope' }, 'InvalidMetric', /"nope"/],
      [{ dimensions: 2, threshold: Number.NaN }, 'InvalidThreshold', /NaN/],
      [{ dimensions: 2, normalize: 'yes' }, 'InvalidVectorOption', /normalize/],
      [undefined, 'InvalidVectorOption', /options/],
    ];
    for (const [options, code, message] of bad) {
      assert.throws(() => new VectorBackend(options as { dimensions: number }), { code, message });
    }
    const b = new VectorBackend({ dimensions: 2 });
    assert.throws(() => b.query([1, 0], { k: -1 }), { code: 'InvalidVectorOption', message: /k must be/ });
    assert.throws(() => b.query([1, 0], { metric: 'x' }), { code: 'InvalidMetric' });
    assert.throws(() => b.query([1, 0], { threshold: Number.NaN }), { code: 'InvalidThreshold' });
    assert.ok(new InvalidVectorError(-1, [1], 'x').message.includes('array of length 1'));
  });
});

describe('VectorBackend: queries', () => {
  test('top-k is sorted by score descending, ties by ascending id', () => {
    const b = new VectorBackend({ dimensions: 2, metric: 'cosine', threshold: 0 });
    // Ids 0, 2, 4 are the same direction; 1 and 3 are orthogonal-ish.
    for (const v of [
      [1, 0],
      [0.6, 0.8],
      [2, 0],
      [0.6, 0.8],
      [5, 0],
    ]) {
      b.store(v);
    }
    b.remove(0);
    assert.deepEqual(b.query([1, 0], { k: 2 }), [
      { id: 2, score: 1 },
      { id: 4, score: 1 },
    ]);
    const all = b.query([1, 0]);
    assert.deepEqual(
      all.map((h) => h.id),
      [2, 4, 1, 3],
    );
    assert.equal(all[2].score, all[3].score);
  });

  test('threshold 0 keeps any positive score, never 0 or below', () => {
    const b = new VectorBackend({ dimensions: 2, metric: 'cosine' });
    b.store([1, 0]); // 1
    b.store([0, 1]); // 0
    b.store([-1, 0]); // −1
    b.store([1, 1e-6]); // ≈ 1
    b.store([1e-3, 1]); // tiny positive
    assert.deepEqual(
      b.query([1, 0], { threshold: 0 }).map((h) => h.id),
      [0, 3, 4],
    );
    assert.deepEqual(
      b.query([1, 0], { threshold: -3 }).map((h) => h.id),
      [0, 3, 4],
    );
  });

  test('threshold 1 keeps only identical vectors', () => {
    for (const metric of ['cosine', 'euclidean', 'manhattan', 'hamming', 'jaccard']) {
      const b = new VectorBackend({ dimensions: 3, metric, threshold: 1 });
      const target = [1, 0, 0.75];
      b.store([0, 1, 0.75]);
      const id = b.store(target);
      b.store([0.9, 0.6, 0.75]); // close, but not the same (for hamming/jaccard: other bits)
      assert.deepEqual(b.query(target), [{ id, score: 1 }], metric);
      assert.deepEqual(b.query(target, { threshold: 5 }), [{ id, score: 1 }], `${metric}, clamped`);
    }
  });

  test('scores equal the free kernels on the stored rows, for every metric', () => {
    for (const metric of VECTOR_METRICS) {
      for (const normalize of [false, true]) {
        const b = new VectorBackend({ dimensions: 19, metric, normalize, threshold: 0 });
        for (let i = 0; i < 50; i++)
          b.store(vec(i, 19).map((x) => (metric === 'hamming' || metric === 'jaccard' ? x + 0.5 : x)));
        for (let i = 0; i < 10; i += 3) b.remove(i);
        const query = vec(1000, 19).map((x) => x + 0.5);
        const q = metric === 'cosine' && normalize ? l2Normalize(query) : query;
        const want = b
          .ids()
          .map((id) => ({ id, score: similarity(metric, b.get(id), q) }))
          .filter((h) => h.score >= 2 ** -23)
          .sort((x, y) => y.score - x.score || x.id - y.id);
        assert.deepEqual(b.query(query), want, `${metric}, normalize ${normalize}`);
        assert.deepEqual(b.query(query, { k: 5 }), want.slice(0, 5));
      }
    }
  });

  test('a stored vector finds itself with cosine exactly 1, normalized or not', () => {
    for (const normalize of [false, true]) {
      const b = new VectorBackend({ dimensions: 33, normalize, threshold: 1 });
      for (let i = 0; i < 20; i++) b.store(vec(i, 33));
      for (let i = 0; i < 20; i++) assert.deepEqual(b.query(vec(i, 33)), [{ id: i, score: 1 }]);
      assert.equal(cosineSimilarity(vec(3, 33), vec(3, 33)), 1);
    }
  });

  test('packed and unpacked binary scans agree', () => {
    for (const metric of ['hamming', 'jaccard']) {
      const packed = new VectorBackend({ dimensions: 70, metric, packBits: true, threshold: 0 });
      const plain = new VectorBackend({ dimensions: 70, metric, packBits: false, threshold: 0 });
      for (let i = 0; i < 30; i++) {
        const v = vec(i, 70).map((x) => (x > 0.2 ? 1 : 0));
        packed.store(v);
        plain.store(v);
      }
      packed.remove(4);
      plain.remove(4);
      const q = vec(99, 70).map((x) => (x > 0 ? 1 : 0));
      assert.deepEqual(packed.query(q, { k: 7 }), plain.query(q, { k: 7 }), metric);
      assert.deepEqual(packed.query(q, { metric: 'cosine' }), plain.query(q, { metric: 'cosine' }));
    }
  });

  test('queryMany gives the results of one query each, across block boundaries', () => {
    const b = new VectorBackend({ dimensions: 200, normalize: false, threshold: 0 });
    for (let i = 0; i < 1500; i++) b.store(vec(i, 200));
    const queries = Array.from({ length: 5 }, (_, i) => vec(5000 + i, 200));
    for (const metric of VECTOR_METRICS) {
      const many = b.queryMany(queries, { metric, k: 4 });
      assert.deepEqual(
        many,
        queries.map((q) => b.query(q, { metric, k: 4 })),
        metric,
      );
    }
    assert.deepEqual(b.queryMany([]), []);
    assert.deepEqual(new VectorBackend({ dimensions: 2 }).query([1, 0]), []);
  });

  test('the WebAssembly and TypeScript backends return identical hits', () => {
    const build = () => {
      const b = new VectorBackend({ dimensions: 45, normalize: true, threshold: 0 });
      for (let i = 0; i < 300; i++) b.store(vec(i, 45));
      for (let i = 0; i < 300; i += 7) b.remove(i);
      return b;
    };
    const wasm = build();
    forceKernelBackend('typescript');
    let ts: VectorBackend;
    try {
      ts = build();
    } finally {
      forceKernelBackend('auto');
    }
    assert.equal(wasm.kernelBackend, 'wasm-simd');
    assert.equal(ts.kernelBackend, 'typescript');
    for (const id of wasm.ids()) assert.deepEqual(wasm.get(id), ts.get(id));
    const q = vec(777, 45);
    for (const metric of VECTOR_METRICS) assert.deepEqual(wasm.query(q, { metric }), ts.query(q, { metric }), metric);
  });
});
