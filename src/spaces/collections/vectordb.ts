/**
 * The VectorDB data collection: data that carry an embedding are indexed in a vector backend, so a
 * consume can ask for the documents most similar to a query vector; data without one are kept too
 * (a non-indexed side list, in effect) and match ordinary patterns like everything else.
 *
 * For ordinary matching it behaves as a bag: every item is eligible, oldest first (indexed or
 * not), and a persistent item stays after matching. Items live in one insertion-ordered slot log,
 * so handles and iteration order are the same as every other collection's; the backend holds the
 * embeddings of the indexed ones under their own ids.
 *
 * Soft checkpoints cover the backend: storing and removing an embedding record how to undo
 * themselves. Backend ids are internal: an undone removal stores the embedding again under a new id.
 */

import type { VectorBackend } from '../../vector/backend.js';
import type { SimilarityHit } from '../../vector/topk.js';
import type { Journal } from '../journal.js';
import type { Claims } from './claims.js';
import type { DataCollection, StoredDatum } from './data-collection.js';
import { PERSISTENT, SlotLog } from './slot-log.js';

/** The embedding of a datum, or null when it carries none; throws the typed error of a malformed one. */
export type Embedder<A> = (datum: A) => Float32Array | null;

/** A similarity query on one channel, as a consume gives it. */
export interface SimilarityQuery {
  /** The query vector, as many components as the space's dimensions. */
  readonly vector: Float32Array;
  /** Metric name (default: the space's). */
  readonly metric?: string;
  /** Minimum score in [0, 1] (default: the space's). */
  readonly threshold?: number;
  /** How many of the best hits to hand out (default 1). */
  readonly topK?: number;
}

/** A hit: the handle of a stored item and its score. */
export interface CollectionHit {
  readonly handle: number;
  readonly score: number;
}

export class VectorDbCollection<A> extends SlotLog<A> implements DataCollection<A> {
  readonly kind = 'vectordb' as const;
  private readonly backend: VectorBackend;
  private readonly embed: Embedder<A>;
  /** Backend id of each indexed item's handle, and back. */
  private readonly idOf = new Map<number, number>();
  private readonly handleOf = new Map<number, number>();
  /** The embedding `checkPut` extracted, handed to the `put` that follows it. */
  private pending: { datum: A; embedding: Float32Array | null } | null = null;

  constructor(backend: VectorBackend, embed: Embedder<A>, journal: Journal | null = null) {
    super(journal);
    // Handles key the backend ids: they must never be renumbered. Holes at either end are still
    // trimmed; interior holes stay until the log empties.
    this.compactable = false;
    this.backend = backend;
    this.embed = embed;
  }

  checkPut(datum: A): void {
    // Extraction validates the embedding (dimensions, format) before anything changes.
    this.pending = { datum, embedding: this.embed(datum) };
  }

  put(datum: A, persistent: boolean, _priority: number | undefined): number {
    const pending = this.pending;
    const embedding = pending !== null && pending.datum === datum ? pending.embedding : this.embed(datum);
    this.pending = null;
    const h = this.push(datum, persistent ? PERSISTENT : 0);
    if (embedding !== null) this.index(h, embedding);
    return h;
  }

  isEligible(h: number): boolean {
    return this.isLive(h);
  }

  first(claims: Claims): number {
    let h = this.firstLive();
    while (h >= 0 && claims.length > 0 && claims.has(this, h)) h = this.nextLive(h);
    return h;
  }

  next(h: number, claims: Claims): number {
    h = this.nextLive(h);
    while (h >= 0 && claims.length > 0 && claims.has(this, h)) h = this.nextLive(h);
    return h;
  }

  datum(h: number): A {
    return this.itemAt(h);
  }

  persistent(h: number): boolean {
    return (this.flagsOf(h) & PERSISTENT) !== 0;
  }

  take(h: number): number {
    if ((this.flagsOf(h) & PERSISTENT) !== 0) return -1;
    this.unindex(h);
    this.remove(h);
    return -1;
  }

  items(): StoredDatum<A>[] {
    const out: StoredDatum<A>[] = [];
    this.forEach((datum, flags) => {
      out.push({ datum, persistent: (flags & PERSISTENT) !== 0 });
    });
    return out;
  }

  override clear(): void {
    for (const h of [...this.idOf.keys()]) this.unindex(h);
    super.clear();
  }

  /** Whether any item is indexed (else `similar` finds nothing without asking the backend). */
  get indexed(): boolean {
    return this.idOf.size > 0;
  }

  /** The indexed items most similar to `query`, best first (ties: older first), at most `topK` (default 1). */
  similar(query: SimilarityQuery): CollectionHit[] {
    if (this.idOf.size === 0) return [];
    const hits: SimilarityHit[] = this.backend.query(query.vector, {
      metric: query.metric,
      threshold: query.threshold,
      k: query.topK ?? 1,
    });
    return hits.map((hit) => ({ handle: this.handleOf.get(hit.id) as number, score: hit.score }));
  }

  /** The metric, threshold and dimensions queries default to. */
  get dimensions(): number {
    return this.backend.dimensions;
  }

  private index(h: number, embedding: Float32Array): void {
    const id = this.backend.store(embedding);
    this.idOf.set(h, id);
    this.handleOf.set(id, h);
    if (this.journal?.active === true) this.journal.record(() => this.unindexQuietly(h));
  }

  private unindex(h: number): void {
    const id = this.idOf.get(h);
    if (id === undefined) return;
    this.unindexQuietly(h);
    // Re-extracted from the datum on undo (the item is back by then): the backend's copy may be normalized.
    if (this.journal?.active === true)
      this.journal.record(() => this.index(h, this.embed(this.itemAt(h)) as Float32Array));
  }

  private unindexQuietly(h: number): void {
    const id = this.idOf.get(h) as number;
    this.backend.remove(id);
    this.idOf.delete(h);
    this.handleOf.delete(id);
  }
}
