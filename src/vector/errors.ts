/**
 * Typed errors of the vector layer. Like the engine's errors they carry a stable `code`; messages
 * are for people and may change. A call that throws one of these has changed nothing: not a
 * backend, not an output buffer.
 */
import { SpaceError } from '../spaces/errors.js';

/** The stable codes of {@link VectorError}. */
export type VectorErrorCode =
  | 'DimensionMismatch'
  | 'InvalidVector'
  | 'CapacityExceeded'
  | 'UnknownVectorId'
  | 'InvalidMetric'
  | 'InvalidThreshold'
  | 'InvalidVectorOption'
  | 'EmbeddingExtractionError'
  | 'SimilarityMatchError';

/** Base class of the vector errors; a `SpaceError`, so one `catch` handles every refusal. */
export class VectorError extends SpaceError<VectorErrorCode> {}

/** A vector (or matrix) whose length is not the one the operation needs. */
export class DimensionMismatchError extends VectorError {
  readonly expected: number;
  readonly actual: number;
  constructor(expected: number, actual: number, what = 'vector') {
    super('DimensionMismatch', `${what} has ${actual} component(s), expected ${expected}`);
    this.expected = expected;
    this.actual = actual;
  }
}

/** A vector that is not a vector of finite float32 numbers (or, for the kernels, not a Float32Array). */
export class InvalidVectorError extends VectorError {
  /** The offending component's position, or -1 when the vector as a whole is wrong. */
  readonly index: number;
  /** The offending component (or the whole argument when `index` is -1). */
  readonly value: unknown;
  constructor(index: number, value: unknown, reason: string) {
    super(
      'InvalidVector',
      index < 0
        ? `invalid vector ${show(value)}: ${reason}`
        : `invalid vector component [${index}] = ${show(value)}: ${reason}`,
    );
    this.index = index;
    this.value = value;
  }
}

/** A store into a backend that already holds `capacity` vectors. */
export class CapacityExceededError extends VectorError {
  readonly capacity: number;
  constructor(capacity: number) {
    super('CapacityExceeded', `vector backend is full: it holds at most ${capacity} vector(s); remove one first`);
    this.capacity = capacity;
  }
}

/** An id that the backend never issued, or whose vector was removed. */
export class UnknownVectorIdError extends VectorError {
  readonly id: unknown;
  constructor(id: unknown) {
    super('UnknownVectorId', `no vector with id ${show(id)} in this backend (never stored, or removed)`);
    this.id = id;
  }
}

/** A metric name that is not one of the six metrics or their aliases. */
export class InvalidMetricError extends VectorError {
  readonly metric: unknown;
  constructor(metric: unknown, known: readonly string[]) {
    super('InvalidMetric', `unknown similarity metric ${show(metric)}; expected one of ${known.join(', ')}`);
    this.metric = metric;
  }
}

/** A threshold that is not a number (NaN included). Out-of-range numbers are clamped, not refused. */
export class InvalidThresholdError extends VectorError {
  readonly threshold: unknown;
  constructor(threshold: unknown) {
    super('InvalidThreshold', `similarity threshold must be a number, got ${show(threshold)}`);
    this.threshold = threshold;
  }
}

/** An option or count (dimensions, capacity, k, ...) outside its domain. */
export class InvalidVectorOptionError extends VectorError {
  /** The option's name, e.g. `dimensions` or `k`. */
  readonly option: string;
  readonly value: unknown;
  constructor(option: string, value: unknown, requirement: string) {
    super('InvalidVectorOption', `${option} must be ${requirement}, got ${show(value)}`);
    this.option = option;
    this.value = value;
  }
}

/**
 * A datum whose embedding is malformed (a component out of range for the embedding type, not a
 * number, a string that does not parse): nothing is stored.
 */
export class EmbeddingExtractionError extends VectorError {
  constructor(reason: string) {
    super('EmbeddingExtractionError', `cannot extract the embedding: ${reason}`);
  }
}

/** A similarity query that cannot be run: a bad query vector, metric, threshold or top-k, or a space that has no vectors. */
export class SimilarityMatchError extends VectorError {
  constructor(reason: string) {
    super('SimilarityMatchError', `invalid similarity query: ${reason}`);
  }
}

/** Renders any input for a message without calling user code. */
function show(x: unknown): string {
  if (typeof x === 'string') return JSON.stringify(x);
  if (typeof x === 'number') return Object.is(x, -0) ? '-0' : String(x);
  if (Array.isArray(x)) return `an array of length ${x.length}`;
  if (typeof x === 'object' && x !== null) return `a ${Object.prototype.toString.call(x).slice(8, -1)}`;
  if (typeof x === 'function') return 'a function';
  return String(x);
}
