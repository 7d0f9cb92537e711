/**
 * The WebAssembly SIMD kernels: loading kernels.wasm (assembled from kernels.wat at build time and
 * shipped beside this file) and a heap whose memory they run over.
 *
 * Loading is synchronous and lazy (first use, not import): the module is small, and callers that
 * never touch vectors pay nothing. It fails softly — no WebAssembly, no SIMD (the module then does
 * not compile), or no .wasm file (running from source with tsx) — and the reason is kept for
 * `kernelBackendInfo()`; the TypeScript loops take over with the same results.
 */
import { readFileSync } from 'node:fs';
import type { KernelHeap } from './heap.js';

// The lib settings have no DOM, so the few WebAssembly constructors used here are typed locally.
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { readonly exports: object };
  Memory: new (descriptor: { initial: number }) => WasmMemory;
}

/** The functions kernels.wat exports; pointers are byte offsets, n a multiple of 16. */
interface KernelExports {
  dot(a: number, b: number, n: number): number;
  sqdist(a: number, b: number, n: number): number;
  absdist(a: number, b: number, n: number): number;
  cos_parts(a: number, b: number, n: number, out: number): void;
  dot_rows(m: number, rows: number, stride: number, q: number, n: number, out: number): void;
  sqdist_rows(m: number, rows: number, stride: number, q: number, n: number, out: number): void;
  absdist_rows(m: number, rows: number, stride: number, q: number, n: number, out: number): void;
  sqnorm_rows(m: number, rows: number, stride: number, n: number, out: number): void;
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
];

type Loaded = { ok: true; api: WasmApi; module: object } | { ok: false; reason: string };
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
    const probe = new api.Instance(module, { env: { memory: new api.Memory({ initial: 1 }) } }).exports;
    const missing = EXPORTS.filter((name) => typeof (probe as Record<string, unknown>)[name] !== 'function');
    if (missing.length > 0) return { ok: false, reason: `kernels.wasm lacks ${missing.join(', ')}` };
    return { ok: true, api, module };
  } catch (error) {
    // A CompileError here almost always means the engine has no (or disabled) SIMD.
    return { ok: false, reason: `kernels.wasm does not compile here, no WebAssembly SIMD? (${message(error)})` };
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A heap in its own WebAssembly memory, with its own instance of the kernels. */
export class WasmHeap implements KernelHeap {
  readonly backend = 'wasm-simd';
  f32: Float32Array;
  private readonly memory: WasmMemory;
  private readonly x: KernelExports;

  /** Needs a successful {@link loadKernelModule}. */
  constructor(floats: number) {
    const wasm = loadKernelModule();
    if (!wasm.ok) throw new Error(`WebAssembly kernels unavailable: ${wasm.reason}`);
    this.memory = new wasm.api.Memory({ initial: Math.max(1, Math.ceil((floats * 4) / PAGE_BYTES)) });
    this.x = new wasm.api.Instance(wasm.module, { env: { memory: this.memory } }).exports as KernelExports;
    this.f32 = new Float32Array(this.memory.buffer);
  }

  reserve(floats: number): void {
    // The view's length, not memory.buffer: that getter is an engine call, and this runs on every kernel call.
    if (floats <= this.f32.length) return;
    const have = this.memory.buffer.byteLength;
    // At least doubling, so that growing row by row costs amortized O(1) per row.
    // (Short of the 4 GiB ceiling, where it takes just what is needed; past it, grow throws RangeError.)
    const pages = have / PAGE_BYTES;
    const need = Math.ceil((floats * 4 - have) / PAGE_BYTES);
    this.memory.grow(Math.max(need, Math.min(pages, MAX_PAGES - pages)));
    this.f32 = new Float32Array(this.memory.buffer);
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
}
