/**
 * One query against a range of matrix rows: the row kernel of the metric over the whole range,
 * then one pass that turns each raw sum into a score and offers the scores that pass the threshold
 * to a top-k heap. The backend and the free `topK` both scan through here, so a row scores the
 * same whoever asks, and the same as the single-pair kernel on that row.
 */
import type { VectorMetric } from '../registry/config-map.js';
import { hammingFloats, hammingPacked, jaccardFloats, jaccardPacked } from './bits.js';
import type { KernelHeap } from './heap.js';
import { cosineScore, euclideanScore, manhattanScore } from './scores.js';
import type { TopKHeap } from './topk.js';

/** Rows in a heap: row r starts at float `r * stride`. */
export interface ScanRows {
  readonly heap: KernelHeap;
  readonly dims: number;
  readonly stride: number;
  /** Squared norm of each row (cosine needs it). */
  readonly sqNorms: Float32Array;
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

/**
 * Scores rows [first, end) against `q` and offers each score ≥ `threshold` to `top`. `out` is a
 * heap offset with room for `end − first` floats of raw kernel results.
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
  const { heap, dims, stride, ids } = src;
  const count = end - first;
  if (count <= 0) return;
  const base = first * stride;
  if (metric === 'cosine' || metric === 'dot_product') heap.dotRows(base, count, stride, q.off, dims, out);
  else if (metric === 'euclidean') heap.sqdistRows(base, count, stride, q.off, dims, out);
  else if (metric === 'manhattan') heap.absdistRows(base, count, stride, q.off, dims, out);
  const f = heap.f32;
  const shift = out - first;
  // One loop per metric keeps the per-row work a straight line.
  switch (metric) {
    case 'cosine': {
      const norms = src.sqNorms;
      const qn = q.sqNorm;
      for (let r = first; r < end; r++) {
        const s = cosineScore(f[shift + r], norms[r], qn);
        if (s >= threshold) top.offer(ids === null ? r : ids[r], s);
      }
      return;
    }
    case 'dot_product':
      for (let r = first; r < end; r++) {
        const s = f[shift + r];
        if (s >= threshold) top.offer(ids === null ? r : ids[r], s);
      }
      return;
    case 'euclidean':
      for (let r = first; r < end; r++) {
        const s = euclideanScore(f[shift + r]);
        if (s >= threshold) top.offer(ids === null ? r : ids[r], s);
      }
      return;
    case 'manhattan':
      for (let r = first; r < end; r++) {
        const s = manhattanScore(f[shift + r]);
        if (s >= threshold) top.offer(ids === null ? r : ids[r], s);
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
        if (s >= threshold) top.offer(ids === null ? r : ids[r], s);
      }
      return;
    }
  }
}
