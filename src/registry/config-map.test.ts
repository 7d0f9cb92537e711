import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  applyConfigMap,
  defaultVectorOptions,
  parseEmbeddingType,
  parseMetric,
  parseThreshold,
  type VectorOptions,
} from './config-map.js';
import { NatTheory } from './theory.js';
import { parseUrn } from './urn.js';

const base = (urn: string) => parseUrn(urn).config;
const invalidConfig = (message: RegExp) => ({ code: 'InvalidConfiguration', message });

describe('which keys a space accepts', () => {
  test('bag, queue, stack, set, cell and priorityqueue accept only theory', () => {
    for (const inner of ['bag', 'queue', 'stack', 'set', 'cell', 'priorityqueue']) {
      const urn = `rho:space:${inner}:hashmap:default`;
      assert.equal(applyConfigMap(base(urn), { theory: 'Nat' }).theory, 'Nat');
      assert.throws(
        () => applyConfigMap(base(urn), { levels: 3 }),
        invalidConfig(
          new RegExp(`config key "levels" = 3 is not accepted: a ${inner}:hashmap space accepts only theory$`),
        ),
      );
      assert.throws(() => applyConfigMap(base(urn), { size: 10 }), invalidConfig(/"size" = 10 is not accepted/));
    }
  });

  test('array stores accept size and cyclic, overriding the URN', () => {
    const applied = applyConfigMap(base('rho:space:queue:array(10):default'), {
      size: 20,
      cyclic: true,
      theory: NatTheory,
    });
    assert.deepEqual(applied.config, { outer: 'array', inner: 'queue', qualifier: 'default', size: 20, cyclic: true });
    assert.equal(applied.theory, NatTheory);
    assert.equal(applied.vector, undefined);
    assert.throws(
      () => applyConfigMap(base('rho:space:bag:array:default'), { dimensions: 3 }),
      invalidConfig(/"dimensions" = 3 is not accepted: a bag:array space accepts only theory, size, cyclic/),
    );
  });

  test('vectordb accepts dimensions, threshold, embedding_type, metric (and theory)', () => {
    const applied = applyConfigMap(base('rho:space:vectordb(8):vector:default'), {
      dimensions: 16,
      threshold: 90,
      embedding_type: 'bool',
      metric: 'L1',
    });
    assert.equal(applied.config.dimensions, 16);
    assert.deepEqual(applied.vector, { dimensions: 16, threshold: 0.9, embeddingType: 'boolean', metric: 'manhattan' });
    assert.throws(
      () => applyConfigMap(base('rho:space:vectordb:hashmap:default'), { size: 3 }),
      invalidConfig(/accepts only theory, dimensions, threshold, embedding_type, metric/),
    );
  });

  test('Map config maps work like records; non-string keys are refused', () => {
    const applied = applyConfigMap(base('rho:space:bag:array:default'), new Map([['size', 5]]));
    assert.equal(applied.config.size, 5);
    assert.throws(
      () => applyConfigMap({}, new Map<unknown, unknown>([[1, 2]]) as ReadonlyMap<string, unknown>),
      invalidConfig(/config key 1 is not a string/),
    );
  });
});

describe('VectorDB defaults', () => {
  test('no map: URN dimensions, threshold 0.8, integer embeddings, cosine', () => {
    const expected: VectorOptions = { dimensions: 64, threshold: 0.8, embeddingType: 'integer', metric: 'cosine' };
    assert.deepEqual(applyConfigMap(base('rho:space:vectordb(64):hashmap:default')).vector, expected);
    assert.deepEqual(defaultVectorOptions(64), expected);
    assert.equal(defaultVectorOptions().dimensions, 384);
  });

  test('the metric defaults from the embedding type: boolean -> hamming, else cosine', () => {
    const vdb = base('rho:space:vectordb:hashmap:default');
    for (const [type, metric] of [
      ['boolean', 'hamming'],
      ['binary', 'hamming'],
      ['int', 'cosine'],
      ['float', 'cosine'],
      ['string', 'cosine'],
    ]) {
      assert.equal(applyConfigMap(vdb, { embedding_type: type }).vector?.metric, metric, type);
    }
    assert.equal(applyConfigMap(vdb, { embedding_type: 'boolean', metric: 'jaccard' }).vector?.metric, 'jaccard');
  });
});

