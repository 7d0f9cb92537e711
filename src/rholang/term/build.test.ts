import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  BoundVar,
  Bundle,
  bundle,
  emap,
  eset,
  FreeVar,
  gint,
  gstring,
  keyOf,
  NIL,
  Par,
  par,
  ReceiveBind,
  receive,
  Send,
  type Term,
  termEquals,
} from './index.js';

const send = (ch: string, ...data: Term[]): Send => new Send(gstring(ch), data, false, []);
const a = send('a');
const b = send('b');
const c = send('c');

describe('par', () => {
  test('drops Nil; one member is that member, none is Nil', () => {
    assert.equal(par([]), NIL);
    assert.equal(par([NIL, NIL]), NIL);
    assert.equal(par([NIL, a]), a);
  });

  test('flattens nested compositions and sorts members canonically, keeping the written order', () => {
    const p = par([c, par([b, a]), NIL]);
    assert.ok(p instanceof Par);
    assert.deepEqual(p.members.map(keyOf), [a, b, c].map(keyOf));
    assert.deepEqual(p.sourceOrder, [c, b, a]);
  });

  test('is a multiset: the order of members does not matter, their number does', () => {
    assert.ok(termEquals(par([a, b, c]), par([c, a, b])));
    assert.ok(!termEquals(par([a, a, b]), par([a, b])));
  });

  test('the written order is not part of the identity', () => {
    const x = par([a, b]) as Par;
    const y = par([b, a]) as Par;
    assert.equal(keyOf(x), keyOf(y));
    assert.notDeepEqual(
      x.sourceOrder.map((m) => keyOf(m)),
      y.sourceOrder.map((m) => keyOf(m)),
    );
  });
});

describe('sets and maps', () => {
  test('eset sorts and drops duplicates', () => {
    const s = eset([gint(3), gint(1), gint(3), gint(2)]);
    assert.deepEqual(
      s.elements.map((e) => (e.kind === 'Int' ? e.value : null)),
      [1n, 2n, 3n],
    );
  });

  test('emap sorts by key and a repeated key keeps its last value', () => {
    const m = emap([gstring('b'), gstring('a'), gstring('b')], [gint(1), gint(2), gint(3)]);
    assert.deepEqual(
      m.keys.map((k) => (k.kind === 'String' ? k.value : null)),
      ['a', 'b'],
    );
    assert.deepEqual(
      m.values.map((v) => (v.kind === 'Int' ? v.value : null)),
      [2n, 3n],
    );
  });

  test('emap refuses keys and values of different lengths', () => {
    assert.throws(() => emap([NIL], []), RangeError);
  });

  test('gint refuses integers outside 64 bits', () => {
    assert.throws(() => gint(1n << 63n), RangeError);
    assert.throws(() => gint(-(1n << 63n) - 1n), RangeError);
    assert.equal(gint(-(1n << 63n)).value, -(1n << 63n));
  });
});

describe('receive', () => {
  const bind = (ch: string, n: number): ReceiveBind =>
    new ReceiveBind(
      Array.from({ length: n }, (_, i) => new FreeVar(i)),
      null,
      gstring(ch),
      n,
      false,
      null,
    );

  test('sorts the binds of a join and renumbers the body to follow', () => {
    // for (x <- @"b" & y, z <- @"a") { @"out"!(x, y, z) }, written with the binds out of order:
    // levels x=0, y=1, z=2, so x is index 2, y 1, z 0.
    const body = send('out', new BoundVar(2), new BoundVar(1), new BoundVar(0));
    const r = receive([bind('b', 1), bind('a', 2)], body, false);
    assert.deepEqual(
      r.binds.map((x) => keyOf(x.source)),
      [gstring('a'), gstring('b')].map(keyOf),
    );
    // Now y=0, z=1 (bind @"a") and x=2 (bind @"b"): x is index 0, y 2, z 1.
    assert.ok(termEquals(r.body, send('out', new BoundVar(0), new BoundVar(2), new BoundVar(1))));
    // Written in canonical order, the same receive.
    const direct = receive(
      [bind('a', 2), bind('b', 1)],
      send('out', new BoundVar(0), new BoundVar(2), new BoundVar(1)),
      false,
    );
    assert.equal(keyOf(r), keyOf(direct));
  });

  test('variables bound outside the receive are not renumbered', () => {
    const r = receive([bind('b', 1), bind('a', 1)], send('out', new BoundVar(1), new BoundVar(2)), false);
    // x (bind b, old index 1) becomes index 0; the outer variable (index 2) stays.
    assert.ok(termEquals(r.body, send('out', new BoundVar(0), new BoundVar(2))));
    assert.equal(r.bindCount, 2);
    assert.equal(r.open, 1);
  });
});

describe('bundle', () => {
  test('a bundle directly inside another keeps only what both allow', () => {
    const inner = bundle(a, true, false);
    const outer = bundle(inner, true, true);
    assert.ok(outer instanceof Bundle);
    assert.equal(outer.body, a);
    assert.deepEqual([outer.read, outer.write], [true, false]);
    const none = bundle(bundle(a, false, true), true, false);
    assert.deepEqual([none.read, none.write], [false, false]);
  });
});
