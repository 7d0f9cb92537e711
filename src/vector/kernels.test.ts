/**
 * Each metric against a straightforward double-precision reference, within float32 rounding;
 * the binary metrics exactly; and the edge cases: zero vectors, identical vectors, length and type
 * errors.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { DimensionMismatchError, InvalidMetricError, InvalidVectorError, VectorError } from './errors.js';
import {
  cosineSimilarity,
  dotProduct,
  euclideanSimilarity,
  hammingSimilarity,
  jaccardSimilarity,
  l2Norm,
  l2Normalize,
  manhattanDistance,
  manhattanSimilarity,
  similarity,
  squaredEuclideanDistance,
  squaredL2Norm,
} from './kernels.js';

// Straightforward references, in double precision over the same float32 inputs.
const naive = {
  dot: (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i], 0),
  cosine: (a: Float32Array, b: Float32Array) => {
    const na = Math.sqrt(naive.dot(a, a));
    const nb = Math.sqrt(naive.dot(b, b));
    return na === 0 || nb === 0 ? 0 : naive.dot(a, b) / (na * nb);
  },
  euclidean: (a: Float32Array, b: Float32Array) => 1 / (1 + Math.sqrt(a.reduce((s, x, i) => s + (x - b[i]) ** 2, 0))),
  manhattan: (a: Float32Array, b: Float32Array) => 1 / (1 + a.reduce((s, x, i) => s + Math.abs(x - b[i]), 0)),
  hamming: (a: Float32Array, b: Float32Array) =>
    a.length === 0 ? 1 : 1 - a.filter((x, i) => x > 0.5 !== b[i] > 0.5).length / a.length,
  jaccard: (a: Float32Array, b: Float32Array) => {
    const inter = a.filter((x, i) => x > 0.5 && b[i] > 0.5).length;
    const union = a.filter((x, i) => x > 0.5 || b[i] > 0.5).length;
    return union === 0 ? 1 : inter / union;
  },
};

/**
 * Same-length pairs of moderate floats: float32 sums neither overflow nor underflow (a component of
 * 1e-45 squares to 0 in float32, which no double-precision reference models).
 */
const pairArb = fc.integer({ min: 1, max: 200 }).chain((n) => {
  const component = fc.oneof(
    fc.constant(0),
    fc.integer({ min: -1e6, max: 1e6 }).map((x) => x / 1e4),
  );
  const v = fc.array(component, { minLength: n, maxLength: n }).map((xs) => Float32Array.from(xs));
  return fc.tuple(v, v);
});
/** Pairs whose components are mostly 0 or 1, plus a few fractions around 0.5. */
const binaryPairArb = fc.integer({ min: 0, max: 100 }).chain((n) => {
  const component = fc.constantFrom(0, 1, 0.5, 0.50001, 0.49999, 0.9, -1);
  const v = fc.array(component, { minLength: n, maxLength: n }).map((xs) => Float32Array.from(xs));
  return fc.tuple(v, v);
});

/** |got − want| within float32 accumulation error, relative to the magnitudes summed. */
function close(got: number, want: number, scale: number, what: string): void {
  const tolerance = 1e-5 * scale + 1e-12;
  assert.ok(Math.abs(got - want) <= tolerance, `${what}: got ${got}, want ${want} (±${tolerance})`);
}

