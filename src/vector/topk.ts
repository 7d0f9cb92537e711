/**
 * Exact top-k selection with a bounded heap: keeps the k best (id, score) pairs seen so far in
 * O(log k) per accepted pair and O(1) per rejected one, in two preallocated typed arrays.
 *
 * Ranking is total and deterministic: a higher score is better, and between equal scores the lower
 * id is better. So the result never depends on the order in which rows were scanned (row order
 * changes when a backend swap-removes), only on the scores and ids.
 */
import { InvalidVectorOptionError } from './errors.js';

/** One query result: the vector's id and its similarity score (higher is more similar). */
export interface SimilarityHit {
  readonly id: number;
  readonly score: number;
}

export class TopKHeap {
  /** At most this many hits are kept. */
  k: number;
  // A min-heap on "goodness": the root is the worst hit kept, the first to go.
  private ids: Float64Array;
  private scores: Float64Array;
  private count = 0;

  constructor(k: number) {
    checkK(k);
    this.k = k;
    this.ids = new Float64Array(k);
    this.scores = new Float64Array(k);
  }

  /**
   * Empties the heap and sets a new k, keeping the arrays when they are big enough: typed-array
   * allocation costs more than a small query itself, so a backend reuses one heap per query.
   */
  reset(k: number): this {
    checkK(k);
    this.k = k;
    this.count = 0;
    if (this.ids.length < k) {
      this.ids = new Float64Array(k);
      this.scores = new Float64Array(k);
    }
    return this;
  }

  /** Hits kept so far. */
  get size(): number {
    return this.count;
  }

  /**
   * The lowest score a pair needs to have any chance of being kept: −Infinity until the heap is
   * full, then the worst kept score (a pair scoring exactly that may still win on its lower id).
   * Scans compare against it before calling `offer`, which skips the call for nearly every row of
   * a long scan, and makes the branch predictable.
   */
  get bar(): number {
    return this.count < this.k || this.k === 0 ? Number.NEGATIVE_INFINITY : this.scores[0];
  }

  /** Considers one pair; a NaN score is never kept. */
  offer(id: number, score: number): void {
    if (Number.isNaN(score)) return;
    if (this.count < this.k) {
      this.siftUp(this.count++, id, score);
    } else if (this.k > 0 && worse(this.scores[0], this.ids[0], score, id)) {
      this.siftDown(0, id, score);
    }
  }

  /** The kept hits, best first (score descending, then id ascending); leaves the heap empty. */
  drain(): SimilarityHit[] {
    const out: SimilarityHit[] = new Array(this.count);
    // Popping the worst each time fills the result from its end.
    while (this.count > 0) {
      const last = --this.count;
      out[last] = { id: this.ids[0], score: this.scores[0] };
      if (last > 0) this.siftDown(0, this.ids[last], this.scores[last]);
    }
    return out;
  }

  clear(): void {
    this.count = 0;
  }

  /** Places (id, score) at hole `i` or above it, moving worse-off parents down. */
  private siftUp(i: number, id: number, score: number): void {
    const { ids, scores } = this;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!worse(score, id, scores[parent], ids[parent])) break;
      ids[i] = ids[parent];
      scores[i] = scores[parent];
      i = parent;
    }
    ids[i] = id;
    scores[i] = score;
  }

  /** Places (id, score) at hole `i` or below it, moving worse children up. */
  private siftDown(i: number, id: number, score: number): void {
    const { ids, scores } = this;
    const n = this.count;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && worse(scores[child + 1], ids[child + 1], scores[child], ids[child])) child++;
      if (!worse(scores[child], ids[child], score, id)) break;
      ids[i] = ids[child];
      scores[i] = scores[child];
      i = child;
    }
    ids[i] = id;
    scores[i] = score;
  }
}

function checkK(k: number): void {
  if (!Number.isSafeInteger(k) || k < 0) throw new InvalidVectorOptionError('k', k, 'a non-negative safe integer');
}

/** Whether (sa, ia) ranks below (sb, ib): a lower score, or the same score and a higher id. */
function worse(sa: number, ia: number, sb: number, ib: number): boolean {
  return sa < sb || (sa === sb && ia > ib);
}
