/**
 * The engine's internal records: a channel's entry in its store, a join group (one set of
 * channels and the continuations waiting on exactly that set), a waiting continuation, and the
 * firing records handed back to callers. Classes, so every instance has one shape.
 */
import type { ContinuationCollection } from './collections/continuations.js';
import type { DataCollection } from './collections/data-collection.js';
import type { SimilarityQuery } from './collections/vectordb.js';
import type { Journal } from './journal.js';
import type { ChannelKey, Firing, Match, SpaceTypes } from './types.js';

/** A node of a PathMap store's trie; `null` on entries of other stores. */
export interface PathNode<T extends SpaceTypes> {
  readonly parent: PathNode<T> | null;
  readonly depth: number;
  entry: ChannelEntry<T> | null;
}

const NO_GROUPS: never[] = Object.freeze([]) as unknown as never[];

/** Everything a store keeps for one channel. */
export class ChannelEntry<T extends SpaceTypes> {
  readonly channel: T['channel'];
  readonly key: ChannelKey;
  /** Created on the first produce. */
  data: DataCollection<T['datum']> | null = null;
  /**
   * Join groups that include this channel, in registration order. Starts as a shared empty
   * array (most channels never have a waiting continuation); `addGroup` replaces it.
   */
  groups: JoinGroup<T>[] = NO_GROUPS;
  /** The single-channel group of this channel, if any continuation waits on it alone. */
  own: JoinGroup<T> | null = null;
  node: PathNode<T> | null = null;

  constructor(channel: T['channel'], key: ChannelKey) {
    this.channel = channel;
    this.key = key;
  }

  addGroup(group: JoinGroup<T>, journal: Journal): void {
    const before = this.groups;
    const own = this.own;
    if (before === NO_GROUPS) this.groups = [group];
    else before.push(group);
    // A group of this channel alone is also reachable directly, without a composite key.
    if (group.entries.length === 1) this.own = group;
    if (journal.active) {
      journal.record(() => {
        if (before === NO_GROUPS) this.groups = NO_GROUPS;
        else before.pop();
        this.own = own;
      });
    }
  }

  removeGroup(group: JoinGroup<T>, journal: Journal): void {
    const i = this.groups.indexOf(group);
    if (i < 0) return;
    const own = this.own;
    this.groups.splice(i, 1);
    if (own === group) this.own = null;
    if (journal.active) {
      journal.record(() => {
        this.groups.splice(i, 0, group);
        this.own = own;
      });
    }
  }

  /** Gives the entry its data collection (once, on its first produce). */
  setData(data: DataCollection<T['datum']>, journal: Journal): void {
    this.data = data;
    if (journal.active) {
      journal.record(() => {
        this.data = null;
      });
    }
  }

  /** True when the entry holds nothing and may be dropped from its store. */
  get idle(): boolean {
    return (this.data === null || this.data.size === 0) && this.groups.length === 0;
  }
}

/** The continuations waiting on one set of channels. */
export class JoinGroup<T extends SpaceTypes> {
  readonly key: ChannelKey;
  /** Member entries in canonical (key) order; a channel named twice appears twice. */
  readonly entries: readonly ChannelEntry<T>[];
  readonly conts: ContinuationCollection<Waiting<T>>;

  constructor(key: ChannelKey, entries: readonly ChannelEntry<T>[], conts: ContinuationCollection<Waiting<T>>) {
    this.key = key;
    this.entries = entries;
    this.conts = conts;
  }
}

/**
 * A continuation waiting (or about to wait) on a join. Its channels keep the consumer's order.
 * Stored instances never change; the fields are writable only so that a space can reuse one
 * probe instance for consumes that fire at once without being stored.
 */
export class Waiting<T extends SpaceTypes> {
  id: number;
  channels: readonly T['channel'][];
  /** Entries of `channels`, position by position. */
  entries: ChannelEntry<T>[];
  patterns: readonly T['pattern'][];
  continuation: T['continuation'];
  persist: boolean;
  /** Per position: read without consuming. `null` when nothing is peeked. */
  peeks: readonly boolean[] | null;
  /** True if some channel appears at two positions (the search then needs claims). */
  repeatsChannel: boolean;
  /** Identity for Set continuation collections; `undefined` elsewhere. */
  setKey: ChannelKey | undefined;
  /** VectorDB spaces: per position, the similarity query that replaces the pattern there; null when none. */
  similarity: readonly (SimilarityQuery | null)[] | null;

  constructor(
    id: number,
    channels: readonly T['channel'][],
    entries: ChannelEntry<T>[],
    patterns: readonly T['pattern'][],
    continuation: T['continuation'],
    persist: boolean,
    peeks: readonly boolean[] | null,
    repeatsChannel: boolean,
    setKey: ChannelKey | undefined,
    similarity: readonly (SimilarityQuery | null)[] | null = null,
  ) {
    this.id = id;
    this.channels = channels;
    this.entries = entries;
    this.patterns = patterns;
    this.continuation = continuation;
    this.persist = persist;
    this.peeks = peeks;
    this.repeatsChannel = repeatsChannel;
    this.setKey = setKey;
    this.similarity = similarity;
  }
}

export class MatchRecord<T extends SpaceTypes> implements Match<T> {
  readonly channel: T['channel'];
  readonly datum: T['datum'];
  readonly persistent: boolean;
  readonly peeked: boolean;
  readonly bindings: T['bindings'];
  readonly suffix: T['channel'] | undefined;

  constructor(
    channel: T['channel'],
    datum: T['datum'],
    persistent: boolean,
    peeked: boolean,
    bindings: T['bindings'],
    suffix: T['channel'] | undefined,
  ) {
    this.channel = channel;
    this.datum = datum;
    this.persistent = persistent;
    this.peeked = peeked;
    this.bindings = bindings;
    this.suffix = suffix;
  }
}

export class FiringRecord<T extends SpaceTypes> implements Firing<T> {
  readonly continuation: T['continuation'];
  readonly persistent: boolean;
  readonly peek: boolean;
  readonly channels: readonly T['channel'][];
  readonly patterns: readonly T['pattern'][];
  readonly matches: readonly Match<T>[];
  readonly similarity: readonly (SimilarityQuery | null)[] | null;

  constructor(
    continuation: T['continuation'],
    persistent: boolean,
    peek: boolean,
    channels: readonly T['channel'][],
    patterns: readonly T['pattern'][],
    matches: readonly Match<T>[],
    similarity: readonly (SimilarityQuery | null)[] | null = null,
  ) {
    this.continuation = continuation;
    this.persistent = persistent;
    this.peek = peek;
    this.channels = channels;
    this.patterns = patterns;
    this.matches = matches;
    this.similarity = similarity;
  }
}
