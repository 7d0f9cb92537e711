import type { StoreKind } from '../config.js';
import { ChannelEntry, type JoinGroup } from '../entries.js';
import type { ChannelKey, SpaceAdapter, SpaceTypes } from '../types.js';

/** Integer keys below this live in an array. */
const SLOT_LIMIT = 1 << 20;

/**
 * An outer store: maps channel keys to entries, keeps the multi-channel join groups, and hands
 * out names. Subclasses decide how a channel becomes a key (and which channels are valid), how
 * names are allocated, and whether the store has prefix semantics.
 *
 * Entries that hold nothing are dropped (`release`), so a space that churns through fresh
 * channels does not grow. The name counter survives `clear()`: names are never handed out twice.
 */
export abstract class ChannelStore<T extends SpaceTypes> {
  abstract readonly kind: StoreKind;
  /** True for PathMap: consumes see descendants, produces reach waiting prefixes. */
  readonly prefixSemantics: boolean = false;
  /** Multi-channel join groups by composite key (single-channel groups live on their entry). */
  readonly groups = new Map<ChannelKey, JoinGroup<T>>();
  /**
   * Set by `gensym` when the name it returned addresses a slot that was handed out before (a
   * cyclic Array wrapping around); the engine then clears that slot. Otherwise `undefined`.
   */
  recycled: ChannelKey | undefined = undefined;
  /** Entries whose key is a small non-negative integer, by index (faster than a Map). */
  private slots: (ChannelEntry<T> | undefined)[] = [];
  /** Every other entry, by key. */
  private readonly entries = new Map<ChannelKey, ChannelEntry<T>>();
  protected readonly adapter: SpaceAdapter<T>;
  /** How many names have been handed out. */
  protected issued = 0;
  private nextEntryId = 0;

  constructor(adapter: SpaceAdapter<T>) {
    this.adapter = adapter;
  }

  /** The key of a channel; throws the store's typed error for channels it cannot hold. */
  keyOf(channel: T['channel']): ChannelKey {
    return this.adapter.channelKey(channel);
  }

  get(key: ChannelKey): ChannelEntry<T> | undefined {
    return typeof key === 'number' && key >>> 0 === key && key < SLOT_LIMIT ? this.slots[key] : this.entries.get(key);
  }

  /** Creates the entry for a channel whose key was checked by `keyOf` and is not present yet. */
  create(channel: T['channel'], key: ChannelKey): ChannelEntry<T> {
    const entry = new ChannelEntry<T>(this.nextEntryId++, this.canonicalChannel(channel, key), key);
    if (typeof key === 'number' && key >>> 0 === key && key < SLOT_LIMIT) this.slots[key] = entry;
    else this.entries.set(key, entry);
    this.attach(entry);
    return entry;
  }

  /** Drops an idle entry. */
  release(entry: ChannelEntry<T>): void {
    const key = entry.key;
    if (this.get(key) !== entry) return;
    if (typeof key === 'number' && key >>> 0 === key && key < SLOT_LIMIT) this.slots[key] = undefined;
    else this.entries.delete(key);
    this.detach(entry);
  }

  /** A fresh name. */
  gensym(): T['channel'] {
    this.recycled = undefined;
    return this.adapter.names.make(this.issued++);
  }

  /** Names handed out so far. */
  get nameCount(): number {
    return this.issued;
  }

  /** Every entry: small-integer channels in index order, then the others in creation order. */
  *allEntries(): IterableIterator<ChannelEntry<T>> {
    for (const entry of this.slots) if (entry !== undefined) yield entry;
    yield* this.entries.values();
  }

  /** Drops every entry and group; keeps the name counter. */
  clear(): void {
    this.slots = [];
    this.entries.clear();
    this.groups.clear();
  }

  /** Entries of proper, non-empty prefixes of `entry`'s path that have waiting joins, shortest first. */
  ancestors(_entry: ChannelEntry<T>): ChannelEntry<T>[] {
    return [];
  }

  /** Entries strictly below `entry`'s path that hold data, in canonical path order. */
  descendants(_entry: ChannelEntry<T>): ChannelEntry<T>[] {
    return [];
  }

  /** The suffix key of `entry`'s channel below `prefix`'s channel. */
  suffix(_prefix: ChannelEntry<T>, _entry: ChannelEntry<T>): T['channel'] | undefined {
    return undefined;
  }

  /** The channel recorded on a new entry (Array and Vector stores record the slot's own name). */
  protected canonicalChannel(channel: T['channel'], _key: ChannelKey): T['channel'] {
    return channel;
  }

  protected attach(_entry: ChannelEntry<T>): void {}

  protected detach(_entry: ChannelEntry<T>): void {}
}
