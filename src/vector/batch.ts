/**
 * Kernels over whole matrices given as flat row-major Float32Arrays (`rows.length = m × dims`):
 * exact top-k of one query, and the n × m cosine matrix of n queries against m rows. Every score
 * is bit for bit the single-pair kernel's. The matrices are copied into the scratch heap on every
 * call; to query the same rows repeatedly, store them in a `VectorBackend` instead.
 */
import type { VectorMetric } from '../registry/config-map.js';
import { DimensionMismatchError, InvalidVectorOptionError } from './errors.js';
import { cosScoresScratch, DOT_BLOCK_TMP_FLOATS, type KernelHeap, padded } from './heap.js';
import { DOT_BLOCK } from './jobs.js';
import { createHeap, kernelBackend } from './kernel-backend.js';
import { loadVector } from './kernels.js';
import { effectiveThreshold, resolveMetric } from './metrics.js';
import { parallelMetric, scanRows, scanRowsParallel, scanScratch } from './scan.js';
import { parallelHeap, runJob, scratchBytes } from './threads.js';
import { type SimilarityHit, TopKHeap } from './topk.js';
import { checkFloat32, rowCount } from './validate.js';

export interface TopKOptions {
  /** Default `cosine`. */
  metric?: VectorMetric | string;
  /** Keep only scores ≥ this (clamped to [f32::EPSILON, 1], as backend queries do); default: no threshold. */
  threshold?: number;
}

/**
 * The k rows of `rows` (m × dims, row-major) most similar to `query`, best first, as
 * `{id: row index, score}`; equal scores by ascending row index. k = 0 returns every row (that
 * passes the threshold, if one is given). A zero query under cosine returns no rows.
 */
export function topK(
  query: Float32Array,
  rows: Float32Array,
  dims: number,
  k: number,
  options: TopKOptions = {},
): SimilarityHit[] {
  checkDims(dims);
  checkFloat32(query);
  checkFloat32(rows);
  if (query.length !== dims) throw new DimensionMismatchError(dims, query.length, 'query');
  const m = rowCount(rows, dims, 'rows');
  if (!Number.isSafeInteger(k) || k < 0) throw new InvalidVectorOptionError('k', k, 'a non-negative integer');
  const metric = options.metric === undefined ? 'cosine' : resolveMetric(options.metric);
  const threshold = options.threshold === undefined ? Number.NEGATIVE_INFINITY : effectiveThreshold(options.threshold);

  const h = matrixHeap();
  const p = padded(dims);
  const par = parallelMetric(metric) ? parallelHeap(h, m * p) : null;
  const q = m * p;
  const norms = q + p;
  const out = norms + m;
  h.reserve(out + scanScratch(m));
  loadRows(h, 0, rows, dims, m);
  loadVector(h, q, query, dims);
  if (metric === 'cosine') h.sqnormRows(0, m, p, dims, norms);
  const sqNorm = h.dot(q, q, dims);
  // A zero query has no direction: no row is "like" it (the reference returns nothing too).
  if (metric === 'cosine' && sqNorm === 0) return [];
  const top = new TopKHeap(k === 0 ? m : Math.min(k, m));
  const src = { heap: h, dims, stride: p, normsOff: norms, bits: null, ids: null };
  if (par !== null) scanRowsParallel(par, src, metric, { off: q, sqNorm, bits: null }, 0, m, out, threshold, top);
  else scanRows(src, metric, { off: q, sqNorm, bits: null }, 0, m, out, threshold, top);
  return top.drain();
}

/**
 * The n × m cosine matrix of n queries against m rows (both row-major, `dims` wide): entry
 * `i * m + j` is cosine(query i, row j), 0 where either is zero. Writes into `out` (a new
 * Float64Array by default) and returns it.
 */
export function batchCosine(queries: Float32Array, rows: Float32Array, dims: number, out?: Float64Array): Float64Array {
  checkDims(dims);
  checkFloat32(queries);
  checkFloat32(rows);
  const n = rowCount(queries, dims, 'queries');
  const m = rowCount(rows, dims, 'rows');
  if (out !== undefined && (!(out instanceof Float64Array) || out.length !== n * m)) {
    throw new InvalidVectorOptionError('out', out, `a Float64Array of length ${n * m} (queries × rows)`);
  }
  const result = out ?? new Float64Array(n * m);

  const h = matrixHeap();
  const p = padded(dims);
  const par = parallelHeap(h, n * m * p);
  const qs = m * p;
  const rowNorms = qs + n * p;
  const queryNorms = rowNorms + m;
  const dots = queryNorms + n;
  const tmp = dots + n * m;
  const scores = tmp + Math.max(DOT_BLOCK_TMP_FLOATS, scratchBytes() / 4);
  h.reserve(scores + cosScoresScratch(n * m));
  loadRows(h, 0, rows, dims, m);
  loadRows(h, qs, queries, dims, n);
  h.sqnormRows(0, m, p, dims, rowNorms);
  h.sqnormRows(qs, n, p, dims, queryNorms);
  if (par !== null) {
    const at = (scores + 1) & ~1; // doubles: 8-byte aligned
    runJob(par, {
      kind: DOT_BLOCK,
      m: 0,
      rows: m,
      stride: 4 * p,
      q: 4 * qs,
      nq: n,
      qstride: 4 * p,
      n: p,
      out: 4 * dots,
      os: m,
      norms: 4 * rowNorms,
      qnorms: 4 * queryNorms,
      scores: 4 * at,
      tmp: 4 * tmp,
    });
    result.set(new Float64Array(par.f32.buffer, 4 * at, n * m));
    return result;
  }
  // Every query against one block of rows at a time, so that the block stays in cache while the
  // queries stream past it: dots[i·m + j] = queries[i]·rows[j].
  const block = Math.max(2, Math.floor(BLOCK_FLOATS / p));
  for (let first = 0; first < m; first += block) {
    const count = Math.min(block, m - first);
    h.dotBlock(first * p, count, p, qs, n, p, dims, dots + first, m, tmp);
  }
  result.set(h.cosScores(dots, rowNorms, m, queryNorms, n, m, scores));
  return result;
}

/** Rows per block of `batchCosine`: ~96 KiB, well inside a core's L2 next to the queries. */
const BLOCK_FLOATS = 24 * 1024;

let matrixScratch: KernelHeap | undefined;

/**
 * The scratch heap of the matrix functions, apart from the single-pair kernels' own: a big call
 * moves it into shared memory (for threads), where copying a pair in would cost twice as much.
 */
function matrixHeap(): KernelHeap {
  if (matrixScratch === undefined || matrixScratch.backend !== kernelBackend()) matrixScratch = createHeap(1 << 14);
  return matrixScratch;
}

/** Copies `count` rows of `dims` floats from `src` into the heap at `off`, each zero-padded. */
function loadRows(h: KernelHeap, off: number, src: Float32Array, dims: number, count: number): void {
  const f = h.f32;
  const p = padded(dims);
  if (p === dims) {
    f.set(src.subarray(0, count * dims), off);
    return;
  }
  for (let r = 0; r < count; r++) {
    const to = off + r * p;
    const from = r * dims;
    for (let i = 0; i < dims; i++) f[to + i] = src[from + i];
    f.fill(0, to + dims, to + p);
  }
}

function checkDims(dims: number): void {
  if (!Number.isSafeInteger(dims) || dims < 1) throw new InvalidVectorOptionError('dims', dims, 'a positive integer');
}
