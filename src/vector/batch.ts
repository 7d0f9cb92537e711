/**
 * Kernels over whole matrices given as flat row-major Float32Arrays (`rows.length = m × dims`):
 * exact top-k of one query, and the n × m cosine matrix of n queries against m rows. Every score
 * is bit for bit the single-pair kernel's. The matrices are copied into the scratch heap on every
 * call; to query the same rows repeatedly, store them in a `VectorBackend` instead.
 */
import type { VectorMetric } from '../registry/config-map.js';
import { DimensionMismatchError, InvalidVectorOptionError } from './errors.js';
import { type KernelHeap, padded } from './heap.js';
import { loadVector, scratchHeap } from './kernels.js';
import { effectiveThreshold, resolveMetric } from './metrics.js';
import { scanRows } from './scan.js';
import { cosineScore } from './scores.js';
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

  const h = scratchHeap();
  const p = padded(dims);
  const q = m * p;
  const norms = q + p;
  const out = norms + m;
  h.reserve(out + m);
  loadRows(h, 0, rows, dims, m);
  loadVector(h, q, query, dims);
  if (metric === 'cosine') h.sqnormRows(0, m, p, dims, norms);
  const sqNorms = h.f32.subarray(norms, norms + m);
  const sqNorm = h.dot(q, q, dims);
  // A zero query has no direction: no row is "like" it (the reference returns nothing too).
  if (metric === 'cosine' && sqNorm === 0) return [];
  const top = new TopKHeap(k === 0 ? m : Math.min(k, m));
  const src = { heap: h, dims, stride: p, sqNorms, bits: null, ids: null };
  scanRows(src, metric, { off: q, sqNorm, bits: null }, 0, m, out, threshold, top);
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

  const h = scratchHeap();
  const p = padded(dims);
  const qs = m * p;
  const rowNorms = qs + n * p;
  const queryNorms = rowNorms + m;
  const dots = queryNorms + n;
  h.reserve(dots + m);
  loadRows(h, 0, rows, dims, m);
  loadRows(h, qs, queries, dims, n);
  h.sqnormRows(0, m, p, dims, rowNorms);
  h.sqnormRows(qs, n, p, dims, queryNorms);
  for (let i = 0; i < n; i++) {
    h.dotRows(0, m, p, qs + i * p, dims, dots);
    const f = h.f32;
    const qn = f[queryNorms + i];
    for (let j = 0, o = i * m; j < m; j++) result[o + j] = cosineScore(f[dots + j], f[rowNorms + j], qn);
  }
  return result;
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