describe('float metrics vs the double-precision reference', () => {
  test('dot product', () => {
    fc.assert(
      fc.property(pairArb, ([a, b]) => {
        const scale = a.reduce((s, x, i) => s + Math.abs(x * b[i]), 0);
        close(dotProduct(a, b), naive.dot(a, b), scale, 'dot');
        assert.equal(similarity('dot_product', a, b), dotProduct(a, b));
      }),
    );
  });

  test('cosine', () => {
    fc.assert(
      fc.property(pairArb, ([a, b]) => {
        const got = cosineSimilarity(a, b);
        close(got, naive.cosine(a, b), 1, 'cosine');
        assert.ok(got >= -1 && got <= 1);
        assert.equal(similarity('cos', a, b), got);
      }),
    );
  });

  test('euclidean and manhattan', () => {
    fc.assert(
      fc.property(pairArb, ([a, b]) => {
        close(euclideanSimilarity(a, b), naive.euclidean(a, b), 1, 'euclidean');
        close(manhattanSimilarity(a, b), naive.manhattan(a, b), 1, 'manhattan');
        const sq = a.reduce((s, x, i) => s + (x - b[i]) ** 2, 0);
        close(squaredEuclideanDistance(a, b), sq, sq, 'squared distance');
        const l1 = a.reduce((s, x, i) => s + Math.abs(x - b[i]), 0);
        close(manhattanDistance(a, b), l1, l1, 'manhattan distance');
        assert.equal(similarity('L2', a, b), euclideanSimilarity(a, b));
        assert.equal(similarity('l1', a, b), manhattanSimilarity(a, b));
      }),
    );
  });

  test('norms and normalization', () => {
    fc.assert(
      fc.property(pairArb, ([a]) => {
        const sq = naive.dot(a, a);
        close(squaredL2Norm(a), sq, sq, 'squared norm');
        close(l2Norm(a), Math.sqrt(sq), Math.sqrt(sq), 'norm');
        const unit = l2Normalize(a);
        if (sq === 0) assert.deepEqual(unit, a);
        else close(l2Norm(unit), 1, 1, 'norm of normalized');
      }),
    );
  });
});

describe('binary metrics are exact', () => {
  test('hamming and jaccard equal the reference on every input', () => {
    fc.assert(
      fc.property(binaryPairArb, ([a, b]) => {
        assert.equal(hammingSimilarity(a, b), naive.hamming(a, b));
        assert.equal(jaccardSimilarity(a, b), naive.jaccard(a, b));
        assert.equal(similarity('HAMMING', a, b), naive.hamming(a, b));
        assert.equal(similarity('jaccard', a, b), naive.jaccard(a, b));
      }),
    );
  });

  test('components count when strictly above 0.5', () => {
    const a = Float32Array.from([0.5, 0.6, 1, 0]);
    const b = Float32Array.from([1, 0.4, 1, 0]);
    // Positions 0 and 1 differ; 2 and 3 agree.
    assert.equal(hammingSimilarity(a, b), 0.5);
    // a = {1, 2}, b = {0, 2}: one shared out of three.
    assert.equal(jaccardSimilarity(a, b), 1 / 3);
  });

  test('empty sets and empty vectors', () => {
    const zeros = new Float32Array(8);
    assert.equal(jaccardSimilarity(zeros, zeros), 1);
    assert.equal(hammingSimilarity(zeros, zeros), 1);
    assert.equal(jaccardSimilarity(new Float32Array(0), new Float32Array(0)), 1);
    assert.equal(hammingSimilarity(new Float32Array(0), new Float32Array(0)), 1);
    assert.equal(jaccardSimilarity(zeros, Float32Array.from([0, 0, 0, 1, 0, 0, 0, 0])), 0);
  });
});

