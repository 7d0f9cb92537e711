/**
 * One query against a range of matrix rows: the row kernel of the metric over the whole range,
 * then one pass that turns each raw sum into a score and offers the scores that pass the threshold
 * to a top-k heap. The backend and the free `topK` both scan through here, so a row scores the
 * same whoever asks, and the same as the single-pair kernel on that row.
 */
import type { VectorMetric } from '../registry/config-map.js';
import { hammingFloats, hammingPacked, jaccardFloats, jaccardPacked } from './bits.js';
import { cosScoresScratch, type KernelHeap } from './heap.js';
import { ABSDIST_ROWS, DOT_ROWS, NO_NORMS, SQDIST_ROWS } from './jobs.js';
import { euclideanScore, manhattanScore } from './scores.js';
import { runJob } from './threads.js';
import type { TopKHeap } from './topk.js';
import type { WasmHeap } from './wasm.js';

/** Rows in a heap: row r starts at float `r * stride`. */
export interface ScanRows {
  readonly heap: KernelHeap;
  readonly dims: number;
  readonly stride: number;
  /** Where the rows' squared norms are in the heap, one float per row (cosine needs them). */
  readonly normsOff: number;
  /** Packed rows, `wordsFor(dims)` words each, or null to binarize the floats on the fly. */
  readonly bits: Uint32Array | null;
  /** The id of each row; null when the row index is the id. */
  readonly ids: Float64Array | null;
}

/** A query already in the heap. */
export interface ScanQuery {
  /** Its offset in the heap (zero-padded like a row). */
  readonly off: number;
  /** Its squared norm (cosine). */
  readonly sqNorm: number;
  /** Its packed bits when the rows are packed. */
  readonly bits: Uint32Array | null;
}

/** Floats of heap `scanRows` needs at `out` for `count` rows: raw results, then cosine's scratch. */
export function scanScratch(count: number): number {
  return count + 1 + cosScoresScratch(count);
}

/**
 * Scores rows [first, end) against `q` and offers each score ≥ `threshold` to `top`. `out` is a
 * heap offset with room for {@link scanScratch}(end − first) floats.
 */
export function scanRows(
  src: ScanRows,
  metric: VectorMetric,
  q: ScanQuery,
  first: number,
  end: number,
  out: number,
  threshold: number,
  top: TopKHeap,
): void {
  const { heap, dims, stride } = src;
  const count = end - first;
  if (count <= 0) return;
  const base = first * stride;
  if (metric === 'cosine' || metric === 'dot_product') heap.dotRows(base, count, stride, q.off, dims, out);
  else if (metric === 'euclidean') heap.sqdistRows(base, count, stride, q.off, dims, out);
  else if (metric === 'manhattan') heap.absdistRows(base, count, stride, q.off, dims, out);
  let scores: Float64Array | null = null;
  if (metric === 'cosine') {
    heap.f32[out + count] = q.sqNorm;
    scores = heap.cosScores(out, src.normsOff + first, count, out + count, 1, count, out + count + 1);
  }
  offerRows(src, metric, q, first, end, out, scores, 0, threshold, top);
}

/**
 * The second half of {@link scanRows}: the score of each row r in [first, end) — for cosine
 * `scores[at + r − first]`, made by the heap's `cosScores`; for the other float metrics made here
 * from the raw kernel result at heap offset `out + r − first`; for the binary metrics counted here
 * — and the scores ≥ `threshold` offered to `top`. Split out so that a block kernel (or several
 * threads) can fill `out` for many queries at once, while the scores are still ranked here, in row
 * order, on one thread.
 */
