/**
 * A vector worker thread (threads.ts starts them): it sleeps on the control block until the
 * calling thread publishes a job, claims chunks of it until none are left, and sleeps again.
 * Heaps arrive by message (their shared memory), each instantiated here once with the shared
 * kernels; a message may also say a heap is gone.
 */
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { CLAIM, claimCount, claimNext, DONE, FAILED, HEAP, runChunk, WORKER_CHUNKS } from './jobs.js';
import type { KernelExports, WasmMemory } from './wasm.js';

/** What threads.ts hands a worker at its start. */
export interface WorkerData {
  readonly module: object;
  readonly control: SharedArrayBuffer;
  /** This worker's number among the threads of a job (the calling thread is 0). */
  readonly thread: number;
}

/** A heap to run on (`memory` set) or to forget (`memory` null). */
export interface HeapMessage {
  readonly heap: number;
  readonly memory: WasmMemory | null;
}

interface WasmApi {
  Instance: new (module: object, imports: object) => { readonly exports: object };
}

const { module, control, thread } = workerData as WorkerData;
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
const words = new Int32Array(control);
const params = new Uint32Array(control);
const heaps = new Map<number, KernelExports>();

function drainMessages(): void {
  if (parentPort === null) return;
  for (let m = receiveMessageOnPort(parentPort); m !== undefined; m = receiveMessageOnPort(parentPort)) {
    const { heap, memory } = m.message as HeapMessage;
    if (memory === null) heaps.delete(heap);
    else heaps.set(heap, new wasm.Instance(module, { env: { memory } }).exports as KernelExports);
  }
}

for (;;) {
  const word = Atomics.load(words, CLAIM);
  const next = claimNext(word);
  const count = claimCount(word);
  if (next >= count) {
    // Nothing to claim: sleep until the next job is published (the calling thread notifies), and
    // meanwhile let go of the heaps that are gone.
    Atomics.wait(words, CLAIM, word);
    drainMessages();
    continue;
  }
  if (Atomics.compareExchange(words, CLAIM, word, word + 1) !== word) continue;
  // The chunk is ours, so the job stays current (and its parameters put) until we report it done.
  let x = heaps.get(params[HEAP]);
  if (x === undefined) {
    drainMessages();
    x = heaps.get(params[HEAP]);
  }
  try {
    if (x === undefined) throw new Error('unknown heap');
    runChunk(x, params, next, thread);
    Atomics.add(words, WORKER_CHUNKS, 1);
  } catch {
    Atomics.store(words, FAILED, 1);
  }
  if (Atomics.add(words, DONE, 1) + 1 === count) Atomics.notify(words, DONE);
}
