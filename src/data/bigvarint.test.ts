import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { readBigVarint, writeBigVarint } from './bigvarint.js';
import { ByteReader, ByteWriter, DecodeError } from './writer.js';

/** Reference LEB128: 7 bits at a time with BigInt shifts (quadratic, fine for tests). */
function naive(m: bigint): number[] {
  const out: number[] = [];
  do {
    const g = Number(m & 0x7fn);
    m >>= 7n;
    out.push(m > 0n ? g | 0x80 : g);
  } while (m > 0n);
  return out;
}

function written(m: bigint): Uint8Array {
  const w = new ByteWriter(4);
  writeBigVarint(w, m);
  return w.finish();
}

describe('bigint varints', () => {
  test('match plain LEB128 and round-trip, across the small/large switch', () => {
    const magnitude = fc.oneof(
      fc.bigInt(0n, 1000n),
      fc.bigInt(BigInt(Number.MAX_SAFE_INTEGER) - 5n, BigInt(Number.MAX_SAFE_INTEGER) + 5n),
      fc.bigInt(0n, 1n << 64n),
      fc.bigInt(0n, 1n << 2000n),
    );
    fc.assert(
      fc.property(magnitude, (m) => {
        const bytes = written(m);
        assert.deepEqual([...bytes], naive(m));
        const r = new ByteReader(bytes);
        assert.equal(readBigVarint(r), m);
        assert.equal(r.remaining, 0);
      }),
      { numRuns: 300 },
    );
  });

  test('powers of two at chunk boundaries', () => {
    for (let bits = 0n; bits < 200n; bits++) {
      for (const m of [(1n << bits) - 1n, 1n << bits]) {
        assert.deepEqual([...written(m)], naive(m), `2^${bits}`);
        assert.equal(readBigVarint(new ByteReader(written(m))), m);
      }
    }
  });

  test('rejects non-minimal and truncated input', () => {
    assert.throws(() => readBigVarint(new ByteReader(new Uint8Array([0x81, 0x00]))), /non-minimal bigint/);
    const long = [...naive(1n << 100n)];
    assert.throws(() => readBigVarint(new ByteReader(new Uint8Array([...long.slice(0, -1), 0x80 | long.at(-1)!, 0]))));
    assert.throws(() => readBigVarint(new ByteReader(new Uint8Array([0x80, 0x80]))), DecodeError);
  });

  test('huge magnitudes take linear time', () => {
    const m = (1n << 400_000n) - 12345n;
    const start = performance.now();
    const bytes = written(m);
    assert.equal(readBigVarint(new ByteReader(bytes)), m);
    assert.ok(performance.now() - start < 1000, 'a 400k-bit bigint should round-trip quickly');
  });
});
