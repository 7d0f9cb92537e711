/**
 * Worker threads change speed, never a result: every big search, top-k and cosine matrix gives
 * the same hits and the same bits on one thread, on several, and on the TypeScript fallback.
 * The searches here are just big enough to run as parallel jobs; the tests first wait until a
 * worker has really taken a chunk (a worker that has not started yet leaves all of them to the
 * calling thread, which would prove nothing).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { VectorBackend } from './backend.js';
import { batchCosine, topK } from './batch.js';
import { forceKernelBackend } from './kernel-backend.js';
import { cosineSimilarity } from './kernels.js';
import { PARALLEL_MIN_WORK, vectorThreads, workerChunks } from './threads.js';

function vec(seed: number, dims: number): Float32Array {
  let s = seed * 2654435761 + 1;
  return Float32Array.from({ length: dims }, () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 2 ** 31 - 1;
  });
}

const DIMS = 96;
const ROWS = Math.ceil(PARALLEL_MIN_WORK / DIMS) + 500;
const METRICS = ['cosine', 'dot_product', 'euclidean', 'manhattan'] as const;
const initialThreads = vectorThreads();

function build(): VectorBackend {
  const b = new VectorBackend({ dimensions: DIMS, normalize: false, threshold: 0 });
  for (let i = 0; i < ROWS; i++) b.store(vec(i, DIMS));
  // Holes: swap-removal moves rows, so row order and id order differ.
  for (let i = 0; i < ROWS; i += 37) b.remove(i);
  return b;
}

describe('worker threads', () => {
  let backend: VectorBackend;
  const queries = Array.from({ length: 7 }, (_, i) => vec(100_000 + i, DIMS));

  before(async () => {
    vectorThreads(2);
    backend = build();
    // Until a worker has run a chunk of a job (workers start asynchronously, and on a busy
    // machine may wake too late for a whole job): at most ~15 s.
    const deadline = Date.now() + 15_000;
    while (workerChunks() === 0 && Date.now() < deadline) {
      backend.queryMany(queries, { k: 3 });
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    assert.ok(workerChunks() > 0, 'a worker should have taken part in a job');
  });

  after(() => {
    vectorThreads(initialThreads);
  });

  test('backend searches: the same hits on one thread and on two', () => {
    for (const metric of METRICS) {
      for (const k of [1, 10, 0]) {
        vectorThreads(2);
        const many = backend.queryMany(queries, { metric, k, threshold: 0.05 });
        const one = backend.query(queries[0], { metric, k, threshold: 0.05 });
        vectorThreads(1);
        assert.deepEqual(backend.queryMany(queries, { metric, k, threshold: 0.05 }), many, `${metric} k=${k}`);
        assert.deepEqual(backend.query(queries[0], { metric, k, threshold: 0.05 }), one, `${metric} k=${k}`);
        assert.deepEqual(many[0], one, `${metric}: queryMany = query`);
      }
    }
  });

  test('the TypeScript fallback agrees with the threaded search', () => {
    vectorThreads(2);
    forceKernelBackend('typescript');
    let ts: VectorBackend;
    try {
      ts = build();
    } finally {
      forceKernelBackend('auto');
    }
    for (const metric of METRICS) {
      assert.deepEqual(backend.queryMany(queries, { metric, k: 5 }), ts.queryMany(queries, { metric, k: 5 }), metric);
    }
  });

  test('batchCosine and topK: the same bits on one thread and on two', () => {
    const rows = Float32Array.from({ length: 3000 * DIMS }, (_, i) => Math.sin(i * 0.37));
    const qs = Float32Array.from({ length: 9 * DIMS }, (_, i) => Math.cos(i * 0.11));
    vectorThreads(2);
    const two = batchCosine(qs, rows, DIMS);
    const top = topK(qs.subarray(0, DIMS), rows, DIMS, 20);
    const far = topK(qs.subarray(0, DIMS), rows, DIMS, 5, { metric: 'euclidean' });
    vectorThreads(1);
    const one = batchCosine(qs, rows, DIMS);
    assert.equal(one.length, two.length);
    for (let i = 0; i < one.length; i++) assert.ok(Object.is(one[i], two[i]), `entry ${i}`);
    for (const [i, j] of [
      [0, 0],
      [8, 2999],
      [4, 1234],
    ]) {
      const pair = cosineSimilarity(qs.subarray(i * DIMS, (i + 1) * DIMS), rows.subarray(j * DIMS, (j + 1) * DIMS));
      assert.ok(Object.is(two[i * 3000 + j], pair), `entry ${i}, ${j} is the single-pair cosine`);
    }
    assert.deepEqual(topK(qs.subarray(0, DIMS), rows, DIMS, 20), top);
    assert.deepEqual(topK(qs.subarray(0, DIMS), rows, DIMS, 5, { metric: 'euclidean' }), far);
  });

  test('vectorThreads takes 1..64 threads', () => {
    for (const bad of [0, -1, 1.5, 65, Number.NaN]) {
      assert.throws(() => vectorThreads(bad), { code: 'InvalidVectorOption' });
    }
    assert.equal(vectorThreads(3), 3);
    assert.equal(vectorThreads(), 3);
  });
});