describe('values', () => {
  test('aliases', () => {
    const metrics: Record<string, string> = {
      cosine: 'cosine',
      dot: 'dot_product',
      dotproduct: 'dot_product',
      dot_product: 'dot_product',
      euclidean: 'euclidean',
      l2: 'euclidean',
      manhattan: 'manhattan',
      l1: 'manhattan',
      hamming: 'hamming',
      jaccard: 'jaccard',
      COSINE: 'cosine',
    };
    for (const [alias, metric] of Object.entries(metrics)) assert.equal(parseMetric(alias), metric);
    const types: Record<string, string> = {
      boolean: 'boolean',
      bool: 'boolean',
      binary: 'boolean',
      integer: 'integer',
      int: 'integer',
      scaled: 'integer',
      float: 'float',
      string: 'float',
    };
    for (const [alias, type] of Object.entries(types)) assert.equal(parseEmbeddingType(alias), type);
  });

  test('thresholds: integers are percentages, other numbers and numeric strings fractions', () => {
    assert.equal(parseThreshold(0), 0);
    assert.equal(parseThreshold(80), 0.8);
    assert.equal(parseThreshold(100), 1);
    assert.equal(parseThreshold(1), 0.01);
    assert.equal(parseThreshold(50n), 0.5);
    assert.equal(parseThreshold(0.25), 0.25);
    assert.equal(parseThreshold('0.75'), 0.75);
    assert.equal(parseThreshold('1'), 1);
    assert.equal(parseThreshold(' 1e-1 '), 0.1);
  });

  test('out-of-range and unknown values are refused naming key and value', () => {
    const vdb = base('rho:space:vectordb:hashmap:default');
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ threshold: 150 }, /"threshold" = 150: out of range: an integer threshold is a percentage in 0\.\.100/],
      [{ threshold: -1 }, /"threshold" = -1: out of range/],
      [{ threshold: 101n }, /"threshold" = 101n: out of range/],
      [{ threshold: 1.5 }, /"threshold" = 1\.5: out of range: a fractional threshold is in \[0, 1\]/],
      [{ threshold: '1.5' }, /"threshold" = "1\.5": out of range/],
      [{ threshold: 'high' }, /"threshold" = "high": expected a number or a numeric string/],
      [{ threshold: Number.NaN }, /"threshold" = NaN: out of range/],
      [{ threshold: true }, /"threshold" = true: expected a number/],
      [{ dimensions: 0 }, /"dimensions" = 0: expected a positive integer/],
      [{ dimensions: 2.5 }, /"dimensions" = 2\.5: expected a positive integer/],
      [{ dimensions: '8' }, /"dimensions" = "8": expected a positive integer/],
      [{ metric: 'manhattanish' }, /"metric" = "manhattanish": expected one of cosine, cos, dot, /],
      [{ metric: 3 }, /"metric" = 3: expected one of/],
      [{ embedding_type: 'double' }, /"embedding_type" = "double": expected one of boolean, bool, /],
      [{ theory: 5 }, /"theory" = 5: expected a theory spec string or a Theory object/],
      [{ color: 'red' }, /"color" = "red" is not accepted/],
    ];
    for (const [map, message] of cases) assert.throws(() => applyConfigMap(vdb, map), invalidConfig(message));
    const array = base('rho:space:bag:array:default');
    assert.throws(() => applyConfigMap(array, { size: -1 }), invalidConfig(/"size" = -1: expected a positive integer/));
    assert.throws(() => applyConfigMap(array, { size: 0 }), invalidConfig(/"size" = 0: expected a positive integer/));
    assert.throws(
      () => applyConfigMap(array, { cyclic: 'yes' }),
      invalidConfig(/"cyclic" = "yes": expected true or false/),
    );
  });

  test('property: every accepted threshold is in [0, 1]; integers outside 0..100 are refused', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.double(), fc.double().map(String)), (t) => {
        let result: number | undefined;
        try {
          result = parseThreshold(t);
        } catch {
          result = undefined;
        }
        if (result !== undefined) assert.ok(result >= 0 && result <= 1);
        if (typeof t === 'number' && Number.isInteger(t)) assert.equal(result !== undefined, t >= 0 && t <= 100);
      }),
    );
  });
});
