/**
 * The project's own BLAKE2b-256 WebAssembly module: loading blake2b.wasm (assembled at build time
 * from blake2b.wat, which scripts/gen-blake2b-wat.mjs generates, and shipped beside this file) and
 * hashing through it.
 *
 * Why not just hash-wasm: its JS glue makes three wasm calls per digest (init, update, digest) with
 * copies and allocations around each, about 1 µs of overhead on a 20-byte input whose compression
 * takes ~0.15 µs. Here a digest is one copy of the input into the module's memory, one call and one
 * 32-byte copy out.
 *
 * Loading is synchronous. It fails softly — no WebAssembly, no .wasm file (running from source with
 * tsx), or a module that does not compute BLAKE2b-256 (a stale build) — and keeps the reason, so
 * that hash.ts can fall back to hash-wasm and say why.
 */
import { readFileSync } from 'node:fs';

// The lib settings have no DOM, so the few WebAssembly types used here are declared locally.
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { readonly exports: object };
}

/** What blake2b.wat exports; pointers are byte offsets into `memory`, at or above `heap_base`. */
interface Blake2bExports {
  readonly memory: WasmMemory;
  /** Bytes below it are the module's scratch. */
  readonly heap_base: { readonly value: number };
  /** Digest of memory[ptr, ptr + len) into memory[out, out + 32). */
  hash(ptr: number, len: number, out: number): void;
  /** Streaming: init, update (len a multiple of 128, never the end of the input), final. */
  init(): void;
  update(ptr: number, len: number): void;
  final(ptr: number, len: number, out: number): void;
}

const EXPORTS = ['hash', 'init', 'update', 'final'] as const;
const PAGE_BYTES = 65536;
const DIGEST_BYTES = 32;
const BLOCK_BYTES = 128;

/** Inputs up to this size are copied whole into the module's memory; larger ones stream through a window this big. */
export const DEFAULT_MAX_INPUT = 1 << 20;

// Known answers checked at load: a stale or broken .wasm must not silently produce wrong roots.
// BLAKE2b-256 of "", of "abc" and of the 1,024 bytes 0, 1, …, 255, 0, 1, … (eight blocks, so the
// counter and the non-final blocks are covered too), as Python's hashlib.blake2b(m, digest_size=32) gives them.
const SELF_TEST: readonly [() => Uint8Array, string][] = [
  [() => new Uint8Array(0), '0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8'],
  [() => new TextEncoder().encode('abc'), 'bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319'],
  [
    () => Uint8Array.from({ length: 1024 }, (_, i) => i & 0xff),
    'f1551feeb252c7e60bb362205bd1ac2f70b145260a91d41e8c5d0a187549a5f2',
  ],
];

export type Blake2bModuleLoad = { ok: true; api: WasmApi; module: object } | { ok: false; reason: string };
let loaded: Blake2bModuleLoad | undefined;

/** The compiled module, or why there is none. Tried once per process. */
export function loadBlake2bModule(): Blake2bModuleLoad {
  loaded ??= load();
  return loaded;
}

function load(): Blake2bModuleLoad {
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  if (api === undefined) return { ok: false, reason: 'this runtime has no WebAssembly' };
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(new URL('./blake2b.wasm', import.meta.url));
  } catch (error) {
    return { ok: false, reason: `blake2b.wasm not found beside the module (${message(error)})` };
  }
  let module: object;
  let probe: Blake2bExports;
  try {
    module = new api.Module(bytes);
    probe = new api.Instance(module, {}).exports as Blake2bExports;
  } catch (error) {
    return { ok: false, reason: `blake2b.wasm does not compile here (${message(error)})` };
  }
  const missing: string[] = EXPORTS.filter((name) => typeof probe[name] !== 'function');
  if (typeof probe.heap_base?.value !== 'number') missing.push('heap_base');
  if (missing.length > 0) return { ok: false, reason: `blake2b.wasm lacks ${missing.join(', ')}` };
  try {
    const hasher = new Blake2bWasm({ compiled: { api, module } });
    for (const [input, hex] of SELF_TEST) {
      const bytes = input();
      const got = Buffer.from(hasher.hash(bytes)).toString('hex');
      if (got !== hex) return { ok: false, reason: `blake2b.wasm hashes ${bytes.length} bytes to ${got}, not ${hex}` };
    }
  } catch (error) {
    return { ok: false, reason: `blake2b.wasm fails its self-test (${message(error)})` };
  }
  return { ok: true, api, module };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export interface Blake2bWasmOptions {
  /**
   * Largest input (or sum of parts) hashed from one copy; larger inputs stream through a window of
   * this size, so a one-off huge input does not pin that much wasm memory (which never shrinks) for
   * the rest of the process. A positive multiple of 128. Default {@link DEFAULT_MAX_INPUT}; tests use
   * small windows to exercise streaming.
   */
  maxInput?: number;
  /** The compiled module to instantiate; default {@link loadBlake2bModule}'s, which must have loaded. */
  compiled?: { api: WasmApi; module: object };
}

