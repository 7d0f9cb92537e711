/**
 * A job queue that survives a crash: a durable queue space whose history lives in an LMDB
 * directory, worked by two processes one after the other.
 *
 * - The first process enqueues six jobs, works three of them with a hard checkpoint after each
 *   (the unit of work a worker commits), and stops without finishing: the crash.
 * - The second process is this script again (`--resume DIR`). It opens the same directory, resets
 *   a fresh space to the latest root, and works the rest. Job 5 is invalid: it is worked under a
 *   soft checkpoint, reverted when its result fails validation, and moved to `dead-letters`.
 * - An auditor then replays the last checkpoint's event log from the root before it and reaches
 *   the same root; a log whose result was tampered with is caught at the divergent event.
 *
 * Roots are BLAKE2b-256 hashes of the state, so they are the same on every run: the output is
 * checked against durable-jobs.expected by test/examples.test.ts.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { valueStateCodec } from '../src/durable/codec.js';
import { DurableSpace } from '../src/durable/durable-space.js';
import { ReplayError } from '../src/durable/errors.js';
import { toHex } from '../src/history/hash.js';
import { History } from '../src/history/history.js';
import { LmdbHistoryStore } from '../src/history/lmdb-store.js';
import type { ValueTypes } from '../src/plain/adapter.js';
import { createSpace } from '../src/plain/create.js';
import { compile, type Pattern } from '../src/spaces/matchers/structural.js';
import { bind } from '../src/spaces/matchers/template.js';

type Types = ValueTypes<Pattern, string>;
interface Job {
  readonly id: number;
  readonly n: number;
}

const JOBS: readonly Job[] = [27, 97, 871, 6171, -1, 77031].map((n, i) => ({ id: i + 1, n }));
const ANY_JOB = compile(bind('job'));
const short = (root: Uint8Array): string => `${toHex(root).slice(0, 12)}…`;

/** The work: the number of Collatz steps from n down to 1; n must be positive. */
function collatzSteps(n: number): number {
  if (!(Number.isSafeInteger(n) && n > 0)) return Number.NaN;
  let steps = 0;
  for (let x = n; x !== 1; steps++) x = x % 2 === 0 ? x / 2 : 3 * x + 1;
  return steps;
}

interface Opened {
  readonly store: LmdbHistoryStore;
  readonly history: History;
  readonly space: DurableSpace<Types>;
}

async function open(dir: string): Promise<Opened> {
  const store = LmdbHistoryStore.open(dir);
  const history = await History.create(store);
  return { store, history, space: queueOn(history) };
}

/** A fresh queue space checkpointed into `history`. */
function queueOn(history: History): DurableSpace<Types> {
  return new DurableSpace<Types>(createSpace<string>({ config: { inner: 'queue' } }), {
    history,
    codec: valueStateCodec<Pattern, string>(),
  });
}

/**
 * Takes the oldest job and writes its result to `done`, as a worker does, and returns the job;
 * null when no job waits. An invalid result is undone and the job goes to `dead-letters`.
 */
function workOne(space: DurableSpace<Types>, log: (line: string) => void): Job | null {
  if (space.getData('jobs').length === 0) return null;
  space.softCheckpoint();
  const [firing] = space.consume(['jobs'], [ANY_JOB], 'worker');
  const job = firing.matches[0].bindings.job as unknown as Job;
  const steps = collatzSteps(job.n);
  if (Number.isNaN(steps)) {
    space.revertSoftCheckpoint(); // the job is back at the head of the queue, as if never taken
    space.consume(['jobs'], [ANY_JOB], 'dead-letter');
    space.produce('dead-letters', { id: job.id, reason: `n = ${job.n} is not a positive integer` });
    log(`job ${job.id}: n = ${job.n} is invalid: the attempt is reverted, the job goes to dead-letters`);
  } else {
    space.produce('done', { id: job.id, steps });
    space.commitSoftCheckpoint();
    log(`job ${job.id}: n = ${job.n} takes ${steps} steps`);
  }
  return job;
}

const ids = (space: DurableSpace<Types>, channel: string): string =>
  space
    .getData(channel)
    .map((d) => (d.datum as unknown as Job).id)
    .join(', ') || 'none';

async function firstProcess(dir: string): Promise<void> {
  const log = (line: string) => console.log(`[first process]  ${line}`);
  const { space, store } = await open(dir);
  for (const job of JOBS) space.produce('jobs', { id: job.id, n: job.n });
  log(`enqueued jobs ${ids(space, 'jobs')}: checkpoint ${short(space.createCheckpoint().root)}`);
  for (let i = 0; i < 3; i++) {
    workOne(space, log);
    log(`  checkpoint ${short(space.createCheckpoint().root)}`);
  }
  log('stops here, with three jobs left (a crash, as far as the queue knows)');
  await store.close();
}

async function secondProcess(dir: string): Promise<void> {
  const log = (line: string) => console.log(`[second process] ${line}`);
  const { space, store, history } = await open(dir);
  const roots = store.listRoots();
  let root = roots[roots.length - 1];
  log(`the directory holds ${roots.length} roots; reset to the latest, ${short(root)}`);
  space.reset(root);
  log(`waiting jobs: ${ids(space, 'jobs')}; done: ${ids(space, 'done')}`);
  // The last unit of work, for the auditor: the root before it, and its checkpoint.
  let before = root;
  let last = { root, log: space.log };
  while (workOne(space, log) !== null) {
    before = root;
    last = space.createCheckpoint();
    root = last.root;
    log(`  checkpoint ${short(root)}`);
  }
  log(`all jobs handled: done ${ids(space, 'done')}; dead letters ${ids(space, 'dead-letters')}`);

  // The auditor replays the last unit of work from the root before it: same work, same root.
  const audit = (line: string) => console.log(`[auditor]        ${line}`);
  const auditor = queueOn(history);
  auditor.rigAndReset(before, last.log);
  workOne(auditor, () => {});
  auditor.checkReplayData();
  const replayed = auditor.createCheckpoint().root;
  const same = toHex(replayed) === toHex(last.root) ? 'the same root' : 'A DIFFERENT ROOT';
  audit(`replayed the last ${last.log.length} events from ${short(before)}: ${short(replayed)}, ${same}`);

  // A forged report of the same work (another result) diverges at the result's event.
  const forger = queueOn(history);
  forger.rigAndReset(before, last.log);
  const [firing] = forger.consume(['jobs'], [ANY_JOB], 'worker');
  const job = firing.matches[0].bindings.job as unknown as Job;
  try {
    forger.produce('done', { id: job.id, steps: 1 });
    audit('a forged result was accepted');
  } catch (error) {
    if (!(error instanceof ReplayError)) throw error;
    audit(`a forged result for job ${job.id} is refused: ${error.code} at event ${error.index} of the log`);
  }
  await store.close();
}

const resume = process.argv.indexOf('--resume');
if (resume !== -1) {
  await secondProcess(process.argv[resume + 1]);
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'durable-jobs-'));
  try {
    await firstProcess(dir);
    // The same script, in a new process, on the same directory (execArgv keeps a loader such as tsx).
    const script = fileURLToPath(import.meta.url);
    const second = spawnSync(process.execPath, [...process.execArgv, script, '--resume', dir], {
      stdio: 'inherit',
    });
    process.exitCode = second.status ?? 1;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
