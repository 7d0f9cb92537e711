import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { PhlogistonMeter } from '../../gas/meter.js';
import { normalizeSource } from '../compile/normalize.js';
import { valueArb } from '../term/arbitrary.js';
import { gint, gstring } from '../term/build.js';
import { encodedLength } from '../term/encode.js';
import { EList, Unforgeable } from '../term/nodes-ground.js';
import { EMPTY_LIST_SIZE, RHO_COSTS, RhoCostModel, sizeOf, sizeOfAll } from './costs.js';
import { runSource, runTerm } from './run.js';
import { termAdapter } from './space-types.js';

/** What one call of `f` on a fresh model charges. */
const charged = (f: (m: RhoCostModel) => void): number => {
  const meter = PhlogistonMeter.unlimited();
  f(new RhoCostModel(meter));
  return meter.consumed;
};

describe('phlogiston: the cost table (rholang-surface §5)', () => {
  test('fixed charges', () => {
    assert.equal(
      charged((m) => m.newNames(3)),
      10 + 2 * 3,
    );
    assert.equal(
      charged((m) => m.useBlock()),
      12,
    );
    assert.equal(
      charged((m) => m.varLookup()),
      10,
    );
    assert.equal(
      charged((m) => m.parsing(1234)),
      1234,
    );
  });

  test('operators', () => {
    const one = gint(1);
    assert.equal(
      charged((m) => m.binary('+', one, one)),
      3,
    );
    assert.equal(
      charged((m) => m.binary('-', one, one)),
      3,
    );
    for (const op of ['*', '/', '%'] as const)
      assert.equal(
        charged((m) => m.binary(op, one, one)),
        9,
      );
    for (const op of ['<', '<=', '>', '>='] as const)
      assert.equal(
        charged((m) => m.binary(op, one, one)),
        3,
      );
    for (const op of ['and', 'or'] as const)
      assert.equal(
        charged((m) => m.binary(op, one, one)),
        2,
      );
    const s = gstring('abc');
    assert.equal(
      charged((m) => m.binary('==', s, one)),
      Math.min(sizeOf(s), sizeOf(one)),
    );
    assert.equal(
      charged((m) => m.binary('++', s, gstring('de'))),
      10 + 3 + 2,
    );
    const list = new EList([one, one, one], null);
    assert.equal(
      charged((m) => m.binary('++', list, list)),
      10 + 3,
    );
  });

  test('methods: 10 plus the method-specific part', () => {
    const list = new EList([gint(1), gint(2), gint(3)], null);
    assert.equal(
      charged((m) => m.method('nth', list, [gint(0)])),
      20,
    );
    assert.equal(
      charged((m) => m.method('length', list, [])),
      20,
    );
    assert.equal(
      charged((m) => m.method('slice', list, [gint(0), gint(2)])),
      12,
    );
    assert.equal(
      charged((m) => m.method('take', list, [gint(2)])),
      12,
    );
    assert.equal(
      charged((m) => m.method('toSet', list, [])),
      13,
    );
  });

  test('a COMM costs its event hashes; storage given back is refunded', () => {
    const h = RHO_COSTS.hash;
    assert.equal(
      charged((m) => m.comm(1, true, 0)),
      h + h + 2 * h,
    );
    assert.equal(
      charged((m) => m.comm(2, false, 0)),
      h + 2 * h + 4 * h + h + 2 * h,
    );
    const meter = new PhlogistonMeter(1000);
    new RhoCostModel(meter).comm(1, true, 50);
    assert.equal(meter.consumed - meter.refunded, 4 * h - 50);
  });

  test('sizes are canonical encoding lengths (integers without encoding them)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(1n << 63n), max: (1n << 63n) - 1n }), (v) => {
        assert.equal(sizeOf(gint(v)), encodedLength(gint(v)));
      }),
    );
  });
});

describe('phlogiston: charges of whole programs', () => {
  test('each extra name of a new costs 2 more (plus the bytes of its source)', () => {
    const a = runSource('new x in { Nil }');
    const b = runSource('new x, y in { Nil }');
    assert.equal(b.phlogiston.used - a.phlogiston.used, 2 + ', y'.length);
  });

  test('the same term costs the same every run; a bigger datum costs more', () => {
    const t = normalizeSource('new ch in { ch!(1) }');
    assert.equal(runTerm(t).phlogiston.used, runTerm(t).phlogiston.used);
    const small = runTerm(normalizeSource('new ch in { ch!("a") }')).phlogiston.used;
    const big = runTerm(normalizeSource('new ch in { ch!("aaaaaaaaaa") }')).phlogiston.used;
    assert.ok(big > small);
  });
});

describe('phlogiston: review fixes', () => {
  test('adding or removing one set or map element costs the call and one lookup, whatever the element', () => {
    assert.equal(
      charged((m) => m.binary('+', setOf(), gstring('helloworld'))),
      13,
    );
    assert.equal(
      charged((m) => m.binary('-', setOf(), gint(1))),
      13,
    );
  });

  test('a COMM the budget cannot pay for is neither counted nor traced', () => {
    const program = 'new loop in { contract loop(@n) = { loop!(n + 1) } | loop!(0) }';
    const trace: string[] = [];
    const r = runSource(program, { phloLimit: 2000, trace: (l) => trace.push(l) });
    assert.equal(r.outOfPhlogiston, true);
    assert.equal(r.comms, trace.length);
  });
});

function setOf() {
  return normalizeSource('Set(1)');
}

test('the largest phlogiston limit works: refunds stop at the meter’s bound instead of failing', () => {
  const r = runSource('new out(`rho:io:stdout`), ch in { ch!(1) | for (@x <- ch) { out!(x) } }', {
    phloLimit: Number.MAX_SAFE_INTEGER,
  });
  assert.deepEqual(r.errors, []);
  assert.deepEqual(r.stdout, ['1']);
});

test('a list of values encodes to the empty list’s size plus the sizes of the values (what user spaces charge)', () => {
  fc.assert(
    fc.property(fc.array(valueArb(2), { maxLength: 5 }), (xs) => {
      assert.equal(encodedLength(new EList(xs, null)), EMPTY_LIST_SIZE + sizeOfAll(xs));
    }),
  );
});

test('names of indexed spaces give back their slot index, up to the largest safe integer', () => {
  const names = termAdapter(new Uint8Array(16).fill(7)).names;
  fc.assert(
    fc.property(fc.oneof(fc.nat(), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER })), (i) => {
      assert.equal(names.indexOf(names.make(i)), i);
    }),
  );
  assert.equal(names.indexOf(gint(5)), 5);
  assert.equal(names.indexOf(gint(-1)), undefined);
  const beyond = new Uint8Array(24).fill(7);
  beyond.fill(0xff, 16);
  assert.equal(names.indexOf(new Unforgeable(beyond)), undefined);
});
