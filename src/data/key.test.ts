import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { equivalentPairArb, valueArb } from './arbitrary.js';
import { equals } from './compare.js';
import { encode } from './encode.js';
import { keyOf } from './key.js';
import { InvalidValueError, tuple, type Value } from './value.js';

/** SameValueZero, the key equality of JS Map. */
function sameKey(a: string | number, b: string | number): boolean {
  return new Map([[a, 0]]).has(b);
}

describe('keyOf', () => {
  test('numbers and ordinary strings are their own keys', () => {
    assert.equal(keyOf(3.5), 3.5);
    assert.ok(Object.is(keyOf(-0), 0));
    assert.ok(Number.isNaN(keyOf(Number.NaN)));
    assert.equal(keyOf(''), '');
    assert.equal(keyOf('chan'), 'chan');
  });

  test('everything else is \\u0000 + kind tag + latin1 encoding', () => {
    const latin1 = (v: Value): string => Buffer.from(encode(v)).toString('latin1');
    assert.equal(keyOf(null), `\u0000n${latin1(null)}`);
    assert.equal(keyOf(true), `\u0000b${latin1(true)}`);
    assert.equal(keyOf(false), `\u0000b${latin1(false)}`);
    assert.equal(keyOf(5n), `\u0000i${latin1(5n)}`);
    assert.equal(keyOf('\u0000x'), `\u0000s${latin1('\u0000x')}`);
    assert.equal(keyOf([1]), `\u0000l${latin1([1])}`);
    assert.equal(keyOf(tuple(1)), `\u0000t${latin1(tuple(1))}`);
    assert.equal(keyOf({ a: 1 }), `\u0000m${latin1({ a: 1 })}`);
  });

  test('distinguishes the cases that plain JS keys would conflate', () => {
    const distinct: Value[] = [1, '1', 1n, true, 'true', null, 'null', [1], tuple(1), '\u0000', '\u0000n\u0000'];
    const keys = new Set(distinct.map(keyOf));
    assert.equal(keys.size, distinct.length);
  });

  test('equal values get the same key', () => {
    fc.assert(
      fc.property(equivalentPairArb, ([a, b]) => {
        assert.ok(sameKey(keyOf(a), keyOf(b)));
      }),
      { numRuns: 400 },
    );
  });

  test('injective: same key iff equal', () => {
    fc.assert(
      fc.property(valueArb, valueArb, (a, b) => {
        assert.equal(sameKey(keyOf(a), keyOf(b)), equals(a, b));
      }),
      { numRuns: 500 },
    );
  });

  test('works as a JS Map key for channel lookup', () => {
    const channels = new Map<string | number, string>();
    channels.set(keyOf({ topic: ['a', 1] }), 'found');
    assert.equal(channels.get(keyOf(new Map<Value, Value>([['topic', ['a', 1]]]))), 'found');
    assert.equal(channels.get(keyOf({ topic: ['a', 1n] })), undefined);
  });

  test('reentrant keyOf (a record getter computing a key) does not corrupt the outer key', () => {
    const tricky = {
      get a(): Value {
        keyOf(['inner', 1, 2, 3]);
        return 'outer';
      },
    };
    assert.equal(keyOf(tricky), keyOf({ a: 'outer' }));
  });

  test('rejects non-values', () => {
    assert.throws(() => keyOf(undefined as unknown as Value), InvalidValueError);
    assert.throws(() => keyOf([() => 1] as unknown as Value), InvalidValueError);
    assert.equal(keyOf(['still works']), keyOf(['still works']));
  });
});
