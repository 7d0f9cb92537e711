import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { valueArb } from './arbitrary.js';
import { equals } from './compare.js';
import { DecodeError, decode } from './decode.js';
import { encode, MAX_DEPTH } from './encode.js';
import { Name, Tuple, type Value } from './value.js';

function fromHex(h: string): Uint8Array {
  return new Uint8Array(Buffer.from(h, 'hex'));
}

function rejects(h: string, message: RegExp): void {
  assert.throws(
    () => decode(fromHex(h)),
    (e: unknown) => e instanceof DecodeError && e.code === 'DecodeError' && message.test(e.message),
    `expected ${h} to be rejected with ${message}`,
  );
}

describe('decode', () => {
  test('round-trips every value, byte-identically', () => {
    fc.assert(
      fc.property(valueArb, (v) => {
        const bytes = encode(v);
        const back = decode(bytes);
        assert.ok(equals(back, v));
        assert.deepEqual(encode(back), bytes);
      }),
      { numRuns: 500 },
    );
  });

  test('shapes: string-keyed maps become records, others Maps; Set, Tuple, Name', () => {
    const rec = decode(encode(new Map<Value, Value>([['a', 1]])));
    assert.equal(Object.getPrototypeOf(rec), Object.prototype);
    assert.deepEqual(rec, { a: 1 });
    assert.deepEqual(decode(encode(new Map())), {});
    const m = decode(encode(new Map<Value, Value>([[1, 'a']])));
    assert.ok(m instanceof Map);
    assert.equal(m.get(1), 'a');
    assert.ok(decode(encode(new Set([1]))) instanceof Set);
    assert.ok(decode(encode(new Tuple([1]))) instanceof Tuple);
    const n = decode(encode(new Name(new Uint8Array([7]))));
    assert.ok(n instanceof Name);
    assert.deepEqual([...n.bytes], [7]);
  });

  test('a "__proto__" key becomes an own property, not the prototype', () => {
    const v = Object.defineProperty({}, '__proto__', { value: [1], enumerable: true });
    const back = decode(encode(v as Value)) as Record<string, Value>;
    assert.equal(Object.getPrototypeOf(back), Object.prototype);
    assert.deepEqual(Object.keys(back), ['__proto__']);
    assert.ok(equals(back, v as Value));
  });

  test('decoded bytes do not alias the input', () => {
    const input = encode(new Uint8Array([1, 2, 3]));
    const out = decode(input) as Uint8Array;
    input[2] = 99;
    assert.deepEqual([...out], [1, 2, 3]);
  });

  test('accepts a view with a byte offset', () => {
    const inner = encode([1.5, 'x']);
    const padded = new Uint8Array(inner.length + 3);
    padded.set(inner, 2);
    assert.ok(equals(decode(padded.subarray(2, 2 + inner.length)), [1.5, 'x']));
  });

  test('malformed input throws DecodeError naming the offset', () => {
    rejects('', /unexpected end of input at offset 0/);
    rejects('ff', /unknown tag 0xff at offset 0/);
    rejects('0c', /unknown tag 0x0c/);
    rejects('0000', /trailing bytes after the value at offset 1/);
    rejects('0701', /count 1 exceeds the remaining input at offset 0/);
    rejects('07020005', /truncated varint at offset 4/);
    rejects('05026869ff', /trailing bytes/);
    rejects('0504686969', /length 4 runs past the end of input at offset 2/);
    rejects('03000000', /truncated float64/);
    rejects('07ffffffff0f', /count \d+ exceeds the remaining input at offset 0/);
  });

  test('non-canonical input is rejected', () => {
    rejects('078000', /non-minimal varint at offset 1/);
    rejects('038000000000000000', /non-canonical -0/);
    rejects('037ff8000000000001', /non-canonical NaN/);
    rejects('03fff8000000000000', /non-canonical NaN/);
    rejects('040100', /negative-zero bigint/);
    rejects('040200', /invalid bigint sign/);
    rejects('04008100', /non-minimal bigint/);
    rejects('0501c3', /invalid UTF-8 in string at offset 2/);
    rejects('0506eda080edb080', /invalid UTF-8/); // a surrogate pair written as two surrogates
    rejects('0a020200', /set elements not in strictly ascending order at offset 3/);
    rejects('0a020000', /set elements not in strictly ascending order/);
    rejects('09020501620005016100', /map keys not in strictly ascending order at offset 6/);
    rejects('09020501610005016100', /map keys not in strictly ascending order/);
  });

  test('deep nesting is bounded like encode', () => {
    const ok = new Uint8Array(MAX_DEPTH * 2 + 1);
    for (let i = 0; i < MAX_DEPTH; i++) ok.set([0x07, 0x01], i * 2);
    ok[MAX_DEPTH * 2] = 0x00;
    assert.doesNotThrow(() => decode(ok));
    const tooDeep = new Uint8Array((MAX_DEPTH + 1) * 2 + 1);
    for (let i = 0; i <= MAX_DEPTH; i++) tooDeep.set([0x07, 0x01], i * 2);
    assert.throws(() => decode(tooDeep), /nesting deeper than/);
  });

  test('anything decode accepts re-encodes to the same bytes (random and mutated input)', () => {
    const check = (bytes: Uint8Array): void => {
      let v: Value;
      try {
        v = decode(bytes);
      } catch (e) {
        assert.ok(e instanceof DecodeError, String(e));
        return;
      }
      assert.deepEqual(encode(v), bytes);
    };
    fc.assert(fc.property(fc.uint8Array({ maxLength: 24 }), check), { numRuns: 500 });
    const mutated = fc.tuple(valueArb, fc.nat(), fc.integer({ min: 0, max: 255 })).map(([v, i, b]) => {
      const bytes = encode(v);
      bytes[i % bytes.length] = b;
      return bytes;
    });
    fc.assert(fc.property(mutated, check), { numRuns: 500 });
  });
});
