/**
 * What changed since the last hard checkpoint: the engine reports each change (see
 * `spaces/tracker.ts`) and the next checkpoint re-encodes exactly these channels and joins.
 */
import type { ChangeTracker } from '../spaces/tracker.js';
import type { ChannelKey, SpaceTypes } from '../spaces/types.js';

export interface DirtySnapshot<T extends SpaceTypes> {
  readonly all: boolean;
  readonly channels: ReadonlyMap<ChannelKey, T['channel']>;
  readonly joins: ReadonlyMap<string, readonly T['channel'][]>;
}

export class DirtySet<T extends SpaceTypes> implements ChangeTracker<T> {
  /** Changed channels by key (the engine's canonical channel for that key). */
  readonly channels = new Map<ChannelKey, T['channel']>();
  /** Changed joins: their channels in canonical order. */
  readonly joins = new Map<string, readonly T['channel'][]>();
  /** Set by `clear()`: the next checkpoint compares the whole state with the last root. */
  all = false;

  channelChanged(key: ChannelKey, channel: T['channel']): void {
    this.channels.set(key, channel);
  }

  joinChanged(key: ChannelKey, channels: readonly T['channel'][]): void {
    // A single-channel join's key is its channel's key, which could equal some composite key: tell them apart.
    this.joins.set(`${channels.length}|${typeof key === 'number' ? 'n' : 's'}${key}`, channels);
  }

  allChanged(): void {
    this.all = true;
    this.channels.clear();
    this.joins.clear();
  }

  get size(): number {
    return this.channels.size + this.joins.size;
  }

  /** A copy of what is recorded now, for `restore`. */
  save(): DirtySnapshot<T> {
    return { all: this.all, channels: new Map(this.channels), joins: new Map(this.joins) };
  }

  restore(saved: DirtySnapshot<T>): void {
    this.reset();
    this.all = saved.all;
    for (const [k, v] of saved.channels) this.channels.set(k, v);
    for (const [k, v] of saved.joins) this.joins.set(k, v);
  }

  reset(): void {
    this.all = false;
    this.channels.clear();
    this.joins.clear();
  }
}
