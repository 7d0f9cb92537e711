/**
 * The WebAssembly SIMD kernels: loading kernels.wasm (assembled from kernels.wat at build time and
 * shipped beside this file) and a heap whose memory they run over. A heap can move into shared
 * memory (`share`), where worker threads run the same kernels on it (threads.ts).
 *
 * Loading is synchronous and lazy (first use, not import): the module is small, and callers that
 * never touch vectors pay nothing. It fails softly — no WebAssembly, no SIMD (the module then does
 * not compile), or no .wasm file (running from source with tsx) — and the reason is kept for
 * `kernelBackendInfo()`; the TypeScript loops take over with the same results.
 */
import { readFileSync } from 'node:fs';
import type { KernelHeap } from './heap.js';

// The lib settings have no DOM, so the few WebAssembly constructors used here are typed locally.
export interface WasmMemory {
  readonly buffer: ArrayBuffer | SharedArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { readonly exports: object };
  Memory: new (descriptor: { initial: number; maximum: number; shared?: boolean }) => WasmMemory;
}

/** The functions kernels.wat exports; pointers are byte offsets, n a multiple of 16. */
export interface KernelExports {
  dot(a: number, b: number, n: number): number;
  sqdist(a: number, b: number, n: number): number;
  absdist(a: number, b: number, n: number): number;
  cos_parts(a: number, b: number, n: number, out: number): void;
  dot_rows(m: number, rows: number, stride: number, q: number, n: number, out: number): void;
  sqdist_rows(m: number, rows: number, stride: number, q: number, n: number, out: number): void;
  absdist_rows(m: number, rows: number, stride: number, q: number, n: number, out: number): void;
  sqnorm_rows(m: number, rows: number, stride: number, n: number, out: number): void;
  dot_block(
    m: number,
    rows: number,
    stride: number,
    q: number,
    nq: number,
    qstride: number,
    n: number,
    out: number,
    ostride: number,
    tmp: number,
  ): void;
  cos_scores(dots: number, norms: number, m: number, qnorms: number, n: number, out: number, s: number): void;
  div(x: number, n: number, d: number): void;
}

const PAGE_BYTES = 65536;
/** wasm32's 4 GiB. */
const MAX_PAGES = 65536;
const EXPORTS: readonly (keyof KernelExports)[] = [
  'dot',
  'sqdist',
  'absdist',
  'cos_parts',
  'dot_rows',
  'sqdist_rows',
  'absdist_rows',
  'sqnorm_rows',
  'dot_block',
  'cos_scores',
  'div',
];

type Loaded = { ok: true; api: WasmApi; module: object; bytes: Uint8Array } | { ok: false; reason: string };
let loaded: Loaded | undefined;

/** The compiled module, or why there is none. Tried once per process. */
export function loadKernelModule(): Loaded {
  loaded ??= load();
  return loaded;
}

function load(): Loaded {
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  if (api === undefined) return { ok: false, reason: 'this runtime has no WebAssembly' };
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(new URL('./kernels.wasm', import.meta.url));
  } catch (error) {
    return { ok: false, reason: `kernels.wasm not found beside the module (${message(error)})` };
  }
  try {
    const module = new api.Module(bytes);
    // Instantiating once proves the imports and exports are what this file expects.
    const probe = new api.Instance(module, { env: { memory: newMemory(api, 1, false) } }).exports;
    const missing = EXPORTS.filter((name) => typeof (probe as Record<string, unknown>)[name] !== 'function');
    if (missing.length > 0) return { ok: false, reason: `kernels.wasm lacks ${missing.join(', ')}` };
    return { ok: true, api, module, bytes };
  } catch (error) {
    // A CompileError here almost always means the engine has no (or disabled) SIMD.
    return { ok: false, reason: `kernels.wasm does not compile here, no WebAssembly SIMD? (${message(error)})` };
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function newMemory(api: WasmApi, pages: number, shared: boolean): WasmMemory {
  return new api.Memory({ initial: pages, maximum: MAX_PAGES, shared });
}

let shared: object | null | undefined;

/**
 * The kernels for shared memory, or null where the engine has none. The same bytes as
 * kernels.wasm with one byte changed: the memory import's limits flag, from "has a maximum" (1) to
 * "has a maximum and is shared" (3), which is why kernels.wat declares a maximum. Compiled on
 * first use.
 */
export function sharedKernelModule(): object | null {
  if (shared !== undefined) return shared;
  shared = null;
  const wasm = loadKernelModule();
  const at = wasm.ok ? memoryLimitsFlag(wasm.bytes) : -1;
  if (!wasm.ok || at < 0 || typeof SharedArrayBuffer !== 'function') return shared;
  const bytes = wasm.bytes.slice();
  bytes[at] = 3;
  try {
    const module = new wasm.api.Module(bytes);
    new wasm.api.Instance(module, { env: { memory: newMemory(wasm.api, 1, true) } });
    shared = module;
  } catch {
    // No shared memory here (or no threads): everything runs on the calling thread.
  }
  return shared;
}

/** Where the limits flag of the memory import `env.memory` is in a module, or −1. */
function memoryLimitsFlag(bytes: Uint8Array): number {
  let at = 8; // magic and version
  const leb = (): number => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const b = bytes[at++];
      value += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return value;
    }
  };
  while (at < bytes.length) {
    const id = bytes[at++];
    const size = leb();
    const end = at + size;
    if (id === 2) {
      // The import section: this module imports exactly one thing, the memory.
      if (leb() !== 1) return -1;
      for (let name = 0; name < 2; name++) {
        const length = leb(); // the module's name, then the field's
        at += length;
      }
      return bytes[at] === 2 && bytes[at + 1] === 1 ? at + 1 : -1;
    }
    at = end;
  }
  return -1;
}

