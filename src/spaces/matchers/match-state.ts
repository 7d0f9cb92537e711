import { equals } from '../../data/compare.js';
import type { Value } from '../../data/value.js';
import { type Bindings, EMPTY_BINDINGS } from './matcher.js';

/**
 * The mutable state of one structural match: the value captured in each slot, and a trail of the slots
 * bound so far, in binding order.
 *
 * `compile` gives every capture name a slot number, so a capture is an array store rather than a copy of a
 * bindings object, and the bindings object is built once, at the end of a successful match (none is built
 * when nothing was captured). Backtracking (`or`, `not`) rewinds the trail to a mark with {@link undo}.
 * A pattern reuses one state across matches; see `Pattern#match` for reentrancy.
 */
export class MatchState {
  /** The value bound in each slot, or `undefined` (never a value) when the slot is free. */
  private readonly values: Array<Value | undefined>;
  private readonly trail: number[] = [];
  /** The number of bound slots: the trail's length, and the mark to {@link undo} back to. */
  top = 0;
  /** True while a match is using this state (see `Pattern#match`). */
  busy = false;

  constructor(slots: number) {
    this.values = new Array<Value | undefined>(slots).fill(undefined);
  }

  /**
   * Binds `slot` to `datum`, or, if the slot is already bound (a repeated capture name), checks that it is
   * bound to an equal value.
   */
  bind(slot: number, datum: Value): boolean {
    const current = this.values[slot];
    if (current !== undefined) return current === datum || equals(current, datum);
    this.values[slot] = datum;
    this.trail[this.top++] = slot;
    return true;
  }

  /** Frees the slots bound after `mark` (a previous value of {@link top}). */
  undo(mark: number): void {
    while (this.top > mark) this.values[this.trail[--this.top]] = undefined;
  }

  /**
   * The bindings of the slots bound so far, keyed by `names[slot]`, then resets the state (dropping its
   * references to the datum). A plain object, in binding order; the shared empty bindings if none.
   */
  take(names: readonly string[]): Bindings {
    if (this.top === 0) return EMPTY_BINDINGS;
    const out: Record<string, Value> = {};
    for (let i = 0; i < this.top; i++) {
      const slot = this.trail[i];
      const name = names[slot];
      // Assigning `__proto__` would set the prototype; define it as an ordinary key instead.
      if (name === '__proto__')
        Object.defineProperty(out, name, {
          value: this.values[slot],
          enumerable: true,
          writable: true,
          configurable: true,
        });
      else out[name] = this.values[slot] as Value;
    }
    this.undo(0);
    return out;
  }
}

/**
 * The state passed to patterns that capture nothing. No node writes to it (there are no slots to bind),
 * so one instance is safely shared by every such pattern, reentrant calls included.
 */
export const NO_CAPTURES = new MatchState(0);
