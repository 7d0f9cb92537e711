import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { InvalidMetricError, InvalidThresholdError } from './errors.js';
import { effectiveThreshold, isBinaryMetric, MIN_VECTOR_THRESHOLD, resolveMetric, VECTOR_METRICS } from './metrics.js';

describe('metric names', () => {
  test('canonical names, aliases and any letter case', () => {
    const table: [string, string][] = [
      ['cosine', 'cosine'],
      ['COS', 'cosine'],
      ['dot', 'dot_product'],
      ['DotProduct', 'dot_product'],
      ['dot_product', 'dot_product'],
      ['euclidean', 'euclidean'],
      ['euc', 'euclidean'],
      ['L2', 'euclidean'],
      ['manhattan', 'manhattan'],
      ['l1', 'manhattan'],
      ['Hamming', 'hamming'],
      ['jaccard', 'jaccard'],
    ];
    for (const [name, canonical] of table) assert.equal(resolveMetric(name), canonical, name);
    for (const m of VECTOR_METRICS) assert.equal(resolveMetric(m), m);
    assert.deepEqual(VECTOR_METRICS.filter(isBinaryMetric), ['hamming', 'jaccard']);
  });

  test('anything else is InvalidMetric, naming the value', () => {
    for (const bad of ['', 'cosine ', 'l3', 'sim']) {
      assert.throws(
        () => resolveMetric(bad),
        (e: unknown) => {
          assert.ok(e instanceof InvalidMetricError);
          assert.equal(e.code, 'InvalidMetric');
          assert.equal(e.metric, bad);
          assert.ok(e.message.includes(JSON.stringify(bad)));
          return true;
        },
      );
    }
    assert.throws(() => resolveMetric(42 as unknown as string), { code: 'InvalidMetric', message: /metric 42/ });
  });
});

describe('thresholds (clamped to [f32::EPSILON, 1])', () => {
  test('0 and negatives become f32::EPSILON: any positive similarity, never a score of 0', () => {
    assert.equal(MIN_VECTOR_THRESHOLD, 1.1920928955078125e-7);
    assert.equal(effectiveThreshold(0), MIN_VECTOR_THRESHOLD);
    assert.equal(effectiveThreshold(-0), MIN_VECTOR_THRESHOLD);
    assert.equal(effectiveThreshold(-5), MIN_VECTOR_THRESHOLD);
    assert.equal(effectiveThreshold(Number.NEGATIVE_INFINITY), MIN_VECTOR_THRESHOLD);
    assert.ok(!(0 >= effectiveThreshold(0)));
  });

  test('above 1 becomes 1; inside the range is kept', () => {
    assert.equal(effectiveThreshold(1), 1);
    assert.equal(effectiveThreshold(7), 1);
    assert.equal(effectiveThreshold(Number.POSITIVE_INFINITY), 1);
    fc.assert(
      fc.property(fc.double({ min: MIN_VECTOR_THRESHOLD, max: 1, noNaN: true }), (t) => {
        assert.equal(effectiveThreshold(t), t);
      }),
    );
  });

  test('NaN and non-numbers are InvalidThreshold', () => {
    for (const bad of [Number.NaN, '0.5', null, undefined]) {
      assert.throws(
        () => effectiveThreshold(bad as number),
        (e: unknown) => {
          assert.ok(e instanceof InvalidThresholdError);
          assert.equal(e.threshold, bad);
          return true;
        },
      );
    }
  });
});
