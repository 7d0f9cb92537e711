/**
 * BLAKE2b-256, the hash of every trie node, leaf and root, and of every logged event.
 *
 * Two implementations give the same bits: the project's own WebAssembly module (blake2b.wat, loaded
 * by blake2b-wasm.ts; one wasm call per digest, 2–3x faster on the small inputs that dominate) and
 * hash-wasm, the fallback when blake2b.wasm is absent (running from source with tsx) or broken, and
 * the oracle the tests compare against. hash-wasm compiles asynchronously, so the history layer needs
 * one `await initHashing()` at start-up, and everything after it (checkpoints, loads, verification)
 * stays synchronous. `node:crypto` cannot produce BLAKE2b-256 on Node 20 (only BLAKE2b-512).
 */

import { createBLAKE2b, type IHasher } from 'hash-wasm';
import { Blake2bWasm, loadBlake2bModule } from './blake2b-wasm.js';
import { HistoryError } from './errors.js';

/** Length in bytes of every hash, key, value and root in this layer. */
export const HASH_LENGTH = 32;

/** Which implementation computes digests. */
export type HashingBackend = 'wasm' | 'hash-wasm';

/** What {@link hashingBackendInfo} reports. */
export interface HashingBackendInfo {
  /** The implementation in use, or null before {@link initHashing} has finished. */
  readonly active: HashingBackend | null;
  /** Whether blake2b.wasm loaded and passed its self-test (so `active` is `wasm` unless forced). */
  readonly wasmAvailable: boolean;
  /** Why the WebAssembly module is unavailable, or null. */
  readonly unavailableReason: string | null;
  /** Whether {@link forceHashWasmForTesting} is in effect. */
  readonly forced: boolean;
}

let pending: Promise<void> | null = null;
let ready = false;
let forced = false;
/** The project's module, instantiated at initialisation when it loads. */
let own: Blake2bWasm | null = null;
/** hash-wasm's hasher, compiled only when it is needed (no module of our own, or forced). */
let fallback: IHasher | null = null;
/** What blake2b256 calls: `own` once ready and not forced, otherwise null (hash-wasm, or not ready). */
let active: Blake2bWasm | null = null;

/** Prepares hashing once; later calls (also concurrent ones) share the same promise. */
export function initHashing(): Promise<void> {
  pending ??= initialise();
  return pending;
}

async function initialise(): Promise<void> {
  if (loadBlake2bModule().ok) own = new Blake2bWasm();
  if (own === null || forced) fallback ??= await createBLAKE2b(256);
  // Readiness always comes after an await, although our module loads synchronously: code that forgets
  // to await initHashing() then fails the same way whichever implementation the build ships.
  else await Promise.resolve();
  ready = true;
  select();
}

function select(): void {
  active = ready && !forced ? own : null;
}

/** Whether {@link initHashing} has finished, i.e. whether {@link blake2b256} may be called. */
export function isHashingReady(): boolean {
  return ready;
}

/** The implementation in use. Throws `HashingNotInitialised` before {@link initHashing} has finished. */
export function hashingBackend(): HashingBackend {
  if (!ready) throw notInitialised();
  return active !== null ? 'wasm' : 'hash-wasm';
}

export function hashingBackendInfo(): HashingBackendInfo {
  const wasm = loadBlake2bModule();
  return {
    active: ready ? hashingBackend() : null,
    wasmAvailable: wasm.ok,
    unavailableReason: wasm.ok ? null : wasm.reason,
    forced,
  };
}

/**
 * Test-only: `true` routes every later digest through hash-wasm (compiling it if needed), `false`
 * returns to the WebAssembly module when it is available. Does not initialise hashing by itself.
 */
export async function forceHashWasmForTesting(force: boolean): Promise<void> {
  // Compiled before the switch, so that `forced` always implies a ready fallback.
  if (force) fallback ??= await createBLAKE2b(256);
  forced = force;
  select();
}

function notInitialised(): HistoryError {
  return new HistoryError('HashingNotInitialised', 'BLAKE2b is not initialised: await initHashing() once at start-up');
}

function hashWasm(): IHasher {
  // `fallback` may exist before initialisation (forced early), so readiness is checked on its own.
  if (!ready || fallback === null) throw notInitialised();
  fallback.init();
  return fallback;
}

/** The 32-byte BLAKE2b-256 digest of `bytes`, as a fresh array. Throws before {@link initHashing} has finished. */
export function blake2b256(bytes: Uint8Array): Uint8Array {
  if (active !== null) return active.hash(bytes);
  const h = hashWasm();
  h.update(bytes);
  return h.digest('binary');
}

/**
 * The digest of the concatenation of `parts` (e.g. a tag byte and an encoding), as a fresh array,
 * without building the concatenation: the parts are copied straight into the hasher.
 */
export function blake2b256Parts(...parts: Uint8Array[]): Uint8Array {
  if (active !== null) return active.hashParts(parts);
  const h = hashWasm();
  for (const part of parts) h.update(part);
  return h.digest('binary');
}

/** Lowercase hex of `bytes`. */
export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('hex');
}

/** The bytes of a hex string (either case); throws `InvalidInput` for odd length or non-hex characters. */
export function fromHex(hex: string): Uint8Array {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) {
    throw new HistoryError('InvalidInput', `not a hex string: ${JSON.stringify(hex.slice(0, 80))}`);
  }
  // A copy, so the result never views Node's shared Buffer pool.
  return new Uint8Array(Buffer.from(hex, 'hex'));
}

/** Whether two byte arrays hold the same bytes. */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Lexicographic byte order (shorter first on a common prefix), as `Array.prototype.sort` expects. */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  // A JS loop: for 32-byte keys the native call behind Buffer.compare costs more than the comparison itself
  // (measured: sorting 10,000 keys takes 2.7x longer with Buffer.compare).
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = a[i] - b[i];
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

/** A compact string form of a hash, one char per byte, for use as a JS Map key. */
export function hashKey(hash: Uint8Array): string {
  return Buffer.from(hash.buffer, hash.byteOffset, hash.length).toString('latin1');
}

/** Inverse of {@link hashKey}. */
export function hashFromKey(key: string): Uint8Array {
  return new Uint8Array(Buffer.from(key, 'latin1'));
}
