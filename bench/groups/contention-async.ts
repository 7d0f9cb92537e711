/**
 * `contention_async` (Node analogue of the seed's lock-contention groups; not comparable): N async
 * clients share one space on one event loop, each yielding to the others after every op, as
 * clients awaiting I/O between calls would. Measures the cost of interleaving, not of locking:
 * the engine is synchronous, so an op is never interrupted.
 */
import {
  CLIENT_COUNTS,
  type ContentionSpace,
  channelOf,
  expectedFirings,
  isProduce,
  OPS_PER_CLIENT,
  prefilledSpace,
  type Sharing,
} from '../contention.js';
import { type Case, expectCount, type Group } from '../harness.js';

async function client(space: ContentionSpace, t: number, channel: number): Promise<number> {
  let fired = 0;
  for (let i = 0; i < OPS_PER_CLIENT; i++) {
    if (isProduce(t, i)) space.produce(channel, i);
    else fired += space.consume([channel], [0], 'continuation').length;
    // One microtask turn: every other client runs one op before this one continues.
    await null;
  }
  return fired;
}

const contended = (sharing: Sharing, clients: number): Case => ({
  kind: 'async',
  name: sharing,
  size: clients,
  elements: clients * OPS_PER_CLIENT,
  prepare: () => {
    const space = prefilledSpace(sharing, clients);
    return async () => {
      const runs: Promise<number>[] = [];
      for (let t = 0; t < clients; t++) runs.push(client(space, t, channelOf(sharing, t)));
      const fired = (await Promise.all(runs)).reduce((a, b) => a + b, 0);
      expectCount(`${sharing} firings`, fired, expectedFirings(clients));
    };
  },
});

export const group: Group = {
  name: 'contention_async',
  description: 'ANALOGUE: N async clients × 1000 mixed ops on one space, one op per microtask turn',
  cases: [
    ...CLIENT_COUNTS.map((n) => contended('same_channel_mixed', n)),
    ...CLIENT_COUNTS.map((n) => contended('isolated_channels', n)),
  ],
};
