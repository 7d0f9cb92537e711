/**
 * An insertion-ordered log of items with stable integer handles: the storage under every
 * collection except VectorDB.
 *
 * Removing an item leaves a hole instead of shifting the rest, so a handle stays valid while
 * the engine searches for and commits a firing (a join may hold several handles into the same
 * log at once). Holes at either end are trimmed at once, which makes queue-style removal at the
 * head and stack-style removal at the tail O(1). Interior holes are squeezed out by `push` when
 * they outnumber the live items: the engine never pushes while it holds handles, so compaction
 * there is safe.
 */

import type { Journal } from '../journal.js';

/** Marks a removed slot. A symbol, so any datum (even `undefined`) can be stored. */
const HOLE: unique symbol = Symbol('hole');
type Slot<V> = V | typeof HOLE;

/** Interior holes tolerated before `push` compacts (amortises compaction to O(1) per removal). */
const COMPACT_MIN_HOLES = 32;

export class SlotLog<V> {
  /** Slots `[head, items.length)` hold the items; everything before `head` is dead. */
  protected slots: Slot<V>[] = [];
  /** Per-slot flag bits (bit 0: persistent), allocated on first use. */
  protected flags: number[] | null = null;
  protected head = 0;
  /** Number of live (non-hole) items. */
  size = 0;
  /** Where mutations record their undo steps while a soft checkpoint is open; null if never. */
  protected readonly journal: Journal | null;

  constructor(journal: Journal | null = null) {
    this.journal = journal;
  }

  /** Appends an item and returns its handle. */
  push(item: V, flags: number): number {
    if (this.journal?.active === true) this.recordUndo(-1);
    const items = this.slots;
    if (items.length - this.size > COMPACT_MIN_HOLES && this.size * 2 < items.length) this.compact();
    const h = this.slots.length;
    // Most channels hold one item: start with an exact-size array instead of push's default capacity.
    if (h === 0) this.slots = [item];
    else this.slots.push(item);
    if (flags !== 0 || this.flags !== null) {
      if (this.flags === null) this.flags = new Array<number>(h).fill(0);
      this.flags.push(flags);
    }
    this.size++;
    return h;
  }

  isLive(h: number): boolean {
    return h >= this.head && h < this.slots.length && this.slots[h] !== HOLE;
  }

  itemAt(h: number): V {
    return this.slots[h] as V;
  }

  flagsOf(h: number): number {
    return this.flags === null ? 0 : this.flags[h];
  }

  /** Handle of the oldest live item, or -1. */
  firstLive(): number {
    return this.head < this.slots.length ? this.head : -1;
  }

  /** Handle of the newest live item, or -1. */
  lastLive(): number {
    return this.slots.length > this.head ? this.slots.length - 1 : -1;
  }

  /** Next live handle after `h` in insertion order, or -1. `h` may be a hole. */
  nextLive(h: number): number {
    const items = this.slots;
    for (let i = h < this.head ? this.head : h + 1; i < items.length; i++) if (items[i] !== HOLE) return i;
    return -1;
  }

  /** Previous live handle before `h` in insertion order, or -1. */
  prevLive(h: number): number {
    const items = this.slots;
    for (let i = Math.min(h, items.length) - 1; i >= this.head; i--) if (items[i] !== HOLE) return i;
    return -1;
  }

  /** Removes the item at a live handle. */
  remove(h: number): void {
    if (this.journal?.active === true) this.recordUndo(h);
    const items = this.slots;
    items[h] = HOLE;
    this.size--;
    if (this.size === 0) {
      this.reset();
      return;
    }
    if (h === this.head) {
      let i = h + 1;
      while (items[i] === HOLE) i++;
      this.head = i;
    }
    if (h === items.length - 1) {
      // pop, not `length =`: assigning length is a slow runtime call.
      const flags = this.flags;
      while (items[items.length - 1] === HOLE) {
        items.pop();
        if (flags !== null) flags.pop();
      }
    }
  }

  /** Live items in insertion order, with their flags. */
  forEach(visit: (item: V, flags: number) => void): void {
    const items = this.slots;
    for (let i = this.head; i < items.length; i++) {
      const item = items[i];
      if (item !== HOLE) visit(item, this.flagsOf(i));
    }
  }

  clear(): void {
    if (this.journal?.active === true) this.recordUndo(-1);
    this.reset();
  }

  /**
   * Records how to bring this log back to its current physical state. Mutations either write into
   * the current arrays (append, a hole at `h`, trimming trailing holes) or replace them (compaction,
   * reset), never both in a way that loses information: restoring the array references, their
   * lengths and the item at `h` undoes any single mutation exactly.
   */
  private recordUndo(h: number): void {
    const slots = this.slots;
    const length = slots.length;
    const flags = this.flags;
    const flagsLength = flags === null ? 0 : flags.length;
    const head = this.head;
    const size = this.size;
    const item = h >= 0 ? slots[h] : HOLE;
    const flag = h >= 0 && flags !== null ? flags[h] : 0;
    (this.journal as Journal).record(() => {
      this.slots = restoreLength(slots, length, HOLE);
      if (h >= 0) slots[h] = item;
      this.flags = flags === null ? null : restoreLength(flags, flagsLength, 0);
      if (h >= 0 && flags !== null) flags[h] = flag;
      this.head = head;
      this.size = size;
    });
  }

  protected reset(): void {
    this.slots = [];
    this.flags = null;
    this.head = 0;
    this.size = 0;
  }

  private compact(): void {
    const items = this.slots;
    const flags = this.flags;
    const keptItems: Slot<V>[] = [];
    const keptFlags: number[] | null = flags === null ? null : [];
    for (let i = this.head; i < items.length; i++) {
      if (items[i] === HOLE) continue;
      keptItems.push(items[i]);
      if (keptFlags !== null && flags !== null) keptFlags.push(flags[i]);
    }
    this.slots = keptItems;
    this.flags = keptFlags;
    this.head = 0;
  }
}

/** Cuts or pads (with `fill`) an array back to `length`. */
function restoreLength<X>(array: X[], length: number, fill: X): X[] {
  // pop/push rather than assigning `length`: undo steps usually move it by one, and setting
  // `length` is a slow runtime call.
  while (array.length > length) array.pop();
  while (array.length < length) array.push(fill);
  return array;
}

/** Flag bit: the item is persistent (never removed by a match). */
export const PERSISTENT = 1;
