/**
 * Argument checks shared by the kernels and the backend. They run before anything is written, so a
 * refused call leaves every buffer and backend as it was.
 */
import { DimensionMismatchError, InvalidVectorError } from './errors.js';

/** The free kernels take Float32Arrays (their components already are the float32 the loops use). */
export function checkFloat32(v: unknown): asserts v is Float32Array {
  if (!(v instanceof Float32Array)) throw new InvalidVectorError(-1, v, 'expected a Float32Array');
}

/** Two Float32Arrays of the same length. */
export function checkPair(a: unknown, b: unknown): asserts a is Float32Array {
  checkFloat32(a);
  checkFloat32(b);
  if (a.length !== b.length) throw new DimensionMismatchError(a.length, b.length, 'second vector');
}

/**
 * An embedding for a backend: array-like, `dims` long, every component a number whose float32
 * rounding is finite (so 1e39, which rounds to Infinity, is refused with NaN and ±Infinity).
 */
export function checkEmbedding(v: unknown, dims: number): asserts v is ArrayLike<number> {
  if (typeof v !== 'object' || v === null || typeof (v as { length?: unknown }).length !== 'number') {
    throw new InvalidVectorError(-1, v, 'expected an array or typed array of numbers');
  }
  const vector = v as ArrayLike<unknown>;
  if (vector.length !== dims) throw new DimensionMismatchError(dims, vector.length);
  for (let i = 0; i < dims; i++) {
    const x = vector[i];
    if (typeof x !== 'number') throw new InvalidVectorError(i, x, 'not a number');
    const r = Math.fround(x);
    if (r - r !== 0) throw new InvalidVectorError(i, x, 'not a finite float32');
  }
}

/** Refuses a vector whose squared norm overflowed float32: its scores would be NaN or meaningless. */
export function checkSquaredNorm(v: unknown, squaredNorm: number): void {
  if (squaredNorm === Number.POSITIVE_INFINITY) {
    throw new InvalidVectorError(-1, v, 'its squared L2 norm overflows float32 (components too large)');
  }
}

/** A matrix of whole rows: `length` a multiple of `dims`. Returns the row count. */
export function rowCount(matrix: Float32Array, dims: number, what: string): number {
  const rows = Math.floor(matrix.length / dims);
  if (rows * dims !== matrix.length) {
    throw new DimensionMismatchError(
      dims * Math.ceil(matrix.length / dims),
      matrix.length,
      `${what} (whole rows of ${dims})`,
    );
  }
  return rows;
}
