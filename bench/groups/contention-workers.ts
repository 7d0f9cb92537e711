/**
 * `contention_workers` (Node analogue of the seed's lock-contention groups; not comparable): N
 * worker threads are the clients of a space owned by the main thread. Each sends its 1000 mixed
 * ops in batches by message passing and waits for each batch's results, so the figure is what
 * multi-core access to one space costs: serialisation, thread hops and the main thread's work.
 */
import { Worker } from 'node:worker_threads';
import {
  CLIENT_COUNTS,
  type ContentionSpace,
  channelOf,
  expectedFirings,
  OPS_PER_CLIENT,
  prefilledSpace,
  type Sharing,
} from '../contention.js';
import { type Case, expectCount, type Group } from '../harness.js';
import { type ClientConfig, type FromClient, OP_PRODUCE, type ToClient } from '../workers/protocol.js';

/** Ops per message: one message per op would measure little but thread hops. */
export const BATCH = 100;

const CLIENT_URL = new URL('../workers/client.js', import.meta.url);

/** N workers for one case; `run` lets them loose on a fresh space and resolves when all are done. */
class ClientPool {
  private workers: Worker[] = [];
  private space: ContentionSpace | null = null;
  private pending = 0;
  private fired = 0;
  private finish: { resolve: () => void; reject: (error: Error) => void } | null = null;

  constructor(
    private readonly sharing: Sharing,
    private readonly clients: number,
  ) {}

  async start(): Promise<void> {
    const ready: Promise<void>[] = [];
    for (let t = 0; t < this.clients; t++) {
      const config: ClientConfig = { t, channel: channelOf(this.sharing, t), ops: OPS_PER_CLIENT, batch: BATCH };
      const worker = new Worker(CLIENT_URL, { workerData: config });
      ready.push(new Promise((resolve) => worker.once('message', () => resolve())));
      worker.on('message', (message: FromClient) => this.onMessage(worker, message));
      // A crashed client fails the sample in flight instead of leaving it waiting forever.
      worker.on('error', (error) => this.finish?.reject(error));
      // Rejecting an already settled run (after `stop`) does nothing.
      worker.on('exit', (code) => this.finish?.reject(new Error(`client ${t} exited with code ${code}`)));
      this.workers.push(worker);
    }
    await Promise.all(ready);
  }

  run(space: ContentionSpace): Promise<number> {
    this.space = space;
    this.pending = this.clients;
    this.fired = 0;
    const done = new Promise<void>((resolve, reject) => {
      this.finish = { resolve, reject };
    });
    const go: ToClient = { type: 'go' };
    for (const worker of this.workers) worker.postMessage(go);
    return done.then(() => this.fired);
  }

  async stop(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.workers = [];
  }

  private onMessage(worker: Worker, message: FromClient): void {
    if (message.type === 'ops') {
      const reply: ToClient = { type: 'results', results: this.apply(message.ops) };
      worker.postMessage(reply);
    } else if (message.type === 'done') {
      this.fired += message.fired;
      if (--this.pending === 0) this.finish?.resolve();
    }
  }

  /** Runs a batch of `[kind, channel, value]` triples against the current space. */
  private apply(ops: Int32Array): Int32Array {
    const space = this.space;
    if (space === null) throw new Error('no space');
    const results = new Int32Array(ops.length / 3);
    for (let k = 0; k < results.length; k++) {
      const channel = ops[3 * k + 1];
      if (ops[3 * k] === OP_PRODUCE) {
        results[k] = space.produce(channel, ops[3 * k + 2]).length;
      } else {
        const firings = space.consume([channel], [0], 'continuation');
        results[k] = firings.length === 0 ? -1 : (firings[0].matches[0].datum as number);
      }
    }
    return results;
  }
}

const contended = (sharing: Sharing, clients: number): Case => {
  const pool = new ClientPool(sharing, clients);
  return {
    kind: 'async',
    name: sharing,
    size: clients,
    elements: clients * OPS_PER_CLIENT,
    before: () => pool.start(),
    after: () => pool.stop(),
    prepare: () => {
      const space = prefilledSpace(sharing, clients);
      return async () => {
        expectCount(`${sharing} firings`, await pool.run(space), expectedFirings(clients));
      };
    },
  };
};

export const group: Group = {
  name: 'contention_workers',
  description: `ANALOGUE: N worker threads × 1000 mixed ops, ${BATCH} per message, on a space owned by the main thread`,
  cases: [
    ...CLIENT_COUNTS.map((n) => contended('same_channel_mixed', n)),
    ...CLIENT_COUNTS.map((n) => contended('isolated_channels', n)),
  ],
};
