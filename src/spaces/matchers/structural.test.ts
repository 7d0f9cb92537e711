import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Name, tuple, type Value } from '../../data/value.js';
import { type Bindings, EMPTY_BINDINGS } from './matcher.js';
import { compile, structuralMatcher } from './structural.js';
import { _, and, any, bind, is, not, or, partial, rest, type Template, tupleOf, where } from './template.js';

const m = (t: Template, d: Value): Bindings | null => compile(t).match(d);
const yes = (t: Template, d: Value) => assert.notEqual(m(t, d), null, `expected ${compile(t)} to match`);
const no = (t: Template, d: Value) => assert.equal(m(t, d), null, `expected ${compile(t)} not to match`);
/** Bindings as a plain object, for deepEqual (bindings have a null prototype). */
const plain = (b: Bindings | null) => (b === null ? null : { ...b });

describe('literal templates', () => {
  it('match structurally equal values', () => {
    yes(1, 1);
    yes(-0, 0);
    yes(Number.NaN, Number.NaN);
    yes(null, null);
    yes('a', 'a');
    yes(10n, 10n);
    yes([1, [2, 'x']], [1, [2, 'x']]);
    yes({ a: [1] }, new Map([['a', [1]]]));
    yes(new Map([['a', 1]]), { a: 1 });
    yes(new Set([[1], 2]), new Set([2, [1]]));
    yes(new Uint8Array([1, 2]), new Uint8Array([1, 2]));
    yes(new Name(new Uint8Array([7])), new Name(new Uint8Array([7])));
    yes(tuple(1, 'a'), tuple(1, 'a'));
  });

  it('do not match anything else', () => {
    no(1, 1n);
    no(1, '1');
    no(null, 0);
    no(Number.NaN, 'NaN');
    no([1, 2], tuple(1, 2));
    no(tuple(1, 2), [1, 2]);
    no([1, 2], [1, 2, 3]);
    no({ a: 1 }, { a: 1, b: 2 });
    no(new Set([1]), [1]);
  });

  it('return the shared empty bindings', () => {
    assert.equal(m([1, { a: 'b' }], [1, { a: 'b' }]), EMPTY_BINDINGS);
  });
});

describe('_ / any', () => {
  it('match anything, binding nothing', () => {
    assert.equal(any, _);
    for (const d of [null, 1, 'x', [1], { a: 1 }, tuple(), new Set(), 1n] as Value[]) {
      assert.equal(m(_, d), EMPTY_BINDINGS);
    }
    assert.equal(m([_, 2, _], ['x', 2, [3]]), EMPTY_BINDINGS);
    no([_, 2], ['x', 3]);
    no([_], []);
  });
});

describe('bind', () => {
  it('binds the datum itself', () => {
    const d = { deep: [1, 2] };
    const b = m(bind('x'), d);
    assert.equal(b?.x, d);
    assert.deepEqual(plain(m(['job', bind('id'), bind('payload')], ['job', 7, 'p'])), { id: 7, payload: 'p' });
  });

  it('with a sub-template, requires it to match as well', () => {
    assert.deepEqual(plain(m(bind('n', is.number), 3)), { n: 3 });
    no(bind('n', is.number), '3');
    assert.deepEqual(plain(m(bind('p', [1, bind('q')]), [1, 2])), { p: [1, 2], q: 2 });
  });

  it('repeated names must capture equal values', () => {
    const t = [bind('x'), bind('x')];
    assert.deepEqual(plain(m(t, [[1], [1]])), { x: [1] });
    assert.deepEqual(plain(m(t, [{ a: 1 }, new Map([['a', 1]])])), { x: { a: 1 } });
    no(t, [1, 2]);
    no(t, [1, 1n]);
    yes({ from: bind('who'), to: bind('who') }, { from: 'a', to: 'a' });
    no({ from: bind('who'), to: bind('who') }, { from: 'a', to: 'b' });
    yes([bind('xs'), rest('xs')], [[2, 3], 2, 3]);
    no([bind('xs'), rest('xs')], [[2], 2, 3]);
  });

  it('allows any non-empty name, including Object.prototype keys', () => {
    const proto = m(bind('__proto__'), 5);
    assert.equal(proto && Object.getOwnPropertyDescriptor(proto, '__proto__')?.value, 5);
    assert.equal(m(bind('constructor'), 5)?.constructor, 5);
  });
});

