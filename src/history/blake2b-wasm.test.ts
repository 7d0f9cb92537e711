/**
 * The project's BLAKE2b-256 module against hash-wasm (the fallback, and the oracle here): known
 * vectors, every length around block boundaries, random inputs and parts, streaming, memory growth,
 * and the switch between the two in hash.ts. Runs from dist, where blake2b.wasm is assembled, so the
 * module must load: a build that lost it would otherwise pass on the fallback unnoticed.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { createBLAKE2b, type IHasher } from 'hash-wasm';
import { Blake2bWasm, DEFAULT_MAX_INPUT, loadBlake2bModule } from './blake2b-wasm.js';
import { HistoryError } from './errors.js';
import {
  blake2b256,
  blake2b256Parts,
  forceHashWasmForTesting,
  hashingBackend,
  hashingBackendInfo,
  initHashing,
  toHex,
} from './hash.js';

const EMPTY_HEX = '0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8';
const BOUNDARY_LENGTHS = [0, 1, 63, 64, 111, 112, 127, 128, 129, 255, 256, 257, 383, 384, 385, 1023, 1024, 1025];

let oracleHasher: IHasher | null = null;
async function oracleReady(): Promise<void> {
  oracleHasher ??= await createBLAKE2b(256);
}
/** hash-wasm's BLAKE2b-256 of the concatenation of `parts`, as hex. */
function oracle(...parts: Uint8Array[]): string {
  if (oracleHasher === null) throw new Error('await oracleReady() first');
  oracleHasher.init();
  for (const part of parts) oracleHasher.update(part);
  return toHex(oracleHasher.digest('binary'));
}

/** `n` deterministic pseudo-random bytes (xorshift32), so large inputs need no fast-check shrinking. */
function pseudoRandom(n: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(n);
  let s = seed | 1;
  for (let i = 0; i < n; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    bytes[i] = s & 0xff;
  }
  return bytes;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return all;
}

const PAGE_BYTES = 65536;
const utf8 = (text: string) => new TextEncoder().encode(text);
const input = fc.uint8Array({ minLength: 0, maxLength: 1000 });
const parts = fc.array(fc.uint8Array({ minLength: 0, maxLength: 300 }), { minLength: 0, maxLength: 6 });

// Before any test initialises hashing (each test file runs in its own process).
describe('hash.ts before initHashing', () => {
  test('reports no backend yet, and hashingBackend() throws', () => {
    assert.equal(hashingBackendInfo().active, null);
    assert.throws(
      () => hashingBackend(),
      (e: unknown) => e instanceof HistoryError && e.code === 'HashingNotInitialised',
    );
    assert.throws(() => blake2b256Parts(new Uint8Array(1)), { code: 'HashingNotInitialised' });
  });
});

