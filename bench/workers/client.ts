/** A worker-thread client of `contention_workers`: sends its ops in batches, one batch in flight. */
import { parentPort, workerData } from 'node:worker_threads';
import { type ClientConfig, type FromClient, isProduce, OP_CONSUME, OP_PRODUCE, type ToClient } from './protocol.js';

const port = parentPort;
if (port === null) throw new Error('client.ts runs as a worker thread');
const { t, channel, ops, batch } = workerData as ClientConfig;

let next = 0;
let fired = 0;

function send(message: FromClient): void {
  port?.postMessage(message);
}

function sendBatch(): void {
  const count = Math.min(batch, ops - next);
  const triples = new Int32Array(count * 3);
  for (let k = 0; k < count; k++) {
    const i = next + k;
    triples[3 * k] = isProduce(t, i) ? OP_PRODUCE : OP_CONSUME;
    triples[3 * k + 1] = channel;
    triples[3 * k + 2] = i;
  }
  send({ type: 'ops', ops: triples });
}

port.on('message', (message: ToClient) => {
  if (message.type === 'go') {
    next = 0;
    fired = 0;
  } else {
    const { results } = message;
    for (let k = 0; k < results.length; k++) if (!isProduce(t, next + k) && results[k] >= 0) fired++;
    next += results.length;
  }
  if (next < ops) sendBatch();
  else send({ type: 'done', fired });
});

send({ type: 'ready' });
