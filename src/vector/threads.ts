/**
 * Worker threads for the big scans (exact top-k over many rows, query batches, cosine matrices).
 *
 * A job (jobs.ts) is one kernel over a range of rows of a heap in shared memory, cut into chunks.
 * The calling thread publishes it, works on it like any worker, then waits for the chunks others
 * took. Chunks are claimed one at a time, so a worker that the OS has not scheduled yet simply
 * gets none, and the caller does them all: a busy machine costs speed, never a hang or a result.
 * Every chunk writes only its own rows' outputs with the same kernels, so the results are the
 * single-threaded ones bit for bit; ranking stays on the calling thread, in row order.
 *
 * Workers start on the first job big enough ({@link PARALLEL_MIN_WORK}), are unref'd (they never
 * keep a process alive) and sleep between jobs.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { InvalidVectorOptionError } from './errors.js';
import type { KernelHeap } from './heap.js';
import * as J from './jobs.js';
import { sharedKernelModule, WasmHeap } from './wasm.js';
import type { HeapMessage, WorkerData } from './worker.js';

/**
 * Multiply-adds below which a job stays on the calling thread (~0.3 ms of work here): waking a
 * worker costs tens of microseconds, and a heap moves into shared memory on its first big job.
 */
export const PARALLEL_MIN_WORK = 1 << 20;

/** Most threads a job uses: past a few, a scan is bound by memory bandwidth, not by cores. */
const MAX_THREADS = 4;

/** What one job computes; offsets in bytes, as the kernels take them (see jobs.ts). */
export interface RowJob {
  readonly kind: number;
  readonly m: number;
  readonly rows: number;
  readonly stride: number;
  readonly q: number;
  readonly nq: number;
  readonly qstride: number;
  readonly n: number;
  readonly out: number;
  readonly os: number;
  /** J.NO_NORMS, or cosine scores after the dots (then qnorms and scores too). */
  readonly norms: number;
  readonly qnorms: number;
  readonly scores: number;
  /** DOT_BLOCK's scratch, {@link scratchBytes} long. */
  readonly tmp: number;
}

let threads = Math.max(1, Math.min(MAX_THREADS, availableParallelism()));
let pool: { workers: Worker[]; words: Int32Array; params: Uint32Array } | null = null;
/** Set when workers could not start: jobs then stay on the calling thread. */
let broken = false;
let epoch = 0;
/** Heaps whose memory the workers have. */
const posted = new Set<number>();
const forget = new FinalizationRegistry<number>((heap) => {
  posted.delete(heap);
  const message: HeapMessage = { heap, memory: null };
  for (const w of pool?.workers ?? []) w.postMessage(message);
});

/**
 * The number of threads (the caller included) a big vector job uses: with `count`, sets it first
 * (1 keeps every job on the calling thread; the default is the machine's parallelism, at most 4).
 * Returns the number in effect. Results never depend on it. Workers already started stay asleep
 * until a job needs a different number of them.
 */
export function vectorThreads(count?: number): number {
  if (count !== undefined) {
    if (!Number.isSafeInteger(count) || count < 1 || count > 64) {
      throw new InvalidVectorOptionError('thread count', count, 'an integer in 1..64');
    }
    threads = count;
  }
  return threads;
}

/** Bytes of DOT_BLOCK scratch a job needs at `tmp`: one block per thread. */
export function scratchBytes(): number {
  return J.TMP_BYTES * threads;
}

/**
 * `heap`, moved into shared memory, if a job of `work` multiply-adds on it should run on several
 * threads; null if it should run on the calling thread (small job, one thread, TypeScript heap, no
 * shared memory). Call it before reading the heap's `f32`: sharing replaces it.
 */
export function parallelHeap(heap: KernelHeap, work: number): WasmHeap | null {
  if (work < PARALLEL_MIN_WORK || threads < 2 || broken || !(heap instanceof WasmHeap)) return null;
  if (pool !== null && pool.workers.length !== threads - 1) stopPool();
  if (pool === null && !startPool()) return null;
  return heap.share() ? heap : null;
}

