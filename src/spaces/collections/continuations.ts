import type { Journal } from '../journal.js';
import { KeyIndex } from './key-index.js';
import { SlotLog } from './slot-log.js';

/** The inner collection kinds that hold waiting continuations. */
export type ContinuationCollectionKind = 'bag' | 'queue' | 'stack' | 'set';

/**
 * Waiting continuations of one join (one set of channels). Eligibility follows the kind, as for
 * data: a bag or set offers every continuation oldest first, a queue only its oldest, a stack
 * only its newest. The engine fires and removes the same entry it found eligible, so a stack
 * never fires the oldest continuation and deletes the newest.
 *
 * A set ignores a continuation whose `setKey` equals that of one already waiting; the caller
 * computes the key (patterns, continuation, persist flag and channel order) when it builds `W`.
 */
export class ContinuationCollection<W extends { readonly setKey: string | number | undefined }> extends SlotLog<W> {
  readonly kind: ContinuationCollectionKind;
  private readonly index: KeyIndex | null;

  constructor(kind: ContinuationCollectionKind, journal: Journal | null = null) {
    super(journal);
    this.kind = kind;
    this.index = kind === 'set' ? new KeyIndex(journal) : null;
  }

  /** True if a continuation put now would be eligible at once. */
  acceptsEligible(): boolean {
    return this.kind !== 'queue' || this.size === 0;
  }

  /** True if a Set already holds a continuation with this key (then `put` would ignore it). */
  holds(setKey: string | number | undefined): boolean {
    return this.index !== null && setKey !== undefined && this.index.has(setKey);
  }

  /** Stores `w`; returns its handle, or -1 if a Set already holds an equal one. */
  put(w: W): number {
    if (this.index !== null && w.setKey !== undefined) {
      if (this.index.has(w.setKey)) return -1;
      const h = this.push(w, 0);
      this.index.set(w.setKey, h);
      return h;
    }
    return this.push(w, 0);
  }

  isEligible(h: number): boolean {
    if (this.kind === 'queue') return h === this.firstLive();
    if (this.kind === 'stack') return h === this.lastLive();
    return this.isLive(h);
  }

  get(h: number): W {
    return this.itemAt(h);
  }

  first(): number {
    return this.kind === 'stack' ? this.lastLive() : this.firstLive();
  }

  next(h: number): number {
    return this.kind === 'bag' || this.kind === 'set' ? this.nextLive(h) : -1;
  }

  /** Removes the continuation at `h`; returns the handle that became eligible because of it, or -1. */
  take(h: number): number {
    const wasHead = h === this.firstLive();
    const wasTop = h === this.lastLive();
    if (this.index !== null) {
      const key = this.itemAt(h).setKey;
      if (key !== undefined) this.index.delete(key);
    }
    this.remove(h);
    if (this.kind === 'queue') return wasHead ? this.firstLive() : -1;
    if (this.kind === 'stack') return wasTop ? this.lastLive() : -1;
    return -1;
  }

  items(): W[] {
    const out: W[] = [];
    this.forEach((w) => {
      out.push(w);
    });
    return out;
  }

  override clear(): void {
    super.clear();
    this.index?.clear();
  }
}
