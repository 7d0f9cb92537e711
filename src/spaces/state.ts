/**
 * A space's whole content as plain records (`SpaceState`), and rebuilding a space from one (a
 * hard-checkpoint reset). The state is the space's
 * content in canonical form: each channel's data in collection order and the joins it belongs to
 * in registration order, each join's waiting continuations in collection order, and the name
 * counters. Restoring puts everything back through the engine's own journaled primitives, so the
 * result is indistinguishable from the state that was recorded, and an open soft checkpoint can
 * still revert the reset.
 *
 * The state is checked completely before anything changes: a state no space could have reached
 * throws `CheckpointError` and leaves the space as it was.
 */

import { compositeKey, hasRepeats } from './channel-keys.js';
import type { DataCollection, StoredDatum } from './collections/data-collection.js';
import { type ChannelEntry, type JoinGroup, Waiting } from './entries.js';
import { CheckpointError } from './errors.js';
import { peekMask } from './guards.js';
import type { Journal } from './journal.js';
import type { ChannelStore } from './stores/store.js';
import type { ChannelKey, SpaceTypes, WaitingInfo } from './types.js';

/** One channel's part of a {@link SpaceState}. */
export interface ChannelState<T extends SpaceTypes> {
  readonly channel: T['channel'];
  /** The data in the collection's order (as `getData` reports them). */
  readonly data: readonly StoredDatum<T['datum']>[];
  /** Positions in `SpaceState.joins` of the joins that include this channel, in registration order. */
  readonly joins: readonly number[];
  /** VectorDB spaces: the channel is the result channel of a similarity receive (its data are a queue of hits). */
  readonly results?: boolean;
}

/** One join's part of a {@link SpaceState}: the continuations waiting on exactly these channels. */
export interface JoinState<T extends SpaceTypes> {
  /** The join's channels in canonical order (as `getJoins` reports them); a repeated channel repeats. */
  readonly channels: readonly T['channel'][];
  /** In the collection's order (as `getWaiting` reports them); never empty. */
  readonly waiting: readonly WaitingInfo<T>[];
}

/** A space's whole content, as a hard checkpoint records it. */
export interface SpaceState<T extends SpaceTypes> {
  /** `Space.nameCounters()` at the time of recording. */
  readonly nameCounters: readonly number[];
  readonly channels: readonly ChannelState<T>[];
  readonly joins: readonly JoinState<T>[];
}

/** The engine internals a restore uses (provided by `Space`). */
export interface RestoreTarget<T extends SpaceTypes> {
  readonly store: ChannelStore<T>;
  readonly journal: Journal;
  clear(): void;
  /** The data collection of a new channel; a queue for a similarity result channel. */
  newData(results: boolean): DataCollection<T['datum']>;
  entriesFor(channels: readonly T['channel'][], keys: readonly ChannelKey[]): ChannelEntry<T>[];
  newGroup(key: ChannelKey, entries: readonly ChannelEntry<T>[], keys: readonly ChannelKey[]): JoinGroup<T>;
  waitingKey(
    keys: readonly ChannelKey[],
    patterns: readonly T['pattern'][],
    continuation: T['continuation'],
    persist: boolean,
    peeks: readonly boolean[] | null,
  ): ChannelKey | undefined;
  nextWaitingId(): number;
  changeWaiting(delta: number): void;
}

/** A join's channel keys, checked: consumer-order keys of each waiting continuation and the canonical ones. */
export interface CheckedJoin {
  readonly keys: readonly ChannelKey[];
  readonly groupKey: ChannelKey;
  readonly waitingKeys: readonly (readonly ChannelKey[])[];
  readonly peeks: readonly (readonly boolean[] | null)[];
}

/** Reads the whole content of a store: channels in canonical order, joins in order of first appearance. */
export function exportSpaceState<T extends SpaceTypes>(
  store: ChannelStore<T>,
  results: (data: DataCollection<T['datum']> | null) => boolean,
): SpaceState<T> {
  const joinIndex = new Map<JoinGroup<T>, number>();
  const joins: JoinState<T>[] = [];
  const channels: ChannelState<T>[] = [];
  for (const entry of store.allEntries()) {
    const indices: number[] = [];
    for (const group of entry.groups) {
      let j = joinIndex.get(group);
      if (j === undefined) {
        j = joins.length;
        joinIndex.set(group, j);
        joins.push({ channels: group.entries.map((e) => e.channel), waiting: group.conts.items().map(waitingInfo) });
      }
      indices.push(j);
    }
    const data = entry.data;
    const channel: ChannelState<T> = { channel: entry.channel, data: data?.items() ?? [], joins: indices };
    channels.push(results(data) ? { ...channel, results: true } : channel);
  }
  return { nameCounters: store.counters(), channels, joins };
}

/** The public view of a waiting continuation. */
export function waitingInfo<T extends SpaceTypes>(w: Waiting<T>): WaitingInfo<T> {
  const info: WaitingInfo<T> = {
    channels: w.channels,
    patterns: w.patterns,
    continuation: w.continuation,
    persistent: w.persist,
    peeks: w.peeks === null ? [] : w.peeks.flatMap((p, i) => (p ? [i] : [])),
  };
  return w.similarity === null ? info : { ...info, similarity: w.similarity };
}

/** A state checked against a store, ready to apply: every check of a restore is made before it. */
export class RestorePlan<T extends SpaceTypes> {
  /** @internal */
  constructor(
    readonly state: SpaceState<T>,
    readonly channelKeys: readonly ChannelKey[],
    readonly joins: readonly CheckedJoin[],
    readonly order: readonly number[],
    /** The store the plan was checked against: a plan applies to that space only. */
    readonly store: object,
  ) {}
}

