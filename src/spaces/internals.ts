/**
 * The parts of a space that its operations share: how new data collections, joins and entries are
 * made, how a channel is dropped, and the continuation counter. `Space` keeps the hot paths
 * (produce, consume) itself; restoring a state (`state.ts`) and similarity receives
 * (`similarity.ts`) work through this object, which is why it is a module of its own.
 */

import { VectorBackend } from '../vector/backend.js';
import { compareKeys, compositeKey } from './channel-keys.js';
import { ContinuationCollection } from './collections/continuations.js';
import type { DataCollection } from './collections/data-collection.js';
import { OrderedCollection } from './collections/ordered.js';
import { PriorityQueueCollection } from './collections/priority-queue.js';
import { VectorDbCollection } from './collections/vectordb.js';
import type { SpaceConfig } from './config.js';
import { type ChannelEntry, JoinGroup, type Waiting } from './entries.js';
import type { Journal } from './journal.js';
import type { Matcher } from './matchers/matcher.js';
import type { QualifierTraits } from './qualifier.js';
import type { Reactor } from './reactor.js';
import type { RestoreTarget } from './state.js';
import type { ChannelStore } from './stores/store.js';
import type { ChannelKey, SpaceAdapter, SpaceTypes } from './types.js';

export class SpaceInternals<T extends SpaceTypes> implements RestoreTarget<T> {
  readonly config: SpaceConfig;
  readonly traits: QualifierTraits;
  readonly adapter: SpaceAdapter<T>;
  readonly matcher: Matcher<T['pattern'], T['datum'], T['bindings']>;
  readonly store: ChannelStore<T>;
  readonly journal: Journal;
  readonly reactor: Reactor<T>;
  private readonly datumKey: ((datum: T['datum']) => ChannelKey) | undefined;
  private waitingIds = 0;

  constructor(
    config: SpaceConfig,
    traits: QualifierTraits,
    adapter: SpaceAdapter<T>,
    matcher: Matcher<T['pattern'], T['datum'], T['bindings']>,
    store: ChannelStore<T>,
    journal: Journal,
    reactor: Reactor<T>,
  ) {
    this.config = config;
    this.traits = traits;
    this.adapter = adapter;
    this.matcher = matcher;
    this.store = store;
    this.journal = journal;
    this.reactor = reactor;
    this.datumKey = config.inner === 'set' ? adapter.datumKey?.bind(adapter) : undefined;
  }

  /** Ids order continuations for the fire-once rule; they are never reused. */
  nextWaitingId(): number {
    return this.waitingIds++;
  }

  changeWaiting(delta: number): void {
    this.reactor.changeWaiting(delta);
  }

  /** Removes all data and continuations (journaled), keeping the name counter. */
  clear(): void {
    this.store.clear();
    this.reactor.changeWaiting(-this.reactor.waitingCount);
    this.reactor.tracker?.allChanged();
  }

  /** The data collection of a new channel; a similarity result channel always holds a queue. */
  newData(results = false): DataCollection<T['datum']> {
    const { inner, levels } = this.config;
    if (results) return new OrderedCollection('queue', undefined, this.journal);
    if (inner === 'priorityqueue') return new PriorityQueueCollection(levels, this.journal);
    if (inner === 'vectordb') {
      const { dimensions, metric, threshold, embeddingType } = this.config;
      const adapter = this.adapter;
      const extract = adapter.embedding as NonNullable<SpaceAdapter<T>['embedding']>;
      const backend = new VectorBackend({ dimensions, metric, threshold });
      const embed = (d: T['datum']) => extract.call(adapter, d, embeddingType, dimensions);
      return new VectorDbCollection(backend, embed, this.journal);
    }
    return new OrderedCollection(inner, this.datumKey, this.journal);
  }

  /** Registers a join on `entries` (consumer order; `keys` theirs), reporting the member channels' changed join lists. */
  newGroup(key: ChannelKey, entries: readonly ChannelEntry<T>[], keys: readonly ChannelKey[]): JoinGroup<T> {
    const order = keys.map((_, i) => i).sort((a, b) => compareKeys(keys[a], keys[b]));
    const group = new JoinGroup<T>(
      key,
      order.map((i) => entries[i]),
      new ContinuationCollection<Waiting<T>>(this.config.continuations, this.journal),
    );
    const tracker = this.reactor.tracker;
    for (const entry of new Set(entries)) {
      entry.addGroup(group, this.journal);
      if (tracker !== null) tracker.channelChanged(entry.key, entry.channel);
    }
    if (entries.length > 1) this.store.addGroup(group);
    return group;
  }

  /** The entries of `channels` (whose keys are `keys`), created where missing. */
  entriesFor(channels: readonly T['channel'][], keys: readonly ChannelKey[]): ChannelEntry<T>[] {
    const entries: ChannelEntry<T>[] = new Array(keys.length);
    for (let i = 0; i < keys.length; i++)
      entries[i] = this.store.get(keys[i]) ?? this.store.create(channels[i], keys[i]);
    return entries;
  }

  /** The join group of exactly these channels (any order), if continuations wait on it. */
  groupOf(channels: readonly T['channel'][]): JoinGroup<T> | undefined {
    const keys = channels.map((c) => this.store.keyOf(c));
    return this.groupByKeys(keys);
  }

  groupByKeys(keys: readonly ChannelKey[]): JoinGroup<T> | undefined {
    return (keys.length === 1 ? this.store.get(keys[0])?.own : this.store.groups.get(compositeKey(keys))) ?? undefined;
  }

  /** The Set continuation key of a waiting continuation (undefined unless continuations are a Set). */
  waitingKey(
    keys: readonly ChannelKey[],
    patterns: readonly T['pattern'][],
    continuation: T['continuation'],
    persist: boolean,
    peeks: readonly boolean[] | null,
  ): ChannelKey | undefined {
    return this.config.continuations === 'set'
      ? this.adapter.waitingKey?.(keys, patterns, continuation, persist, peeks)
      : undefined;
  }

  /** Drops a channel with everything on it, including continuations whose joins include it. */
  dropEntry(entry: ChannelEntry<T>): void {
    const reactor = this.reactor;
    for (const group of entry.groups.slice()) {
      reactor.changeWaiting(-group.conts.size);
      group.conts.clear();
      if (reactor.tracker !== null) reactor.joinChanged(group);
      reactor.unregister(group);
    }
    entry.data?.clear();
    if (reactor.tracker !== null) reactor.tracker.channelChanged(entry.key, entry.channel);
    this.store.release(entry);
  }
}
