/**
 * An in-memory vector backend: a dense float32 matrix of embeddings addressed by ids, with exact
 * top-k similarity queries (reference-inventory §10.4, with DECISIONS 19's deterministic kernels).
 *
 * - Ids are 0, 1, 2, ... in store order and are never reused, not even after `clear`.
 * - `remove` is O(1): the last row moves into the hole (no tombstones), its id is remapped.
 * - Rows may be L2-normalized at store time; each row's squared norm is cached; rows may also be
 *   kept bit-packed for the binary metrics.
 * - A refused call (typed `VectorError`) changes nothing.
 */
import { DEFAULT_VECTOR_THRESHOLD, type VectorMetric } from '../registry/config-map.js';
import { hammingFloats, jaccardFloats, packBits, wordsFor } from './bits.js';
import { CapacityExceededError, InvalidVectorOptionError, UnknownVectorIdError } from './errors.js';
import type { KernelBackend } from './heap.js';
import { divideAt, loadVector } from './kernels.js';
import { RowMatrix } from './matrix.js';
import { effectiveThreshold, isBinaryMetric, resolveMetric } from './metrics.js';
import type { ScanQuery } from './scan.js';
import { cosineScore, euclideanScore, manhattanScore } from './scores.js';
import { planSearch, runSearch } from './search.js';
import { type SimilarityHit, TopKHeap } from './topk.js';
import { checkEmbedding, checkSquaredNorm } from './validate.js';

/** Most components a vector may have (keeps every heap offset a small integer). */
export const MAX_VECTOR_DIMENSIONS = 1 << 20;

export interface VectorBackendOptions {
  /** Components per vector: a positive integer up to {@link MAX_VECTOR_DIMENSIONS}. */
  dimensions: number;
  /** Metric of queries that name none (a name or alias); default `cosine`. */
  metric?: VectorMetric | string;
  /** Threshold of queries that give none; default 0.8 (the reference's). Clamped at query time. */
  threshold?: number;
  /** Most vectors held at once; default unbounded. */
  capacity?: number;
  /** Store vectors L2-normalized. Default: when the metric is `cosine` or `dot_product`. */
  normalize?: boolean;
  /** Keep bit-packed rows for `hamming`/`jaccard`. Default: when the metric is one of those. */
  packBits?: boolean;
}

export interface VectorQueryOptions {
  /** Overrides the backend's metric. */
  metric?: VectorMetric | string;
  /** Overrides the backend's threshold; clamped to [f32::EPSILON, 1], hits need score ≥ it. */
  threshold?: number;
  /** Keep the k best hits; 0 or absent keeps every hit. */
  k?: number;
}

export class VectorBackend {
  readonly dimensions: number;
  readonly metric: VectorMetric;
  readonly threshold: number;
  /** Most vectors held at once (Infinity when unbounded). */
  readonly capacity: number;
  readonly normalized: boolean;
  readonly packed: boolean;
  private readonly matrix: RowMatrix;
  private readonly rowOf = new Map<number, number>();
  private nextId = 0;
  private readonly heaps: TopKHeap[] = [];
  /** The squared norms of the queries of one call (reused). */
  private sqScratch = new Float64Array(1);

  constructor(options: VectorBackendOptions) {
    if (typeof options !== 'object' || options === null) {
      throw new InvalidVectorOptionError('options', options, 'an object with at least `dimensions`');
    }
    const { dimensions, capacity = Number.POSITIVE_INFINITY } = options;
    if (!Number.isSafeInteger(dimensions) || dimensions < 1 || dimensions > MAX_VECTOR_DIMENSIONS) {
      throw new InvalidVectorOptionError('dimensions', dimensions, `an integer in 1..${MAX_VECTOR_DIMENSIONS}`);
    }
    if (capacity !== Number.POSITIVE_INFINITY && (!Number.isSafeInteger(capacity) || capacity < 1)) {
      throw new InvalidVectorOptionError('capacity', capacity, 'a positive integer (or Infinity)');
    }
    this.metric = options.metric === undefined ? 'cosine' : resolveMetric(options.metric);
    this.threshold = options.threshold ?? DEFAULT_VECTOR_THRESHOLD;
    effectiveThreshold(this.threshold);
    this.normalized = flag('normalize', options.normalize, this.metric === 'cosine' || this.metric === 'dot_product');
    this.packed = flag('packBits', options.packBits, isBinaryMetric(this.metric));
    this.dimensions = dimensions;
    this.capacity = capacity;
    this.matrix = new RowMatrix(dimensions, this.normalized, this.packed, capacity);
  }

