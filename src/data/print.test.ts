import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { equivalentPairArb } from './arbitrary.js';
import { print } from './print.js';
import { InvalidValueError, Name, tuple, type Value } from './value.js';

describe('print', () => {
  test('primitives', () => {
    assert.equal(print(null), 'null');
    assert.equal(print(true), 'true');
    assert.equal(print(false), 'false');
    assert.equal(print(1.5), '1.5');
    assert.equal(print(-0), '0');
    assert.equal(print(Number.NaN), 'NaN');
    assert.equal(print(Number.POSITIVE_INFINITY), 'Infinity');
    assert.equal(print(Number.NEGATIVE_INFINITY), '-Infinity');
    assert.equal(print(12n), '12n');
    assert.equal(print(-3n), '-3n');
    assert.equal(print('a"b\n'), '"a\\"b\\n"');
    assert.equal(print('\ud800'), '"\\ud800"');
    assert.equal(print(new Uint8Array([0, 15, 255])), '0x000fff');
    assert.equal(print(new Uint8Array()), '0x');
    assert.equal(print(new Name(new Uint8Array([10, 11]))), 'Name(0a0b)');
  });

  test('containers', () => {
    assert.equal(print([1, 2]), '[1, 2]');
    assert.equal(print([]), '[]');
    assert.equal(print(tuple(1, 2)), '(1, 2)');
    assert.equal(print(tuple(1)), '(1,)');
    assert.equal(print(tuple()), '()');
    assert.equal(
      print(
        new Map<Value, Value>([
          ['a', 1],
          [2, 'x'],
        ]),
      ),
      '{2: "x", "a": 1}',
    );
    assert.equal(print({ b: [true], a: null }), '{"a": null, "b": [true]}');
    assert.equal(print({}), '{}');
    assert.equal(print(new Set([2, 1, [1]])), 'Set(1, 2, [1])');
    assert.equal(print(new Set()), 'Set()');
    assert.equal(print([tuple(tuple()), { k: new Set(['x']) }]), '[((),), {"k": Set("x")}]');
  });

  test('records print like Maps; equal values print alike', () => {
    assert.equal(print({ a: 1 }), print(new Map<Value, Value>([['a', 1]])));
    fc.assert(
      fc.property(equivalentPairArb, ([a, b]) => {
        assert.equal(print(a), print(b));
      }),
      { numRuns: 300 },
    );
  });

  test('rejects non-values', () => {
    assert.throws(() => print([undefined] as unknown as Value), InvalidValueError);
  });
});
