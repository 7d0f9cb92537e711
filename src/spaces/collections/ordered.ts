import { CellAlreadyFullError } from '../errors.js';
import type { Journal } from '../journal.js';
import type { Claims } from './claims.js';
import type { DataCollection, StoredDatum } from './data-collection.js';
import { KeyIndex } from './key-index.js';
import { PERSISTENT, SlotLog } from './slot-log.js';

/** The data collections that differ only in their put rule and eligibility rule. */
export type OrderedKind = 'bag' | 'queue' | 'stack' | 'set' | 'cell';

/** Key of a datum for Set deduplication: equal data must give equal keys. */
export type DatumKey<A> = (datum: A) => string | number;

/**
 * Bag, Queue, Stack, Set and Cell: one insertion-ordered log, five rules.
 *
 * | kind  | eligible to match                  | put                                  |
 * |-------|------------------------------------|--------------------------------------|
 * | bag   | any item, oldest first             | always                               |
 * | queue | only the oldest item               | always                               |
 * | stack | only the newest item               | always                               |
 * | set   | any item, oldest first             | an item equal to a stored one is ignored |
 * | cell  | the single item                    | refused with CellAlreadyFull when full |
 *
 * A persistent item is never removed, so a persistent queue head or stack top serves forever.
 */
export class OrderedCollection<A> extends SlotLog<A> implements DataCollection<A> {
  readonly kind: OrderedKind;
  /** Set only: datum key → handle. */
  /** Set only: how data are keyed, and key → handle. One field, so other kinds stay small. */
  private readonly set: { readonly keyOf: DatumKey<A>; readonly index: KeyIndex } | null;

  constructor(kind: OrderedKind, keyOf?: DatumKey<A>, journal: Journal | null = null) {
    super(journal);
    this.kind = kind;
    if (kind === 'set') {
      if (keyOf === undefined) throw new TypeError('a set collection needs a datum key function');
      this.set = { keyOf, index: new KeyIndex(journal) };
    } else {
      this.set = null;
    }
  }

  checkPut<C>(
    datum: A,
    _persistent: boolean,
    _priority: number | undefined,
    channel: C,
    describe: (channel: C) => string,
  ): void {
    if (this.kind === 'cell' && this.size > 0) throw new CellAlreadyFullError(describe(channel));
    // Computing the key validates the datum (a non-value throws) before anything changes.
    if (this.set !== null) this.set.keyOf(datum);
  }

  put(datum: A, persistent: boolean, _priority: number | undefined): number {
    const set = this.set;
    if (set !== null) {
      const key = set.keyOf(datum);
      if (set.index.has(key)) return -1;
      const h = this.push(datum, persistent ? PERSISTENT : 0);
      set.index.set(key, h);
      return h;
    }
    return this.push(datum, persistent ? PERSISTENT : 0);
  }

  isEligible(h: number): boolean {
    switch (this.kind) {
      case 'queue':
        return h === this.firstLive();
      case 'stack':
        return h === this.lastLive();
      default:
        return this.isLive(h);
    }
  }

  first(claims: Claims): number {
    if (this.kind === 'stack') {
      let h = this.lastLive();
      while (h >= 0 && claims.length > 0 && claims.has(this, h)) h = this.prevLive(h);
      return h;
    }
    let h = this.firstLive();
    while (h >= 0 && claims.length > 0 && claims.has(this, h)) h = this.nextLive(h);
    return h;
  }

  next(h: number, claims: Claims): number {
    if (this.kind !== 'bag' && this.kind !== 'set') return -1;
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
    if (this.set !== null) this.set.index.delete(this.set.keyOf(this.itemAt(h)));
    // Only a queue head or a stack top leaves a newly eligible item behind.
    const kind = this.kind;
    const exposes = (kind === 'queue' && h === this.firstLive()) || (kind === 'stack' && h === this.lastLive());
    this.remove(h);
    if (!exposes) return -1;
    return kind === 'queue' ? this.firstLive() : this.lastLive();
  }

  items(): StoredDatum<A>[] {
    const out: StoredDatum<A>[] = [];
    this.forEach((datum, flags) => {
      out.push({ datum, persistent: (flags & PERSISTENT) !== 0 });
    });
    return out;
  }

  override clear(): void {
    super.clear();
    this.set?.index.clear();
  }
}
