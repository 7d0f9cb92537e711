import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createSpace } from '../plain/create.js';
import { DATA_KINDS, QUALIFIERS, resolveConfig, STORE_KINDS } from './config.js';
import { compile as p } from './matchers/structural.js';
import { _ } from './matchers/template.js';
import { qualifierTraits } from './qualifier.js';

describe('resolveConfig', () => {
  test('defaults: hashmap / bag / bag continuations / default', () => {
    assert.deepEqual(resolveConfig(), {
      outer: 'hashmap',
      inner: 'bag',
      continuations: 'bag',
      qualifier: 'default',
      size: 1000,
      cyclic: false,
      levels: 2,
      dimensions: 384,
      embeddingType: 'integer',
      metric: 'cosine',
      threshold: 0.8,
    });
  });

  test('continuations follow the inner kind for bag/queue/stack/set, bag otherwise', () => {
    for (const inner of DATA_KINDS) {
      if (inner === 'vectordb') continue;
      const expected = ['bag', 'queue', 'stack', 'set'].includes(inner) ? inner : 'bag';
      assert.equal(resolveConfig({ inner }).continuations, expected);
    }
  });

  test('every combination is valid except vectordb outside hashmap and vector (96 combinations)', () => {
    let valid = 0;
    for (const inner of DATA_KINDS)
      for (const outer of STORE_KINDS)
        for (const qualifier of QUALIFIERS) {
          const ok = inner !== 'vectordb' || outer === 'hashmap' || outer === 'vector';
          if (ok) {
            resolveConfig({ inner, outer, qualifier });
            valid++;
          } else {
            assert.throws(() => resolveConfig({ inner, outer, qualifier }), {
              code: 'InvalidConfiguration',
              message: new RegExp(`vectordb:${outer}`),
            });
          }
        }
    assert.equal(valid, 96);
  });

  test('Seq + PathMap and Cell + PathMap are valid here', () => {
    assert.equal(resolveConfig({ outer: 'pathmap', qualifier: 'seq' }).qualifier, 'seq');
    assert.equal(resolveConfig({ outer: 'pathmap', inner: 'cell' }).inner, 'cell');
    assert.equal(resolveConfig({ outer: 'hashset', inner: 'set', qualifier: 'seq' }).outer, 'hashset');
  });

  test('parameters must be positive integers, and belong to their kind', () => {
    const cases: Array<[Parameters<typeof resolveConfig>[0], RegExp]> = [
      [{ outer: 'array', size: 0 }, /array size must be an integer in 1\.\.\d+, got 0/],
      [{ outer: 'array', size: -1 }, /got -1/],
      [{ outer: 'array', size: 2.5 }, /got 2\.5/],
      [{ inner: 'priorityqueue', levels: 0 }, /priority levels .* got 0/],
      [{ inner: 'vectordb', dimensions: 0 }, /vectordb dimensions .* got 0/],
      [{ outer: 'hashmap', size: 10 }, /size applies only to array stores, got size = 10/],
      [{ inner: 'bag', levels: 3 }, /levels applies only to priorityqueue collections/],
      [{ outer: 'array', cyclic: 'yes' as unknown as boolean }, /cyclic must be true or false, got yes/],
      [
        { outer: 'tree' as unknown as 'hashmap' },
        /unknown outer store "tree": expected one of hashmap, pathmap, array, vector, hashset/,
      ],
      [{ inner: 'heap' as unknown as 'bag' }, /unknown inner collection "heap"/],
      [{ qualifier: 'eternal' as unknown as 'default' }, /unknown qualifier "eternal"/],
      [{ continuations: 'cell' as unknown as 'bag' }, /unknown continuation collection "cell"/],
    ];
    for (const [input, message] of cases)
      assert.throws(() => resolveConfig(input), { code: 'InvalidConfiguration', message });
  });

  test('every valid non-vector configuration builds a working space', () => {
    for (const inner of DATA_KINDS)
      for (const outer of STORE_KINDS)
        for (const qualifier of QUALIFIERS) {
          if (inner === 'vectordb') continue;
          const s = createSpace<string>({ config: { inner, outer, qualifier } });
          const ch = outer === 'array' || outer === 'vector' ? s.gensym() : 'ch';
          assert.deepEqual(s.produce(ch, 1), []);
          const firings = s.consume([ch], [p(_)], 'k');
          assert.equal(firings.length, 1, `${inner}:${outer}:${qualifier}`);
        }
  });

  test('vectordb options: defaults, validation, and only for vectordb collections', () => {
    const c = resolveConfig({ inner: 'vectordb', dimensions: 4 });
    assert.deepEqual([c.embeddingType, c.metric, c.threshold], ['integer', 'cosine', 0.8]);
    assert.equal(resolveConfig({ inner: 'vectordb', embeddingType: 'boolean' }).metric, 'hamming');
    assert.throws(() => resolveConfig({ inner: 'vectordb', threshold: 1.5 }), { message: /threshold.*1\.5/ });
    assert.throws(() => resolveConfig({ inner: 'vectordb', metric: 'l9' as never }), { message: /metric "l9"/ });
    assert.throws(() => resolveConfig({ inner: 'bag', metric: 'cosine' }), { message: /metric applies only/ });
    assert.equal(createSpace({ config: { inner: 'vectordb', dimensions: 2 } }).config.inner, 'vectordb');
  });
});

describe('qualifier traits', () => {
  test('default keeps everything, temp drops persistence, seq drops all', () => {
    assert.deepEqual(qualifierTraits('default'), { persistent: true, concurrent: true, mobile: true });
    assert.deepEqual(qualifierTraits('temp'), { persistent: false, concurrent: true, mobile: true });
    assert.deepEqual(qualifierTraits('seq'), { persistent: false, concurrent: false, mobile: false });
    assert.equal(createSpace({ config: { qualifier: 'seq' } }).traits.mobile, false);
  });
});