export function offerRows(
  src: ScanRows,
  metric: VectorMetric,
  q: ScanQuery,
  first: number,
  end: number,
  out: number,
  scores: Float64Array | null,
  at: number,
  threshold: number,
  top: TopKHeap,
): void {
  const { heap, dims, stride, ids } = src;
  const f = heap.f32;
  const shift = out - first;
  // A row is offered only if it reaches `bar`: the threshold, or once the heap is full the worst
  // score kept (raised after each offer). Rows below it would be refused anyway, so the hits are
  // the same, and a long scan rarely calls `offer` at all (nor mispredicts the branch).
  let bar = Math.max(threshold, top.bar);
  // One loop per metric keeps the per-row work a straight line.
  switch (metric) {
    case 'cosine': {
      const s0 = at - first;
      const sc = scores as Float64Array;
      for (let r = first; r < end; r++) {
        const s = sc[s0 + r];
        if (s >= bar) bar = offer(top, ids === null ? r : ids[r], s, threshold);
      }
      return;
    }
    case 'dot_product':
      for (let r = first; r < end; r++) {
        const s = f[shift + r];
        if (s >= bar) bar = offer(top, ids === null ? r : ids[r], s, threshold);
      }
      return;
    case 'euclidean':
      for (let r = first; r < end; r++) {
        const s = euclideanScore(f[shift + r]);
        if (s >= bar) bar = offer(top, ids === null ? r : ids[r], s, threshold);
      }
      return;
    case 'manhattan':
      for (let r = first; r < end; r++) {
        const s = manhattanScore(f[shift + r]);
        if (s >= bar) bar = offer(top, ids === null ? r : ids[r], s, threshold);
      }
      return;
    case 'hamming':
    case 'jaccard': {
      const bits = src.bits;
      const words = (dims + 31) >>> 5;
      const hamming = metric === 'hamming';
      for (let r = first; r < end; r++) {
        const s =
          bits !== null && q.bits !== null
            ? hamming
              ? hammingPacked(bits, r * words, q.bits, 0, dims)
              : jaccardPacked(bits, r * words, q.bits, 0, dims)
            : hamming
              ? hammingFloats(f, r * stride, f, q.off, dims)
              : jaccardFloats(f, r * stride, f, q.off, dims);
        if (s >= bar) bar = offer(top, ids === null ? r : ids[r], s, threshold);
      }
      return;
    }
  }
}

/** Offers a pair that reached the bar; returns the new bar. */
function offer(top: TopKHeap, id: number, score: number, threshold: number): number {
  top.offer(id, score);
  return Math.max(threshold, top.bar);
}

/** Whether a metric's row scan can run as a parallel job (the float metrics, which have kernels). */
export function parallelMetric(metric: VectorMetric): boolean {
  return metric !== 'hamming' && metric !== 'jaccard';
}

/**
 * {@link scanRows} with the row kernel (and cosine's scores) run on several threads: the same
 * values, ranked here in row order, so the same hits. `heap` is `src.heap` after `parallelHeap`;
 * the metric must pass {@link parallelMetric}.
 */
export function scanRowsParallel(
  heap: WasmHeap,
  src: ScanRows,
  metric: VectorMetric,
  q: ScanQuery,
  first: number,
  end: number,
  out: number,
  threshold: number,
  top: TopKHeap,
): void {
  const count = end - first;
  if (count <= 0) return;
  const cosine = metric === 'cosine';
  const qnorm = out + count;
  const scores = (qnorm + 2) & ~1; // doubles: 8-byte aligned
  if (cosine) heap.f32[qnorm] = q.sqNorm;
  const kind = metric === 'euclidean' ? SQDIST_ROWS : metric === 'manhattan' ? ABSDIST_ROWS : DOT_ROWS;
  runJob(heap, {
    kind,
    m: 4 * first * src.stride,
    rows: count,
    stride: 4 * src.stride,
    q: 4 * q.off,
    nq: 1,
    qstride: 0,
    n: src.stride,
    out: 4 * out,
    os: count,
    norms: cosine ? 4 * (src.normsOff + first) : NO_NORMS,
    qnorms: 4 * qnorm,
    scores: 4 * scores,
    tmp: 0,
  });
  const view = cosine ? new Float64Array(heap.f32.buffer, 4 * scores, count) : null;
  offerRows(src, metric, q, first, end, out, view, 0, threshold, top);
}
