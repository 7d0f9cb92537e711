/**
 * `vector_similarity`: the seed's vectordb_* rows (reference-inventory §11), on our kernels.
 *
 * - cosine_single_pair/d: cosine of two random (uniform [−1, 1)) pre-normalized d-dim vectors.
 * - cosine_stored_pair/d: the same pair stored in a VectorBackend, scored in place (not a seed row).
 * - top_k_k/10000: a normalized random query against 10,000 random (unnormalized) 384-dim rows,
 *   cosine, keep k. Ours runs on a `VectorBackend` (the rows stored once, as any index holds
 *   them), exact, with a bounded heap; the seed scores everything and sorts.
 * - top_k_10_query_many/100: 100 such queries in one `queryMany` call, elements = queries, so the
 *   throughput column is queries per second and median / 100 the cost of one query.
 * - batch_cosine_NxM: the N × M cosine matrix of N random queries against M random rows (384-dim).
 *
 * Big scans (top-k over 10,000 rows, the 100 × 1,000 matrices) run on `vectorThreads()` threads:
 * the default, the machine's parallelism (2 here).
 *
 * Peer: usearch's exact search (`exactSearch`, cosine, its native SIMD kernels, its default
 * threads) over the same flat rows, beside the top-k rows. usearch is a dev dependency; where its
 * prebuilt binary does not load, the column is simply absent.
 *
 * Vectors come from a seeded generator, so every run measures the same numbers.
 */
import { VectorBackend } from '../../src/vector/backend.js';
import { batchCosine } from '../../src/vector/batch.js';
import { cosineSimilarity, l2Normalize } from '../../src/vector/kernels.js';
import { type Case, expectCount, type Group } from '../harness.js';

/** usearch's exact search, or null where its native module does not load. */
type ExactSearch = (
  dataset: Float32Array,
  queries: Float32Array,
  dims: number,
  count: number,
  metric: 'cos',
) => {
  readonly keys: BigUint64Array;
};
const exactSearch: ExactSearch | null = await import('usearch').then(
  (m) => m.default.exactSearch as unknown as ExactSearch,
  () => null,
);

const DIMS = 384;
const ROWS = 10_000;

/** A small seeded generator (mulberry32): uniform floats in [−1, 1). */
function generator(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 31 - 1;
  };
}

export function randomVectors(seed: number, count: number, dims: number): Float32Array {
  const next = generator(seed);
  return Float32Array.from({ length: count * dims }, next);
}

/**
 * A row scoring one seeded pair of pre-normalized `dims`-dim vectors with the scorer `make`
 * returns (made once, untimed); every body checks it gives cosineSimilarity's value.
 */
function pairCase(name: string, dims: number, make: (a: Float32Array, b: Float32Array) => () => number): Case {
  const a = l2Normalize(randomVectors(1, 1, dims));
  const b = l2Normalize(randomVectors(2, 1, dims));
  const expected = cosineSimilarity(a, b);
  const score = make(a, b);
  return {
    kind: 'sync',
    name,
    size: dims,
    elements: dims,
    repeatable: true,
    prepare: () => () => expectCount('cosine', score(), expected),
  };
}

const cosineSinglePair = (dims: number): Case =>
  pairCase('cosine_single_pair', dims, (a, b) => () => cosineSimilarity(a, b));

/**
 * The same pair stored in a backend and scored in place (`VectorBackend.similarity`): no copies
 * into kernel memory, and the squared norms cached at store time. Not a seed row.
 */
const cosineStoredPair = (dims: number): Case =>
  pairCase('cosine_stored_pair', dims, (a, b) => {
    const backend = new VectorBackend({ dimensions: dims, metric: 'cosine', normalize: false, threshold: 0 });
    const [ia, ib] = [backend.store(a), backend.store(b)];
    return () => backend.similarity(ia, ib);
  });

// One 10,000-row backend for every top-k row: built on first use (~0.1 s), never modified.
let shared: VectorBackend | undefined;
let flatRows: Float32Array | undefined;
function rowsBackend(): VectorBackend {
  if (shared === undefined) {
    const rows = rowsMatrix();
    shared = new VectorBackend({ dimensions: DIMS, metric: 'cosine', normalize: false, threshold: 0 });
    for (let r = 0; r < ROWS; r++) shared.store(rows.subarray(r * DIMS, (r + 1) * DIMS));
  }
  return shared;
}

function rowsMatrix(): Float32Array {
  flatRows ??= randomVectors(3, ROWS, DIMS);
  return flatRows;
}

const query = l2Normalize(randomVectors(4, 1, DIMS));

const topK = (k: number): Case => ({
  kind: 'sync',
  name: `top_k_${k}`,
  size: ROWS,
  elements: ROWS,
  repeatable: true,
  prepare: () => {
    const backend = rowsBackend();
    return () => expectCount(`top-${k} hits`, backend.query(query, { k }).length, k);
  },
  ...(exactSearch === null ? {} : { peers: { usearch: usearchTopK(exactSearch, k) } }),
});

/** usearch's exact top-k (cosine) over the same rows; checks it agrees with ours on the best hit. */
function usearchTopK(search: ExactSearch, k: number): () => () => void {
  return () => {
    const rows = rowsMatrix();
    const best = rowsBackend().query(query, { k: 1 })[0].id;
    return () => {
      const { keys } = search(rows, query, DIMS, k, 'cos');
      expectCount('usearch hits', keys.length, k);
      expectCount('usearch best hit', Number(keys[0]), best);
    };
  };
}

const QUERIES = 100;
const topKQueryMany: Case = {
  kind: 'sync',
  name: 'top_k_10_query_many',
  size: QUERIES,
  elements: QUERIES,
  repeatable: true,
  prepare: () => {
    const backend = rowsBackend();
    const flat = randomVectors(5, QUERIES, DIMS);
    const queries = Array.from({ length: QUERIES }, (_, i) => l2Normalize(flat.subarray(i * DIMS, (i + 1) * DIMS)));
    return () => {
      const hits = backend.queryMany(queries, { k: 10 });
      expectCount('queries answered', hits.filter((h) => h.length === 10).length, QUERIES);
    };
  },
};

const batch = (n: number, m: number): Case => {
  const queries = randomVectors(6, n, DIMS);
  const rows = randomVectors(7, m, DIMS);
  const out = new Float64Array(n * m);
  return {
    kind: 'sync',
    name: `batch_cosine_${n}x${m}`,
    size: null,
    elements: n * m,
    repeatable: true,
    prepare: () => () => expectCount('cosine entries', batchCosine(queries, rows, DIMS, out).length, n * m),
  };
};

export const group: Group = {
  name: 'vector_similarity',
  description:
    'seeded uniform [-1,1) vectors; cosine of a pre-normalized pair; top-k (cosine) over 10,000 x 384 rows in a ' +
    'VectorBackend (usearch: its exactSearch over the same rows); 100 top-10 queries in one queryMany ' +
    '(throughput = queries/s); N x M cosine matrices at 384 dims; big scans on vectorThreads() threads',
  cases: [
    ...[128, 384, 768, 1536].map(cosineSinglePair),
    ...[128, 384, 768, 1536].map(cosineStoredPair),
    ...[5, 10, 50].map(topK),
    topKQueryMany,
    batch(10, 100),
    batch(10, 1000),
    batch(100, 1000),
  ],
};
