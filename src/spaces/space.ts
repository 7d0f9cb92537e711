/**
 * The generic space engine: `produce`, `consume`, `install`, `gensym` and the getters over an
 * outer store × inner collections × matcher, for any channel, pattern, datum, continuation and
 * bindings types (see `types.ts`).
 *
 * Semantics in brief (docs/concepts.md has the long form):
 * - every operation returns every firing it caused, in order; the space owns persistence, so a
 *   caller never re-issues a persistent produce or consume;
 * - joins are two-phase: a continuation fires only when every channel has an eligible match,
 *   and nothing changes otherwise;
 * - a continuation keeps its own channel order and patterns; peeks are stored with it;
 * - after every call, no waiting continuation could fire in a way that consumes something.
 * Every rejected call throws a typed `SpaceError` before changing anything.
 */

import { compositeKey, hasRepeats } from './channel-keys.js';
import type { StoredDatum } from './collections/data-collection.js';
import type { SimilarityQuery } from './collections/vectordb.js';
import { resolveConfig, type SpaceConfig, type SpaceConfigInput } from './config.js';
import { Waiting } from './entries.js';
import { ArityMismatchError, InvalidConfigurationError } from './errors.js';
import { checkConcurrency, checkMobility, checkTheory, peekMask } from './guards.js';
import { SpaceInternals } from './internals.js';
import { Journal } from './journal.js';
import type { Matcher } from './matchers/matcher.js';
import { type QualifierTraits, qualifierTraits } from './qualifier.js';
import { NO_FIRINGS, Reactor } from './reactor.js';
import { consumeSimilar, findSimilar, isResultCollection, ResultChannels, type SimilarDatum } from './similarity.js';
import {
  applyRestore,
  exportSpaceState,
  planRestore,
  type RestorePlan,
  type SpaceState,
  waitingInfo,
} from './state.js';
import { makeStore } from './stores/index.js';
import type { ChannelStore } from './stores/store.js';
import type { Theory } from './theory.js';
import type { ChangeTracker } from './tracker.js';
import type {
  ChannelKey,
  ConsumeOptions,
  Firing,
  ProduceOptions,
  SpaceAdapter,
  SpaceTypes,
  WaitingInfo,
} from './types.js';

/** What a space is made of. */
export interface SpaceOptions<T extends SpaceTypes> {
  adapter: SpaceAdapter<T>;
  matcher: Matcher<T['pattern'], T['datum'], T['bindings']>;
  config?: SpaceConfigInput;
  /** Data must satisfy this theory; a produce that fails it is refused with `TheoryValidationError`. */
  theory?: Theory;
}

export class Space<T extends SpaceTypes> {
  readonly config: SpaceConfig;
  /** What the space's qualifier promises (persistence across checkpoints, concurrency, mobility). */
  readonly traits: QualifierTraits;
  readonly matcher: Matcher<T['pattern'], T['datum'], T['bindings']>;
  /** The theory data must satisfy, if any. */
  readonly theory: Theory | undefined;
  private readonly adapter: SpaceAdapter<T>;
  private readonly store: ChannelStore<T>;
  private readonly reactor: Reactor<T>;
  private readonly describe: (channel: T['channel']) => string;
  /** Shared with restores and similarity receives (see `internals.ts`). */
  private readonly core: SpaceInternals<T>;
  private readonly keys: ChannelKey[] = [];
  private readonly journal = new Journal();
  private readonly plainSingle: boolean;
  /** Reused for consumes that fire at once (never stored, never handed out). */
  private readonly probe = new Waiting<T>(-1, [], [], [], undefined, false, null, false, undefined);