let heapIds = 0;

/** A heap in its own WebAssembly memory, with its own instance of the kernels. */
export class WasmHeap implements KernelHeap {
  readonly backend = 'wasm-simd';
  f32: Float32Array;
  /** Names the heap to worker threads once it is shared; 0 before. */
  id = 0;
  private mem: WasmMemory;
  private x: KernelExports;

  /** Needs a successful {@link loadKernelModule}. */
  constructor(floats: number) {
    const wasm = loadKernelModule();
    if (!wasm.ok) throw new Error(`WebAssembly kernels unavailable: ${wasm.reason}`);
    this.mem = newMemory(wasm.api, Math.max(1, Math.ceil((floats * 4) / PAGE_BYTES)), false);
    this.x = new wasm.api.Instance(wasm.module, { env: { memory: this.mem } }).exports as KernelExports;
    this.f32 = new Float32Array(this.mem.buffer);
  }

  /** The memory (shared once `share` succeeded) and this thread's instance of the kernels on it. */
  get memory(): WasmMemory {
    return this.mem;
  }

  get kernels(): KernelExports {
    return this.x;
  }

  /**
   * Moves the heap into shared memory, contents and all, so that worker threads can run kernels
   * on it; false where there is no shared memory. Replaces `f32`. Copies into a shared buffer cost
   * about twice as much per call as into a private one, so only heaps that run big scans move.
   */
  share(): boolean {
    if (this.id !== 0) return true;
    const module = sharedKernelModule();
    const wasm = loadKernelModule();
    if (module === null || !wasm.ok) return false;
    const mem = newMemory(wasm.api, this.mem.buffer.byteLength / PAGE_BYTES, true);
    new Uint8Array(mem.buffer).set(new Uint8Array(this.mem.buffer));
    this.x = new wasm.api.Instance(module, { env: { memory: mem } }).exports as KernelExports;
    this.mem = mem;
    this.f32 = new Float32Array(mem.buffer);
    this.id = ++heapIds;
    return true;
  }

  reserve(floats: number): void {
    // The view's length, not memory.buffer: that getter is an engine call, and this runs on every kernel call.
    if (floats <= this.f32.length) return;
    const have = this.mem.buffer.byteLength;
    // At least doubling, so that growing row by row costs amortized O(1) per row.
    // (Short of the 4 GiB ceiling, where it takes just what is needed; past it, grow throws RangeError.)
    const pages = have / PAGE_BYTES;
    const need = Math.ceil((floats * 4 - have) / PAGE_BYTES);
    this.mem.grow(Math.max(need, Math.min(pages, MAX_PAGES - pages)));
    this.f32 = new Float32Array(this.mem.buffer);
  }

  // Offsets arrive in floats and leave in bytes; lengths are rounded up to whole blocks, which the
  // layout rules guarantee are zero-padded.
  dot(a: number, b: number, n: number): number {
    return this.x.dot(a << 2, b << 2, (n + 15) & ~15);
  }

  sqdist(a: number, b: number, n: number): number {
    return this.x.sqdist(a << 2, b << 2, (n + 15) & ~15);
  }

  absdist(a: number, b: number, n: number): number {
    return this.x.absdist(a << 2, b << 2, (n + 15) & ~15);
  }

  cosParts(a: number, b: number, n: number, out: number): void {
    this.x.cos_parts(a << 2, b << 2, (n + 15) & ~15, out << 2);
  }

  dotRows(m: number, rows: number, stride: number, q: number, n: number, out: number): void {
    this.x.dot_rows(m << 2, rows, stride << 2, q << 2, (n + 15) & ~15, out << 2);
  }

  sqdistRows(m: number, rows: number, stride: number, q: number, n: number, out: number): void {
    this.x.sqdist_rows(m << 2, rows, stride << 2, q << 2, (n + 15) & ~15, out << 2);
  }

  absdistRows(m: number, rows: number, stride: number, q: number, n: number, out: number): void {
    this.x.absdist_rows(m << 2, rows, stride << 2, q << 2, (n + 15) & ~15, out << 2);
  }

  sqnormRows(m: number, rows: number, stride: number, n: number, out: number): void {
    this.x.sqnorm_rows(m << 2, rows, stride << 2, (n + 15) & ~15, out << 2);
  }

  dotBlock(
    m: number,
    rows: number,
    stride: number,
    q: number,
    nq: number,
    qstride: number,
    n: number,
    out: number,
    ostride: number,
    tmp: number,
  ): void {
    this.x.dot_block(
      m << 2,
      rows,
      stride << 2,
      q << 2,
      nq,
      qstride << 2,
      (n + 15) & ~15,
      out << 2,
      ostride << 2,
      tmp << 2,
    );
  }

  divide(x: number, n: number, d: number): void {
    this.x.div(x << 2, (n + 3) & ~3, d);
  }

  cosScores(
    dots: number,
    norms: number,
    m: number,
    qnorms: number,
    n: number,
    s: number,
    scratch: number,
  ): Float64Array {
    const out = (scratch + 1) & ~1; // 8-byte aligned, for the Float64Array view
    this.x.cos_scores(dots << 2, norms << 2, m, qnorms << 2, n, out << 2, s);
    return new Float64Array(this.f32.buffer, out << 2, n * s);
  }
}
