/**
 * The workload shared by the Node analogues of the seed's lock-contention groups. The seed's
 * `lock_contention_*` rows time Rust OS threads on an `RwLock<HashMap<String, Vec<i32>>>`; a Node
 * space is single-threaded, so we time what concurrent access really costs here instead: async
 * clients interleaving on one event loop, and worker threads calling into a space the main thread
 * owns. Same op rule as the seed: prefill 1000, client t's op i is a produce if (t + i) is even,
 * else a consume (an immediately matching one, the seed's `pop`).
 */
import { wildcardSpace } from './groups/produce-consume-cycle.js';

export { isProduce } from './workers/protocol.js';

export const OPS_PER_CLIENT = 1000;
export const PREFILL = 1000;
export const CLIENT_COUNTS = [2, 4, 8];

/** `same_channel_mixed`: every client on channel 0; `isolated_channels`: client t on channel t. */
export type Sharing = 'same_channel_mixed' | 'isolated_channels';

export type ContentionSpace = ReturnType<typeof wildcardSpace>;

export const channelOf = (sharing: Sharing, t: number): number => (sharing === 'same_channel_mixed' ? 0 : t);

/** A fresh space with PREFILL items on every channel the clients use. */
export function prefilledSpace(sharing: Sharing, clients: number): ContentionSpace {
  const space = wildcardSpace();
  const channels = sharing === 'same_channel_mixed' ? 1 : clients;
  for (let c = 0; c < channels; c++) for (let i = 0; i < PREFILL; i++) space.produce(c, i);
  return space;
}

/**
 * Consumes (every other op) always find data: ops alternate within each client, so however the
 * clients interleave the channel never drops more than a few items below its prefill.
 */
export const expectedFirings = (clients: number): number => (clients * OPS_PER_CLIENT) / 2;
