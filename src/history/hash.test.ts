import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { HistoryError } from './errors.js';
import {
  blake2b256,
  bytesEqual,
  compareBytes,
  fromHex,
  hashFromKey,
  hashKey,
  initHashing,
  isHashingReady,
  toHex,
} from './hash.js';

// Vectors from Python's hashlib: hashlib.blake2b(m, digest_size=32).hexdigest().
const VECTORS: Array<[Uint8Array, string]> = [
  [new Uint8Array(0), '0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8'],
  [new TextEncoder().encode('abc'), 'bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319'],
  [new Uint8Array([0]), '03170a2e7597b7b7e3d84c05391d139a62b157e78786d8c082f29dcf4c111314'],
  [
    Uint8Array.from({ length: 1024 }, (_, i) => i & 0xff),
    'f1551feeb252c7e60bb362205bd1ac2f70b145260a91d41e8c5d0a187549a5f2',
  ],
];

describe('hash', () => {
  test('hashing before initHashing() fails with a clear error', () => {
    // Each test file runs in its own process, so nothing has initialised hashing yet.
    if (isHashingReady()) return;
    assert.throws(
      () => blake2b256(new Uint8Array(1)),
      (e: unknown) => e instanceof HistoryError && e.code === 'HashingNotInitialised' && /initHashing/.test(e.message),
    );
  });

  test('initHashing is idempotent and concurrent calls share one initialisation', async () => {
    const a = initHashing();
    const b = initHashing();
    assert.equal(a, b);
    await Promise.all([a, b]);
    assert.equal(isHashingReady(), true);
  });

  test('BLAKE2b-256 matches known vectors', async () => {
    await initHashing();
    for (const [input, hex] of VECTORS) assert.equal(toHex(blake2b256(input)), hex);
  });

  test('digests are fresh arrays that later hashing does not overwrite', async () => {
    await initHashing();
    const a = blake2b256(VECTORS[1][0]);
    blake2b256(VECTORS[0][0]);
    assert.equal(toHex(a), VECTORS[1][1]);
    assert.equal(a.length, 32);
  });

  test('hashes subarrays by their own bytes, not the whole buffer', async () => {
    await initHashing();
    const big = new TextEncoder().encode('xxabcxx');
    assert.equal(toHex(blake2b256(big.subarray(2, 5))), VECTORS[1][1]);
  });

  test('hex round trip and rejection of malformed hex', () => {
    const bytes = Uint8Array.from([0, 1, 0xab, 0xff]);
    assert.equal(toHex(bytes), '0001abff');
    assert.deepEqual(fromHex('0001ABff'), bytes);
    assert.equal(fromHex('00').buffer.byteLength, 1);
    for (const bad of ['0', 'zz', '0x00']) {
      assert.throws(
        () => fromHex(bad),
        (e: unknown) => e instanceof HistoryError && e.code === 'InvalidInput',
      );
    }
  });

  test('byte helpers', () => {
    const a = Uint8Array.from([1, 2, 3]);
    assert.equal(bytesEqual(a, Uint8Array.from([1, 2, 3])), true);
    assert.equal(bytesEqual(a, Uint8Array.from([1, 2])), false);
    assert.ok(compareBytes(Uint8Array.from([1, 2]), a) < 0);
    assert.ok(compareBytes(Uint8Array.from([2]), a) > 0);
    assert.deepEqual(hashFromKey(hashKey(a)), a);
  });
});
