import { InvalidChannelError, InvalidConfigurationError, OutOfNamesError } from '../errors.js';
import type { Journal } from '../journal.js';
import type { ChannelKey, SpaceAdapter, SpaceTypes } from '../types.js';
import { ChannelStore } from './store.js';

/**
 * Array and Vector stores: channels are slots addressed by an index. A channel addresses a slot
 * if the space's name source can extract an index from it (names this space made, and for plain
 * data also non-negative integers).
 *
 * - Array(size, cyclic): slots 0..size-1. `gensym` hands out slots in order, skipping slots in
 *   use through their index; when they run out a non-cyclic array throws `OutOfNames`, a cyclic one
 *   wraps to slot 0 and the engine clears the reused slot. An index ≥ size wraps (cyclic) or is an `InvalidConfiguration` error.
 * - Vector: unbounded; `gensym` hands out the index after the highest one used so far.
 */
export class IndexedStore<T extends SpaceTypes> extends ChannelStore<T> {
  readonly kind: 'array' | 'vector';
  private readonly size: number;
  private readonly cyclic: boolean;
  /** The next slot `gensym` considers. */
  private cursor = 0;
  /** Slots handed out again after a cyclic array wrapped. */
  private wrapped = 0;

  constructor(
    adapter: SpaceAdapter<T>,
    kind: 'array' | 'vector',
    size = Number.POSITIVE_INFINITY,
    cyclic = false,
    journal: Journal | null = null,
  ) {
    super(adapter, journal);
    this.kind = kind;
    this.size = size;
    this.cyclic = cyclic;
  }

  override keyOf(channel: T['channel']): ChannelKey {
    const index = this.adapter.names.indexOf(channel);
    if (index === undefined || !Number.isSafeInteger(index) || index < 0) {
      throw new InvalidChannelError(
        `${this.adapter.describeChannel(channel)} does not address a slot of this ${this.kind} space: ` +
          'use a name the space made (gensym(), or `new` inside `use` in Rholang) or a non-negative integer index',
      );
    }
    if (index < this.size) return index;
    if (this.cyclic) return index % this.size;
    throw new InvalidConfigurationError(
      `index ${index} is out of range for this array space of ${this.size} slots (not cyclic)`,
    );
  }

  override gensym(): T['channel'] {
    // Never hand out a slot that is in use through its index (until a cyclic array wraps).
    while (this.cursor < this.size && this.get(this.cursor) !== undefined) this.cursor++;
    let slot = this.cursor;
    this.recycled = undefined;
    if (slot >= this.size) {
      if (!this.cyclic) throw new OutOfNamesError(this.size);
      slot = this.wrapped++ % this.size;
      this.recycled = slot;
    } else {
      this.cursor++;
    }
    this.issued++;
    return this.adapter.names.make(slot);
  }

  override counters(): number[] {
    return [this.issued, this.cursor, this.wrapped];
  }

  override setCounters(recorded: readonly number[]): void {
    super.setCounters(recorded);
    this.cursor = recorded[1] ?? 0;
    this.wrapped = recorded[2] ?? 0;
  }

  override raiseCounters(recorded: readonly number[]): void {
    super.raiseCounters(recorded);
    this.cursor = Math.max(this.cursor, recorded[1] ?? 0);
    this.wrapped = Math.max(this.wrapped, recorded[2] ?? 0);
  }

  protected override canonicalChannel(_channel: T['channel'], key: ChannelKey): T['channel'] {
    return this.adapter.names.make(key as number);
  }

  protected override attach(entry: { key: ChannelKey }): void {
    // A Vector grows to cover any slot used directly, so gensym never hands out a used slot.
    if (this.kind === 'vector' && (entry.key as number) >= this.cursor) this.cursor = (entry.key as number) + 1;
  }
}
