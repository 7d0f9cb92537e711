import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { DATA_KINDS, QUALIFIERS, resolveConfig, type SpaceConfigInput, STORE_KINDS } from '../spaces/config.js';
import { presetNames } from './named-urns.js';
import {
  allValidUrns,
  byteToUrn,
  explicitConfig,
  FIRST_URN_BYTE,
  formatUrn,
  LAST_URN_BYTE,
  parseUrn,
  urnOf,
  urnToByte,
} from './urn.js';

const invalidConfig = (pattern: RegExp) => ({ code: 'InvalidConfiguration', message: pattern });

describe('the 96 URNs', () => {
  const urns = allValidUrns();

  test('exactly 96, unique, inner-major in the grammar order', () => {
    assert.equal(urns.length, 96);
    assert.equal(new Set(urns).size, 96);
    assert.equal(urns[0], 'rho:space:bag:hashmap:default');
    assert.equal(urns[1], 'rho:space:bag:hashmap:temp');
    assert.equal(urns[2], 'rho:space:bag:hashmap:seq');
    assert.equal(urns[3], 'rho:space:bag:pathmap:default');
    assert.equal(urns[95], 'rho:space:vectordb:vector:seq');
  });

  test('each parses, prints back, and matches its own inner:outer:qualifier', () => {
    for (const urn of urns) {
      const [inner, outer, qualifier] = urn.slice('rho:space:'.length).split(':');
      const { config, theory } = parseUrn(urn);
      assert.equal(theory, undefined);
      assert.deepEqual([config.inner, config.outer, config.qualifier], [inner, outer, qualifier]);
      assert.equal(formatUrn(config), urn);
      resolveConfig(config);
    }
  });

  test('byte names: URN i <-> byte 25 + i, bijective on 25..120', () => {
    urns.forEach((urn, i) => {
      assert.equal(urnToByte(urn), FIRST_URN_BYTE + i);
      assert.equal(byteToUrn(FIRST_URN_BYTE + i), urn);
    });
    assert.equal(LAST_URN_BYTE, 120);
    assert.equal(urnToByte('rho:space:bag:hashmap:default'), 25);
    assert.equal(urnToByte('rho:space:bag:hashmap:temp'), 26);
    assert.equal(urnToByte('rho:space:bag:hashmap:seq'), 27);
    assert.deepEqual(
      ['default', 'temp', 'seq'].map((q) => urnToByte(`rho:space:vectordb:hashmap:${q}`)),
      [115, 116, 117],
    );
    assert.deepEqual(
      ['default', 'temp', 'seq'].map((q) => urnToByte(`rho:space:vectordb:vector:${q}`)),
      [118, 119, 120],
    );
  });

  test('named and default-parameter spellings share the byte of their canonical URN', () => {
    assert.equal(urnToByte('rho:space:HashMapBagSpace'), 25);
    assert.equal(urnToByte('rho:space:bag:array(1000,false):default'), 31);
    assert.equal(
      urnToByte('rho:space:priorityqueue(2):hashmap:default'),
      urnToByte('rho:space:priorityqueue:hashmap:default'),
    );
  });

  test('URNs without a byte name, and bytes without a URN, are refused naming them', () => {
    assert.throws(
      () => urnToByte('rho:space:priorityqueue(3):hashmap:default'),
      invalidConfig(/priorityqueue\(3\).*no byte name/),
    );
    assert.throws(() => urnToByte('rho:space:bag:hashmap:default[theory=Nat]'), invalidConfig(/theory.*no byte name/));
    for (const bad of [24, 121, 25.5, Number.NaN, -1]) {
      assert.throws(() => byteToUrn(bad), invalidConfig(new RegExp(`byte name ${String(bad)} `)));
    }
  });
});

