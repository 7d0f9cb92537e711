/**
 * The reactor brings a space back to rest after a change. Every change that can make a firing
 * possible is an event: a datum became eligible (it was stored, or the item ahead of it in a
 * queue, stack or priority level was taken), or a continuation became eligible (it was stored,
 * or the one ahead of it was fired). The reactor processes events in order, firing what they
 * enable, and each firing may emit more events. When the queue is empty the **no-pending-match
 * invariant** holds: no waiting continuation could fire with eligible data in a way that
 * consumes something.
 *
 * A firing that consumes nothing (a persistent continuation with persistent or peeked data)
 * leaves the state unchanged, so it could repeat forever; it fires once per operation.
 */

import { NO_CLAIMS } from './collections/claims.js';
import type { CollectionHit } from './collections/vectordb.js';
import { type ChannelEntry, FiringRecord, type JoinGroup, MatchRecord, type Waiting } from './entries.js';
import type { Journal } from './journal.js';
import type { Matcher } from './matchers/matcher.js';
import { Search } from './search.js';
import type { ResultChannels } from './similarity.js';
import type { ChannelStore } from './stores/store.js';
import type { ChangeTracker } from './tracker.js';
import type { Firing, Match, SpaceTypes } from './types.js';

/** The shared result of an operation that fired nothing. */
export const NO_FIRINGS: readonly never[] = Object.freeze([]);

export class Reactor<T extends SpaceTypes> {
  /** Number of continuations stored in the space. */
  waitingCount = 0;
  /** Told about every change, for hard checkpoints; null when no history is attached. */
  tracker: ChangeTracker<T> | null = null;
  /** VectorDB spaces: makes the result channels of similarity receives. */
  results: ResultChannels<T> | null = null;
  private readonly store: ChannelStore<T>;
  private readonly search: Search<T>;
  private readonly matcher: Matcher<T['pattern'], T['datum'], T['bindings']>;
  private readonly journal: Journal;
  // Event queue: a datum event holds (entry, handle); a continuation event holds (group, handle).
  private readonly eventEntries: ChannelEntry<T>[] = [];
  private readonly eventGroups: (JoinGroup<T> | null)[] = [];
  private readonly eventHandles: number[] = [];
  private eventCount = 0;
  private firings: Firing<T>[] | null = null;

  constructor(store: ChannelStore<T>, matcher: Matcher<T['pattern'], T['datum'], T['bindings']>, journal: Journal) {
    this.store = store;
    this.journal = journal;
    this.matcher = matcher;
    this.search = new Search(matcher, store);
  }

  /** Starts an operation. */
  begin(): void {
    this.search.fired = null;
    this.firings = null;
  }

  /** Queues "the datum at `h` on `entry` may have become eligible". */
  datumEvent(entry: ChannelEntry<T>, h: number): void {
    this.push(entry, null, h);
  }

  /** Queues "the continuation at `h` in `group` may have become eligible". */
  waitingEvent(group: JoinGroup<T>, h: number): void {
    this.push(group.entries[0], group, h);
  }

  /**
   * Fires `w` with existing data if it can, without storing it (a consume that matches at
   * once). Returns true if it fired.
   */
  fireUnstored(w: Waiting<T>): boolean {
    if (!this.search.find(w, -1, null, -1)) return false;
    this.commit(w, null, -1);
    return true;
  }

  /**
   * The commonest operation, a non-persistent, non-peeking consume on one channel, by the same
   * rules as `fireUnstored` without the general search: take the first eligible matching datum
   * and fire. Returns null if nothing matches (the caller then stores the continuation).
   */
  fireSingle(
    entry: ChannelEntry<T>,
    channels: readonly T['channel'][],
    patterns: readonly T['pattern'][],
    continuation: T['continuation'],
  ): readonly Firing<T>[] | null {
    const data = entry.data;
    if (data === null) return null;
    const pattern = patterns[0];
    const matcher = this.matcher;
    for (let h = data.first(NO_CLAIMS); h >= 0; h = data.next(h, NO_CLAIMS)) {
      const bindings = matcher.match(pattern, data.datum(h));
      if (bindings === null) continue;
      const persistent = data.persistent(h);
      const match = new MatchRecord<T>(entry.channel, data.datum(h), persistent, false, bindings, undefined);
      const firing = new FiringRecord<T>(continuation, false, false, channels, patterns, [match]);
      const exposed = persistent ? -1 : data.take(h);
      if (!persistent && this.tracker !== null) this.tracker.channelChanged(entry.key, entry.channel);
      if (exposed < 0) {
        if (entry.idle) this.store.release(entry);
        return [firing];
      }
      // Taking the head exposed the next datum: let the reactor offer it to waiting continuations.
      this.begin();
      this.firings = [firing];
      this.datumEvent(entry, exposed);
      return this.settle();
    }
    return null;
  }

  /** Adjusts the count of stored continuations (journaled, like every other change). */
  changeWaiting(delta: number): void {
    if (this.journal.active) {
      const count = this.waitingCount;
      this.journal.record(() => {
        this.waitingCount = count;
      });
    }
    this.waitingCount += delta;
  }

  /** Processes queued events until none is left; returns every firing of the operation. */
  settle(): readonly Firing<T>[] {
    for (let i = 0; i < this.eventCount; i++) {
      const group = this.eventGroups[i];
      if (group === null) this.onDatum(this.eventEntries[i], this.eventHandles[i]);
      else this.onWaiting(group, this.eventHandles[i]);
    }
    for (let i = 0; i < this.eventCount; i++) this.eventGroups[i] = null;
    this.eventCount = 0;
    const firings = this.firings;
    this.firings = null;
    return firings ?? NO_FIRINGS;
  }

