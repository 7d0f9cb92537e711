/**
 * The dense row store under a backend: `rows` vectors as consecutive zero-padded float32 rows at
 * the start of a kernel heap, then each row's squared norm (in the heap too, where the cosine
 * score kernel reads them), and, optionally, each row's bit-packed form outside it. Rows are
 * dense — removal moves the last row into the hole — so a scan touches live rows only.
 *
 * Everything past the norms is scratch (queries, kernel outputs) and moves when the matrix grows;
 * `scratch` says where it starts now.
 */
import { packBits, wordsFor } from './bits.js';
import { type KernelHeap, padded } from './heap.js';
import { createHeap } from './kernel-backend.js';
import { loadVector, normalizeAt } from './kernels.js';
import type { ScanRows } from './scan.js';
import { checkSquaredNorm } from './validate.js';

export class RowMatrix implements ScanRows {
  readonly heap: KernelHeap;
  readonly dims: number;
  /** Floats per row: dims rounded up to a 16-float block. */
  readonly stride: number;
  /** Whether rows are L2-normalized when written. */
  readonly normalize: boolean;
  /** Live rows. */
  rows = 0;
  /** Squared norm of each row: a view of the heap at `normsOff`, renewed whenever the heap moves. */
  sqNorms: Float32Array;
  bits: Uint32Array | null;
  /** The id of each row. */
  ids: Float64Array;
  /** Allocated rows (the heap holds this many before its scratch). */
  private allocated: number;
  /** Never allocate more than this many rows (the backend's capacity). */
  private readonly maxRows: number;

  constructor(dims: number, normalize: boolean, pack: boolean, maxRows: number) {
    this.dims = dims;
    this.stride = padded(dims);
    this.normalize = normalize;
    this.maxRows = maxRows;
    this.allocated = Math.min(maxRows, 16);
    this.heap = createHeap(this.allocated * this.stride + padded(this.allocated) + 4 * this.stride);
    this.sqNorms = this.heap.f32.subarray(this.normsOff, this.normsOff + this.allocated);
    this.ids = new Float64Array(this.allocated);
    this.bits = pack ? new Uint32Array(this.allocated * wordsFor(dims)) : null;
  }

  /** Where the squared norms start: right after the allocated rows. */
  get normsOff(): number {
    return this.allocated * this.stride;
  }

  /** The first float past the norms. */
  get scratch(): number {
    return this.normsOff + padded(this.allocated);
  }

  /** Makes room for `n` rows (amortized doubling, capped at the backend's capacity). */
  ensureRows(n: number): void {
    if (n <= this.allocated) return;
    const next = Math.min(this.maxRows, Math.max(n, this.allocated * 2));
    const from = this.normsOff;
    this.heap.reserve(next * this.stride + padded(next));
    // The norms move past the new rows (the old place becomes rows, rewritten when stored).
    this.heap.f32.copyWithin(next * this.stride, from, from + this.rows);
    this.ids = grow(this.ids, next);
    if (this.bits !== null) this.bits = grow(this.bits, next * wordsFor(this.dims));
    this.allocated = next;
    this.renewNorms();
  }

  /** Makes room for `floats` floats of scratch; re-read `heap.f32` afterwards. */
  reserveScratch(floats: number): void {
    this.heap.reserve(this.scratch + floats);
    if (this.sqNorms.buffer !== this.heap.f32.buffer) this.renewNorms();
  }

  /** A new view of the norms: the heap's array is replaced (or its buffer detached) when it grows. */
  private renewNorms(): void {
    this.sqNorms = this.heap.f32.subarray(this.normsOff, this.normsOff + this.allocated);
  }

  /**
   * Writes `v` (already checked: dims finite numbers) as a new last row with id `id` and returns
   * its index. If its norm overflows, throws with the live rows untouched (the row was written past
   * them).
   */
  append(v: ArrayLike<number>, id: number): number {
    this.ensureRows(this.rows + 1);
    const row = this.rows;
    const off = row * this.stride;
    // Also re-zeroes the padding, which may hold old scratch data since the matrix last grew.
    loadVector(this.heap, off, v, this.dims);
    if (this.normalize) normalizeAt(this.heap, off, this.dims, v);
    const sq = this.heap.dot(off, off, this.dims);
    checkSquaredNorm(v, sq);
    this.sqNorms[row] = sq;
    if (this.bits !== null) packBits(this.heap.f32, off, this.dims, this.bits, row * wordsFor(this.dims));
    this.ids[row] = id;
    this.rows = row + 1;
    return row;
  }

  /** Removes `row` by moving the last row into it. Returns the moved row's id (−1 if none moved). */
  swapRemove(row: number): number {
    const last = this.rows - 1;
    this.rows = last;
    if (row === last) return -1;
    const { stride } = this;
    this.heap.f32.copyWithin(row * stride, last * stride, last * stride + stride);
    this.sqNorms[row] = this.sqNorms[last];
    this.ids[row] = this.ids[last];
    if (this.bits !== null) {
      const words = wordsFor(this.dims);
      this.bits.copyWithin(row * words, last * words, last * words + words);
    }
    return this.ids[row];
  }

  /** A copy of a row's components. */
  copyRow(row: number): Float32Array {
    const off = row * this.stride;
    return this.heap.f32.slice(off, off + this.dims);
  }

  clear(): void {
    this.rows = 0;
  }
}

function grow<T extends Float64Array | Uint32Array>(a: T, length: number): T {
  const next = new (a.constructor as new (n: number) => T)(length);
  next.set(a);
  return next;
}
