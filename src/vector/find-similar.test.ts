/**
 * `Space.findSimilar` leaves the check of the query's components to the vector backend (its
 * squared norm is NaN or infinite exactly when a component is), and turns the backend's refusal
 * back into the error a component-by-component check gives. These tests pin those errors: the
 * same whether the channel is missing, empty of embeddings or full, and ahead of other mistakes.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createSpace } from '../plain/create.js';

function space() {
  const s = createSpace({ config: { inner: 'vectordb', dimensions: 3, embeddingType: 'float' } });
  s.produce('docs', { embedding: [1, 0, 0] });
  s.produce('docs', { embedding: [0, 1, 0] });
  s.produce('plain', { title: 'no embedding' });
  return s;
}

describe('findSimilar refusals', () => {
  const notFinite = (i: number) => ({
    code: 'SimilarityMatchError',
    message: new RegExp(`query vector\\[${i}\\] is not finite`),
  });

  test('a NaN or infinite component names itself, on any channel', () => {
    const s = space();
    for (const channel of ['docs', 'plain', 'nowhere']) {
      assert.throws(() => s.findSimilar(channel, { vector: Float32Array.of(1, Number.NaN, 0) }), notFinite(1));
      assert.throws(() => s.findSimilar(channel, { vector: Float32Array.of(1, 0, -Infinity) }), notFinite(2));
      // Before a bad threshold or top-k, as a full check in order finds it.
      assert.throws(
        () => s.findSimilar(channel, { vector: Float32Array.of(Infinity, 0, 0), threshold: 2 }),
        notFinite(0),
      );
      assert.throws(() => s.findSimilar(channel, { vector: Float32Array.of(0, Number.NaN, 0), topK: 0 }), notFinite(1));
    }
  });

  test('other mistakes and an overflowing norm keep their own errors', () => {
    const s = space();
    const v = Float32Array.of(1, 0, 0);
    assert.throws(() => s.findSimilar('docs', { vector: v, threshold: 2 }), {
      code: 'SimilarityMatchError',
      message: /threshold/,
    });
    assert.throws(() => s.findSimilar('docs', { vector: v, topK: 0 }), {
      code: 'SimilarityMatchError',
      message: /top-k/,
    });
    assert.throws(() => s.findSimilar('docs', { vector: Float32Array.of(1, 0) }), { code: 'DimensionMismatch' });
    // Finite components whose squares overflow float32: the backend's refusal stands.
    assert.throws(() => s.findSimilar('docs', { vector: Float32Array.of(3e38, 3e38, 0) }), { code: 'InvalidVector' });
    assert.deepEqual(
      s.findSimilar('docs', { vector: v, threshold: 0.5 }).map((h) => h.score),
      [1],
    );
  });
});