  /** Removes a group from its member entries and the store (its collection is empty or being dropped). */
  unregister(group: JoinGroup<T>): void {
    for (const entry of group.entries) {
      entry.removeGroup(group, this.journal);
      if (this.tracker !== null) this.tracker.channelChanged(entry.key, entry.channel);
      if (entry.idle) this.store.release(entry);
    }
    if (group.entries.length > 1) this.store.removeGroup(group);
  }

  /** Reports a change to the continuations waiting on `group`. */
  joinChanged(group: JoinGroup<T>): void {
    const entries = group.entries;
    const channels: T['channel'][] = new Array(entries.length);
    for (let i = 0; i < entries.length; i++) channels[i] = entries[i].channel;
    this.tracker!.joinChanged(group.key, channels);
  }

  private push(entry: ChannelEntry<T>, group: JoinGroup<T> | null, h: number): void {
    const n = this.eventCount++;
    this.eventEntries[n] = entry;
    this.eventGroups[n] = group;
    this.eventHandles[n] = h;
  }

  private onDatum(entry: ChannelEntry<T>, h: number): void {
    const data = entry.data;
    if (data === null || !data.isLive(h) || !data.isEligible(h)) return;
    if (this.offer(entry, entry, h)) return;
    if (!this.store.prefixSemantics) return;
    for (const prefix of this.store.ancestors(entry)) if (this.offer(prefix, entry, h)) return;
  }

  /**
   * Offers the datum at (`source`, `h`) to the continuations waiting on joins of `position`
   * (the source itself, or a PathMap prefix of it). Returns true once the datum is consumed.
   */
  private offer(position: ChannelEntry<T>, source: ChannelEntry<T>, h: number): boolean {
    const data = source.data!;
    const groups = position.groups.length > 1 ? position.groups.slice() : position.groups;
    for (let g = 0; g < groups.length; g++) {
      const group = groups[g];
      const conts = group.conts;
      for (let wh = conts.first(); wh >= 0; wh = conts.next(wh)) {
        const w = conts.get(wh);
        for (let i = 0; i < w.entries.length && conts.isLive(wh); i++) {
          if (w.entries[i] !== position) continue;
          while (this.search.find(w, i, source, h)) {
            this.commit(w, group, wh);
            if (!data.isLive(h)) return true;
            if (!conts.isLive(wh)) break;
          }
        }
      }
    }
    return false;
  }

  private onWaiting(group: JoinGroup<T>, wh: number): void {
    const conts = group.conts;
    if (!conts.isLive(wh) || !conts.isEligible(wh)) return;
    const w = conts.get(wh);
    while (conts.isLive(wh) && this.search.find(w, -1, null, -1)) this.commit(w, group, wh);
  }

  /** Phase two: record the firing, then take what it consumed and queue what that exposed. */
  private commit(w: Waiting<T>, group: JoinGroup<T> | null, wh: number): void {
    const search = this.search;
    const n = w.entries.length;
    const matches: Match<T>[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const source = search.sources[i];
      const hits = w.similarity === null ? null : search.hits[i];
      if (hits !== null) {
        matches[i] = this.similarityMatch(w, i, source, hits);
        continue;
      }
      const h = search.handles[i];
      const data = source.data!;
      const suffix = source === w.entries[i] ? undefined : this.store.suffix(w.entries[i], source);
      const peeked = w.peeks?.[i] === true;
      matches[i] = new MatchRecord<T>(
        source.channel,
        data.datum(h),
        data.persistent(h),
        peeked,
        search.bindings[i],
        suffix,
      );
    }
    if (!search.consumes(w)) {
      if (search.fired === null) search.fired = new Set();
      search.fired.add(search.key(w));
    }
    for (let i = 0; i < n; i++) {
      if (matches[i].peeked || matches[i].persistent || search.handles[i] < 0) continue;
      const source = search.sources[i];
      const exposed = source.data!.take(search.handles[i]);
      if (this.tracker !== null) this.tracker.channelChanged(source.key, source.channel);
      if (exposed >= 0) this.datumEvent(source, exposed);
      if (source.idle) this.store.release(source);
    }
    if (group !== null && !w.persist) this.remove(group, wh);
    const firing = new FiringRecord<T>(
      w.continuation,
      w.persist,
      w.peeks !== null,
      w.channels,
      w.patterns,
      matches,
      w.similarity,
    );
    if (this.firings === null) this.firings = [firing];
    else this.firings.push(firing);
  }

  /** Hands the hits of a similarity position out to a result channel: the position's datum. */
  private similarityMatch(
    w: Waiting<T>,
    i: number,
    source: ChannelEntry<T>,
    hits: readonly CollectionHit[],
  ): MatchRecord<T> {
    const results = this.results!;
    const datum = results.handOut(source, hits, this.tracker);
    // The pattern was checked to accept a result channel when the consume came in.
    const bindings = this.matcher.match(w.patterns[i], datum) ?? this.matcher.match(w.patterns[i], results.probe);
    return new MatchRecord<T>(source.channel, datum, false, false, bindings as T['bindings'], undefined);
  }

  /** Removes a stored continuation, queueing the one its removal made eligible. */
  remove(group: JoinGroup<T>, wh: number): void {
    const exposed = group.conts.take(wh);
    this.changeWaiting(-1);
    if (this.tracker !== null) this.joinChanged(group);
    if (exposed >= 0) this.waitingEvent(group, exposed);
    if (group.conts.size === 0) this.unregister(group);
  }
}
