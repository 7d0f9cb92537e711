/**
 * Exact top-k: the bounded heap against a full sort, and the matrix kernels (`topK`,
 * `batchCosine`) against the single-pair kernels, bit for bit.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { batchCosine, topK } from './batch.js';
import { cosineSimilarity, similarity } from './kernels.js';
import { VECTOR_METRICS } from './metrics.js';
import { type SimilarityHit, TopKHeap } from './topk.js';

/** The reference ranking: sort everything, score descending then id ascending, keep k. */
function sortedTopK(pairs: readonly SimilarityHit[], k: number): SimilarityHit[] {
  const sorted = [...pairs].sort((a, b) => b.score - a.score || a.id - b.id);
  return k === 0 ? sorted : sorted.slice(0, k);
}

describe('TopKHeap', () => {
  test('keeps exactly what a full sort keeps, in the same order', () => {
    // Few distinct scores, so ties are common.
    const pairs = fc.uniqueArray(
      fc.tuple(fc.nat(1000), fc.integer({ min: -3, max: 3 })).map(([id, s]) => ({ id, score: s / 2 })),
      { selector: (p) => p.id, maxLength: 60 },
    );
    fc.assert(
      fc.property(pairs, fc.nat(70), (ps, k) => {
        const heap = new TopKHeap(k);
        for (const p of ps) heap.offer(p.id, p.score);
        assert.equal(heap.size, Math.min(k, ps.length));
        assert.deepEqual(heap.drain(), sortedTopK(ps, k).slice(0, k));
        assert.equal(heap.size, 0);
      }),
    );
  });

  test('ties go to the lower id, whatever the offer order', () => {
    const heap = new TopKHeap(2);
    for (const id of [9, 4, 7, 1, 8]) heap.offer(id, 0.5);
    assert.deepEqual(heap.drain(), [
      { id: 1, score: 0.5 },
      { id: 4, score: 0.5 },
    ]);
  });

  test('k = 0 keeps nothing; NaN scores are never kept; clear empties', () => {
    const none = new TopKHeap(0);
    none.offer(1, 1);
    assert.deepEqual(none.drain(), []);
    const heap = new TopKHeap(3);
    heap.offer(1, Number.NaN);
    heap.offer(2, 0.1);
    assert.deepEqual(heap.drain(), [{ id: 2, score: 0.1 }]);
    heap.offer(3, 0.2);
    heap.clear();
    assert.deepEqual(heap.drain(), []);
    assert.throws(() => new TopKHeap(-1), { code: 'InvalidVectorOption', message: /k must be/ });
    assert.throws(() => new TopKHeap(1.5), { code: 'InvalidVectorOption' });
  });
});

const matrixArb = fc
  .record({ dims: fc.integer({ min: 1, max: 40 }), rows: fc.integer({ min: 0, max: 30 }) })
  .chain(({ dims, rows }) =>
    fc.record({
      dims: fc.constant(dims),
      // Small integers: many exact ties, and binary-looking vectors for hamming/jaccard.
      rows: fc
        .array(fc.integer({ min: -2, max: 2 }), { minLength: dims * rows, maxLength: dims * rows })
        .map((xs) => Float32Array.from(xs)),
      query: fc
        .array(fc.integer({ min: -2, max: 2 }), { minLength: dims, maxLength: dims })
        .map((xs) => Float32Array.from(xs)),
    }),
  );

describe('topK over a matrix', () => {
  test('equals scoring every row with the single-pair kernel, then a full sort', () => {
    fc.assert(
      fc.property(
        matrixArb,
        fc.constantFrom(...VECTOR_METRICS),
        fc.nat(12),
        fc.option(fc.double({ min: -0.5, max: 1.5, noNaN: true })),
        ({ dims, rows, query }, metric, k, threshold) => {
          const m = rows.length / dims;
          if (metric === 'cosine' && query.every((x) => x === 0)) {
            assert.deepEqual(topK(query, rows, dims, k, { metric }), [], 'a zero query has no cosine neighbours');
            return;
          }
          const all: SimilarityHit[] = [];
          for (let r = 0; r < m; r++) {
            const score = similarity(metric, rows.subarray(r * dims, (r + 1) * dims), query);
            const t = threshold === null ? Number.NEGATIVE_INFINITY : Math.min(1, Math.max(2 ** -23, threshold));
            if (score >= t) all.push({ id: r, score });
          }
          const options = threshold === null ? { metric } : { metric, threshold };
          assert.deepEqual(topK(query, rows, dims, k, options), sortedTopK(all, k));
        },
      ),
      { numRuns: 300 },
    );
  });

  test('refuses bad arguments', () => {
    const rows = new Float32Array(6);
    assert.throws(() => topK(new Float32Array(3), new Float32Array(7), 3, 1), {
      code: 'DimensionMismatch',
      message: /whole rows of 3/,
    });
    assert.throws(() => topK(new Float32Array(2), rows, 3, 1), { code: 'DimensionMismatch', message: /query/ });
    assert.throws(() => topK(new Float32Array(3), rows, 3, -1), { code: 'InvalidVectorOption' });
    assert.throws(() => topK(new Float32Array(3), rows, 0, 1), { code: 'InvalidVectorOption', message: /dims/ });
    assert.throws(() => topK(new Float32Array(3), rows, 3, 1, { metric: 'nope' }), { code: 'InvalidMetric' });
    assert.throws(() => topK(new Float32Array(3), rows, 3, 1, { threshold: Number.NaN }), {
      code: 'InvalidThreshold',
    });
  });
});

describe('batchCosine', () => {
  test('entry (i, j) is cosineSimilarity(query i, row j), bit for bit', () => {
    const arb = fc
      .record({ dims: fc.integer({ min: 1, max: 35 }), n: fc.nat(5), m: fc.nat(7) })
      .chain(({ dims, n, m }) =>
        fc.record({
          dims: fc.constant(dims),
          queries: fc.float32Array({ minLength: n * dims, maxLength: n * dims, noNaN: true, min: -1e3, max: 1e3 }),
          rows: fc.float32Array({ minLength: m * dims, maxLength: m * dims, noNaN: true, min: -1e3, max: 1e3 }),
        }),
      );
    fc.assert(
      fc.property(arb, ({ dims, queries, rows }) => {
        const n = queries.length / dims;
        const m = rows.length / dims;
        const got = batchCosine(queries, rows, dims);
        assert.equal(got.length, n * m);
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < m; j++) {
            const want = cosineSimilarity(
              queries.subarray(i * dims, (i + 1) * dims),
              rows.subarray(j * dims, (j + 1) * dims),
            );
            assert.ok(Object.is(got[i * m + j], want), `(${i}, ${j}): ${got[i * m + j]} vs ${want}`);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  test('writes into out; refuses a wrong out without touching it', () => {
    const q = Float32Array.from([1, 0, 0, 1]);
    const r = Float32Array.from([1, 0, 0, 2, 0, 0]);
    const out = new Float64Array(6);
    assert.equal(batchCosine(q, r, 2, out), out);
    assert.deepEqual(Array.from(out), [1, 0, 0, 0, 1, 0]);
    const wrong = new Float64Array(5).fill(7);
    assert.throws(() => batchCosine(q, r, 2, wrong), { code: 'InvalidVectorOption', message: /length 6/ });
    assert.deepEqual(Array.from(wrong), [7, 7, 7, 7, 7]);
  });
});
