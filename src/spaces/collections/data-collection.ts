import type { Claims } from './claims.js';

/** The inner collection kinds that hold data. */
export type DataCollectionKind = 'bag' | 'queue' | 'stack' | 'set' | 'cell' | 'priorityqueue' | 'vectordb';

/** One stored datum as reported by getters. */
export interface StoredDatum<A> {
  readonly datum: A;
  readonly persistent: boolean;
  /** Priority level for priority-queue collections; absent elsewhere. */
  readonly priority?: number;
}

/**
 * What the engine needs from a data collection. The collection owns storage, put rules and
 * **eligibility**: which stored items may match now, and in which order they are tried. The
 * engine never looks inside; it walks eligible handles with `first`/`next` and commits with
 * `take`. Handles are integers that stay valid until the next `put`.
 */
export interface DataCollection<A> {
  readonly kind: DataCollectionKind;
  /** Number of stored items. */
  readonly size: number;
  /**
   * Throws the collection's typed error if `put` would be refused (a full Cell, a bad priority,
   * a datum a Set cannot key).
   * Called before the engine changes anything, so a refused produce leaves the space untouched.
   */
  checkPut<C>(
    datum: A,
    persistent: boolean,
    priority: number | undefined,
    channel: C,
    describe: (channel: C) => string,
  ): void;
  /** Stores a datum and returns its handle, or -1 if the collection ignored it (a Set duplicate). */
  put(datum: A, persistent: boolean, priority: number | undefined): number;
  /** True if `h` is stored and may match now. */
  isEligible(h: number): boolean;
  /** First eligible handle in matching order, treating claimed handles as already taken; -1 if none. */
  first(claims: Claims): number;
  /** Next eligible handle after `h` in matching order; -1 if none. */
  next(h: number, claims: Claims): number;
  isLive(h: number): boolean;
  datum(h: number): A;
  persistent(h: number): boolean;
  /**
   * Consumes the item at `h`: a non-persistent item is removed, a persistent one stays.
   * Returns the handle of an item that became eligible because of the removal (the new head of
   * a queue, say), or -1.
   */
  take(h: number): number;
  /** Every stored item in the collection's order. */
  items(): StoredDatum<A>[];
  clear(): void;
}
