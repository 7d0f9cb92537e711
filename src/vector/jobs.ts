/**
 * A row job: one kernel over a range of matrix rows, cut into chunks that the calling thread and
 * the worker threads claim one at a time (threads.ts). This file is shared by both sides: the
 * layout of the control block they share, and the function that runs one chunk.
 *
 * Every chunk runs the same kernels on its rows as a single call over all of them would, and
 * writes only its own rows' outputs, so the results do not depend on how many threads took part
 * or which chunk each took: they are the single-threaded results, bit for bit.
 */
import type { KernelExports } from './wasm.js';

/** The kernels a job can run. Cosine scores follow any of the dot kinds when `norms` ≥ 0. */
export const DOT_ROWS = 1;
export const SQDIST_ROWS = 2;
export const ABSDIST_ROWS = 3;
export const DOT_BLOCK = 4;

/**
 * The control block, an Int32Array over a SharedArrayBuffer. CLAIM packs the job's epoch (bits
 * 20–31), its chunk count (bits 10–19) and the next unclaimed chunk (bits 0–9); a thread claims a
 * chunk with a compare-and-swap of the whole word, so a claim can only succeed for the job that
 * is current, and the parameters it then reads stay put until every chunk of that job is DONE.
 */
export const CLAIM = 0;
/** Chunks finished in the current job. */
export const DONE = 1;
/** Set when a worker could not run a chunk (the caller then runs the job itself). */
export const FAILED = 2;
/** Chunks run by workers since the pool started (for tests: proof the workers take part). */
export const WORKER_CHUNKS = 19;
// The parameters (read as unsigned: byte offsets may pass 2 GiB).
export const KIND = 3;
export const HEAP = 4;
/** The rows: byte offset, count, bytes between rows. */
export const M = 5;
export const ROWS = 6;
export const STRIDE = 7;
/** The queries: byte offset, count, bytes between queries, padded length in floats. */
export const Q = 8;
export const NQ = 9;
export const QSTRIDE = 10;
export const N = 11;
/** Raw f32 results: query i, row r at OUT + 4(i·OS + r). */
export const OUT = 12;
export const OS = 13;
/** Cosine: row norms (f32, one per row), query norms (f32), f64 scores at SCORES + 8(i·OS + r). */
export const NORMS = 14;
export const QNORMS = 15;
export const SCORES = 16;
/** DOT_BLOCK's scratch: 384 bytes per thread, the calling thread's first. */
export const TMP = 17;
/** Rows per chunk. */
export const CHUNK = 18;
/** Words in the control block. */
export const CONTROL_WORDS = 20;

/** Most chunks a job may have (CLAIM's 10 bits). */
export const MAX_CHUNKS = 1023;

/** The chunk count of a CLAIM word, and its next unclaimed chunk. */
export function claimCount(word: number): number {
  return (word >>> 10) & 1023;
}

export function claimNext(word: number): number {
  return word & 1023;
}
/** Bytes of DOT_BLOCK scratch per thread. */
export const TMP_BYTES = 384;
/** NORMS when the job makes no cosine scores. */
export const NO_NORMS = 0xffffffff;

/** Runs chunk `index` of the job described in `p` (a Uint32Array over the control block). */
export function runChunk(x: KernelExports, p: Uint32Array, index: number, thread: number): void {
  const chunk = p[CHUNK];
  const first = index * chunk;
  const count = Math.min(p[ROWS] - first, chunk);
  if (count <= 0) return;
  const m = p[M] + first * p[STRIDE];
  const out = p[OUT] + 4 * first;
  switch (p[KIND]) {
    case DOT_ROWS:
      x.dot_rows(m, count, p[STRIDE], p[Q], p[N], out);
      break;
    case SQDIST_ROWS:
      x.sqdist_rows(m, count, p[STRIDE], p[Q], p[N], out);
      break;
    case ABSDIST_ROWS:
      x.absdist_rows(m, count, p[STRIDE], p[Q], p[N], out);
      break;
    case DOT_BLOCK:
      x.dot_block(m, count, p[STRIDE], p[Q], p[NQ], p[QSTRIDE], p[N], out, 4 * p[OS], p[TMP] + TMP_BYTES * thread);
      break;
  }
  if (p[NORMS] !== NO_NORMS) {
    x.cos_scores(out, p[NORMS] + 4 * first, count, p[QNORMS], p[NQ], p[SCORES] + 8 * first, p[OS]);
  }
}
