/**
 * Random store / remove / clear / query / pair-score sequences against a plain model (a Map from id to the
 * float32 vector): ids are never reused, removed ids never come back, `len` is the model's size,
 * reads return the stored data, and every query equals scoring the model's vectors one by one.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { VectorBackend } from './backend.js';
import { similarity } from './kernels.js';
import { effectiveThreshold, VECTOR_METRICS } from './metrics.js';

const DIMS = 6;

type Op =
  | { kind: 'store'; vector: number[] }
  | { kind: 'remove'; pick: number }
  | { kind: 'removeUnknown'; id: number }
  | { kind: 'clear' }
  | { kind: 'pair'; a: number; b: number; metric: string | undefined }
  | { kind: 'query'; vector: number[]; metric: string; k: number; threshold: number };

// Components from a small set, so ties and identical vectors are common.
const vectorArb = fc.array(fc.constantFrom(-1, -0.5, 0, 0.25, 0.5, 0.75, 1, 2), { minLength: DIMS, maxLength: DIMS });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: vectorArb.map((vector) => ({ kind: 'store' as const, vector })) },
  { weight: 3, arbitrary: fc.nat().map((pick) => ({ kind: 'remove' as const, pick })) },
  { weight: 1, arbitrary: fc.nat(200).map((id) => ({ kind: 'removeUnknown' as const, id })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'clear' as const }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('pair' as const),
      a: fc.nat(),
      b: fc.nat(),
      metric: fc.option(fc.constantFrom(...VECTOR_METRICS), { nil: undefined }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('query' as const),
      vector: vectorArb,
      metric: fc.constantFrom(...VECTOR_METRICS),
      k: fc.nat(6),
      threshold: fc.constantFrom(0, 0.3, 0.5, 0.9, 1, -1),
    }),
  },
);

describe('VectorBackend against a model', () => {
  test('random operation sequences', () => {
    fc.assert(
      fc.property(
        fc.array(opArb, { maxLength: 80 }),
        fc.constantFrom(...VECTOR_METRICS),
        fc.boolean(),
        fc.option(fc.integer({ min: 1, max: 12 })),
        (ops, metric, normalize, capacity) => {
          const b = new VectorBackend({ dimensions: DIMS, metric, normalize, capacity: capacity ?? undefined });
          const model = new Map<number, Float32Array>();
          const issued = new Set<number>();
          const removed = new Set<number>();
          let lastId = -1;
          for (const op of ops) {
            switch (op.kind) {
              case 'store': {
                if (capacity !== null && model.size >= capacity) {
                  assert.throws(() => b.store(op.vector), { code: 'CapacityExceeded' });
                  break;
                }
                const id = b.store(op.vector);
                assert.ok(id > lastId, 'ids increase');
                assert.ok(!issued.has(id), 'ids are never reused');
                issued.add(id);
                lastId = id;
                model.set(id, b.get(id));
                break;
              }
              case 'remove': {
                if (model.size === 0) break;
                const ids = [...model.keys()];
                const id = ids[op.pick % ids.length];
                b.remove(id);
                model.delete(id);
                removed.add(id);
                break;
              }
              case 'removeUnknown':
                if (!model.has(op.id)) assert.throws(() => b.remove(op.id), { code: 'UnknownVectorId' });
                break;
              case 'clear':
                for (const id of model.keys()) removed.add(id);
                model.clear();
                b.clear();
                break;
              case 'pair': {
                // Two stored vectors scored in place: what scoring copies of them gives, bit for bit.
                if (model.size === 0) {
                  assert.throws(() => b.similarity(op.a, op.b), { code: 'UnknownVectorId' });
                  break;
                }
                const ids = [...model.keys()];
                const [x, y] = [ids[op.a % ids.length], ids[op.b % ids.length]];
                const want = similarity(
                  op.metric ?? metric,
                  model.get(x) as Float32Array,
                  model.get(y) as Float32Array,
                );
                assert.equal(Object.is(b.similarity(x, y, op.metric), want), true, `${op.metric ?? metric} ${x} ${y}`);
                break;
              }
              case 'query': {
                const hits = b.query(op.vector, { metric: op.metric, k: op.k, threshold: op.threshold });
                const q = Float32Array.from(op.vector);
                // The backend normalizes a cosine query exactly when it normalizes rows.
                if (op.metric === 'cosine' && normalize) {
                  const norm = Math.sqrt(similarity('dot', q, q));
                  if (norm > 0) for (let i = 0; i < DIMS; i++) q[i] = q[i] / norm;
                }
                const t = effectiveThreshold(op.threshold);
                const want = [...model]
                  .map(([id, v]) => ({ id, score: similarity(op.metric, v, q) }))
                  .filter((h) => h.score >= t)
                  .sort((x, y) => y.score - x.score || x.id - y.id);
                assert.deepEqual(hits, op.k === 0 ? want : want.slice(0, op.k));
                for (const h of hits) assert.ok(!removed.has(h.id), 'a removed id is never returned');
                break;
              }
            }
            assert.equal(b.len, model.size);
            assert.deepEqual(b.ids(), [...model.keys()]);
          }
          for (const [id, v] of model) assert.deepEqual(b.get(id), v);
          for (const id of removed) assert.equal(b.has(id), false);
        },
      ),
      { numRuns: 150 },
    );
  });
});
