import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { Name, Tuple, type Value } from '../data/value.js';
import { compile } from '../spaces/matchers/structural.js';
import { bind } from '../spaces/matchers/template.js';
import type { Theory } from '../spaces/theory.js';
import { createSpaceFrom } from './factory.js';
import {
  AnyTheory,
  BoolTheory,
  BUILTIN_THEORY_NAMES,
  builtinTheory,
  IntTheory,
  isTheory,
  loadTheory,
  NatTheory,
  StringTheory,
} from './theory.js';

const samples: Array<[string, Value]> = [
  ['0', 0],
  ['-0', -0],
  ['7', 7],
  ['MAX_SAFE', Number.MAX_SAFE_INTEGER],
  ['-3', -3],
  ['1.5', 1.5],
  ['NaN', Number.NaN],
  ['Infinity', Number.POSITIVE_INFINITY],
  ['0n', 0n],
  ['2^70n', 2n ** 70n],
  ['-5n', -5n],
  ['string', 'x'],
  ['digit string', '5'],
  ['true', true],
  ['false', false],
  ['null', null],
  ['list of nat', [1]],
  ['tuple', new Tuple([1, 2])],
  ['record', { n: 1 }],
  ['name', new Name(new Uint8Array(40))],
];

const expected: Record<string, string[]> = {
  Nat: ['0', '-0', '7', 'MAX_SAFE', '0n', '2^70n'],
  Int: ['0', '-0', '7', 'MAX_SAFE', '-3', '0n', '2^70n', '-5n'],
  String: ['string', 'digit string'],
  Bool: ['true', 'false'],
  Any: samples.map(([label]) => label),
};

describe('builtin theories', () => {
  for (const theory of [NatTheory, IntTheory, StringTheory, BoolTheory, AnyTheory]) {
    test(`${theory.name} accepts exactly its kind`, () => {
      const accepted = samples.filter(([, v]) => theory.validate(v) === null).map(([label]) => label);
      assert.deepEqual(accepted, expected[theory.name]);
      for (const [, v] of samples) {
        const reason = theory.validate(v);
        if (reason !== null) assert.match(reason, /^expected /);
      }
    });
  }

  test('properties: Nat ⊂ Int; integers are Int; non-negative ones Nat; no number is a String or Bool', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.bigInt(), fc.double()), (n) => {
        const isInt = typeof n === 'bigint' || Number.isInteger(n);
        assert.equal(IntTheory.validate(n) === null, isInt);
        assert.equal(NatTheory.validate(n) === null, isInt && n >= 0);
        assert.notEqual(StringTheory.validate(n), null);
        assert.notEqual(BoolTheory.validate(n), null);
        assert.equal(AnyTheory.validate(n), null);
      }),
    );
  });

  test('names, lookup and the Theory shape', () => {
    assert.deepEqual(BUILTIN_THEORY_NAMES, ['Nat', 'Int', 'String', 'Bool', 'Any']);
    for (const name of BUILTIN_THEORY_NAMES) assert.equal(builtinTheory(name)?.name, name);
    assert.equal(builtinTheory('nat'), undefined);
    assert.ok(isTheory(NatTheory));
    assert.ok(!isTheory({ name: 'x' }));
  });
});

describe('loadTheory', () => {
  test('builtin names (exact case) and Theory objects', () => {
    assert.equal(loadTheory('Nat'), NatTheory);
    assert.equal(loadTheory('Any'), AnyTheory);
    const custom: Theory = { name: 'Even', validate: (d) => (typeof d === 'number' && d % 2 === 0 ? null : 'odd') };
    assert.equal(loadTheory(custom), custom);
  });

  test('mettail:, inline:, uri: and unknown names are TheoryNotSupported, naming the spec', () => {
    const cases: Array<[string, RegExp]> = [
      [
        'mettail:types.json',
        /"mettail:types\.json" is not supported: mettail theories are not supported in this version/,
      ],
      ['inline:Nat | Int', /"inline:Nat \| Int" is not supported: inline theories/],
      ['uri:https://example.org/t', /uri theories are not supported in this version/],
      ['Natural', /"Natural" is not supported: unknown builtin theory; expected one of Nat, Int, String, Bool, Any/],
      ['nat', /"nat" is not supported: unknown builtin/],
      ['', /"" is not supported/],
    ];
    for (const [spec, message] of cases) {
      assert.throws(() => loadTheory(spec), { name: 'TheoryNotSupportedError', code: 'TheoryNotSupported', message });
      assert.throws(
        () => loadTheory(spec),
        (e: unknown) => (e as { theory: string }).theory === spec,
      );
    }
  });
});

describe('spaces with a theory', () => {
  test('a produce failing the theory throws TheoryValidationError and stores nothing', () => {
    const space = createSpaceFrom('rho:space:bag:hashmap:default[theory=Nat]');
    assert.equal(space.theory?.name, 'Nat');
    space.produce('n', 3);
    assert.throws(() => space.produce('n', -1), {
      name: 'TheoryValidationError',
      code: 'TheoryValidationError',
      theory: 'Nat',
      term: '-1',
      reason: 'expected a natural number (a non-negative integer number or bigint)',
    });
    assert.throws(() => space.produce('fresh', 'three'), { code: 'TheoryValidationError' });
    assert.deepEqual(
      space.getData('n').map((d) => d.datum),
      [3],
    );
    assert.deepEqual(space.getData('fresh'), []);
    assert.deepEqual(space.channels(), ['n']);
  });

  test('a rejected datum does not fire a waiting consume', () => {
    const space = createSpaceFrom('rho:space:QueueSpace', { theory: 'String' });
    space.consume(['q'], [compile(bind('x'))], 'reader');
    assert.throws(() => space.produce('q', 1), { code: 'TheoryValidationError' });
    assert.equal(space.getWaiting(['q']).length, 1);
    assert.equal(space.produce('q', 'ok').length, 1);
  });
});
