/**
 * A kernel heap: float32 working memory plus the inner loops that run over it. Vectors, matrix
 * rows and results live in the heap and are addressed by float offsets, so the same calling code
 * drives the WebAssembly kernels (whose heap is a WebAssembly memory) and the TypeScript fallback
 * (whose heap is a plain Float32Array).
 *
 * Layout rules every caller follows:
 * - a vector of n components occupies `padded(n)` floats, and the floats past n are zero (the
 *   WASM loops run over whole blocks of 16 and never look at n itself);
 * - `f32` is replaced when the heap grows: re-read it after every `reserve`.
 */
import { absdistLanes, dotLanes, sqdistLanes } from './lanes.js';
import { cosineScore } from './scores.js';

/** Which implementation of the inner loops runs. */
export type KernelBackend = 'wasm-simd' | 'typescript';

export interface KernelHeap {
  readonly backend: KernelBackend;
  /** The whole heap as floats; a new view after `reserve` grows the heap. */
  readonly f32: Float32Array;
  /** Makes the heap at least `floats` long, keeping its contents; new floats are zero. */
  reserve(floats: number): void;
  dot(a: number, b: number, n: number): number;
  sqdist(a: number, b: number, n: number): number;
  absdist(a: number, b: number, n: number): number;
  /**
   * Writes dot(a, b), dot(a, a), dot(b, b) at out, out+1, out+2 (each bit-identical to `dot`).
   * Needs {@link COS_PARTS_FLOATS} floats at out: the rest is the kernel's scratch.
   */
  cosParts(a: number, b: number, n: number, out: number): void;
  /** out[r] = dot(row r, q) for the `rows` rows at m, `stride` floats apart. */
  dotRows(m: number, rows: number, stride: number, q: number, n: number, out: number): void;
  sqdistRows(m: number, rows: number, stride: number, q: number, n: number, out: number): void;
  absdistRows(m: number, rows: number, stride: number, q: number, n: number, out: number): void;
  /** out[r] = dot(row r, row r). */
  sqnormRows(m: number, rows: number, stride: number, n: number, out: number): void;
  /** f32[x + i] = f32[x + i] / d for i < n, the quotient in double rounded to float32 (n ≤ the padded length). */
  divide(x: number, n: number, d: number): void;
  /**
   * out[j·ostride + r] = dot(row r, query j) for r < rows, j < nq: rows `stride` floats apart at m,
   * queries `qstride` apart at q. Bit for bit `dot`, only faster per pair than `dotRows` once there
   * are two queries or more. Needs {@link DOT_BLOCK_TMP_FLOATS} floats of scratch at tmp.
   */
  dotBlock(
    m: number,
    rows: number,
    stride: number,
    q: number,
    nq: number,
    qstride: number,
    n: number,
    out: number,
    ostride: number,
    tmp: number,
  ): void;
  /**
   * Cosine scores: entry i·s + r of the result is cosineScore(f32[dots + i·s + r], f32[norms + r],
   * f32[qnorms + i]) for i < n, r < m (scores.ts's function, the same bits). The result is a view
   * valid until the heap's next call; entries r ≥ m of each query are left as they were. Needs
   * {@link cosScoresScratch}(n·s) floats of scratch at `scratch`, where the WebAssembly kernel
   * writes its doubles.
   */
  cosScores(
    dots: number,
    norms: number,
    m: number,
    qnorms: number,
    n: number,
    s: number,
    scratch: number,
  ): Float64Array;
}

/** Floats of scratch `cosScores` needs for `count` scores (doubles, plus one float to align them). */
export function cosScoresScratch(count: number): number {
  return 2 * count + 1;
}

/** Floats `cosParts` may write at `out` (3 results and the WebAssembly kernel's scratch). */
export const COS_PARTS_FLOATS = 52;
/** Floats of scratch `dotBlock` uses at `tmp`. */
export const DOT_BLOCK_TMP_FLOATS = 96;

/** n rounded up to a whole number of 16-float blocks (the length a vector occupies in a heap). */
export function padded(n: number): number {
  return (n + 15) & ~15;
}

/** The fallback heap: a growable Float32Array and the loops of lanes.ts. */
export class TypeScriptHeap implements KernelHeap {
  readonly backend = 'typescript';
  f32: Float32Array;
  /** Where `cosScores` writes (doubles do not fit in `f32`). */
  private f64 = new Float64Array(0);

  constructor(floats: number) {
    this.f32 = new Float32Array(Math.max(16, floats));
  }

  reserve(floats: number): void {
    if (floats <= this.f32.length) return;
    // Doubling keeps a run of single-row growths amortized O(1) per row.
    const next = new Float32Array(Math.max(floats, this.f32.length * 2));
    next.set(this.f32);
    this.f32 = next;
  }

  dot(a: number, b: number, n: number): number {
    return dotLanes(this.f32, a, this.f32, b, n);
  }

  sqdist(a: number, b: number, n: number): number {
    return sqdistLanes(this.f32, a, this.f32, b, n);
  }

  absdist(a: number, b: number, n: number): number {
    return absdistLanes(this.f32, a, this.f32, b, n);
  }

  cosParts(a: number, b: number, n: number, out: number): void {
    const h = this.f32;
    h[out] = dotLanes(h, a, h, b, n);
    h[out + 1] = dotLanes(h, a, h, a, n);
    h[out + 2] = dotLanes(h, b, h, b, n);
  }

  dotRows(m: number, rows: number, stride: number, q: number, n: number, out: number): void {
    const h = this.f32;
    for (let r = 0; r < rows; r++) h[out + r] = dotLanes(h, m + r * stride, h, q, n);
  }

  sqdistRows(m: number, rows: number, stride: number, q: number, n: number, out: number): void {
    const h = this.f32;
    for (let r = 0; r < rows; r++) h[out + r] = sqdistLanes(h, m + r * stride, h, q, n);
  }

  absdistRows(m: number, rows: number, stride: number, q: number, n: number, out: number): void {
    const h = this.f32;
    for (let r = 0; r < rows; r++) h[out + r] = absdistLanes(h, m + r * stride, h, q, n);
  }

  sqnormRows(m: number, rows: number, stride: number, n: number, out: number): void {
    const h = this.f32;
    for (let r = 0; r < rows; r++) h[out + r] = dotLanes(h, m + r * stride, h, m + r * stride, n);
  }

  divide(x: number, n: number, d: number): void {
    const h = this.f32;
    for (let i = x, end = x + n; i < end; i++) h[i] = h[i] / d;
  }

  dotBlock(
    m: number,
    rows: number,
    stride: number,
    q: number,
    nq: number,
    qstride: number,
    n: number,
    out: number,
    ostride: number,
  ): void {
    for (let j = 0; j < nq; j++) this.dotRows(m, rows, stride, q + j * qstride, n, out + j * ostride);
  }

  cosScores(dots: number, norms: number, m: number, qnorms: number, n: number, s: number): Float64Array {
    if (this.f64.length < n * s) this.f64 = new Float64Array(n * s);
    const h = this.f32;
    const out = this.f64;
    for (let i = 0; i < n; i++) {
      const qn = h[qnorms + i];
      for (let r = 0, d = dots + i * s, o = i * s; r < m; r++) out[o + r] = cosineScore(h[d + r], h[norms + r], qn);
    }
    return out.subarray(0, n * s);
  }
}