describe('edge cases', () => {
  const v = Float32Array.from([3, -4, 0.5, 7, 1e-3]);
  const zero = new Float32Array(5);

  test('identical vectors score exactly 1 (cosine, euclidean, manhattan, hamming, jaccard)', () => {
    fc.assert(
      fc.property(pairArb, ([a]) => {
        const nonZero = a.some((x) => x !== 0);
        assert.equal(cosineSimilarity(a, a), nonZero ? 1 : 0);
        assert.equal(euclideanSimilarity(a, a), 1);
        assert.equal(manhattanSimilarity(a, a), 1);
        assert.equal(hammingSimilarity(a, a), 1);
        assert.equal(jaccardSimilarity(a, a), 1);
      }),
    );
  });

  test('zero vectors: cosine 0, dot 0, distances are the other norm', () => {
    assert.equal(cosineSimilarity(zero, v), 0);
    assert.equal(cosineSimilarity(v, zero), 0);
    assert.equal(cosineSimilarity(zero, zero), 0);
    assert.equal(dotProduct(zero, v), 0);
    assert.equal(squaredEuclideanDistance(zero, v), squaredL2Norm(v));
    // Five elements: one per lane, summed by the fixed tree ((3 + 0.001) + 4) + (0.5 + 7).
    const f = Math.fround;
    assert.equal(manhattanDistance(zero, v), f(f(f(3 + f(1e-3)) + 4) + f(0.5 + 7)));
    assert.equal(manhattanDistance(zero, v), manhattanDistance(v, zero));
    assert.deepEqual(l2Normalize(zero), zero);
    assert.equal(l2Norm(zero), 0);
  });

  test('opposite vectors: cosine −1', () => {
    const neg = v.map((x) => -x);
    assert.equal(cosineSimilarity(v, neg), -1);
    assert.equal(
      cosineSimilarity(
        v,
        v.map((x) => 2 * x),
      ),
      1,
    );
  });

  test('empty vectors', () => {
    const e = new Float32Array(0);
    assert.equal(dotProduct(e, e), 0);
    assert.equal(cosineSimilarity(e, e), 0);
    assert.equal(euclideanSimilarity(e, e), 1);
  });

  test('a length mismatch throws DimensionMismatch naming both lengths', () => {
    const kernels = [
      dotProduct,
      cosineSimilarity,
      euclideanSimilarity,
      manhattanSimilarity,
      hammingSimilarity,
      jaccardSimilarity,
    ];
    for (const k of kernels) {
      assert.throws(
        () => k(v, new Float32Array(4)),
        (e: unknown) => {
          assert.ok(e instanceof DimensionMismatchError && e instanceof VectorError);
          assert.equal(e.code, 'DimensionMismatch');
          assert.deepEqual([e.expected, e.actual], [5, 4]);
          assert.match(e.message, /4 component\(s\), expected 5/);
          return true;
        },
      );
    }
  });

  test('anything but a Float32Array is refused with InvalidVector', () => {
    assert.throws(() => dotProduct([1, 2] as unknown as Float32Array, Float32Array.from([1, 2])), InvalidVectorError);
    assert.throws(() => cosineSimilarity(v, new Float64Array(5) as unknown as Float32Array), {
      code: 'InvalidVector',
      message: /Float64Array.*expected a Float32Array/,
    });
    assert.throws(() => l2Norm(null as unknown as Float32Array), { code: 'InvalidVector' });
  });

  test('l2Normalize writes into out (also in place), and a refused call leaves out alone', () => {
    const out = new Float32Array(5).fill(9);
    assert.equal(l2Normalize(v, out), out);
    assert.deepEqual(out, l2Normalize(v));
    const copy = v.slice();
    l2Normalize(copy, copy);
    assert.deepEqual(copy, out);
    const short = new Float32Array(4).fill(9);
    assert.throws(() => l2Normalize(v, short), { code: 'DimensionMismatch', message: /output array/ });
    assert.deepEqual(short, new Float32Array(4).fill(9));
    const huge = Float32Array.from([3e38, 3e38]);
    const target = new Float32Array(2).fill(9);
    assert.throws(() => l2Normalize(huge, target), { code: 'InvalidVector', message: /overflows/ });
    assert.deepEqual(target, new Float32Array(2).fill(9));
  });

  test('an unknown metric name throws InvalidMetric naming it', () => {
    assert.throws(
      () => similarity('chebyshev', v, v),
      (e: unknown) => {
        assert.ok(e instanceof InvalidMetricError);
        assert.equal(e.metric, 'chebyshev');
        assert.match(e.message, /"chebyshev".*cosine/);
        return true;
      },
    );
  });
});
