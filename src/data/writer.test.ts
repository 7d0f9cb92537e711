import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { stringArb } from './arbitrary.js';
import { ByteReader, ByteWriter, DecodeError } from './writer.js';

function bytesOf(write: (w: ByteWriter) => void): number[] {
  const w = new ByteWriter(16);
  write(w);
  return [...w.finish()];
}

function reader(bytes: number[]): ByteReader {
  return new ByteReader(new Uint8Array(bytes));
}

describe('ByteWriter', () => {
  test('varints are unsigned LEB128', () => {
    const cases: Array<[number, number[]]> = [
      [0, [0]],
      [127, [0x7f]],
      [128, [0x80, 0x01]],
      [300, [0xac, 0x02]],
      [2 ** 32, [0x80, 0x80, 0x80, 0x80, 0x10]],
      [Number.MAX_SAFE_INTEGER, [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f]],
    ];
    for (const [n, bytes] of cases) {
      assert.deepEqual(
        bytesOf((w) => w.writeVarint(n)),
        bytes,
      );
    }
  });

  test('varints reject what they cannot represent', () => {
    const w = new ByteWriter();
    for (const bad of [-1, 0.5, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY]) {
      assert.throws(() => w.writeVarint(bad), RangeError);
    }
  });

  test('varints round-trip', () => {
    fc.assert(
      fc.property(fc.oneof(fc.nat(300), fc.nat(), fc.maxSafeNat()), (n) => {
        const w = new ByteWriter(1);
        w.writeVarint(n);
        const r = new ByteReader(w.finish());
        assert.equal(r.readVarint(), n);
        assert.equal(r.remaining, 0);
      }),
      { numRuns: 300 },
    );
  });

  test('float64 is big-endian', () => {
    assert.deepEqual(
      bytesOf((w) => w.writeFloat64(1)),
      [0x3f, 0xf0, 0, 0, 0, 0, 0, 0],
    );
    assert.equal(reader([0xc0, 0, 0, 0, 0, 0, 0, 0]).readFloat64(), -2);
  });

  test('strings are varint byte length + UTF-8 and round-trip', () => {
    assert.deepEqual(
      bytesOf((w) => w.writeString('hi')),
      [2, 0x68, 0x69],
    );
    assert.deepEqual(
      bytesOf((w) => w.writeString('é')),
      [2, 0xc3, 0xa9],
    );
    const long = 'é'.repeat(100); // 200 bytes: a 2-byte length although s.length < 128
    assert.deepEqual(bytesOf((w) => w.writeString(long)).slice(0, 3), [0xc8, 0x01, 0xc3]);
    fc.assert(
      fc.property(fc.array(stringArb, { maxLength: 4 }), (ss) => {
        const w = new ByteWriter(1);
        for (const s of ss) w.writeString(s);
        const r = new ByteReader(w.finish());
        for (const s of ss) assert.equal(r.readString(r.readVarint()), s);
        assert.equal(r.remaining, 0);
      }),
      { numRuns: 300 },
    );
  });

  test('writeUtf8 writes no prefix and returns the byte count', () => {
    const w = new ByteWriter();
    assert.equal(w.writeUtf8('a\u{1f600}'), 5);
    assert.equal(w.length, 5);
  });

  test('grows, resets for reuse, and finish returns a copy', () => {
    const w = new ByteWriter(16);
    const big = new Uint8Array(5000).fill(7);
    w.writeBytes(big);
    w.writeByte(9);
    const out = w.finish();
    assert.equal(out.length, 5001);
    assert.equal(out[5000], 9);
    w.reset();
    assert.equal(w.length, 0);
    w.writeByte(1);
    assert.deepEqual([...w.finish()], [1]);
    assert.equal(out[0], 7, 'an earlier result is not overwritten by reuse');
  });

  test('toLatin1 maps each byte to one char', () => {
    const w = new ByteWriter();
    w.writeBytes(new Uint8Array([0, 0x41, 0xff]));
    assert.equal(w.toLatin1(), '\u0000A\u00ff');
    w.writeBytes(new Uint8Array(1000).fill(0x42)); // grows: the cached view must follow the new buffer
    const s = w.toLatin1();
    assert.equal(s.length, 1003);
    assert.equal(s.slice(0, 4), '\u0000A\u00ffB');
  });
});

describe('ByteReader', () => {
  test('rejects non-minimal and oversized varints', () => {
    assert.throws(() => reader([0x80, 0x00]).readVarint(), /non-minimal varint at offset 0/);
    assert.throws(() => reader([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x10]).readVarint(), /exceeds/);
    assert.throws(() => reader([0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01]).readVarint(), /exceeds/);
  });

  test('truncated reads throw DecodeError naming the offset', () => {
    const r = reader([0x05, 0x80]);
    assert.equal(r.readByte(), 5);
    assert.throws(
      () => r.readVarint(),
      (e: unknown) =>
        e instanceof DecodeError && e.code === 'DecodeError' && e.offset === 1 && /offset 1/.test(e.message),
    );
    assert.throws(() => reader([1, 2]).readFloat64(), DecodeError);
    assert.throws(() => reader([1, 2]).readBytes(3), /runs past the end/);
    assert.throws(() => reader([]).readByte(), /unexpected end of input at offset 0/);
    assert.throws(() => reader([0xc3]).readString(1), /invalid UTF-8/);
  });

  test('readBytes copies', () => {
    const src = new Uint8Array([1, 2, 3]);
    const r = new ByteReader(src.subarray(1));
    const got = r.readBytes(2);
    src[1] = 99;
    assert.deepEqual([...got], [2, 3]);
  });
});