describe('type formals', () => {
  const cases: Array<[Template, Value[], Value[]]> = [
    [is.string, ['', 'a'], [1, null, ['a']]],
    [is.number, [0, -1.5, Number.NaN, Number.POSITIVE_INFINITY], [1n, '1', null]],
    [is.bigint, [0n, -3n], [0, '0']],
    [is.integer, [0, -0, 3, 3n, 2 ** 60], [3.5, Number.NaN, Number.POSITIVE_INFINITY, '3']],
    [is.boolean, [true, false], [0, null, 'true']],
    [is.bytes, [new Uint8Array()], [[1], 'ab']],
    [is.list, [[], [1, 'a']], [tuple(1), {}, new Set()]],
    [is.tuple, [tuple(), tuple(1)], [[], {}]],
    [is.map, [{}, { a: 1 }, new Map([[1, 2]])], [[], new Set(), tuple(), null]],
    [is.set, [new Set(), new Set([1])], [[], {}]],
    [is.name, [new Name(new Uint8Array([1]))], [new Uint8Array([1]), 'n']],
    [is.null, [null], [0, false, '', []]],
  ];
  for (const [formal, good, bad] of cases) {
    it(`${compile(formal)} matches its kind only`, () => {
      for (const d of good) assert.equal(m(formal, d), EMPTY_BINDINGS);
      for (const d of bad) no(formal, d);
    });
  }
});

describe('lists, tuples and rest', () => {
  it('lists need the same length unless they end with rest', () => {
    yes([1, rest()], [1]);
    yes([1, rest()], [1, 2, 3]);
    no([1, rest()], []);
    no([1, rest()], [2, 1]);
    no([1, rest()], tuple(1));
    assert.equal(m([1, rest()], [1, 2]), EMPTY_BINDINGS);
  });

  it('a named rest binds the remaining items as a list', () => {
    assert.deepEqual(plain(m([bind('h'), rest('t')], [1, 2, 3])), { h: 1, t: [2, 3] });
    assert.deepEqual(plain(m([rest('all')], [])), { all: [] });
  });

  it('tuples match tuples item by item, and may end with rest', () => {
    yes(tupleOf('job', _, is.number), tuple('job', 'x', 1));
    no(tupleOf('job', _, is.number), ['job', 'x', 1]);
    no(tupleOf('job', _), tuple('job', 'x', 1));
    assert.deepEqual(plain(m(tupleOf('log', rest('args')), tuple('log', 1, 'a'))), { args: [1, 'a'] });
    assert.ok(Array.isArray(m(tupleOf(rest('xs')), tuple(1))?.xs));
  });
});

describe('map templates', () => {
  it('match records and Maps with exactly the same keys', () => {
    const t = { a: bind('a'), b: 2 };
    assert.deepEqual(plain(m(t, { a: 1, b: 2 })), { a: 1 });
    assert.deepEqual(
      plain(
        m(
          t,
          new Map<Value, Value>([
            ['b', 2],
            ['a', 1],
          ]),
        ),
      ),
      { a: 1 },
    );
    no(t, { a: 1, b: 2, c: 3 });
    no(t, { a: 1 });
    no(t, { a: 1, b: 3 });
    no(t, [1, 2]);
  });

  it('Map templates take any literal keys, compared structurally', () => {
    const t = new Map<Value, Template>([
      [1, bind('one')],
      [[1, 2], bind('pair')],
    ]);
    const d = new Map<Value, Value>([
      [[1, 2], 'p'],
      [1, 'o'],
    ]);
    assert.deepEqual(plain(m(t, d)), { one: 'o', pair: 'p' });
    no(t, new Map<Value, Value>([[1, 'o']]));
    no(new Map<Value, Template>([[1, _]]), { 1: 'o' });
  });

  it('partial matches maps with at least the keys, optionally binding the others', () => {
    yes(partial({ a: is.number }), { a: 1, b: 2 });
    yes(partial({ a: is.number }), { a: 1 });
    no(partial({ a: is.number }), { b: 2 });
    assert.equal(m(partial({ a: 1 }), { a: 1, b: 2 }), EMPTY_BINDINGS);
    assert.deepEqual(plain(m(partial({ a: bind('a') }, 'more'), { a: 1, b: 2, c: 3 })), {
      a: 1,
      more: { b: 2, c: 3 },
    });
    const fromMap = m(
      partial(new Map([[1, _]]), 'more'),
      new Map<Value, Value>([
        [1, 'x'],
        [[2], 'y'],
      ]),
    );
    assert.ok(fromMap?.more instanceof Map);
    assert.deepEqual([...(fromMap.more as Map<Value, Value>)], [[[2], 'y']]);
    assert.deepEqual({ ...(m(partial({}, 'all'), {}) as { all: object }).all }, {});
  });
});