  /** Vectors held now. */
  get len(): number {
    return this.matrix.rows;
  }

  /** The implementation of the kernels this backend runs on. */
  get kernelBackend(): KernelBackend {
    return this.matrix.heap.backend;
  }

  /**
   * Stores a copy of `vector` (rounded to float32, normalized if the backend normalizes) and
   * returns its new id. Refuses a wrong length, a non-finite component, a squared norm that
   * overflows float32, and a full backend.
   */
  store(vector: ArrayLike<number>): number {
    checkEmbedding(vector, this.dimensions);
    if (this.matrix.rows >= this.capacity) throw new CapacityExceededError(this.capacity);
    const id = this.nextId;
    const row = this.matrix.append(vector, id);
    this.rowOf.set(id, row);
    this.nextId = id + 1;
    return id;
  }

  /** Whether `id` names a vector held now. */
  has(id: number): boolean {
    return this.rowOf.has(id);
  }

  /** A copy of the stored vector (normalized, if the backend normalizes). */
  get(id: number): Float32Array {
    return this.matrix.copyRow(this.rowFor(id));
  }

  /**
   * The score of two stored vectors under `metric` (default: the backend's): the value
   * `similarity(metric, get(a), get(b))` gives, computed where the rows are, without copying
   * them; cosine reuses the squared norms cached at store time, so it costs one dot product.
   */
  similarity(a: number, b: number, metric?: VectorMetric | string): number {
    const m = metric === undefined ? this.metric : resolveMetric(metric);
    const rowA = this.rowFor(a);
    const rowB = this.rowFor(b);
    const { heap, stride, dims } = this.matrix;
    const offA = rowA * stride;
    const offB = rowB * stride;
    switch (m) {
      case 'cosine':
        return cosineScore(heap.dot(offA, offB, dims), this.matrix.sqNorms[rowA], this.matrix.sqNorms[rowB]);
      case 'dot_product':
        return heap.dot(offA, offB, dims);
      case 'euclidean':
        return euclideanScore(heap.sqdist(offA, offB, dims));
      case 'manhattan':
        return manhattanScore(heap.absdist(offA, offB, dims));
      case 'hamming':
        return hammingFloats(heap.f32, offA, heap.f32, offB, dims);
      case 'jaccard':
        return jaccardFloats(heap.f32, offA, heap.f32, offB, dims);
    }
  }

  /** Removes a vector in O(1). Its id is never issued again. */
  remove(id: number): void {
    const row = this.rowFor(id);
    const moved = this.matrix.swapRemove(row);
    this.rowOf.delete(id);
    if (moved >= 0) this.rowOf.set(moved, row);
  }

  /** Removes every vector; ids keep counting from where they were. */
  clear(): void {
    this.matrix.clear();
    this.rowOf.clear();
  }

  /** The ids held now, ascending (= store order). */
  ids(): number[] {
    const ids = this.matrix.ids.slice(0, this.matrix.rows).sort();
    return Array.from(ids);
  }

  /** [id, copy of the vector] for every vector held now, ascending by id. */
  *entries(): IterableIterator<[number, Float32Array]> {
    for (const id of this.ids()) {
      const row = this.rowOf.get(id);
      if (row !== undefined) yield [id, this.matrix.copyRow(row)];
    }
  }

  /**
   * The vectors most similar to `vector`: every stored vector whose score is at least the
   * (clamped) threshold, best first — score descending, equal scores by ascending id — and at
   * most `k` of them when `k` > 0.
   */
  query(vector: ArrayLike<number>, options: VectorQueryOptions = {}): SimilarityHit[] {
    return this.queryMany([vector], options)[0];
  }

