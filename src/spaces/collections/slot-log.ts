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

import type { Journal, Undoable } from '../journal.js';

/** Marks a removed slot. A symbol, so any datum (even `undefined`) can be stored. */
const HOLE: unique symbol = Symbol('hole');
type Slot<V> = V | typeof HOLE;

/** Interior holes tolerated before `push` compacts (amortises compaction to O(1) per removal). */
const COMPACT_MIN_HOLES = 32;

// Undo codes of the pushes that need no closure (see `undo`).
const UNDO_FIRST = 1;
const UNDO_APPEND = 2;
const UNDO_APPEND_FLAGS = 3;
const UNDO_APPEND_NEW_FLAGS = 4;

export class SlotLog<V> implements Undoable {
  /**
   * Slots `[head, slots.length)` hold the items; everything before `head` is dead. `null` while
   * the log holds at most one item, kept in `one`: most channels hold a single datum, and the
   * array would be the largest allocation of a new channel.
   */
  protected slots: Slot<V>[] | null = null;
  /** Per-slot flag bits (bit 0: persistent), allocated on first use. */
  protected flags: number[] | null = null;
  /** The item at handle 0 while `slots` is null (`HOLE` when empty), and its flags. */
  protected one: Slot<V> = HOLE;
  protected oneFlags = 0;
  protected head = 0;
  /** Number of live (non-hole) items. */
  size = 0;
  /**
   * Whether `push` may squeeze out interior holes (which renumbers handles). Off for collections
   * that key other structures by handle.
   */
  protected compactable = true;
  /** Where mutations record their undo steps while a soft checkpoint is open; null if never. */
  protected readonly journal: Journal | null;

  constructor(journal: Journal | null = null) {
    this.journal = journal;
  }

  /** Appends an item and returns its handle. */
  push(item: V, flags: number): number {
    let journaled = this.journal?.active === true;
    let slots = this.slots;
    if (slots === null) {
      if (this.one === HOLE) {
        if (journaled) (this.journal as Journal).recordOn(this, UNDO_FIRST);
        this.one = item;
        this.oneFlags = flags;
        this.size = 1;
        return 0;
      }
      // A second item: move to an array.
      if (journaled) this.recordUndo(-1);
      slots = this.slots = [this.one, item];
      if (this.oneFlags !== 0 || flags !== 0) this.flags = [this.oneFlags, flags];
      this.one = HOLE;
      this.oneFlags = 0;
      this.size = 2;
      return 1;
    }
    if (this.compactable && slots.length - this.size > COMPACT_MIN_HOLES && this.size * 2 < slots.length) {
      // Compaction replaces the arrays: one closure restores them, and undoes this push with them.
      if (journaled) this.recordUndo(-1);
      journaled = false;
      slots = this.compact();
    }
    const h = slots.length;
    let code = UNDO_APPEND;
    if (flags !== 0 || this.flags !== null) {
      if (this.flags === null) {
        this.flags = new Array<number>(h).fill(0);
        code = UNDO_APPEND_NEW_FLAGS;
      } else {
        code = UNDO_APPEND_FLAGS;
      }
      this.flags.push(flags);
    }
    if (journaled) (this.journal as Journal).recordOn(this, code);
    slots.push(item);
    this.size++;
    return h;
  }

  /**
   * Undoes a push recorded with a code: the log is exactly as the push left it (later changes
   * were undone first), so the pushed item is the last slot.
   */
  undo(code: number): void {
    this.size--;
    if (code === UNDO_FIRST) {
      this.one = HOLE;
      this.oneFlags = 0;
      return;
    }
    (this.slots as Slot<V>[]).pop();
    if (code === UNDO_APPEND_FLAGS) (this.flags as number[]).pop();
    else if (code === UNDO_APPEND_NEW_FLAGS) this.flags = null;
  }

  isLive(h: number): boolean {
    const slots = this.slots;
    if (slots === null) return h === 0 && this.one !== HOLE;
    return h >= this.head && h < slots.length && slots[h] !== HOLE;
  }

  itemAt(h: number): V {
    return (this.slots === null ? this.one : this.slots[h]) as V;
  }

  flagsOf(h: number): number {
    if (this.slots === null) return this.oneFlags;
    return this.flags === null ? 0 : this.flags[h];
  }

