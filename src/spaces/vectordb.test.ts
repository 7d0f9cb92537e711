import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Value } from '../data/value.js';
import { createSpace } from '../plain/create.js';
import type { SimilarityQuery } from './collections/vectordb.js';
import type { SpaceConfigInput } from './config.js';
import { compile } from './matchers/structural.js';
import { _, bind } from './matchers/template.js';

const doc = (id: string, embedding: number[] | string) => ({ id, embedding });
const vectorSpace = (extra: SpaceConfigInput = {}) =>
  createSpace<string>({ config: { inner: 'vectordb', dimensions: 3, embeddingType: 'float', ...extra } });
const q = (vector: number[], more: Partial<SimilarityQuery> = {}): SimilarityQuery => ({
  vector: Float32Array.from(vector),
  ...more,
});
const results = compile(bind('results'));
const any = compile(_);
const ids = (data: { datum: Value }[]) => data.map((d) => (d.datum as { id: string }).id);

/** Takes everything from a result channel, one receive at a time. */
function drain(space: ReturnType<typeof vectorSpace>, channel: Value): string[] {
  const out: string[] = [];
  while (space.getData(channel).length > 0) {
    const [f] = space.consume([channel], [any], 'read');
    out.push((f.matches[0].datum as { id: string }).id);
  }
  return out;
}

