/**
 * How a backend answers a batch of queries over its rows: on one thread or several, one query at
 * a time or several per pass. Every way computes each row's score with the same kernels and ranks
 * the rows of a query in row order on the calling thread, so every way gives the same hits.
 *
 * - One query, or a metric without a block kernel: each query scans every row (row by row).
 * - Several dot-product or cosine queries: the block kernel scores a pair of rows against three
 *   queries per load, a block of rows at a time.
 * - A big enough scan (`parallelHeap`) runs its kernels as jobs on worker threads as well.
 */
import type { VectorMetric } from '../registry/config-map.js';
import { cosScoresScratch, DOT_BLOCK_TMP_FLOATS } from './heap.js';
import { DOT_BLOCK, NO_NORMS } from './jobs.js';
import type { RowMatrix } from './matrix.js';
import { offerRows, parallelMetric, type ScanQuery, scanRows, scanRowsParallel, scanScratch } from './scan.js';
import { parallelHeap, runJob, scratchBytes } from './threads.js';
import type { TopKHeap } from './topk.js';
import type { WasmHeap } from './wasm.js';

/** Rows per scan block on one thread: ~256 KiB of floats, to stay in a core's L2 while every query reads them. */
const BLOCK_FLOATS = 1 << 16;
/** Most raw results a parallel block job keeps (queries × rows): 4 MiB, and twice that of scores. */
const SEGMENT_FLOATS = 1 << 20;

/** A search decided before the queries are loaded: sharing the heap for threads replaces its `f32`. */
export interface SearchPlan {
  readonly queries: number;
  readonly metric: VectorMetric;
  /** Several queries per pass (block kernel). */
  readonly blocked: boolean;
  /** The heap, shared, when kernels run on worker threads too. */
  readonly parallel: WasmHeap | null;
  /** Rows per pass. */
  readonly segment: number;
  /** Floats of heap scratch the search needs, from `RowMatrix.scratch`. */
  readonly scratch: number;
}

export function planSearch(m: RowMatrix, queries: number, metric: VectorMetric): SearchPlan {
  const { rows, stride } = m;
  const blocked = queries > 1 && (metric === 'cosine' || metric === 'dot_product');
  const parallel = parallelMetric(metric) ? parallelHeap(m.heap, rows * queries * stride) : null;
  // Rows per pass: a cache-sized block when several queries read each block; all rows for one
  // query (one kernel call, one scoring pass); a big segment for a parallel block job.
  let segment = Math.max(2, Math.min(rows, Math.floor(BLOCK_FLOATS / stride)));
  if (queries === 1 && !blocked) segment = Math.max(2, rows);
  else if (parallel !== null) {
    segment = blocked ? Math.max(2, Math.min(rows, Math.floor(SEGMENT_FLOATS / queries))) : Math.max(2, rows);
  }
  // After the queries (and their norms): per pass the raw kernel results and cosine's scores, for
  // every query when blocked, else for one at a time; then the block kernel's scratch.
  const work = blocked ? queries * segment + cosScoresScratch(queries * segment) : scanScratch(segment);
  const tmp = Math.max(DOT_BLOCK_TMP_FLOATS, scratchBytes() / 4);
  return { queries, metric, blocked, parallel, segment, scratch: queries * (stride + 1) + work + tmp };
}

/**
 * Runs a planned search: the queries are loaded at `m.scratch`, `stride` floats apart, and every
 * row's score that reaches `threshold` is offered to the query's heap in `tops`.
 */
export function runSearch(
  m: RowMatrix,
  plan: SearchPlan,
  queries: readonly ScanQuery[],
  threshold: number,
  tops: readonly TopKHeap[],
): void {
  const { rows, stride, dims } = m;
  const { metric, segment, parallel } = plan;
  const n = queries.length;
  const qs = m.scratch;
  const qnorms = qs + n * stride;
  const out = qnorms + n;
  if (!plan.blocked) {
    for (let first = 0; first < rows; first += segment) {
      const end = Math.min(rows, first + segment);
      for (let i = 0; i < n; i++) {
        if (parallel !== null) scanRowsParallel(parallel, m, metric, queries[i], first, end, out, threshold, tops[i]);
        else scanRows(m, metric, queries[i], first, end, out, threshold, tops[i]);
      }
    }
    return;
  }
  const cosine = metric === 'cosine';
  const scoresAt = out + n * segment;
  const tmp = scoresAt + cosScoresScratch(n * segment);
  const h = m.heap;
  for (let i = 0; i < n; i++) h.f32[qnorms + i] = queries[i].sqNorm;
  for (let first = 0; first < rows; first += segment) {
    const end = Math.min(rows, first + segment);
    const count = end - first;
    let scores: Float64Array | null = null;
    if (parallel !== null) {
      const at = (scoresAt + 1) & ~1; // doubles: 8-byte aligned
      runJob(parallel, {
        kind: DOT_BLOCK,
        m: 4 * first * stride,
        rows: count,
        stride: 4 * stride,
        q: 4 * qs,
        nq: n,
        qstride: 4 * stride,
        n: stride,
        out: 4 * out,
        os: segment,
        norms: cosine ? 4 * (m.normsOff + first) : NO_NORMS,
        qnorms: 4 * qnorms,
        scores: 4 * at,
        tmp: 4 * tmp,
      });
      if (cosine) scores = new Float64Array(parallel.f32.buffer, 4 * at, n * segment);
    } else {
      h.dotBlock(first * stride, count, stride, qs, n, stride, dims, out, segment, tmp);
      if (cosine) scores = h.cosScores(out, m.normsOff + first, count, qnorms, n, segment, scoresAt);
    }
    for (let i = 0; i < n; i++) {
      offerRows(m, metric, queries[i], first, end, out + i * segment, scores, i * segment, threshold, tops[i]);
    }
  }
}