/** Checks `state` against `store` (throws `CheckpointError` and the store's channel errors), changing nothing. */
export function planRestore<T extends SpaceTypes>(store: ChannelStore<T>, state: SpaceState<T>): RestorePlan<T> {
  checkCounters(state.nameCounters);
  const channelKeys = state.channels.map((c) => store.keyOf(c.channel));
  const joins = state.joins.map((j, i) => checkJoin(store, j, i));
  const order = creationOrder(state, channelKeys, joins);
  return new RestorePlan(state, channelKeys, joins, order, store);
}

/** Applies a plan made by {@link planRestore} for the same store. Cannot fail. */
export function applyRestore<T extends SpaceTypes>(target: RestoreTarget<T>, plan: RestorePlan<T>): void {
  const { store } = target;
  const { state, channelKeys, joins, order } = plan;
  if (plan.store !== store) throw new CheckpointError('this restore plan was made for another space');

  target.clear();
  store.raiseCounters(state.nameCounters);
  state.channels.forEach((c, i) => {
    if (c.data.length === 0) return;
    const entry = store.get(channelKeys[i]) ?? store.create(c.channel, channelKeys[i]);
    const data = target.newData(c.results === true);
    entry.setData(data, target.journal);
    for (const item of c.data) data.put(item.datum, item.persistent, item.priority);
  });
  for (const j of order) {
    const join = state.joins[j];
    const checked = joins[j];
    const group = target.newGroup(checked.groupKey, target.entriesFor(join.channels, checked.keys), checked.keys);
    join.waiting.forEach((info, w) => {
      const keys = checked.waitingKeys[w];
      const peeks = checked.peeks[w];
      const waiting = new Waiting<T>(
        target.nextWaitingId(),
        info.channels.slice(),
        target.entriesFor(info.channels, keys),
        info.patterns.slice(),
        info.continuation,
        info.persistent,
        peeks,
        hasRepeats(keys),
        target.waitingKey(keys, info.patterns, info.continuation, info.persistent, peeks),
        info.similarity ?? null,
      );
      group.conts.put(waiting);
      target.changeWaiting(1);
    });
  }
}

function checkCounters(counters: readonly number[]): void {
  for (const c of counters) {
    if (!Number.isSafeInteger(c) || c < 0) throw new CheckpointError(`invalid name counter ${String(c)} in state`);
  }
}

function checkJoin<T extends SpaceTypes>(store: ChannelStore<T>, join: JoinState<T>, index: number): CheckedJoin {
  const keys = join.channels.map((c) => store.keyOf(c));
  if (keys.length === 0 || join.waiting.length === 0) {
    throw new CheckpointError(`join #${index} of the state has no channels or no waiting continuation`);
  }
  const groupKey = keys.length === 1 ? keys[0] : compositeKey(keys);
  const waitingKeys: ChannelKey[][] = [];
  const peeks: (boolean[] | null)[] = [];
  for (const info of join.waiting) {
    const wk = info.channels.map((c) => store.keyOf(c));
    if (wk.length !== keys.length || info.patterns.length !== wk.length || compositeKey(wk) !== compositeKey(keys)) {
      throw new CheckpointError(`join #${index} of the state holds a continuation on other channels`);
    }
    waitingKeys.push(wk);
    peeks.push(peekMask(info.peeks, wk.length));
  }
  return { keys, groupKey, waitingKeys, peeks };
}

/**
 * An order in which to create the joins so that every channel ends up with its joins in its
 * recorded order. Each channel's list says "this join was registered before that one"; any
 * order that respects all those constraints works. A cycle means the state is not one a space
 * could have reached.
 */
function creationOrder<T extends SpaceTypes>(
  state: SpaceState<T>,
  channelKeys: readonly ChannelKey[],
  joins: readonly CheckedJoin[],
): number[] {
  const n = state.joins.length;
  const after: number[][] = Array.from({ length: n }, () => []);
  const before = new Array<number>(n).fill(0);
  const members = new Map<ChannelKey, number>();
  state.channels.forEach((c, i) => {
    if (members.has(channelKeys[i])) throw new CheckpointError('a channel appears twice in the state');
    members.set(channelKeys[i], i);
    for (let k = 0; k < c.joins.length; k++) {
      const j = c.joins[k];
      if (!Number.isInteger(j) || j < 0 || j >= n || !joins[j].keys.some((key) => Object.is(key, channelKeys[i]))) {
        throw new CheckpointError(`channel #${i} of the state lists a join it does not belong to`);
      }
      if (k > 0) {
        after[c.joins[k - 1]].push(j);
        before[j]++;
      }
    }
  });
  // Every member of every join must list it, or the restored join lists would differ from the recorded ones.
  joins.forEach((join, j) => {
    for (const key of new Set(join.keys)) {
      const i = members.get(key);
      if (i === undefined || !state.channels[i].joins.includes(j)) {
        throw new CheckpointError(`join #${j} of the state is missing from the join list of one of its channels`);
      }
    }
  });
  const order: number[] = [];
  for (let j = 0; j < n; j++) if (before[j] === 0) order.push(j);
  for (let i = 0; i < order.length; i++) {
    for (const next of after[order[i]]) if (--before[next] === 0) order.push(next);
  }
  if (order.length !== n) throw new CheckpointError('the join order of the state has a cycle');
  return order;
}