describe('blake2b.wasm', () => {
  test('loads from the build and passes its self-test', () => {
    const loaded = loadBlake2bModule();
    assert.equal(loaded.ok, true, `blake2b.wasm should load from dist: ${loaded.ok ? '' : loaded.reason}`);
  });

  test('known vectors: the pinned empty digest, and hash-wasm on short texts', async () => {
    await oracleReady();
    const h = new Blake2bWasm();
    assert.equal(toHex(h.hash(new Uint8Array(0))), EMPTY_HEX);
    assert.equal(oracle(new Uint8Array(0)), EMPTY_HEX);
    for (const text of ['abc', 'The quick brown fox jumps over the lazy dog', '\u0000', 'a'.repeat(200)]) {
      assert.equal(toHex(h.hash(utf8(text))), oracle(utf8(text)), JSON.stringify(text));
    }
  });

  test('every length from 0 to 1,100 bytes', async () => {
    await oracleReady();
    const h = new Blake2bWasm();
    for (let n = 0; n <= 1100; n++) {
      const bytes = pseudoRandom(n, n + 1);
      assert.equal(toHex(h.hash(bytes)), oracle(bytes), `length ${n}`);
    }
  });

  test('random inputs of 0 to 1,000 bytes, and of every length around block boundaries', async () => {
    await oracleReady();
    const h = new Blake2bWasm();
    fc.assert(
      fc.property(input, (bytes) => toHex(h.hash(bytes)) === oracle(bytes)),
      { numRuns: 500 },
    );
    for (const n of BOUNDARY_LENGTHS) {
      fc.assert(
        fc.property(fc.uint8Array({ minLength: n, maxLength: n }), (bytes) => toHex(h.hash(bytes)) === oracle(bytes)),
        { numRuns: 20 },
      );
    }
  });

  test('hashParts equals the hash of the concatenation', async () => {
    await oracleReady();
    const h = new Blake2bWasm();
    fc.assert(
      fc.property(parts, (ps) => toHex(h.hashParts(ps)) === oracle(concat(ps))),
      { numRuns: 300 },
    );
    assert.equal(toHex(h.hashParts([])), EMPTY_HEX);
  });

  test('digests are fresh 32-byte arrays, unaffected by later hashing; subarrays hash their own bytes', async () => {
    await oracleReady();
    const h = new Blake2bWasm();
    const a = h.hash(utf8('abc'));
    h.hash(pseudoRandom(5000, 7));
    assert.equal(a.length, 32);
    assert.equal(a.buffer.byteLength, 32);
    assert.equal(toHex(a), oracle(utf8('abc')));
    const big = utf8('xxabcxx');
    assert.equal(toHex(h.hash(big.subarray(2, 5))), toHex(a));
    assert.equal(toHex(h.hashParts([big.subarray(2, 3), big.subarray(3, 5)])), toHex(a));
  });

  test('memory grows for large inputs, and hashing stays right before and after', async () => {
    await oracleReady();
    const h = new Blake2bWasm();
    assert.equal(h.memoryBytes, PAGE_BYTES);
    const small = pseudoRandom(100, 3);
    const before = toHex(h.hash(small));
    for (const n of [PAGE_BYTES, 100_000, 300_000, 1_000_000]) {
      const bytes = pseudoRandom(n, n);
      assert.equal(toHex(h.hash(bytes)), oracle(bytes), `length ${n}`);
      assert.ok(h.memoryBytes >= n, `memory of ${h.memoryBytes} bytes holds ${n}`);
    }
    assert.equal(toHex(h.hash(small)), before);
    // Growth through hashParts as well, on a fresh hasher.
    const g = new Blake2bWasm();
    const ps = [pseudoRandom(70_000, 1), pseudoRandom(1, 2), pseudoRandom(130_001, 3)];
    assert.equal(toHex(g.hashParts(ps)), oracle(...ps));
    assert.ok(g.memoryBytes > 200_000);
  });

  test('inputs above maxInput stream through a bounded window', async () => {
    await oracleReady();
    const h = new Blake2bWasm();
    const limit = Math.ceil((128 + DEFAULT_MAX_INPUT) / PAGE_BYTES) * PAGE_BYTES;
    for (const n of [DEFAULT_MAX_INPUT, DEFAULT_MAX_INPUT + 1, 2 * DEFAULT_MAX_INPUT, 3_000_000]) {
      const bytes = pseudoRandom(n, n);
      assert.equal(toHex(h.hash(bytes)), oracle(bytes), `length ${n}`);
      const ps = [bytes.subarray(0, 1000), bytes.subarray(1000, n - 5), bytes.subarray(n - 5)];
      assert.equal(toHex(h.hashParts(ps)), oracle(bytes), `parts of length ${n}`);
    }
    assert.ok(h.memoryBytes <= limit, `memory stays at ${h.memoryBytes} <= ${limit} bytes`);
  });

  test('a small window streams every input and parts split identically', async () => {
    await oracleReady();
    for (const maxInput of [128, 256, 384]) {
      const h = new Blake2bWasm({ maxInput });
      for (const n of [...BOUNDARY_LENGTHS, 512, 513, 767, 768, 769]) {
        const bytes = pseudoRandom(n, n + maxInput);
        assert.equal(toHex(h.hash(bytes)), oracle(bytes), `window ${maxInput}, length ${n}`);
      }
      fc.assert(
        fc.property(input, (bytes) => toHex(h.hash(bytes)) === oracle(bytes)),
        { numRuns: 100 },
      );
      fc.assert(
        fc.property(parts, (ps) => toHex(h.hashParts(ps)) === oracle(concat(ps))),
        { numRuns: 100 },
      );
      assert.equal(h.memoryBytes, PAGE_BYTES);
    }
  });

  test('rejects a window that is not a positive multiple of 128', () => {
    for (const maxInput of [0, -128, 100, 129, 1.5]) {
      assert.throws(() => new Blake2bWasm({ maxInput }), RangeError, String(maxInput));
    }
  });

  test('the raw update export traps on a partial block', () => {
    const loaded = loadBlake2bModule();
    assert.ok(loaded.ok);
    const raw = new loaded.api.Instance(loaded.module, {}).exports as {
      init(): void;
      update(p: number, n: number): void;
    };
    raw.init();
    raw.update(128, 256);
    assert.throws(() => raw.update(128, 100), /unreachable/);
  });
});

describe('hash.ts backends', () => {
  test('uses the wasm module once initialised, with the same digests as hash-wasm', async () => {
    await Promise.all([initHashing(), oracleReady()]);
    assert.equal(hashingBackend(), 'wasm');
    assert.deepEqual(hashingBackendInfo(), {
      active: 'wasm',
      wasmAvailable: true,
      unavailableReason: null,
      forced: false,
    });
    assert.equal(toHex(blake2b256(new Uint8Array(0))), EMPTY_HEX);
    fc.assert(
      fc.property(input, (bytes) => toHex(blake2b256(bytes)) === oracle(bytes)),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(parts, (ps) => toHex(blake2b256Parts(...ps)) === oracle(...ps)),
      { numRuns: 200 },
    );
  });

  test('forcing the fallback switches to hash-wasm and back, with identical digests', async () => {
    await Promise.all([initHashing(), oracleReady()]);
    const samples = [...BOUNDARY_LENGTHS, 100_000].map((n) => pseudoRandom(n, 11 * n + 1));
    const viaWasm = samples.map((b) => toHex(blake2b256(b)));
    const partsViaWasm = toHex(blake2b256Parts(utf8('tag'), samples[5], samples[9]));
    try {
      await forceHashWasmForTesting(true);
      assert.equal(hashingBackend(), 'hash-wasm');
      assert.equal(hashingBackendInfo().forced, true);
      assert.deepEqual(
        samples.map((b) => toHex(blake2b256(b))),
        viaWasm,
      );
      assert.equal(toHex(blake2b256Parts(utf8('tag'), samples[5], samples[9])), partsViaWasm);
      assert.equal(toHex(blake2b256Parts()), EMPTY_HEX);
    } finally {
      await forceHashWasmForTesting(false);
    }
    assert.equal(hashingBackend(), 'wasm');
    assert.deepEqual(
      samples.map((b) => oracle(b)),
      viaWasm,
    );
  });
});