describe('where, and, or, not', () => {
  const big = where((v) => typeof v === 'number' && v > 10, '>10');

  it('where tests the datum with the predicate', () => {
    yes(big, 11);
    no(big, 10);
    no(big, '11');
  });

  it('and needs all templates, with all their bindings', () => {
    assert.deepEqual(plain(m(and(bind('a'), is.number, big, bind('b')), 12)), { a: 12, b: 12 });
    no(and(is.number, big), 3);
    no(and(bind('x', 1), bind('x', _)), 2);
  });

  it('or takes the bindings of the first matching alternative', () => {
    const t = or(bind('s', is.string), bind('n', is.number), bind('other'));
    assert.deepEqual(plain(m(t, 'a')), { s: 'a' });
    assert.deepEqual(plain(m(t, 1)), { n: 1 });
    assert.deepEqual(plain(m(t, null)), { other: null });
    no(or(1, 2), 3);
    // An alternative that fails after capturing leaves no trace.
    assert.deepEqual(plain(m(or([bind('x'), 1], [_, bind('y')]), [5, 2])), { y: 2 });
  });

  it('not matches what its template does not, and binds nothing', () => {
    yes(not(is.string), 1);
    no(not(is.string), 'a');
    no(not(bind('x')), 1);
    assert.equal(m([not(1), not(bind('y', 2))], [2, 3]), EMPTY_BINDINGS);
    // The inner template does not see the other captures: this is not "x differs from the first item".
    no([bind('x'), not(bind('x'))], [1, 2]);
  });
});

describe('Pattern and structuralMatcher', () => {
  it('structuralMatcher delegates to the pattern', () => {
    assert.equal(structuralMatcher.name, 'StructuralMatch');
    const p = compile(['job', bind('id')]);
    assert.deepEqual(plain(structuralMatcher.match(p, ['job', 3])), { id: 3 });
    assert.equal(structuralMatcher.match(p, ['job']), null);
  });

  it('returns bindings as a plain object, in capture order', () => {
    const b = m({ b: bind('y'), a: [bind('x'), rest('r')] }, { a: [1, 2], b: 3 });
    assert.deepEqual(b, { y: 3, x: 1, r: [2] });
    assert.deepEqual(Object.keys(b ?? {}), ['y', 'x', 'r']);
  });

  it('is reentrant: a where predicate may match the same pattern', () => {
    const self: { p?: ReturnType<typeof compile> } = {};
    const nested = where((v) => Array.isArray(v) && v.length > 0 && self.p?.match(v) !== null, 'nested');
    self.p = compile(or([bind('head'), nested], [bind('leaf')]));
    assert.deepEqual(plain(self.p.match([1, [2, [3]]])), { head: 1 });
    assert.deepEqual(plain(self.p.match([7])), { leaf: 7 });
    assert.equal(self.p.match([1, [2, 'x']]), null);
  });

  it('starts clean after a predicate threw', () => {
    const p = compile([bind('x'), where((v) => (v === 'boom' ? assert.fail('boom') : true))]);
    assert.throws(() => p.match([1, 'boom']), /boom/);
    assert.deepEqual(plain(p.match([2, 'ok'])), { x: 2 });
  });

  it('names inside not are scoped to it', () => {
    yes(not([bind('y'), bind('y')]), [1, 2]);
    no(not([bind('y'), bind('y')]), [1, 1]);
    assert.deepEqual(plain(m([bind('y'), not(bind('y', 5))], [5, 6])), { y: 5 });
  });

  it('keeps the template', () => {
    const t = [bind('x')];
    assert.equal(compile(t).template, t);
  });
});
