/**
 * A worker pool coordinating through a queue space.
 *
 * - `main` writes jobs to the `jobs` channel, then one `stop` per worker (a queue is FIFO, so every real
 *   job is handed out before any stop);
 * - each worker writes `{ worker, inbox }` to `ready` whenever it is idle, `inbox` being a fresh name of
 *   its own, and waits for work on it;
 * - a persistent **join** over `ready` and `jobs` pairs the oldest ready worker with the oldest job and
 *   forwards the job to that worker's inbox;
 * - workers write results to `results`, where a persistent receive logs every one of them.
 *
 * Nothing here uses real time: work is simulated by yielding to the microtask queue once per prime
 * factor found, so the jobs take uneven "time" and the run is the same every time.
 */
import type { Value } from '../src/data/value.js';
import { TupleSpace } from '../src/plain/tuple-space.js';
import { bind, is, or } from '../src/spaces/matchers/template.js';

const NUMBERS = [84, 97, 360, 1001, 65536, 7919, 12, 2310];
const WORKERS = ['A', 'B', 'C'];
const STOP = 'stop';

const ts = new TupleSpace({ config: { inner: 'queue' } });
const log = (line: string): void => console.log(line);

/** Prime factors of `n`, yielding once per factor found: bigger factorizations take longer. */
async function factor(n: number): Promise<number[]> {
  const factors: number[] = [];
  for (let d = 2; n > 1; d++) {
    while (n % d === 0) {
      factors.push(d);
      n /= d;
      await Promise.resolve();
    }
  }
  return factors;
}

async function worker(name: string): Promise<number> {
  const inbox = ts.space.gensym();
  let done = 0;
  for (;;) {
    log(`${name}: ready`);
    ts.write('ready', { worker: name, inbox });
    const job = await ts.take(inbox, or(STOP, { id: bind('id'), n: bind('n') }));
    if (job.value === STOP) {
      log(`${name}: stopping after ${done} job(s)`);
      return done;
    }
    const { id, n } = job.bindings as { id: number; n: number };
    log(`${name}: working on job ${id} (factor ${n})`);
    const factors = await factor(n);
    ts.write('results', { id, n, worker: name, factors });
    done++;
  }
}

// The pairing join: one firing per (ready worker, job) pair, oldest first on both queues.
const stopPairing = ts.on(
  [
    ['ready', { worker: bind('worker'), inbox: is.name }],
    ['jobs', or(STOP, { id: is.integer, n: is.integer })],
  ],
  ([ready, job]) => {
    const what = job.value === STOP ? 'stop' : `job ${(job.value as { id: number }).id}`;
    log(`pool: ${what} -> ${ready.bindings.worker}`);
    ts.write((ready.value as { inbox: Value }).inbox, job.value);
  },
);

// The result log: a persistent receive sees every result, in the order they were written.
const results: { id: number; worker: string }[] = [];
const stopLogging = ts.on(
  'results',
  { id: bind('id'), n: bind('n'), worker: bind('worker'), factors: bind('factors') },
  ([result]) => {
    const { id, n, worker, factors } = result.bindings as { id: number; n: number; worker: string; factors: number[] };
    results.push({ id, worker });
    log(`result: job ${id} by ${worker}: ${n} = ${factors.join(' x ')}`);
  },
);

const pool = WORKERS.map(worker);
for (const [i, n] of NUMBERS.entries()) {
  log(`main: queue job ${i + 1} (factor ${n})`);
  ts.write('jobs', { id: i + 1, n });
}
log(`main: queue ${WORKERS.length} stops`);
for (const _ of WORKERS) ts.write('jobs', STOP);

const counts = await Promise.all(pool);
stopPairing();
stopLogging();

// Channels still holding data or waiting receives: none, once the pool has drained and the listeners are gone.
const inUse = ts.space.channels().length;
const perWorker = WORKERS.map((w, i) => `${w}=${counts[i]}`).join(' ');
log(`summary: ${results.length}/${NUMBERS.length} jobs done (${perWorker}), ${inUse} channel(s) still in use`);