  /** Handle of the oldest live item, or -1. */
  firstLive(): number {
    const slots = this.slots;
    if (slots === null) return this.one === HOLE ? -1 : 0;
    return this.head < slots.length ? this.head : -1;
  }

  /** Handle of the newest live item, or -1. */
  lastLive(): number {
    const slots = this.slots;
    if (slots === null) return this.one === HOLE ? -1 : 0;
    return slots.length > this.head ? slots.length - 1 : -1;
  }

  /** Next live handle after `h` in insertion order, or -1. `h` may be a hole. */
  nextLive(h: number): number {
    const slots = this.slots;
    if (slots === null) return h < 0 && this.one !== HOLE ? 0 : -1;
    for (let i = h < this.head ? this.head : h + 1; i < slots.length; i++) if (slots[i] !== HOLE) return i;
    return -1;
  }

  /** Previous live handle before `h` in insertion order, or -1. */
  prevLive(h: number): number {
    const slots = this.slots;
    if (slots === null) return h > 0 && this.one !== HOLE ? 0 : -1;
    for (let i = Math.min(h, slots.length) - 1; i >= this.head; i--) if (slots[i] !== HOLE) return i;
    return -1;
  }

  /** Removes the item at a live handle. */
  remove(h: number): void {
    if (this.journal?.active === true) this.recordUndo(h);
    const slots = this.slots;
    this.size--;
    if (slots === null || this.size === 0) {
      this.reset();
      return;
    }
    slots[h] = HOLE;
    if (h === this.head) {
      let i = h + 1;
      while (slots[i] === HOLE) i++;
      this.head = i;
    }
    if (h === slots.length - 1) {
      // pop, not `length =`: assigning length is a slow runtime call.
      const flags = this.flags;
      while (slots[slots.length - 1] === HOLE) {
        slots.pop();
        if (flags !== null) flags.pop();
      }
    }
  }

  /** Live items in insertion order, with their flags. */
  forEach(visit: (item: V, flags: number) => void): void {
    const slots = this.slots;
    if (slots === null) {
      if (this.one !== HOLE) visit(this.one, this.oneFlags);
      return;
    }
    for (let i = this.head; i < slots.length; i++) {
      const item = slots[i];
      if (item !== HOLE) visit(item, this.flagsOf(i));
    }
  }

  clear(): void {
    if (this.journal?.active === true) this.recordUndo(-1);
    this.reset();
  }

  /**
   * Records how to bring this log back to its current physical state. Mutations either write into
   * the current arrays (append, a hole at `h`, trimming trailing holes) or replace them (moving to
   * an array, compaction, reset), never both in a way that loses information: restoring the field
   * values, the arrays' lengths and the item at `h` undoes any single mutation exactly.
   */
  private recordUndo(h: number): void {
    const slots = this.slots;
    const length = slots === null ? 0 : slots.length;
    const flags = this.flags;
    const flagsLength = flags === null ? 0 : flags.length;
    const { one, oneFlags, head, size } = this;
    const item = h >= 0 && slots !== null ? slots[h] : HOLE;
    const flag = h >= 0 && flags !== null ? flags[h] : 0;
    (this.journal as Journal).record(() => {
      this.slots = slots === null ? null : restoreLength(slots, length, HOLE);
      if (h >= 0 && slots !== null) slots[h] = item;
      this.flags = flags === null ? null : restoreLength(flags, flagsLength, 0);
      if (h >= 0 && flags !== null) flags[h] = flag;
      this.one = one;
      this.oneFlags = oneFlags;
      this.head = head;
      this.size = size;
    });
  }

  protected reset(): void {
    this.slots = null;
    this.flags = null;
    this.one = HOLE;
    this.oneFlags = 0;
    this.head = 0;
    this.size = 0;
  }

  private compact(): Slot<V>[] {
    const slots = this.slots as Slot<V>[];
    const flags = this.flags;
    const keptSlots: Slot<V>[] = [];
    const keptFlags: number[] | null = flags === null ? null : [];
    for (let i = this.head; i < slots.length; i++) {
      if (slots[i] === HOLE) continue;
      keptSlots.push(slots[i]);
      if (keptFlags !== null && flags !== null) keptFlags.push(flags[i]);
    }
    this.slots = keptSlots;
    this.flags = keptFlags;
    this.head = 0;
    return keptSlots;
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
