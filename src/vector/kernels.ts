/**
 * The similarity kernels on single vectors (Float32Arrays of equal length). Float metrics run on
 * the active kernel backend (WebAssembly SIMD, or the TypeScript loops with the same bits); see
 * metrics.ts for the score of each metric.
 *
 * The vectors are copied into a shared scratch heap (WebAssembly cannot read a JS array in place);
 * for the sizes embeddings have, the copy costs less than the arithmetic it enables.
 */
import type { VectorMetric } from '../registry/config-map.js';
import { hammingFloats, jaccardFloats } from './bits.js';
import { DimensionMismatchError } from './errors.js';
import { COS_PARTS_FLOATS, type KernelHeap, padded } from './heap.js';
import { createHeap, kernelBackend } from './kernel-backend.js';
import { resolveMetric } from './metrics.js';
import { cosineScore, euclideanScore, manhattanScore } from './scores.js';
import { checkFloat32, checkPair, checkSquaredNorm } from './validate.js';

// One scratch heap per implementation, created on first use and reused by every call.
let wasmScratch: KernelHeap | undefined;
let tsScratch: KernelHeap | undefined;

/** The shared scratch heap of the active implementation. Its contents are transient. */
export function scratchHeap(): KernelHeap {
  if (kernelBackend() === 'wasm-simd') {
    wasmScratch ??= createHeap(1 << 14);
    return wasmScratch;
  }
  tsScratch ??= createHeap(1 << 14);
  return tsScratch;
}

/** Copies `v` into `h` at `off`, zero-padded to a whole block. */
export function loadVector(h: KernelHeap, off: number, v: ArrayLike<number>, n: number): void {
  const f = h.f32;
  f.set(v, off);
  const end = off + padded(n);
  if (end !== off + n) f.fill(0, off + n, end);
}

/** Copies a and b to 0 and p of the scratch heap, leaving room for cosParts at 2p; returns p. */
function loadPair(h: KernelHeap, a: Float32Array, b: Float32Array): number {
  const p = padded(a.length);
  h.reserve(2 * p + COS_PARTS_FLOATS);
  loadVector(h, 0, a, a.length);
  loadVector(h, p, b, b.length);
  return p;
}

/** a·b, summed in float32 (the kernels' fixed 16-lane order). */
export function dotProduct(a: Float32Array, b: Float32Array): number {
  checkPair(a, b);
  const h = scratchHeap();
  const p = loadPair(h, a, b);
  return h.dot(0, p, a.length);
}

/** ‖a‖² = a·a. */
export function squaredL2Norm(a: Float32Array): number {
  checkFloat32(a);
  const h = scratchHeap();
  h.reserve(padded(a.length));
  loadVector(h, 0, a, a.length);
  return h.dot(0, 0, a.length);
}

/** ‖a‖ = √(a·a). */
export function l2Norm(a: Float32Array): number {
  return Math.sqrt(squaredL2Norm(a));
}

/**
 * `v / ‖v‖`, each component divided (in double, rounded to float32) by √(v·v); the zero vector
 * stays zero. Writes into `out` (a new array by default; may be `v` itself) and returns it. This
 * is exactly how a pre-normalizing backend stores vectors.
 */
export function l2Normalize(v: Float32Array, out: Float32Array = new Float32Array(v.length)): Float32Array {
  checkFloat32(v);
  checkFloat32(out);
  if (out.length !== v.length) throw new DimensionMismatchError(v.length, out.length, 'output array');
  const h = scratchHeap();
  h.reserve(padded(v.length));
  loadVector(h, 0, v, v.length);
  normalizeAt(h, 0, v.length, v);
  out.set(h.f32.subarray(0, v.length));
  return out;
}

/** Normalizes the n floats at `off` in place (see l2Normalize); `source` names the vector in errors. */
export function normalizeAt(h: KernelHeap, off: number, n: number, source: unknown): void {
  const sq = h.dot(off, off, n);
  checkSquaredNorm(source, sq);
  if (sq !== 0) divideAt(h, off, n, Math.sqrt(sq));
}

/** Divides the n floats at `off` by `norm` in place: each quotient in double, rounded to float32. */
export function divideAt(h: KernelHeap, off: number, n: number, norm: number): void {
  h.divide(off, n, norm);
}

/** Cosine similarity in [−1, 1]; 0 when either vector is zero. cosine(a, a) is exactly 1. */
export function cosineSimilarity(a: Float32Array, b: Float32Array): number {
  checkPair(a, b);
  const h = scratchHeap();
  const p = loadPair(h, a, b);
  h.cosParts(0, p, a.length, 2 * p);
  const f = h.f32;
  return cosineScore(f[2 * p], f[2 * p + 1], f[2 * p + 2]);
}

/** Σ(a − b)², summed in float32. */
export function squaredEuclideanDistance(a: Float32Array, b: Float32Array): number {
  checkPair(a, b);
  const h = scratchHeap();
  const p = loadPair(h, a, b);
  return h.sqdist(0, p, a.length);
}

/** Σ|a − b|, summed in float32. */
export function manhattanDistance(a: Float32Array, b: Float32Array): number {
  checkPair(a, b);
  const h = scratchHeap();
  const p = loadPair(h, a, b);
  return h.absdist(0, p, a.length);
}

/** 1 / (1 + ‖a − b‖), in (0, 1]; 1 for identical vectors. */
export function euclideanSimilarity(a: Float32Array, b: Float32Array): number {
  return euclideanScore(squaredEuclideanDistance(a, b));
}

/** 1 / (1 + Σ|a − b|), in (0, 1]; 1 for identical vectors. */
export function manhattanSimilarity(a: Float32Array, b: Float32Array): number {
  return manhattanScore(manhattanDistance(a, b));
}

/** 1 − (share of positions where exactly one of a, b is > 0.5); 1 for empty vectors. */
export function hammingSimilarity(a: Float32Array, b: Float32Array): number {
  checkPair(a, b);
  return hammingFloats(a, 0, b, 0, a.length);
}

/** |A ∩ B| / |A ∪ B| over the positions > 0.5; 1 when both sets are empty. */
export function jaccardSimilarity(a: Float32Array, b: Float32Array): number {
  checkPair(a, b);
  return jaccardFloats(a, 0, b, 0, a.length);
}

/** The score of `metric` (a canonical name or an alias such as `cos`, `l2`) for a and b. */
export function similarity(metric: VectorMetric | string, a: Float32Array, b: Float32Array): number {
  const m = resolveMetric(metric);
  switch (m) {
    case 'cosine':
      return cosineSimilarity(a, b);
    case 'dot_product':
      return dotProduct(a, b);
    case 'euclidean':
      return euclideanSimilarity(a, b);
    case 'manhattan':
      return manhattanSimilarity(a, b);
    case 'hamming':
      return hammingSimilarity(a, b);
    case 'jaccard':
      return jaccardSimilarity(a, b);
  }
}
