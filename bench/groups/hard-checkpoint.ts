/**
 * `hard_checkpoint`: durable spaces (not in the seed, whose "hard checkpoint" hashes a full dump).
 * A space of 10,000 channels × 10 items (HashMap/Bag, wildcard matcher) with a first checkpoint
 * taken; each sample then changes 10 channels (untimed) and times the next checkpoint. Compared
 * with the full first checkpoint of the same state, and across history stores: in memory, LMDB with
 * deferred durability and LMDB with an fsync per checkpoint (the default). `reset` times bringing
 * back a 10,000-channel root. The `logged_*` rows time the event log's cost: the produce and
 * consume workloads of `produce_consume_cycle` on a durable space that logs every event.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { valueCodec, valueStateCodec } from '../../src/durable/codec.js';
import { DurableSpace } from '../../src/durable/durable-space.js';
import { initHashing } from '../../src/history/hash.js';
import { History } from '../../src/history/history.js';
import { LmdbHistoryStore } from '../../src/history/lmdb-store.js';
import { type HistoryStore, MemoryHistoryStore } from '../../src/history/stores.js';
import type { ValueTypes } from '../../src/plain/adapter.js';
import { type Case, expectCount, type Group } from '../harness.js';
import { wildcardSpace } from './produce-consume-cycle.js';

const CHANNELS = 10_000;
const PER_CHANNEL = 10;
const CHANGED = 10;

type Types = ValueTypes<number, string>;
const codec = valueStateCodec<number, string>({ pattern: valueCodec('pattern'), continuation: valueCodec('k') });

function filled(history: History): DurableSpace<Types> {
  const space = new DurableSpace<Types>(wildcardSpace(), { history, codec, eventLog: false });
  for (let ch = 0; ch < CHANNELS; ch++) for (let i = 0; i < PER_CHANNEL; i++) space.produce(ch, ch * PER_CHANNEL + i);
  return space;
}

const dirs: string[] = [];
function lmdb(durability: 'fsync' | 'deferred'): HistoryStore {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rspaces-bench-'));
  dirs.push(dir);
  return LmdbHistoryStore.open(dir, { durability });
}

async function cleanup(): Promise<void> {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** One space per case, built once; each sample changes the next 10 channels and checkpoints. */
function incremental(name: string, store: () => HistoryStore): Case {
  let space: DurableSpace<Types> | null = null;
  let next = 0;
  let hs: HistoryStore | null = null;
  return {
    kind: 'sync',
    name,
    size: CHANNELS,
    elements: CHANGED,
    before: async () => {
      await initHashing();
      hs = store();
      space = filled(new History(hs));
      space.createCheckpoint();
    },
    after: async () => {
      await hs?.close();
      space = null;
      await cleanup();
    },
    prepare: () => {
      const s = space as DurableSpace<Types>;
      for (let i = 0; i < CHANGED; i++) s.produce((next++ * 997) % CHANNELS, -1);
      return () => {
        s.createCheckpoint();
      };
    },
  };
}

const full: Case = {
  kind: 'sync',
  name: 'hard_checkpoint_full',
  size: CHANNELS,
  elements: CHANNELS,
  before: () => initHashing(),
  prepare: () => {
    const space = filled(new History(new MemoryHistoryStore()));
    return () => {
      space.createCheckpoint();
    };
  },
};

function resetCase(): Case {
  let root: Uint8Array | null = null;
  let history: History | null = null;
  return {
    kind: 'sync',
    name: 'hard_checkpoint_reset',
    size: CHANNELS,
    elements: CHANNELS,
    before: async () => {
      await initHashing();
      history = new History(new MemoryHistoryStore());
      root = filled(history).createCheckpoint().root;
    },
    prepare: () => {
      const space = new DurableSpace<Types>(wildcardSpace(), { history: history as History, codec });
      return () => {
        space.reset(root as Uint8Array);
        expectCount('items on channel 0 after reset', space.getData(0).length, PER_CHANNEL);
      };
    },
  };
}

/** `produce_consume_cycle`'s workloads on a durable space that logs every event. */
const loggedProduce: Case = {
  kind: 'sync',
  name: 'logged_produce_only',
  size: 10_000,
  elements: 10_000,
  before: () => initHashing(),
  prepare: () => {
    const space = new DurableSpace<Types>(wildcardSpace(), { history: new History(new MemoryHistoryStore()), codec });
    return () => {
      for (let i = 0; i < 10_000; i++) space.produce(0, i);
    };
  },
};

const loggedConsume: Case = {
  kind: 'sync',
  name: 'logged_consume_immediate_match',
  size: 10_000,
  elements: 10_000,
  before: () => initHashing(),
  prepare: () => {
    const space = new DurableSpace<Types>(wildcardSpace(), { history: new History(new MemoryHistoryStore()), codec });
    for (let i = 0; i < 10_000; i++) space.produce(0, i);
    return () => {
      for (let i = 0; i < 10_000; i++) space.consume([0], [0], 'k');
      expectCount('events logged', space.log.length, 30_000);
    };
  },
};

export const group: Group = {
  name: 'hard_checkpoint',
  description: `durable space of ${CHANNELS} channels × ${PER_CHANNEL} items; incremental rows change ${CHANGED} channels per checkpoint`,
  cases: [
    incremental('hard_checkpoint_incremental', () => new MemoryHistoryStore()),
    incremental('hard_checkpoint_incremental_lmdb_deferred', () => lmdb('deferred')),
    incremental('hard_checkpoint_incremental_lmdb_fsync', () => lmdb('fsync')),
    full,
    resetCase(),
    loggedProduce,
    loggedConsume,
  ],
};
