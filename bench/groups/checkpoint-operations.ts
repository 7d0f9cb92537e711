/**
 * `checkpoint_operations`: soft checkpoints on the seed's space (HashMap store, Bag/Bag, wildcard
 * matcher, integer channels) holding 10 items per channel (value ch*10+i). Our checkpoints are an
 * undo journal, so creating one is O(1) and the seed's create cost (a copy of the state) has no
 * counterpart: we pay instead per change made while a checkpoint is open, and in the revert.
 */
import { Map as ImmutableMap, List } from 'immutable';
import { type Case, expectCount, type Group } from '../harness.js';
import { wildcardSpace } from './produce-consume-cycle.js';

const PER_CHANNEL = 10;

function filledSpace(channels: number) {
  const space = wildcardSpace();
  for (let ch = 0; ch < channels; ch++) for (let i = 0; i < PER_CHANNEL; i++) space.produce(ch, ch * PER_CHANNEL + i);
  return space;
}

/**
 * The peer: the same state as immutable.js persistent structures (a Map of Lists), where a
 * snapshot is keeping the root and a revert is going back to it; the price is paid by every
 * update (a path copy) instead.
 */
function immutableState(channels: number): ImmutableMap<number, List<number>> {
  const state = ImmutableMap<number, List<number>>().asMutable();
  for (let ch = 0; ch < channels; ch++) {
    state.set(ch, List(Array.from({ length: PER_CHANNEL }, (_, i) => ch * PER_CHANNEL + i)));
  }
  return state.asImmutable();
}

const immutableCreate = (channels: number) => () => {
  const state = immutableState(channels);
  const snapshots: ImmutableMap<number, List<number>>[] = [];
  return () => {
    snapshots.push(state);
    if (snapshots.length > 1_000_000) snapshots.length = 0;
  };
};

const immutableRevert = (channels: number) => () => {
  const snapshot = immutableState(channels);
  let state = snapshot;
  for (let ch = 0; ch < channels; ch++) state = state.update(ch, (l) => (l ?? List<number>()).push(99999));
  return () => {
    state = snapshot;
    expectCount('items on channel 0 after revert', state.get(0)?.size ?? 0, PER_CHANNEL);
  };
};

const create = (channels: number): Case => ({
  kind: 'sync',
  name: 'soft_checkpoint_create',
  size: channels,
  elements: channels * PER_CHANNEL,
  // Opening a checkpoint changes no data, so a batch nests its checkpoints on one space instead of
  // timing the cache misses of a thousand fresh big spaces.
  repeatable: true,
  prepare: () => {
    const space = filledSpace(channels);
    return () => {
      if (space.softCheckpoint() < 1) throw new Error('soft checkpoint not opened');
    };
  },
  peers: { 'immutable.js': immutableCreate(channels) },
});

const revert = (channels: number): Case => ({
  kind: 'sync',
  name: 'soft_checkpoint_revert',
  size: channels,
  elements: channels * PER_CHANNEL,
  prepare: () => {
    const space = filledSpace(channels);
    space.softCheckpoint();
    for (let ch = 0; ch < channels; ch++) space.produce(ch, 99999);
    return () => {
      space.revertSoftCheckpoint();
      expectCount('items on channel 0 after revert', space.getData(0).length, PER_CHANNEL);
    };
  },
  peers: { 'immutable.js': immutableRevert(channels) },
});

const sizes = [10, 100, 1000];

export const group: Group = {
  name: 'checkpoint_operations',
  description:
    'space with 10 items per channel; create: one soft checkpoint; revert: undo one extra produce per channel',
  cases: [...sizes.map(create), ...sizes.map(revert)],
};