/** Runs `job` on a heap `parallelHeap` returned, on the calling thread and the workers. */
export function runJob(heap: WasmHeap, job: RowJob): void {
  const p = pool;
  if (p === null) throw new Error('runJob without a worker pool');
  const { words, params } = p;
  if (!posted.has(heap.id)) {
    const message: HeapMessage = { heap: heap.id, memory: heap.memory };
    for (const w of p.workers) w.postMessage(message);
    posted.add(heap.id);
    forget.register(heap, heap.id);
  }
  // Even chunks (DOT_BLOCK takes rows in pairs), about four per thread, for balance.
  const chunk = Math.max(2, 2 * Math.ceil(job.rows / (8 * threads)));
  const count = Math.min(J.MAX_CHUNKS, Math.ceil(job.rows / chunk));
  params[J.KIND] = job.kind;
  params[J.HEAP] = heap.id;
  params[J.M] = job.m;
  params[J.ROWS] = job.rows;
  params[J.STRIDE] = job.stride;
  params[J.Q] = job.q;
  params[J.NQ] = job.nq;
  params[J.QSTRIDE] = job.qstride;
  params[J.N] = job.n;
  params[J.OUT] = job.out;
  params[J.OS] = job.os;
  params[J.NORMS] = job.norms;
  params[J.QNORMS] = job.qnorms;
  params[J.SCORES] = job.scores;
  params[J.TMP] = job.tmp;
  params[J.CHUNK] = chunk;
  Atomics.store(words, J.DONE, 0);
  Atomics.store(words, J.FAILED, 0);
  epoch = (epoch + 1) & 0xfff;
  // Publishing the CLAIM word makes the parameters above visible to whoever claims a chunk.
  Atomics.store(words, J.CLAIM, (epoch << 20) | (count << 10));
  Atomics.notify(words, J.CLAIM);
  const x = heap.kernels;
  for (;;) {
    const word = Atomics.load(words, J.CLAIM);
    const next = J.claimNext(word);
    if (next >= count) break;
    if (Atomics.compareExchange(words, J.CLAIM, word, word + 1) !== word) continue;
    J.runChunk(x, params, next, 0);
    Atomics.add(words, J.DONE, 1);
  }
  // The chunks the workers took: they are running, so spin briefly before sleeping.
  for (let spins = 0; ; spins++) {
    const done = Atomics.load(words, J.DONE);
    if (done >= count) break;
    if (spins > 2000) Atomics.wait(words, J.DONE, done, 5);
  }
  if (Atomics.load(words, J.FAILED) !== 0) {
    // A worker could not run its chunk (it should not happen): do the whole job here.
    for (let i = 0; i < count; i++) J.runChunk(x, params, i, 0);
  }
}

/** Chunks the workers have run since the pool (re)started: lets tests see that they take part. */
export function workerChunks(): number {
  return pool === null ? 0 : Atomics.load(pool.words, J.WORKER_CHUNKS);
}

function startPool(): boolean {
  const module = sharedKernelModule();
  if (module === null) {
    broken = true;
    return false;
  }
  const control = new SharedArrayBuffer(4 * J.CONTROL_WORDS);
  const workers: Worker[] = [];
  try {
    for (let t = 1; t < threads; t++) {
      const data: WorkerData = { module, control, thread: t };
      const w = new Worker(new URL('./worker.js', import.meta.url), { workerData: data });
      // A worker that fails to start never claims a chunk, so no job waits for it.
      w.on('error', () => {});
      w.unref();
      workers.push(w);
    }
  } catch {
    for (const w of workers) void w.terminate();
    broken = true;
    return false;
  }
  pool = { workers, words: new Int32Array(control), params: new Uint32Array(control) };
  return true;
}

function stopPool(): void {
  // Between jobs every worker sleeps, holding no chunk: terminating them loses nothing.
  for (const w of pool?.workers ?? []) void w.terminate();
  pool = null;
  posted.clear();
}
