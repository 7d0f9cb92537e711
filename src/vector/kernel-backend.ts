/**
 * Which implementation of the float32 inner loops runs: the WebAssembly SIMD module when it loads,
 * the TypeScript loops otherwise. Both give the same bits, so the choice changes speed, never a
 * score; forcing the fallback exists for tests and for comparing the two.
 */
import { InvalidVectorOptionError } from './errors.js';
import { type KernelBackend, type KernelHeap, TypeScriptHeap } from './heap.js';
import { loadKernelModule, WasmHeap } from './wasm.js';

export type { KernelBackend };

/** What `kernelBackendInfo()` reports. */
export interface KernelBackendInfo {
  /** The implementation new heaps (and the free kernel functions) use now. */
  readonly active: KernelBackend;
  /** Whether kernels.wasm loaded and compiled (so `active` is `wasm-simd` unless forced). */
  readonly wasmAvailable: boolean;
  /** Why the WebAssembly kernels are unavailable, or null. */
  readonly unavailableReason: string | null;
  /** Whether `forceKernelBackend('typescript')` is in effect. */
  readonly forced: boolean;
}

let forceFallback = false;
// loadKernelModule's verdict, cached here because every kernel call asks.
let wasmOk: boolean | undefined;

/** The implementation in use now. */
export function kernelBackend(): KernelBackend {
  wasmOk ??= loadKernelModule().ok;
  return wasmOk && !forceFallback ? 'wasm-simd' : 'typescript';
}

export function kernelBackendInfo(): KernelBackendInfo {
  const wasm = loadKernelModule();
  return {
    active: kernelBackend(),
    wasmAvailable: wasm.ok,
    unavailableReason: wasm.ok ? null : wasm.reason,
    forced: forceFallback,
  };
}

/**
 * `'typescript'` makes every later kernel call and every backend created afterwards use the
 * TypeScript loops; `'auto'` returns to the WebAssembly kernels when they are available. Backends
 * keep the implementation they were created with. Returns the implementation now active.
 */
export function forceKernelBackend(choice: 'typescript' | 'auto'): KernelBackend {
  if (choice !== 'typescript' && choice !== 'auto') {
    throw new InvalidVectorOptionError('kernel backend choice', choice, "'typescript' or 'auto'");
  }
  forceFallback = choice === 'typescript';
  return kernelBackend();
}

/** A fresh heap of at least `floats` floats for the active implementation. */
export function createHeap(floats: number): KernelHeap {
  return kernelBackend() === 'wasm-simd' ? new WasmHeap(floats) : new TypeScriptHeap(floats);
}