/** A BLAKE2b-256 hasher over its own instance and memory. Synchronous, not reentrant (nothing in JS can re-enter it). */
export class Blake2bWasm {
  private readonly x: Blake2bExports;
  private readonly out: number;
  private readonly input: number;
  private readonly maxInput: number;
  private readonly maxPages: number;
  // Views of the whole memory and of the digest, replaced whenever the memory grows (growing detaches the old buffer).
  private u8: Uint8Array;
  private digest: Uint8Array;

  constructor(options: Blake2bWasmOptions = {}) {
    const maxInput = options.maxInput ?? DEFAULT_MAX_INPUT;
    if (!Number.isSafeInteger(maxInput) || maxInput <= 0 || maxInput % BLOCK_BYTES !== 0) {
      throw new RangeError(`maxInput must be a positive multiple of ${BLOCK_BYTES}, got ${maxInput}`);
    }
    let compiled = options.compiled;
    if (compiled === undefined) {
      const wasm = loadBlake2bModule();
      if (!wasm.ok) throw new Error(`BLAKE2b WebAssembly module unavailable: ${wasm.reason}`);
      compiled = wasm;
    }
    this.x = new compiled.api.Instance(compiled.module, {}).exports as Blake2bExports;
    // Digest first, then the input, 8-byte aligned so that the module's i64 loads are aligned.
    this.out = this.x.heap_base.value;
    this.input = this.out + 64;
    this.maxInput = maxInput;
    this.maxPages = Math.ceil((this.input + maxInput) / PAGE_BYTES);
    this.u8 = new Uint8Array(this.x.memory.buffer);
    this.digest = this.u8.subarray(this.out, this.out + DIGEST_BYTES);
  }

  /** Bytes of wasm memory this hasher holds (it grows, never shrinks). */
  get memoryBytes(): number {
    return this.u8.length;
  }

  /** The 32-byte BLAKE2b-256 digest of `bytes`, as a fresh array. */
  hash(bytes: Uint8Array): Uint8Array {
    const n = bytes.length;
    if (n > this.maxInput) return this.stream([bytes]);
    // The view's length, not memory.buffer: that getter is an engine call, and this is the hot path.
    if (this.input + n > this.u8.length) this.reserve(n);
    this.u8.set(bytes, this.input);
    this.x.hash(this.input, n, this.out);
    return this.copyDigest();
  }

  /** The digest of the concatenation of `parts`, without concatenating them in JS first. */
  hashParts(parts: readonly Uint8Array[]): Uint8Array {
    let n = 0;
    for (const part of parts) n += part.length;
    if (n > this.maxInput) return this.stream(parts);
    if (this.input + n > this.u8.length) this.reserve(n);
    let at = this.input;
    for (const part of parts) {
      this.u8.set(part, at);
      at += part.length;
    }
    this.x.hash(this.input, n, this.out);
    return this.copyDigest();
  }

  /** A fresh copy of the digest. (Copying a cached view beats `u8.slice`: ~35 vs ~58 ns, measured.) */
  private copyDigest(): Uint8Array {
    return new Uint8Array(this.digest);
  }

  /** Grows memory so that `n` (at most maxInput) input bytes fit, at least doubling it to keep growth rare. */
  private reserve(n: number): void {
    const have = this.u8.length / PAGE_BYTES;
    const need = Math.ceil((this.input + n) / PAGE_BYTES);
    const want = Math.min(Math.max(need, 2 * have), this.maxPages);
    // Past what the engine allows, grow throws a RangeError, which reaches the caller.
    if (want > have) this.x.memory.grow(want - have);
    this.u8 = new Uint8Array(this.x.memory.buffer);
    this.digest = this.u8.subarray(this.out, this.out + DIGEST_BYTES);
  }

  /** Hashes an input longer than maxInput, maxInput bytes (a whole number of blocks) per update. */
  private stream(parts: readonly Uint8Array[]): Uint8Array {
    this.reserve(this.maxInput);
    const { u8, input, maxInput, x } = this;
    x.init();
    let fill = 0;
    for (const part of parts) {
      let at = 0;
      while (at < part.length) {
        // Flush a full window only now that more bytes are known to follow: the window holding the
        // last byte must go to `final`, which flags the last block.
        if (fill === maxInput) {
          x.update(input, maxInput);
          fill = 0;
        }
        const take = Math.min(maxInput - fill, part.length - at);
        u8.set(part.subarray(at, at + take), input + fill);
        fill += take;
        at += take;
      }
    }
    x.final(input, fill, this.out);
    return this.copyDigest();
  }
}
