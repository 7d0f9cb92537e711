import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Name } from '../data/value.js';
import { compile } from '../spaces/matchers/structural.js';
import { bind } from '../spaces/matchers/template.js';
import type { Theory } from '../spaces/theory.js';
import { createSpaceFrom, resolveSpaceSpec, spaceIdFor } from './factory.js';
import { NatTheory } from './theory.js';
import { allValidUrns, parseUrn, urnOf, urnToByte } from './urn.js';

describe('createSpaceFrom', () => {
  test('every one of the 96 URNs resolves and builds a working space', () => {
    for (const urn of allValidUrns()) {
      const spec = resolveSpaceSpec(urn);
      assert.deepEqual(spec.config, parseUrn(urn).config);
      if (spec.config.inner === 'vectordb') {
        assert.ok(spec.vector !== undefined);
        const space = createSpaceFrom(urn, { configMap: { dimensions: 2 } });
        assert.deepEqual(parseUrn(urnOf(space)).config, { ...spec.config, dimensions: 2 }, urn);
        const channel = spec.config.outer === 'vector' ? space.gensym() : 'ch';
        assert.deepEqual(space.produce(channel, { embedding: [50, 50] }), []);
        assert.equal(space.consume([channel], [compile(bind('x'))], 'k').length, 1, urn);
        continue;
      }
      assert.equal(spec.vector, undefined);
      for (const space of [createSpaceFrom(urn), createSpaceFrom(urnToByte(urn))]) {
        assert.deepEqual(parseUrn(urnOf(space)).config, spec.config, urn);
        const channel = spec.config.outer === 'array' || spec.config.outer === 'vector' ? space.gensym() : 'ch';
        assert.deepEqual(space.produce(channel, 1), []);
        assert.equal(space.consume([channel], [compile(bind('x'))], 'k').length, 1, urn);
      }
    }
  });

  test('from a configuration (default: hashmap / bag / default), with a config map', () => {
    assert.equal(urnOf(createSpaceFrom()), 'rho:space:HashMapBagSpace');
    const space = createSpaceFrom({ outer: 'array', inner: 'queue' }, { configMap: { size: 3, cyclic: true } });
    assert.equal(urnOf(space), 'rho:space:queue:array(3,true):default');
    assert.equal(space.config.size, 3);
    assert.equal(createSpaceFrom({ inner: 'bag', continuations: 'queue' }).config.continuations, 'queue');
  });

  test('the theory comes from the URN, the config map or the options, in one place', () => {
    assert.equal(createSpaceFrom('rho:space:SetSpace[theory=Int]').theory?.name, 'Int');
    assert.equal(createSpaceFrom('rho:space:SetSpace', { configMap: { theory: 'Bool' } }).theory?.name, 'Bool');
    assert.equal(createSpaceFrom('rho:space:SetSpace', { theory: NatTheory }).theory, NatTheory);
    assert.equal(createSpaceFrom('rho:space:SetSpace[theory=Nat]', { theory: 'Nat' }).theory, NatTheory);
    assert.throws(() => createSpaceFrom('rho:space:SetSpace[theory=Nat]', { theory: 'Int' }), {
      code: 'InvalidConfiguration',
      message: /theory is given more than once \("Nat" and "Int"\)/,
    });
    assert.throws(() => createSpaceFrom('rho:space:SetSpace[theory=mettail:x]'), { code: 'TheoryNotSupported' });
    assert.equal(
      urnOf(createSpaceFrom('rho:space:bag:hashmap:temp', { theory: 'Nat' })),
      'rho:space:TempSpace[theory=Nat]',
    );
  });

  test('a custom theory works; its URN carries its name', () => {
    const even: Theory = { name: 'Even', validate: (d) => (typeof d === 'number' && d % 2 === 0 ? null : 'odd') };
    const space = createSpaceFrom('rho:space:QueueSpace', { theory: even });
    space.produce('q', 2);
    assert.throws(() => space.produce('q', 3), { code: 'TheoryValidationError', theory: 'Even', reason: 'odd' });
    assert.equal(urnOf(space), 'rho:space:QueueSpace[theory=Even]');
    assert.throws(() => createSpaceFrom(urnOf(space)), { code: 'TheoryNotSupported', message: /"Even"/ });
  });

  test('bad sources', () => {
    assert.throws(() => createSpaceFrom(7), { code: 'InvalidConfiguration', message: /byte name 7 / });
    assert.throws(() => createSpaceFrom('rho:space:nope'), {
      code: 'InvalidConfiguration',
      message: /"rho:space:nope"/,
    });
    assert.throws(() => createSpaceFrom({ inner: 'vectordb', outer: 'pathmap' }), {
      code: 'InvalidConfiguration',
      message: /vectordb:pathmap/,
    });
    assert.throws(() => createSpaceFrom(null as unknown as string), { code: 'InvalidConfiguration' });
  });

  test('VectorDB options resolve even though the engine cannot build the space yet', () => {
    const spec = resolveSpaceSpec('rho:space:vectordb(4):vector:temp', {
      configMap: { threshold: '0.5', metric: 'dot' },
    });
    assert.deepEqual(spec.vector, { dimensions: 4, threshold: 0.5, embeddingType: 'integer', metric: 'dot_product' });
  });
});

describe('spaceIdFor', () => {
  test('"default" is 32 zero bytes; other ids are length-prefixed UTF-8', () => {
    assert.deepEqual(spaceIdFor('default'), new Uint8Array(32));
    assert.deepEqual([...spaceIdFor('ab')], [0, 0, 0, 2, 97, 98]);
    assert.throws(() => spaceIdFor(''), { code: 'InvalidConfiguration' });
  });

  test('spaces with different ids never make equal names', () => {
    const ids = ['default', 'a', 'ab', 'a\u0000', 'b', 'é', 'x'.repeat(300)];
    const seen = new Set<string>();
    for (const id of ids) {
      const space = createSpaceFrom({}, { spaceId: spaceIdFor(id) });
      for (let i = 0; i < 3; i++) {
        const name = space.gensym() as Name;
        assert.ok(name instanceof Name);
        const hex = Buffer.from(name.bytes).toString('hex');
        assert.ok(!seen.has(hex), `${id} repeats a name`);
        seen.add(hex);
      }
    }
  });
});