  constructor(options: SpaceOptions<T>) {
    this.config = resolveConfig(options.config);
    this.traits = qualifierTraits(this.config.qualifier);
    this.adapter = options.adapter;
    this.matcher = options.matcher;
    this.theory = options.theory;
    this.describe = (channel) => this.adapter.describeChannel(channel);
    const { inner, continuations } = this.config;
    if (inner === 'vectordb' && (this.adapter.embedding === undefined || this.adapter.nameAsDatum === undefined)) {
      throw new InvalidConfigurationError('a vectordb collection needs an adapter with embedding and nameAsDatum');
    }
    if (inner === 'set' && this.adapter.datumKey === undefined) {
      throw new InvalidConfigurationError('a set collection needs an adapter with datumKey');
    }
    if (continuations === 'set' && this.adapter.waitingKey === undefined) {
      throw new InvalidConfigurationError('a set continuation collection needs an adapter with waitingKey');
    }
    this.store = makeStore(this.config, this.adapter, this.journal);
    // Spaces where a single-channel consume needs none of: prefix descendants, Seq checks, Set keys.
    this.plainSingle = !this.store.prefixSemantics && this.traits.concurrent && continuations !== 'set';
    this.reactor = new Reactor(this.store, this.matcher, this.journal);
    this.core = new SpaceInternals(
      this.config,
      this.traits,
      this.adapter,
      this.matcher,
      this.store,
      this.journal,
      this.reactor,
    );
    if (inner === 'vectordb') {
      const asDatum = (this.adapter.nameAsDatum as (c: T['channel']) => T['datum']).bind(this.adapter);
      this.reactor.results = new ResultChannels(this.store, this.journal, asDatum, asDatum(this.adapter.names.make(0)));
    }
  }

  /**
   * Puts `datum` on `channel`. If the datum is eligible at once (it always is in a bag; in a
   * queue only when the queue was empty) it is offered to waiting continuations, and every
   * firing that follows is returned. A persistent datum keeps firing waiters until none matches.
   */
  produce(channel: T['channel'], datum: T['datum'], options?: ProduceOptions): readonly Firing<T>[] {
    const persist = options?.persist === true;
    const priority = options?.priority;
    const store = this.store;
    const key = store.keyOf(channel);
    let entry = store.get(key);
    if (!this.traits.mobile) checkMobility(this.adapter, datum);
    if (this.theory !== undefined) checkTheory(this.theory, this.adapter, datum);
    const data = entry?.data ?? this.core.newData();
    data.checkPut(datum, persist, priority, channel, this.describe);
    if (entry === undefined) entry = store.create(channel, key);
    if (entry.data === null) entry.setData(data, this.journal);
    const h = data.put(datum, persist, priority);
    if (h >= 0 && this.reactor.tracker !== null) this.reactor.tracker.channelChanged(key, entry.channel);
    if (h < 0 || this.reactor.waitingCount === 0) return NO_FIRINGS;
    if (!store.prefixSemantics && entry.groups.length === 0) return NO_FIRINGS;
    if (!data.isEligible(h)) return NO_FIRINGS;
    this.reactor.begin();
    this.reactor.datumEvent(entry, h);
    return this.reactor.settle();
  }

