import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { InvalidPhlogistonAmountError } from './errors.js';
import { Multiplier } from './multiplier.js';

const MAX = Number.MAX_SAFE_INTEGER;

/** ceil(a × k / 10^d) with bigints: the reference the fast paths are checked against. */
function ceilScaled(a: number, k: bigint, d: number): bigint {
  const p = BigInt(a) * k;
  const den = 10n ** BigInt(d);
  return (p + den - 1n) / den;
}

describe('Multiplier', () => {
  test('the multiplier is the decimal JavaScript prints, so 0.1 is exactly one tenth', () => {
    const m = new Multiplier(0.1);
    assert.equal(m.apply(100), 10); // binary 0.1 × 100 is 10.000000000000000555…, which would round up to 11
    assert.equal(m.apply(101), 11);
    assert.equal(m.apply(9), 1);
    assert.equal(m.apply(0), 0);
  });

  test('rounding is the ceiling', () => {
    assert.equal(new Multiplier(1.5).apply(3), 5);
    assert.equal(new Multiplier(1.5).apply(4), 6);
    assert.equal(new Multiplier(0.3).apply(10), 3);
    assert.equal(new Multiplier(0.3).apply(11), 4);
    assert.equal(new Multiplier(1e-7).apply(1), 1);
    assert.equal(new Multiplier(1e-7).apply(10_000_000), 1);
    assert.equal(new Multiplier(1e-7).apply(10_000_001), 2);
    assert.equal(new Multiplier(Number.MIN_VALUE).apply(MAX), 1);
  });

  test('integers scale exactly; 1 is flagged as the identity', () => {
    assert.equal(new Multiplier(2).apply(Math.floor(MAX / 2)), MAX - 1);
    assert.equal(new Multiplier(1).isOne, true);
    assert.equal(new Multiplier(1.0000001).isOne, false);
    assert.equal(new Multiplier(1).apply(MAX), MAX);
    assert.equal(new Multiplier(1e21).apply(1), -1);
    assert.equal(new Multiplier(1e21).apply(0), 0);
  });

  test('0 makes everything free', () => {
    assert.equal(new Multiplier(0).apply(MAX), 0);
    assert.equal(new Multiplier(-0).apply(5), 0);
  });

  test('a result beyond the safe range is reported as -1', () => {
    assert.equal(new Multiplier(2).apply(MAX), -1);
    assert.equal(new Multiplier(1e300).apply(1), -1);
    assert.equal(new Multiplier(1.5).apply(MAX), -1);
  });

  test('matches exact rational arithmetic for decimal multipliers (fast and bigint paths)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 15n - 1n }),
        fc.integer({ min: 0, max: 20 }),
        fc.oneof(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: MAX })),
        (k, d, a) => {
          // k / 10^d with at most 15 significant digits prints back as that decimal.
          const m = new Multiplier(Number(k) / 10 ** d);
          const exact = ceilScaled(a, k, d);
          assert.equal(m.apply(a), exact > BigInt(MAX) ? -1 : Number(exact));
        },
      ),
    );
  });

  test('never rounds down and never overshoots by a whole unit', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 1e9 }), (v, a) => {
        const r = new Multiplier(v).apply(a);
        if (r < 0) return;
        // r − 1 < a × v ≤ r, checked in doubles with a little slack for the binary value of v.
        assert.ok(r >= a * v * (1 - 1e-12) - 1e-9);
        assert.ok(r - 1 < a * v * (1 + 1e-12) + 1e-9);
      }),
    );
  });

  for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -1, -1e-9, '2', null]) {
    test(`${String(bad)} is not a multiplier`, () => {
      assert.throws(
        () => new Multiplier(bad as number),
        (e: unknown) => e instanceof InvalidPhlogistonAmountError && e.subject === 'multiplier',
      );
    });
  }
});