describe('VectorDB spaces', () => {
  test('a similarity receive fires with a result channel holding the top-k hits, best first', () => {
    const s = vectorSpace();
    s.produce('docs', doc('x', [1, 0, 0]));
    s.produce('docs', doc('y', [0, 1, 0]));
    s.produce('docs', doc('xy', [0.9, 0.5, 0]));
    s.produce('docs', doc('z', '0, 0, 1'));
    const [f] = s.consume(['docs'], [results], 'k', { similarity: [q([1, 0.1, 0], { topK: 2, threshold: 0.5 })] });
    const channel = f.matches[0].datum;
    assert.deepEqual(f.matches[0].bindings, { results: channel });
    assert.equal(s.isResultChannel(channel), true);
    assert.deepEqual(ids(s.getData(channel)), ['x', 'xy']);
    // Handed out: the hits left the channel they came from.
    assert.deepEqual(ids(s.getData('docs')), ['y', 'z']);
    assert.deepEqual(drain(s, channel), ['x', 'xy']);
    assert.equal(s.channels().length, 1);
  });

  test('persistent documents are copied into the result channel and stay', () => {
    const s = vectorSpace();
    s.produce('docs', doc('keep', [1, 0, 0]), { persist: true });
    const [f] = s.consume(['docs'], [results], 'k', { similarity: [q([1, 0, 0])] });
    assert.deepEqual(drain(s, f.matches[0].datum), ['keep']);
    assert.deepEqual(ids(s.getData('docs')), ['keep']);
  });

  test('a query with no hits waits, and a later produce that passes its own metric and threshold fires it', () => {
    const s = vectorSpace();
    assert.deepEqual(s.consume(['docs'], [results], 'near', { similarity: [q([1, 0, 0], { threshold: 0.99 })] }), []);
    assert.deepEqual(
      s.consume(['docs'], [results], 'close', {
        similarity: [q([0, 1, 0], { metric: 'euclidean', threshold: 0.5 })],
      }),
      [],
    );
    assert.equal(s.getWaiting(['docs']).length, 2);
    // Close to the second query under euclidean (1/(1+0.1) ≥ 0.5), far from the first under cosine.
    const [f] = s.produce('docs', doc('b', [0, 1, 0.1]));
    assert.equal(f.continuation, 'close');
    assert.deepEqual(drain(s, f.matches[0].datum), ['b']);
    // The first still waits; a document it accepts fires it.
    assert.equal(s.produce('docs', doc('far', [0.5, 0.5, 0])).length, 0);
    assert.equal(s.produce('docs', doc('a', [1, 0.01, 0]))[0].continuation, 'near');
  });

  test('data without an embedding are kept unindexed and match ordinary patterns', () => {
    const s = vectorSpace();
    s.produce('docs', { note: 'no vector' });
    s.produce('docs', 'plain');
    assert.deepEqual(s.consume(['docs'], [results], 'k', { similarity: [q([1, 0, 0], { threshold: 0 })] }), []);
    assert.equal(s.consume(['docs'], [compile('plain')], 'k').length, 1);
  });

  test('a join of a similarity position and an ordinary one fires only with both', () => {
    const s = vectorSpace();
    s.produce('docs', doc('x', [1, 0, 0]));
    const sim = [q([1, 0, 0]), null];
    assert.deepEqual(s.consume(['docs', 'go'], [results, compile(bind('go'))], 'join', { similarity: sim }), []);
    const [f] = s.produce('go', true);
    assert.deepEqual(f.matches[1].bindings, { go: true });
    assert.deepEqual(drain(s, f.matches[0].datum), ['x']);
  });

  test('refusals change nothing', () => {
    const s = vectorSpace({ embeddingType: 'integer' });
    s.produce('docs', doc('ok', [10, 20, 30]));
    const before = JSON.stringify(s.getData('docs'));
    assert.throws(() => s.produce('docs', doc('short', [1, 2])), { code: 'DimensionMismatch', message: /3/ });
    assert.throws(() => s.produce('docs', doc('big', [1, 2, 300])), {
      code: 'EmbeddingExtractionError',
      message: /0-100/,
    });
    assert.throws(() => s.consume(['docs'], [results], 'k', { similarity: [q([1, 0])] }), {
      code: 'DimensionMismatch',
    });
    assert.throws(() => s.consume(['docs'], [compile('lit')], 'k', { similarity: [q([1, 0, 0])] }), {
      code: 'SimilarityMatchError',
      message: /must match a name/,
    });
    assert.throws(() => s.consume(['docs'], [results], 'k', { similarity: [q([1, 0, 0], { metric: 'nope' })] }), {
      code: 'InvalidMetric',
    });
    assert.throws(() => s.consume(['docs'], [results], 'k', { similarity: [q([1, 0, 0])], persist: true }), {
      code: 'SimilarityMatchError',
    });
    assert.equal(JSON.stringify(s.getData('docs')), before);
    assert.deepEqual(s.getWaiting(['docs']), []);
    assert.throws(() => createSpace().consume(['c'], [results], 'k', { similarity: [q([1])] }), {
      code: 'InvalidConfiguration',
      message: /vectordb/,
    });
  });

  test('integer embeddings are percentages; boolean ones stay 0/1 and default to hamming', () => {
    const ints = vectorSpace({ embeddingType: 'integer' });
    ints.produce('d', doc('i', [100, 0, 0]));
    assert.equal(ints.consume(['d'], [results], 'k', { similarity: [q([1, 0, 0], { threshold: 1 })] }).length, 1);
    const bools = vectorSpace({ embeddingType: 'boolean' });
    assert.equal(bools.config.metric, 'hamming');
    bools.produce('d', doc('b', [1, 0, 1]));
    assert.throws(() => bools.produce('d', doc('bad', [1, 0, 2])), { code: 'EmbeddingExtractionError' });
    assert.equal(bools.consume(['d'], [results], 'k', { similarity: [q([1, 0, 0], { threshold: 0.6 })] }).length, 1);
  });

  test('soft checkpoints cover the index: a reverted query finds its hits again', () => {
    const s = vectorSpace();
    s.produce('docs', doc('x', [1, 0, 0]));
    s.softCheckpoint();
    s.produce('docs', doc('y', [0.9, 0.1, 0]));
    const [f] = s.consume(['docs'], [results], 'k', { similarity: [q([1, 0, 0], { topK: 5 })] });
    assert.deepEqual(drain(s, f.matches[0].datum), ['x', 'y']);
    s.revertSoftCheckpoint();
    assert.deepEqual(ids(s.getData('docs')), ['x']);
    const [g] = s.consume(['docs'], [results], 'k', { similarity: [q([1, 0, 0], { topK: 5 })] });
    assert.deepEqual(drain(s, g.matches[0].datum), ['x']);
  });
});