  /**
   * Waits for one datum per channel, each matching the pattern at the same position. Fires at
   * once if every channel has an eligible match (a persistent consume fires once per matching
   * combination, then waits); otherwise the continuation is stored.
   */
  consume(
    channels: readonly T['channel'][],
    patterns: readonly T['pattern'][],
    continuation: T['continuation'],
    options?: ConsumeOptions,
  ): readonly Firing<T>[] {
    const n = channels.length;
    if (n === 0 || patterns.length !== n) throw new ArityMismatchError(n, patterns.length);
    let searched = false;
    if (options?.similarity !== undefined) {
      const fired = consumeSimilar(this.core, channels, patterns, continuation, options);
      if (fired !== null) return fired;
    }
    if (n === 1 && options === undefined && this.plainSingle) {
      // Fast path for the commonest consume: one channel, not persistent, no peeks.
      const entry = this.store.get(this.store.keyOf(channels[0]));
      if (entry === undefined) searched = true;
      else if (entry.own === null || entry.own.conts.acceptsEligible()) {
        const fired = this.reactor.fireSingle(entry, channels, patterns, continuation);
        if (fired !== null) return fired;
        searched = true;
      }
    }
    const persist = options?.persist === true;
    const peeks = options?.peeks === undefined ? null : peekMask(options.peeks, n);
    const store = this.store;
    // Keys never escape a call, so one scratch array serves every consume.
    const keys = this.keys;
    if (keys.length !== n) keys.length = n;
    for (let i = 0; i < n; i++) keys[i] = store.keyOf(channels[i]);
    const repeats = n > 1 && hasRepeats(keys);
    const groupKey = n === 1 ? keys[0] : compositeKey(keys);
    const group = (n === 1 ? store.get(keys[0])?.own : store.groups.get(groupKey)) ?? undefined;
    if (!this.traits.concurrent) checkConcurrency(this.store, this.adapter, channels, keys);
    const setKey =
      this.config.continuations === 'set'
        ? this.adapter.waitingKey?.(keys, patterns, continuation, persist, peeks)
        : undefined;
    // A Set ignores a continuation equal to one that waits (which, by the invariant, cannot fire).
    if (group?.conts.holds(setKey) === true) return NO_FIRINGS;

    const mayFire = !persist && !searched && (group === undefined || group.conts.acceptsEligible());
    if (mayFire && this.fillProbe(channels, keys)) {
      // A non-persistent consume that can fire at once is never stored: try it as the reusable probe.
      const w = this.probe;
      w.patterns = patterns;
      w.continuation = continuation;
      w.peeks = peeks;
      w.repeatsChannel = repeats;
      this.reactor.begin();
      const fired = this.reactor.fireUnstored(w);
      w.continuation = undefined;
      if (fired) {
        // Entries made only for the attempt (prefix stores) hold nothing now; sources were released by the commit.
        if (store.prefixSemantics) for (const e of w.entries) if (e.idle) store.release(e);
        return this.reactor.settle();
      }
    }

    const entries = this.core.entriesFor(channels, keys);
    const target = group ?? this.core.newGroup(groupKey, entries, keys);
    const id = this.core.nextWaitingId();
    // Stored continuations keep their own copies: callers may reuse their arrays.
    const w = new Waiting<T>(
      id,
      channels.slice(),
      entries,
      patterns.slice(),
      continuation,
      persist,
      peeks,
      repeats,
      setKey,
    );
    const wh = target.conts.put(w);
    this.reactor.changeWaiting(1);
    if (this.reactor.tracker !== null) this.reactor.joinChanged(target);
    if (!persist || !target.conts.isEligible(wh)) return NO_FIRINGS;
    this.reactor.begin();
    this.reactor.waitingEvent(target, wh);
    return this.reactor.settle();
  }

  /** Stores a persistent continuation (as a system process would) and fires it with what is there. */
  install(
    channels: readonly T['channel'][],
    patterns: readonly T['pattern'][],
    continuation: T['continuation'],
  ): readonly Firing<T>[] {
    return this.consume(channels, patterns, continuation, { persist: true });
  }

  /**
   * Removes the oldest waiting continuation on exactly these channels (in any order) whose
   * continuation is `continuation` (by identity), as a cancelled receive would. Returns the
   * firings this caused: withdrawing the head of a queue of continuations lets the next one fire.
   * Returns no firings, and changes nothing, if no such continuation waits.
   */
  withdraw(channels: readonly T['channel'][], continuation: T['continuation']): readonly Firing<T>[] {
    const group = this.core.groupOf(channels);
    if (group === undefined) return NO_FIRINGS;
    const conts = group.conts;
    let wh = conts.firstLive();
    while (wh >= 0 && conts.get(wh).continuation !== continuation) wh = conts.nextLive(wh);
    if (wh < 0) return NO_FIRINGS;
    this.reactor.begin();
    this.reactor.remove(group, wh);
    return this.reactor.settle();
  }

  /** A fresh channel name; never one handed out before (a cyclic Array space wraps, clearing the reused slot). */
  gensym(): T['channel'] {
    const name = this.store.gensym();
    const recycled = this.store.recycled;
    if (recycled !== undefined) {
      const entry = this.store.get(recycled);
      if (entry !== undefined) this.core.dropEntry(entry);
    }
    return name;
  }

  /**
   * VectorDB spaces: the documents on `channel` most similar to `query`, best first, with scores.
   * Reads only; a similarity receive (`consume` with `similarity`) takes them.
   */
  findSimilar(channel: T['channel'], query: SimilarityQuery): SimilarDatum<T['datum']>[] {
    return findSimilar(this.core, channel, query);
  }

  /** True if `channel` is the result channel of a similarity receive (VectorDB spaces). */
  isResultChannel(channel: T['channel']): boolean {
    return isResultCollection(this.config, this.store.get(this.store.keyOf(channel))?.data ?? null);
  }