  /**
   * `query` for several vectors at once, with the same results. Faster per query than one call
   * each: the matrix is read once in cache-sized blocks, each block scored against every query
   * (see search.ts; a big search also runs on worker threads).
   */
  queryMany(vectors: readonly ArrayLike<number>[], options: VectorQueryOptions = {}): SimilarityHit[][] {
    const metric = options.metric === undefined ? this.metric : resolveMetric(options.metric);
    const threshold = effectiveThreshold(options.threshold ?? this.threshold);
    const k = options.k ?? 0;
    if (!Number.isSafeInteger(k) || k < 0) throw new InvalidVectorOptionError('k', k, 'a non-negative integer');
    const n = vectors.length;
    const m = this.matrix;
    // Planned first: a search that runs on threads moves the heap into shared memory.
    const plan = planSearch(m, n, metric);
    m.reserveScratch(plan.scratch);
    const queries = this.loadQueries(vectors, m.scratch, metric);
    const size = k === 0 ? m.rows : Math.min(k, m.rows);
    const tops = new Array<TopKHeap>(n);
    for (let i = 0; i < n; i++) tops[i] = this.heap(i).reset(size);
    runSearch(m, plan, queries, threshold, tops);
    const hits = new Array<SimilarityHit[]>(n);
    for (let i = 0; i < n; i++) hits[i] = tops[i].drain();
    return hits;
  }

  /**
   * Checks the query vectors and copies them into the heap from `off`, `stride` floats apart,
   * normalized when cosine meets normalized rows (which makes a stored vector's own query score
   * exactly 1). Refusals come in the order a check of every vector, then of every norm, gives.
   *
   * A Float32Array of the right length skips the per-component check: its components are float32
   * already, and one that is NaN or infinite makes its squared norm NaN or infinite, which sends
   * the vector through the full check (that then names the component).
   */
  private loadQueries(vectors: readonly ArrayLike<number>[], off: number, metric: VectorMetric): ScanQuery[] {
    const h = this.matrix.heap;
    const { dims, stride } = this.matrix;
    const n = vectors.length;
    if (this.sqScratch.length < n) this.sqScratch = new Float64Array(n);
    const sq = this.sqScratch;
    for (let i = 0; i < n; i++) {
      const v = vectors[i];
      const fast = v instanceof Float32Array && v.length === dims;
      if (!fast) checkEmbedding(v, dims);
      loadVector(h, off + i * stride, v, dims);
      sq[i] = h.dot(off + i * stride, off + i * stride, dims);
      if (fast && !Number.isFinite(sq[i])) checkEmbedding(v, dims);
    }
    const normalize = metric === 'cosine' && this.normalized;
    const packed = this.packed && isBinaryMetric(metric);
    const queries = new Array<ScanQuery>(n);
    for (let i = 0; i < n; i++) {
      const v = vectors[i];
      const at = off + i * stride;
      checkSquaredNorm(v, sq[i]);
      let sqNorm = sq[i];
      if (normalize && sqNorm !== 0) {
        divideAt(h, at, dims, Math.sqrt(sqNorm));
        sqNorm = h.dot(at, at, dims);
      }
      let bits: Uint32Array | null = null;
      if (packed) {
        bits = new Uint32Array(wordsFor(dims));
        packBits(h.f32, at, dims, bits, 0);
      }
      queries[i] = { off: at, sqNorm, bits };
    }
    return queries;
  }

  /** The i-th reusable top-k heap (queries run to completion, so one set serves every call). */
  private heap(i: number): TopKHeap {
    while (this.heaps.length <= i) this.heaps.push(new TopKHeap(0));
    return this.heaps[i];
  }

  private rowFor(id: number): number {
    const row = this.rowOf.get(id);
    if (row === undefined) throw new UnknownVectorIdError(id);
    return row;
  }
}

function flag(name: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw new InvalidVectorOptionError(name, value, 'a boolean');
  return value;
}
