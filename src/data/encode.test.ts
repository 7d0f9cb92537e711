import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { equivalentPairArb, valueArb } from './arbitrary.js';
import { encode, encodedLength, encodeInto, MAX_DEPTH, Tag } from './encode.js';
import { InvalidValueError, Name, Tuple, tuple, type Value } from './value.js';
import { ByteWriter } from './writer.js';

function hex(v: Value): string {
  return Buffer.from(encode(v)).toString('hex');
}

describe('encode', () => {
  test('golden bytes for every kind', () => {
    assert.equal(hex(null), '00');
    assert.equal(hex(false), '01');
    assert.equal(hex(true), '02');
    assert.equal(hex(1), '033ff0000000000000');
    assert.equal(hex(0n), '040000');
    assert.equal(hex(-300n), '0401ac02');
    assert.equal(hex('hi'), '05026869');
    assert.equal(hex(new Uint8Array([0xab])), '0601ab');
    assert.equal(hex([null, true]), '07020002');
    assert.equal(hex(tuple(null)), '080100');
    assert.equal(hex({ b: null, a: true }), '09020501610205016200');
    assert.equal(hex(new Set([true, null])), '0a020002');
    assert.equal(hex(new Name(new Uint8Array([1, 2]))), '0b020102');
    assert.equal(hex([]), '0700');
    assert.equal(hex({}), '0900');
  });

  test('tags follow ValueKind order', () => {
    const tags = Object.values(Tag);
    assert.deepEqual(
      tags,
      [...tags].sort((a, b) => a - b),
    );
  });

  test('-0 is 0 and every NaN is one canonical NaN', () => {
    assert.equal(hex(-0), hex(0));
    assert.equal(hex(-0), '030000000000000000');
    const otherNaN = new Float64Array(new Uint8Array([1, 0, 0, 0, 0, 0, 0xf8, 0xff]).buffer)[0];
    assert.ok(Number.isNaN(otherNaN));
    assert.equal(hex(otherNaN), '037ff8000000000000');
    assert.equal(hex(Number.NaN), '037ff8000000000000');
  });

  test('records and Maps with the same entries encode alike, in canonical key order', () => {
    const rec = { b: 1, a: [2], '10': null, '9': null };
    const map = new Map<Value, Value>([
      ['9', null],
      ['a', [2]],
      ['10', null],
      ['b', 1],
    ]);
    assert.equal(hex(rec), hex(map));
    // Keys sort by the total order: strings by code point, so "10" < "9" (integer-like keys are not special).
    assert.ok(hex(rec).startsWith('0904050231300005013900'));
    // Keys of different kinds sort by kind: number < string < list.
    assert.equal(
      hex(
        new Map<Value, Value>([
          [[1], 0],
          ['x', 0],
          [2, 0],
        ]),
      ),
      hex(
        new Map<Value, Value>([
          [2, 0],
          ['x', 0],
          [[1], 0],
        ]),
      ),
    );
  });

  test('structurally duplicate Map keys: the later entry wins', () => {
    const m = new Map<Value, Value>([
      [[1], 'first'],
      [[1], 'second'],
    ]);
    assert.equal(hex(m), hex(new Map<Value, Value>([[[1], 'second']])));
  });

  test('sets are sorted with structural duplicates removed', () => {
    assert.equal(hex(new Set<Value>([[1], 'a', [1], 0])), hex(new Set<Value>([0, 'a', [1]])));
    assert.equal(hex(new Set<Value>([[1], [1]])), '0a010701033ff0000000000000');
  });

  test('a bigint is not the number of the same magnitude, a tuple is not a list', () => {
    assert.notEqual(hex(1n), hex(1));
    assert.notEqual(hex(tuple(1, 2)), hex([1, 2]));
    assert.notEqual(hex(new Name(new Uint8Array([1]))), hex(new Uint8Array([1])));
  });

  test('non-values throw InvalidValueError naming them', () => {
    class Point {
      x = 1;
    }
    const bad: Array<[unknown, RegExp]> = [
      [undefined, /undefined/],
      [() => 1, /function/],
      [Symbol('s'), /Symbol\(s\)/],
      [new Point(), /instance of Point/],
      [new Int8Array(2), /instance of Int8Array/],
      [new Date(0), /instance of Date/],
      [[1, undefined], /undefined/],
      [{ a: { b: () => 1 } }, /function/],
      [new Map([[1, undefined]]), /undefined/],
      [new Set([Symbol.iterator]), /Symbol/],
      [new Tuple([undefined as unknown as Value]), /undefined/],
    ];
    for (const [v, message] of bad) {
      assert.throws(
        () => encode(v as Value),
        (e: unknown) => e instanceof InvalidValueError && message.test(e.message),
      );
    }
  });

  test('cycles and too-deep nesting are rejected, not a stack overflow', () => {
    const cyclic: Value[] = [];
    cyclic.push(cyclic);
    assert.throws(() => encode(cyclic), InvalidValueError);
    let deep: Value = null;
    for (let i = 0; i < MAX_DEPTH; i++) deep = [deep];
    assert.doesNotThrow(() => encode(deep));
    assert.throws(() => encode([deep]), /nesting deeper than/);
  });

  test('encode returns a fresh array each time; encodedLength matches', () => {
    const a = encode([1, 'x']);
    const b = encode([1, 'x']);
    assert.notEqual(a, b);
    assert.deepEqual(a, b);
    encode('something else entirely');
    assert.deepEqual(a, b);
    fc.assert(
      fc.property(valueArb, (v) => {
        assert.equal(encodedLength(v), encode(v).length);
      }),
      { numRuns: 200 },
    );
  });

  test('encodeInto appends to a writer', () => {
    const w = new ByteWriter();
    w.writeByte(0xee);
    encodeInto(true, w);
    encodeInto(null, w);
    assert.deepEqual([...w.finish()], [0xee, Tag.True, Tag.Null]);
  });

  test('reentrant encode (a record getter encoding) does not corrupt the outer result', () => {
    const tricky = {
      get a(): Value {
        encode(['inner', 1, 2, 3]);
        return 'outer';
      },
    };
    assert.equal(hex(tricky), hex({ a: 'outer' }));
  });

  test('equal values with different representations encode alike', () => {
    fc.assert(
      fc.property(equivalentPairArb, ([a, b]) => {
        assert.deepEqual(encode(a), encode(b));
      }),
      { numRuns: 400 },
    );
  });

  test('large values grow the shared buffer and still encode correctly', () => {
    const big = Array.from({ length: 5000 }, (_, i) => `item-${i}`);
    const bytes = encode(big);
    assert.equal(bytes.length, encodedLength(big));
    assert.equal(hex(['small']), '07010505736d616c6c');
  });
});
