/**
 * Messages between the main thread (which owns the space) and a worker-thread client. A client
 * sends its ops in batches and waits for each batch's results, as a client that needs the data it
 * consumed would. Ops travel as `[kind, channel, value]` triples in an Int32Array.
 */

/** The seed's op rule: client t's op i is a produce if (t + i) is even, else a consume. */
export const isProduce = (t: number, i: number): boolean => (t + i) % 2 === 0;

export const OP_PRODUCE = 0;
export const OP_CONSUME = 1;

/** `workerData` of a client. */
export interface ClientConfig {
  t: number;
  channel: number;
  ops: number;
  batch: number;
}

export type ToClient = { type: 'go' } | { type: 'results'; results: Int32Array };

/**
 * `ops`: a batch of triples. `results`, one per op: the number of firings of a produce, the datum a
 * consume received, or -1 if the consume had to wait. `done.fired`: consumes that received a datum.
 */
export type FromClient = { type: 'ready' } | { type: 'ops'; ops: Int32Array } | { type: 'done'; fired: number };
