/**
 * Between a live space and its leaves: the leaf changes a checkpoint writes (for the channels and
 * joins that changed, or for everything), and the `SpaceState` a reset restores from a root's leaves.
 */

import { bytesEqual, toHex } from '../history/hash.js';
import type { LeafChange } from '../history/history.js';
import type { Space } from '../spaces/space.js';
import type { ChannelState, JoinState, SpaceState } from '../spaces/state.js';
import type { SpaceTypes, WaitingInfo } from '../spaces/types.js';
import type { Recorded, StateCodec } from './codec.js';
import { DurableError } from './errors.js';
import {
  channelKeyHash,
  configText,
  decodeLeaf,
  encodeChannelLeaf,
  encodeJoinLeaf,
  encodeMeta,
  joinKeyHash,
  type MetaLeaf,
  metaKeyHash,
} from './leaves.js';

export class Snapshotter<T extends SpaceTypes> {
  private readonly space: Space<T>;
  private readonly codec: StateCodec<Recorded<T>>;
  private readonly identity: Uint8Array;
  private readonly config: string;

  constructor(space: Space<T>, codec: StateCodec<Recorded<T>>, identity: Uint8Array) {
    this.space = space;
    this.codec = codec;
    this.identity = identity;
    this.config = configText(space.config);
  }

  meta(): LeafChange {
    const meta: MetaLeaf = { config: this.config, identity: this.identity, counters: this.space.nameCounters() };
    return [metaKeyHash(), encodeMeta(meta)];
  }

  /** The leaf of one channel as it is now (null when it holds nothing). */
  channel(channel: T['channel']): LeafChange {
    const bytes = this.codec.channel.encode(channel);
    const data = this.space.getData(channel);
    const joins = this.space.getJoins(channel);
    if (data.length === 0 && joins.length === 0) return [channelKeyHash(bytes), null];
    const joinKeys = joins.map((chs) => joinKeyHash(chs.map((c) => this.codec.channel.encode(c))));
    const results = this.space.isResultChannel(channel);
    return [channelKeyHash(bytes), encodeChannelLeaf(this.codec, bytes, data, joinKeys, results)];
  }

  /** The leaf of one join as it is now (`channels` in canonical order; null when nothing waits on it). */
  join(channels: readonly T['channel'][]): LeafChange {
    const bytes = channels.map((c) => this.codec.channel.encode(c));
    const waiting = this.space.getWaiting(channels);
    if (waiting.length === 0) return [joinKeyHash(bytes), null];
    return [joinKeyHash(bytes), encodeJoinLeaf(this.codec, bytes, waiting)];
  }

  /** Every leaf of the current state (meta included), keyed by the hex of its key hash. */
  all(): Map<string, LeafChange> {
    const out = new Map<string, LeafChange>();
    const add = (change: LeafChange) => {
      if (change[1] !== null) out.set(toHex(change[0]), change);
    };
    add(this.meta());
    if (!this.space.traits.persistent) return out;
    const state = this.space.exportState();
    for (const c of state.channels) add(this.channel(c.channel));
    for (const j of state.joins) add(this.join(j.channels));
    return out;
  }

  /** Decodes the leaves of a root into the state `Space.planRestore` takes; checks they belong to this space. */
  decode(leaves: Iterable<[Uint8Array, Uint8Array]>): SpaceState<T> {
    let meta: MetaLeaf | null = null;
    const channels: {
      channel: T['channel'];
      data: ChannelState<T>['data'];
      joinKeys: Uint8Array[];
      results: boolean;
    }[] = [];
    const joins: JoinState<T>[] = [];
    const joinIndex = new Map<string, number>();
    for (const [key, bytes] of leaves) {
      const leaf = decodeLeaf(this.codec, bytes);
      if (leaf.kind === 'meta') meta = leaf.meta;
      else if (leaf.kind === 'channel') channels.push(leaf);
      else {
        joinIndex.set(toHex(key), joins.length);
        joins.push({ channels: leaf.channels, waiting: leaf.waiting as WaitingInfo<T>[] });
      }
    }
    if (meta !== null) this.checkMeta(meta);
    const resolved: ChannelState<T>[] = channels.map((c) => ({
      channel: c.channel,
      data: c.data,
      ...(c.results ? { results: true } : {}),
      joins: c.joinKeys.map((k) => {
        const j = joinIndex.get(toHex(k));
        if (j === undefined)
          throw new DurableError('CorruptedState', `a channel leaf names a missing join ${toHex(k)}`);
        return j;
      }),
    }));
    return { nameCounters: meta?.counters ?? [], channels: resolved, joins };
  }

  private checkMeta(meta: MetaLeaf): void {
    if (meta.config !== this.config) {
      throw new DurableError(
        'StateMismatch',
        `the checkpoint was made by a space configured ${meta.config}, not ${this.config} like this one`,
      );
    }
    if (!bytesEqual(meta.identity, this.identity)) {
      throw new DurableError(
        'StateMismatch',
        `the checkpoint was made by the space ${toHex(meta.identity)}, not by this one (${toHex(this.identity)})`,
      );
    }
  }
}