  /** Names handed out so far (the name counter). */
  get nameCount(): number {
    return this.store.nameCount;
  }

  /** The data stored at a channel, in the collection's order, with their persist flags. */
  getData(channel: T['channel']): StoredDatum<T['datum']>[] {
    return this.store.get(this.store.keyOf(channel))?.data?.items() ?? [];
  }

  /** The continuations waiting on exactly this set of channels (in any order). */
  getWaiting(channels: readonly T['channel'][]): WaitingInfo<T>[] {
    return (this.core.groupOf(channels)?.conts.items() ?? []).map(waitingInfo);
  }

  /** The channel sets that have continuations waiting and include `channel`, in registration order. */
  getJoins(channel: T['channel']): T['channel'][][] {
    const entry = this.store.get(this.store.keyOf(channel));
    return entry === undefined ? [] : entry.groups.map((g) => g.entries.map((e) => e.channel));
  }

  /** Channels that hold data or have continuations waiting, in canonical order (by channel key). */
  channels(): T['channel'][] {
    return this.store.allEntries().map((e) => e.channel);
  }

  /**
   * Removes all data and continuations. The name counter is kept, so names are never reused.
   * Open soft checkpoints stay open: reverting one brings back what `clear` removed.
   */
  clear(): void {
    this.core.clear();
  }

  /**
   * Attaches the change tracker of a history layer (null detaches it). From then on the space
   * reports every channel and join whose state changes; see `tracker.ts`.
   */
  track(tracker: ChangeTracker<T> | null): void {
    this.reactor.tracker = tracker;
  }

  /** The name counter's full state (the count; Array and Vector stores add their slot cursors). */
  nameCounters(): number[] {
    return this.store.counters();
  }

  /**
   * Sets the name counters back exactly. Only for undoing an operation whose results nobody saw (a
   * replayed operation refused for diverging from its log); everywhere else names only move forward.
   */
  rewindNameCounters(counters: readonly number[]): void {
    this.store.setCounters(counters);
  }

  /** The whole content of the space, as `planRestore` takes it (channels in canonical order). */
  exportState(): SpaceState<T> {
    return exportSpaceState(this.store, (data) => isResultCollection(this.config, data));
  }

  /**
   * Checks `state` (a hard-checkpoint reset) against this space, changing nothing: throws
   * `CheckpointError` for a state no space could have reached. `applyRestore` then applies it.
   */
  planRestore(state: SpaceState<T>): RestorePlan<T> {
    return planRestore(this.store, state);
  }

  /**
   * Replaces the whole state with a plan's: data, joins and continuations rebuilt in their recorded
   * order, each name counter raised to at least its recorded value. Journaled like every change.
   */
  applyRestore(plan: RestorePlan<T>): void {
    applyRestore(this.core, plan);
  }

  /**
   * Opens a soft checkpoint in O(1): every change from now records how to undo itself. Checkpoints
   * nest and close innermost first; the returned depth lets `revert`/`commit` check the one meant.
   */
  softCheckpoint(): number {
    return this.journal.open();
  }

  /** Restores and closes the innermost soft checkpoint, in time proportional to the work since. Names stay used. */
  revertSoftCheckpoint(depth?: number): void {
    this.journal.checkDepth('revert', depth);
    this.journal.revert();
  }

  /** Closes the innermost open soft checkpoint, keeping everything done since. */
  commitSoftCheckpoint(depth?: number): void {
    this.journal.checkDepth('commit', depth);
    this.journal.commit();
  }

  /** Number of open soft checkpoints. */
  get softCheckpointDepth(): number {
    return this.journal.depth;
  }

  /**
   * Points the probe at the consume's channels; false if one has no entry (no data: no firing).
   * Under prefix semantics descendants may hold data, so entries are created for the attempt.
   */
  private fillProbe(channels: readonly T['channel'][], keys: readonly ChannelKey[]): boolean {
    const entries = this.probe.entries;
    if (entries.length !== keys.length) entries.length = keys.length;
    for (let i = 0; i < keys.length; i++) {
      let e = this.store.get(keys[i]);
      if (e === undefined) {
        if (!this.store.prefixSemantics) return false;
        e = this.store.create(channels[i], keys[i]);
      }
      entries[i] = e;
    }
    this.probe.channels = channels;
    return true;
  }
}
