import { compareKeys } from '../channel-keys.js';
import type { StoreKind } from '../config.js';
import { ChannelEntry, type JoinGroup } from '../entries.js';
import type { Journal } from '../journal.js';
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
  groups = new Map<ChannelKey, JoinGroup<T>>();
  /**
   * Set by `gensym` when the name it returned addresses a slot that was handed out before (a
   * cyclic Array wrapping around); the engine then clears that slot. Otherwise `undefined`.
   */
  recycled: ChannelKey | undefined = undefined;
  /** Entries whose key is a small non-negative integer, by index (faster than a Map). */
  private slots: (ChannelEntry<T> | undefined)[] = [];
  /** Every other entry, by key. */
  private entries = new Map<ChannelKey, ChannelEntry<T>>();
  protected readonly adapter: SpaceAdapter<T>;
  /** Records undo steps for soft checkpoints; null for stores outside a space. */
  protected readonly journal: Journal | null;
  /** How many names have been handed out. */
  protected issued = 0;

  constructor(adapter: SpaceAdapter<T>, journal: Journal | null = null) {
    this.adapter = adapter;
    this.journal = journal;
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
    const entry = new ChannelEntry<T>(this.canonicalChannel(channel, key), key);
    this.link(entry);
    if (this.journal?.active === true) this.journal.record(() => this.unlink(entry));
    return entry;
  }

  /** Drops an idle entry. */
  release(entry: ChannelEntry<T>): void {
    if (this.get(entry.key) !== entry) return;
    this.unlink(entry);
    if (this.journal?.active === true) this.journal.record(() => this.link(entry));
  }

  /** Registers a multi-channel join group. */
  addGroup(group: JoinGroup<T>): void {
    this.groups.set(group.key, group);
    if (this.journal?.active === true) this.journal.record(() => this.groups.delete(group.key));
  }

  /** Forgets a multi-channel join group. */
  removeGroup(group: JoinGroup<T>): void {
    if (!this.groups.delete(group.key)) return;
    if (this.journal?.active === true) this.journal.record(() => this.groups.set(group.key, group));
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

  /** The name counter's state (see `Space.nameCounters`). */
  counters(): number[] {
    return [this.issued];
  }

  /** Sets the counters back exactly (see `Space.rewindNameCounters`). */
  setCounters(recorded: readonly number[]): void {
    this.issued = recorded[0] ?? 0;
  }

  /** Raises each counter to at least the recorded value (a reset never lets a name repeat). */
  raiseCounters(recorded: readonly number[]): void {
    this.issued = Math.max(this.issued, recorded[0] ?? 0);
  }

  /**
   * Every entry in canonical order: small-integer channels by index, then the others by key. The
   * order depends only on the channels present, never on history (a soft-checkpoint revert, say).
   */
  allEntries(): ChannelEntry<T>[] {
    const out: ChannelEntry<T>[] = [];
    for (const entry of this.slots) if (entry !== undefined) out.push(entry);
    const others = [...this.entries.values()].sort((a, b) => compareKeys(a.key, b.key));
    for (const entry of others) out.push(entry);
    return out;
  }

  /** Drops every entry and group; keeps the name counter. */
  clear(): void {
    if (this.journal?.active === true) {
      const { slots, entries, groups } = this;
      this.journal.record(() => {
        this.slots = slots;
        this.entries = entries;
        this.groups = groups;
      });
    }
    // Fresh containers rather than clearing in place, so a soft checkpoint can restore the old ones.
    this.slots = [];
    this.entries = new Map();
    this.groups = new Map();
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

  private link(entry: ChannelEntry<T>): void {
    const key = entry.key;
    if (typeof key === 'number' && key >>> 0 === key && key < SLOT_LIMIT) this.slots[key] = entry;
    else this.entries.set(key, entry);
    this.attach(entry);
  }

  private unlink(entry: ChannelEntry<T>): void {
    const key = entry.key;
    if (typeof key === 'number' && key >>> 0 === key && key < SLOT_LIMIT) this.slots[key] = undefined;
    else this.entries.delete(key);
    this.detach(entry);
  }

  /** The channel recorded on a new entry (Array and Vector stores record the slot's own name). */
  protected canonicalChannel(channel: T['channel'], _key: ChannelKey): T['channel'] {
    return channel;
  }

  protected attach(_entry: ChannelEntry<T>): void {}

  protected detach(_entry: ChannelEntry<T>): void {}
}
