import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { valueArb } from './arbitrary.js';
import {
  BoundVar,
  EList,
  EMap,
  eset,
  FreeVar,
  gint,
  gstring,
  instantiate,
  keyOf,
  Match,
  MatchCase,
  New,
  NewDecl,
  NIL,
  Par,
  par,
  ReceiveBind,
  receive,
  Send,
  shift,
  substitute,
  type Term,
  termEquals,
  VarRef,
} from './index.js';

const out = (...data: Term[]): Send => new Send(gstring('out'), data, false, []);
const same = (a: Term, b: Term): void => assert.equal(keyOf(a), keyOf(b));

describe('substitute', () => {
  test('index i becomes env[i]; indices past env drop by env.length', () => {
    same(
      substitute(out(new BoundVar(0), new BoundVar(1), new BoundVar(3)), [gint(7), gint(8)]),
      out(gint(7), gint(8), new BoundVar(1)),
    );
  });

  test('under binders: a variable of the binder stays, an outer one is replaced', () => {
    const r = receive(
      [new ReceiveBind([new FreeVar(0)], null, new BoundVar(0), 1, false, null)],
      out(new BoundVar(0), new BoundVar(1)),
      false,
    );
    const s = substitute(r, [gstring('ch')]);
    same(
      s,
      receive(
        [new ReceiveBind([new FreeVar(0)], null, gstring('ch'), 1, false, null)],
        out(new BoundVar(0), gstring('ch')),
        false,
      ),
    );
    const n = new New([new NewDecl(null, null), new NewDecl(null, null)], out(new BoundVar(0), new BoundVar(2)));
    same(
      substitute(n, [gint(1)]),
      new New([new NewDecl(null, null), new NewDecl(null, null)], out(new BoundVar(0), gint(1))),
    );
    const m = new Match(new BoundVar(0), [new MatchCase(new FreeVar(0), out(new BoundVar(0), new BoundVar(1)), 1)]);
    same(
      substitute(m, [gint(5)]),
      new Match(gint(5), [new MatchCase(new FreeVar(0), out(new BoundVar(0), gint(5)), 1)]),
    );
  });

  test('cannot capture: an open value placed under binders is shifted past them', () => {
    // new a in { @"out"!(*a, X) } with X := BoundVar(0) (a variable of the *outer* context)
    const n = new New([new NewDecl(null, null)], out(new BoundVar(0), new BoundVar(1)));
    same(substitute(n, [new BoundVar(0)]), new New([new NewDecl(null, null)], out(new BoundVar(0), new BoundVar(1))));
    same(shift(out(new BoundVar(0)), 2), out(new BoundVar(2)));
  });

  test('a var-ref in a pattern becomes the value itself', () => {
    const m = new Match(NIL, [new MatchCase(new EList([new VarRef(0), new FreeVar(0)], null), NIL, 1)]);
    same(substitute(m, [gint(3)]), new Match(NIL, [new MatchCase(new EList([gint(3), new FreeVar(0)], null), NIL, 1)]));
  });

  test('results are canonical: a Par is re-flattened and re-sorted, a set deduplicated, a map re-sorted', () => {
    const p = par([out(gint(1)), new BoundVar(0)]);
    const v = par([out(gint(3)), out(gint(2))]);
    const s = substitute(p, [v]);
    assert.ok(s instanceof Par);
    same(s, par([out(gint(1)), out(gint(2)), out(gint(3))]));
    assert.deepEqual((s as Par).sourceOrder.map(keyOf), [out(gint(1)), out(gint(3)), out(gint(2))].map(keyOf));
    same(substitute(eset([new BoundVar(0), new BoundVar(1)]), [gint(1), gint(1)]), eset([gint(1)]));
    same(substitute(par([new BoundVar(0), out(gint(1))]), [NIL]), out(gint(1)));
    const m = substitute(new EMap([new BoundVar(0), new BoundVar(1)], [gint(1), gint(2)], null), [
      gstring('z'),
      gstring('a'),
    ]);
    assert.ok(m instanceof EMap);
    assert.deepEqual(m.keys.map(keyOf), [gstring('a'), gstring('z')].map(keyOf));
  });

  test('a join whose sources become differently ordered is re-sorted with its body renumbered', () => {
    // for (x <- v0 & y <- v1) { out!(x, y) } with v0 := "z", v1 := "a".
    const bind = (i: number): ReceiveBind => new ReceiveBind([new FreeVar(0)], null, new BoundVar(i), 1, false, null);
    const r = receive([bind(0), bind(1)], out(new BoundVar(1), new BoundVar(0)), false);
    const s = substitute(r, [gstring('z'), gstring('a')]);
    const direct = receive(
      [
        new ReceiveBind([new FreeVar(0)], null, gstring('a'), 1, false, null),
        new ReceiveBind([new FreeVar(0)], null, gstring('z'), 1, false, null),
      ],
      out(new BoundVar(0), new BoundVar(1)),
      false,
    );
    same(s, direct);
  });

  test('instantiate takes the values in binding order (the last one is index 0)', () => {
    const body = out(new BoundVar(2), new BoundVar(1), new BoundVar(0));
    same(instantiate(body, [gint(1), gint(2), gint(3)]), out(gint(1), gint(2), gint(3)));
    const r = receive(
      [new ReceiveBind([new FreeVar(0), new FreeVar(1)], null, gstring('c'), 2, false, null)],
      body,
      false,
    );
    same(instantiate(r.body, [gint(7), gint(8), gint(9)]), out(gint(7), gint(8), gint(9)));
  });

  test('closed subterms are shared, not copied', () => {
    const closed = out(gint(1), gint(2));
    const t = new EList([closed, new BoundVar(0)], null);
    const s = substitute(t, [gint(9)]);
    assert.ok(s instanceof EList);
    assert.equal(s.elements[0], closed);
    assert.equal(substitute(closed, [gint(9)]), closed);
  });

  test('property: substituting closed values closes the term and commutes with canonical rebuilding', () => {
    fc.assert(
      fc.property(fc.array(valueArb(2), { minLength: 2, maxLength: 2 }), ([x, y]) => {
        const t = par([out(new BoundVar(0)), eset([new BoundVar(1), new BoundVar(0)]), new BoundVar(1)]);
        const s = substitute(t, [x, y]);
        assert.equal(s.open, 0);
        assert.ok(termEquals(s, par([out(x), eset([y, x]), y])));
      }),
    );
  });
});
