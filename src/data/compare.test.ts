import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { equivalentPairArb, valueArb } from './arbitrary.js';
import { compare, equals } from './compare.js';
import { encode } from './encode.js';
import { InvalidValueError, kindOf, Name, Tuple, tuple, type Value } from './value.js';

const name = (...b: number[]): Name => new Name(new Uint8Array(b));
const bytes = (...b: number[]): Uint8Array => new Uint8Array(b);

/** Values in ascending order, one per line of the spec. */
const ASCENDING: Value[] = [
  null,
  false,
  true,
  Number.NEGATIVE_INFINITY,
  -1,
  0,
  0.5,
  Number.POSITIVE_INFINITY,
  Number.NaN,
  -(2n ** 70n),
  -1n,
  0n,
  2n ** 70n,
  '',
  'a',
  'ab',
  'b',
  '\uffff',
  '\u{10000}',
  bytes(),
  bytes(0),
  bytes(0, 0),
  bytes(1),
  [],
  [null],
  [1, 2],
  [1, 2, 3],
  [2],
  tuple(),
  tuple(1),
  {},
  new Map<Value, Value>([[1, 'x']]), // first key 1 (a number) sorts before the string "a"
  { a: 1 },
  { a: 2 },
  { a: 2, b: 0 },
  { b: 0 },
  new Set(),
  new Set([1]),
  new Set([1, 2]),
  new Set([2]),
  name(),
  name(0),
  name(1),
];

describe('compare', () => {
  test('the documented order, on hand-picked values', () => {
    for (let i = 0; i < ASCENDING.length; i++) {
      for (let j = 0; j < ASCENDING.length; j++) {
        const expected = i < j ? -1 : i > j ? 1 : 0;
        assert.equal(compare(ASCENDING[i], ASCENDING[j]), expected, `compare(#${i}, #${j})`);
      }
    }
  });

  test('the map entry fixture is where the order puts it', () => {
    // {1: "x"}: first key 1 (a number) sorts before "a", so it precedes {a: 1}.
    assert.equal(compare(new Map<Value, Value>([[1, 'x']]), { a: 1 }), -1);
  });

  test('edge cases: -0, NaN, kinds', () => {
    assert.equal(compare(-0, 0), 0);
    assert.equal(compare(Number.NaN, Number.NaN), 0);
    assert.equal(compare(Number.NaN, Number.POSITIVE_INFINITY), 1);
    assert.equal(compare(1, 1n), -1);
    assert.equal(compare(2n, 1), 1);
    assert.equal(compare([1], tuple(1)), -1);
    assert.equal(compare(bytes(1), name(1)), -1);
  });

  test('reflexive, antisymmetric and transitive', () => {
    fc.assert(
      fc.property(valueArb, valueArb, valueArb, (a, b, c) => {
        assert.equal(compare(a, a), 0);
        assert.equal(compare(a, b), 0 - compare(b, a));
        const sorted = [a, b, c].sort(compare);
        assert.ok(compare(sorted[0], sorted[1]) <= 0 && compare(sorted[1], sorted[2]) <= 0);
        assert.ok(compare(sorted[0], sorted[2]) <= 0);
        if (compare(a, b) === 0 && compare(b, c) === 0) assert.equal(compare(a, c), 0);
      }),
      { numRuns: 400 },
    );
  });

  test('the order is first by kind', () => {
    fc.assert(
      fc.property(valueArb, valueArb, (a, b) => {
        const ka = kindOf(a);
        const kb = kindOf(b);
        if (ka !== kb) assert.equal(compare(a, b), ka < kb ? -1 : 1);
      }),
      { numRuns: 300 },
    );
  });

  test('compare(a, b) === 0 iff equals(a, b) iff equal encodings', () => {
    fc.assert(
      fc.property(valueArb, valueArb, (a, b) => {
        const same = compare(a, b) === 0;
        assert.equal(equals(a, b), same);
        assert.equal(Buffer.compare(encode(a), encode(b)) === 0, same);
      }),
      { numRuns: 500 },
    );
  });

  test('equal pairs with different representations are equal', () => {
    fc.assert(
      fc.property(equivalentPairArb, ([a, b]) => {
        assert.ok(equals(a, b));
        assert.ok(equals(b, a));
        assert.equal(compare(a, b), 0);
      }),
      { numRuns: 500 },
    );
  });
});

describe('equals', () => {
  test('structural equality examples', () => {
    assert.ok(equals(-0, 0));
    assert.ok(equals(Number.NaN, Number.NaN));
    assert.ok(!equals(1, 1n));
    assert.ok(!equals('1', 1));
    assert.ok(!equals(null, false));
    assert.ok(equals([1, [2]], [1, [2]]));
    assert.ok(!equals([1, 2], tuple(1, 2)));
    assert.ok(equals(tuple(1, 'a'), new Tuple([1, 'a'])));
    assert.ok(equals(bytes(1, 2), Buffer.from([1, 2])));
    assert.ok(!equals(bytes(1, 2), bytes(1)));
    assert.ok(equals(name(1), name(1)));
    assert.ok(!equals(name(1), bytes(1)));
    assert.ok(
      equals(
        { a: 1, b: 2 },
        new Map<Value, Value>([
          ['b', 2],
          ['a', 1],
        ]),
      ),
    );
    assert.ok(equals(new Map<Value, Value>([['a', 1]]), { a: 1 }));
    assert.ok(
      !equals(
        { a: 1 },
        new Map<Value, Value>([
          ['a', 1],
          [1, 1],
        ]),
      ),
    );
    assert.ok(!equals({ 1: 'x' }, new Map<Value, Value>([[1, 'x']])));
    assert.ok(equals(new Set([1, 2]), new Set([2, 1])));
    assert.ok(equals(new Set([[1], [1]]), new Set([[1]])));
    assert.ok(!equals(new Set([[1], [2]]), new Set([[1]])));
    assert.ok(equals(new Set([Number.NaN, -0]), new Set([0, Number.NaN])));
  });

  test('Maps with structurally duplicate keys: the later entry counts', () => {
    const dup = new Map<Value, Value>([
      [[1], 'old'],
      [[1], 'new'],
    ]);
    assert.ok(equals(dup, new Map<Value, Value>([[[1], 'new']])));
    assert.ok(!equals(dup, new Map<Value, Value>([[[1], 'old']])));
    assert.ok(equals(new Map<Value, Value>([[[1], 'new']]), dup));
  });

  test('null-prototype records and own "__proto__" keys are ordinary records', () => {
    const np = Object.assign(Object.create(null) as Record<string, Value>, { a: 1 });
    assert.ok(equals(np, { a: 1 }));
    const proto = Object.defineProperty({}, '__proto__', { value: 1, enumerable: true }) as Record<string, Value>;
    assert.ok(!equals(proto, {}));
    assert.ok(equals(proto, new Map<Value, Value>([['__proto__', 1]])));
  });

  test('non-values are rejected when inspected', () => {
    assert.throws(() => equals(new Date(0) as unknown as Value, new Date(0) as unknown as Value), InvalidValueError);
    assert.throws(() => compare(undefined as unknown as Value, null), InvalidValueError);
  });
});
