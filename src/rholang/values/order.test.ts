import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { valueArb } from '../term/arbitrary.js';
import { emap, eset, gint, gstring, keyOf, type Term, termEquals } from '../term/index.js';
import { printValue } from './print.js';
import { compareValues } from './value.js';

describe('the canonical order of values', () => {
  test('property: a total order — reflexive, antisymmetric, transitive, zero exactly on equal values', () => {
    fc.assert(
      fc.property(valueArb(3), valueArb(3), valueArb(3), (a, b, c) => {
        assert.equal(compareValues(a, a), 0);
        const ab = compareValues(a, b);
        assert.equal(ab + compareValues(b, a), 0);
        assert.equal(ab === 0, termEquals(a, b));
        const bc = compareValues(b, c);
        if (ab < 0 && bc < 0) assert.equal(compareValues(a, c), -1);
        if (ab > 0 && bc > 0) assert.equal(compareValues(a, c), 1);
      }),
      { numRuns: 3000 },
    );
  });

  test('property: sets and maps print their elements / keys in that order, whatever the insertion order', () => {
    fc.assert(
      fc.property(fc.array(valueArb(2), { maxLength: 6 }), (vs) => {
        const set = eset(vs);
        for (let i = 1; i < set.elements.length; i++) {
          assert.equal(compareValues(set.elements[i - 1], set.elements[i]), -1);
        }
        assert.equal(printValue(set), printValue(eset([...vs].reverse())));
        const map = emap(vs, vs);
        assert.equal(printValue(map), printValue(emap([...vs].reverse(), [...vs].reverse())));
      }),
    );
  });

  test('map keys: integers numerically before strings lexicographically', () => {
    const keys: Term[] = [gstring('b'), gint(10), gstring('a'), gint(-1), gint(2)];
    const m = emap(
      keys,
      keys.map(() => gint(0)),
    );
    assert.equal(printValue(m), '{-1 : 0, 2 : 0, 10 : 0, "a" : 0, "b" : 0}');
    assert.deepEqual(
      [...keys].sort(compareValues).map(keyOf),
      [gint(-1), gint(2), gint(10), gstring('a'), gstring('b')].map(keyOf),
    );
  });
});