describe('invalid URNs are refused with a message naming the URN and the part', () => {
  test('every invalid inner × outer pair (vectordb outside hashmap and vector)', () => {
    let refused = 0;
    for (const inner of DATA_KINDS)
      for (const outer of STORE_KINDS)
        for (const qualifier of QUALIFIERS) {
          const urn = `rho:space:${inner}:${outer}:${qualifier}`;
          if (allValidUrns().includes(urn)) continue;
          refused++;
          assert.throws(() => parseUrn(urn), invalidConfig(new RegExp(`"${urn}".*vectordb:${outer}`)));
        }
    assert.equal(refused, 9);
  });

  const cases: Array<[string, RegExp]> = [
    ['space:bag:hashmap:default', /starts with rho:space:/],
    ['rho:space:Bag:hashmap:default', /unknown inner collection "Bag"/],
    ['rho:space:bag:HashMap:default', /unknown outer store "HashMap"/],
    ['rho:space:bag:hashmap:forever', /unknown qualifier "forever"/],
    ['rho:space:bag:hashmap', /expected rho:space:<inner>:<outer>:<qualifier>/],
    ['rho:space:bag:hashmap:default:extra', /expected rho:space:<inner>:<outer>:<qualifier>/],
    [
      'rho:space:priorityqueue(3:hashmap:default',
      /inner collection "priorityqueue\(3" has "\(" without a closing "\)"/,
    ],
    ['rho:space:bag:array(10:default', /outer store "array\(10" has "\(" without/],
    ['rho:space:bag(3):hashmap:default', /inner collection bag takes no parameters/],
    ['rho:space:bag:hashmap(3):default', /outer store hashmap takes no parameters/],
    ['rho:space:bag:hashmap:temp(3)', /qualifier "temp\(3\)" takes no parameters/],
    ['rho:space:bag:hashmap:default(3)', /qualifier "default\(3\)" takes no parameters/],
    ['rho:space:priorityqueue(0):hashmap:default', /priority levels must be an integer in 1\.\.1024, got 0/],
    ['rho:space:priorityqueue(2000):hashmap:default', /got 2000/],
    ['rho:space:priorityqueue(x):hashmap:default', /priority levels "x" is not a positive integer/],
    ['rho:space:priorityqueue():hashmap:default', /priority levels "" is not a positive integer/],
    ['rho:space:priorityqueue(1,2):hashmap:default', /priorityqueue takes exactly one parameter/],
    ['rho:space:vectordb(0):hashmap:default', /vectordb dimensions must be an integer in 1\.\.65536, got 0/],
    ['rho:space:bag:array(0):default', /array size must be an integer in 1\.\.\d+, got 0/],
    ['rho:space:bag:array(-1):default', /array size "-1" is not a positive integer/],
    ['rho:space:bag:array(10,maybe):default', /array cyclic flag "maybe" must be true or false/],
    ['rho:space:bag:array(10,true,3):default', /array takes \(size\) or \(size,cyclic\)/],
    ['rho:space:bag:array(10, true):default', /array cyclic flag " true"/],
    ['rho:space:bag:hashmap:default[theory=Nat', /malformed extension "\[theory=Nat"/],
    ['rho:space:bag:hashmap:default]', /"\]" without "\["/],
    ['rho:space:bag:hashmap:default[color=red]', /unknown extension key "color"/],
    ['rho:space:bag:hashmap:default[theory=]', /needs a value/],
    ['rho:space:bag:hashmap:default[theory=Nat,theory=Int]', /given twice/],
    ['rho:space:FooSpace', /unknown space "FooSpace"/],
    ['rho:space:QueueSpace(3)', /QueueSpace takes no parameters/],
    ['rho:space:queuespace', /unknown space "queuespace"/],
    ['rho:space:PriorityQueueSpace(1,2)', /PriorityQueueSpace takes exactly one parameter/],
  ];
  for (const [urn, message] of cases) {
    test(urn, () => {
      assert.throws(() => parseUrn(urn), invalidConfig(message));
      assert.throws(() => parseUrn(urn), invalidConfig(/^invalid space URN "/));
    });
  }
});

describe('parameters', () => {
  test('parsed with defaults filled in, printed only when not default', () => {
    const rows: Array<[string, SpaceConfigInput, string]> = [
      [
        'rho:space:priorityqueue(5):hashmap:default',
        { outer: 'hashmap', inner: 'priorityqueue', qualifier: 'default', levels: 5 },
        'rho:space:priorityqueue(5):hashmap:default',
      ],
      [
        'rho:space:priorityqueue(2):hashmap:temp',
        { outer: 'hashmap', inner: 'priorityqueue', qualifier: 'temp', levels: 2 },
        'rho:space:priorityqueue:hashmap:temp',
      ],
      [
        'rho:space:vectordb(128):vector:default',
        { outer: 'vector', inner: 'vectordb', qualifier: 'default', dimensions: 128 },
        'rho:space:vectordb(128):vector:default',
      ],
      [
        'rho:space:vectordb:hashmap:seq',
        { outer: 'hashmap', inner: 'vectordb', qualifier: 'seq', dimensions: 384 },
        'rho:space:vectordb:hashmap:seq',
      ],
      [
        'rho:space:queue:array(10,true):default',
        { outer: 'array', inner: 'queue', qualifier: 'default', size: 10, cyclic: true },
        'rho:space:queue:array(10,true):default',
      ],
      [
        'rho:space:bag:array(10):default',
        { outer: 'array', inner: 'bag', qualifier: 'default', size: 10, cyclic: false },
        'rho:space:bag:array(10):default',
      ],
      [
        'rho:space:bag:array(10,false):default',
        { outer: 'array', inner: 'bag', qualifier: 'default', size: 10, cyclic: false },
        'rho:space:bag:array(10):default',
      ],
      [
        'rho:space:bag:array(1000,true):seq',
        { outer: 'array', inner: 'bag', qualifier: 'seq', size: 1000, cyclic: true },
        'rho:space:bag:array(1000,true):seq',
      ],
      [
        'rho:space:cell:array:temp',
        { outer: 'array', inner: 'cell', qualifier: 'temp', size: 1000, cyclic: false },
        'rho:space:cell:array:temp',
      ],
    ];
    for (const [urn, config, canonical] of rows) {
      assert.deepEqual(parseUrn(urn).config, config, urn);
      assert.equal(formatUrn(config), canonical);
    }
  });

  test('formatUrn accepts resolved configs, and refuses what a URN cannot say', () => {
    assert.equal(formatUrn(resolveConfig({ outer: 'array', size: 7 })), 'rho:space:bag:array(7):default');
    assert.equal(formatUrn(resolveConfig()), 'rho:space:bag:hashmap:default');
    assert.throws(
      () => formatUrn({ inner: 'bag', continuations: 'queue' }),
      invalidConfig(/queue continuations has no URN/),
    );
    assert.throws(() => formatUrn({ outer: 'hashmap', size: 10 }), invalidConfig(/size applies only to array/));
  });

  test('property: config -> URN -> config -> URN is stable', () => {
    const configs = fc
      .record({
        inner: fc.constantFrom(...DATA_KINDS),
        outer: fc.constantFrom(...STORE_KINDS),
        qualifier: fc.constantFrom(...QUALIFIERS),
        levels: fc.integer({ min: 1, max: 1024 }),
        dimensions: fc.integer({ min: 1, max: 65536 }),
        size: fc.integer({ min: 1, max: 1_000_000 }),
        cyclic: fc.boolean(),
      })
      .filter((c) => c.inner !== 'vectordb' || c.outer === 'hashmap' || c.outer === 'vector')
      .map(
        (c): SpaceConfigInput => ({
          inner: c.inner,
          outer: c.outer,
          qualifier: c.qualifier,
          ...(c.inner === 'priorityqueue' ? { levels: c.levels } : {}),
          ...(c.inner === 'vectordb' ? { dimensions: c.dimensions } : {}),
          ...(c.outer === 'array' ? { size: c.size, cyclic: c.cyclic } : {}),
        }),
      );
    fc.assert(
      fc.property(configs, (config) => {
        const urn = formatUrn(config);
        const parsed = parseUrn(urn).config;
        assert.deepEqual(parsed, explicitConfig(config));
        assert.equal(formatUrn(parsed), urn);
        assert.equal(parseUrn(urnOf(config)).config.inner, config.inner);
        assert.deepEqual(parseUrn(urnOf(config)).config, parsed);
      }),
    );
  });
});

describe('named (legacy) URNs', () => {
  test('the nine presets map both ways', () => {
    const expected: Record<string, string> = {
      HashMapBagSpace: 'bag:hashmap:default',
      TempSpace: 'bag:hashmap:temp',
      PathMapSpace: 'bag:pathmap:default',
      SeqSpace: 'set:hashset:seq',
      QueueSpace: 'queue:hashmap:default',
      StackSpace: 'stack:hashmap:default',
      SetSpace: 'set:hashmap:default',
      CellSpace: 'cell:hashmap:default',
      VectorSpace: 'bag:vector:default',
    };
    assert.deepEqual(Object.fromEntries(presetNames()), expected);
    for (const [name, triple] of Object.entries(expected)) {
      const named = `rho:space:${name}`;
      const canonical = `rho:space:${triple}`;
      assert.deepEqual(parseUrn(named), parseUrn(canonical));
      assert.equal(urnOf(parseUrn(canonical).config), named);
      assert.equal(urnOf(resolveConfig(parseUrn(canonical).config)), named);
    }
  });

  test('parameterised names parse to canonical configs', () => {
    const rows: Array<[string, string]> = [
      ['rho:space:ArraySpace(10,true)', 'rho:space:bag:array(10,true):default'],
      ['rho:space:ArraySpace(10)', 'rho:space:bag:array(10):default'],
      ['rho:space:ArraySpace', 'rho:space:bag:array:default'],
      ['rho:space:PriorityQueueSpace(5)', 'rho:space:priorityqueue(5):hashmap:default'],
      ['rho:space:PriorityQueueSpace', 'rho:space:priorityqueue:hashmap:default'],
      ['rho:space:VectorDBSpace(128)', 'rho:space:vectordb(128):hashmap:default'],
      ['rho:space:VectorDBSpace', 'rho:space:vectordb:hashmap:default'],
      ['rho:space:priorityqueue:hashmap:default(4)', 'rho:space:priorityqueue(4):hashmap:default'],
      ['rho:space:vectordb:hashmap:default(64)', 'rho:space:vectordb(64):hashmap:default'],
      ['rho:space:QueueSpace[theory=Nat]', 'rho:space:queue:hashmap:default[theory=Nat]'],
    ];
    for (const [named, canonical] of rows) {
      const parsed = parseUrn(named);
      assert.equal(formatUrn(parsed.config, parsed.theory), canonical, named);
      assert.deepEqual(parsed, parseUrn(canonical));
    }
  });

  test('urnOf prints the canonical form for everything else', () => {
    assert.equal(urnOf({ inner: 'queue', outer: 'pathmap' }), 'rho:space:queue:pathmap:default');
    assert.equal(urnOf({ outer: 'array', size: 5, cyclic: true }), 'rho:space:bag:array(5,true):default');
    assert.equal(urnOf({ inner: 'priorityqueue', levels: 3 }), 'rho:space:priorityqueue(3):hashmap:default');
    assert.equal(urnOf({}), 'rho:space:HashMapBagSpace');
    assert.equal(urnOf({ qualifier: 'seq', inner: 'set', outer: 'hashset' }, 'Nat'), 'rho:space:SeqSpace[theory=Nat]');
  });
});

describe('theory extension', () => {
  test('parsed (trimmed), printed, and refused when it cannot be written', () => {
    assert.equal(parseUrn('rho:space:bag:hashmap:default[theory=Nat]').theory, 'Nat');
    assert.equal(parseUrn('rho:space:bag:hashmap:default[ theory = mettail:x.json ]').theory, 'mettail:x.json');
    assert.equal(formatUrn({}, 'Int'), 'rho:space:bag:hashmap:default[theory=Int]');
    for (const bad of ['', ' Nat', 'a,b', 'a]', '[a']) {
      assert.throws(() => formatUrn({}, bad), invalidConfig(/cannot be written in a URN extension/));
    }
  });
});
