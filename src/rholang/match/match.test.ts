import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  BoundVar,
  ConnAnd,
  ConnNot,
  ConnOr,
  ConnType,
  EList,
  ETuple,
  emapOf,
  epathmap,
  eset,
  FreeVar,
  gbool,
  gbytes,
  gint,
  gstring,
  guri,
  keyOf,
  New,
  NewDecl,
  NIL,
  par,
  ReceiveBind,
  receive,
  Send,
  type Term,
  unforgeable,
  VarRef,
  WILDCARD,
} from '../term/index.js';
import { matchData, matches, matchTerm, rholangMatcher } from './index.js';

const x = new FreeVar(0);
const y = new FreeVar(1);
const z = new FreeVar(2);
const i = (n: number) => gint(n);
const s = (v: string) => gstring(v);
const list = (...es: Term[]) => new EList(es, null);
const tuple = (...es: Term[]) => new ETuple(es);
const send = (ch: Term, ...data: Term[]) => new Send(ch, data, false, []);
const chan = unforgeable(new Uint8Array([7]));

/** Asserts a match and compares the bindings by key (terms are compared structurally). */
function expectBindings(p: Term, v: Term, expected: readonly Term[]): void {
  const got = matchTerm(p, v);
  assert.notEqual(got, null, 'expected a match');
  assert.deepEqual(got?.map(keyOf), expected.map(keyOf));
}

function expectNoMatch(p: Term, v: Term): void {
  assert.equal(matchTerm(p, v), null);
}

describe('variables and wildcards', () => {
  test('a free variable binds the whole value', () => {
    expectBindings(x, list(i(1), i(2)), [list(i(1), i(2))]);
    expectBindings(x, NIL, [NIL]);
  });
  test('variables bind in level order, wherever they occur', () => {
    expectBindings(tuple(y, x), tuple(s('b'), s('a')), [s('a'), s('b')]);
  });
  test('a repeated variable must see equal values', () => {
    expectBindings(tuple(x, x), tuple(i(1), i(1)), [i(1)]);
    expectNoMatch(tuple(x, x), tuple(i(1), i(2)));
  });
  test('a wildcard matches anything and binds nothing', () => {
    expectBindings(WILDCARD, send(chan, i(1)), []);
    expectBindings(tuple(WILDCARD, x), tuple(i(1), i(2)), [i(2)]);
  });
  test('freeCount pads the bindings of unreached variables with Nil', () => {
    assert.deepEqual(matchTerm(WILDCARD, i(1), { freeCount: 2 })?.map(keyOf), [keyOf(NIL), keyOf(NIL)]);
  });
});

describe('literals and closed subterms', () => {
  test('equal literals match, others do not', () => {
    expectBindings(i(3), i(3), []);
    expectNoMatch(i(3), i(4));
    expectNoMatch(i(3), s('3'));
    expectBindings(gbytes(new Uint8Array([1, 2])), gbytes(new Uint8Array([1, 2])), []);
    expectNoMatch(guri('rho:a'), gstring('rho:a'));
  });
  test('closed subterms compare structurally', () => {
    const v = tuple(list(i(1), eset([i(2), i(3)])), i(4));
    expectBindings(tuple(list(i(1), eset([i(3), i(2)])), x), v, [i(4)]);
    expectNoMatch(tuple(list(i(1), eset([i(3)])), x), v);
  });
});

describe('lists and tuples', () => {
  test('positionwise, lengths must agree without a remainder', () => {
    expectBindings(list(x, i(2), y), list(i(1), i(2), i(3)), [i(1), i(3)]);
    expectNoMatch(list(x, y), list(i(1), i(2), i(3)));
    expectNoMatch(list(x, i(9)), list(i(1), i(2)));
    expectNoMatch(tuple(x, y), tuple(i(1)));
    expectNoMatch(list(x), tuple(i(1)));
  });
  test('a remainder takes the rest as a list', () => {
    expectBindings(new EList([x], y), list(i(1), i(2), i(3)), [i(1), list(i(2), i(3))]);
    expectBindings(new EList([x], y), list(i(1)), [i(1), list()]);
    expectBindings(new EList([], x), list(), [list()]);
    expectBindings(new EList([x], WILDCARD), list(i(1), i(2)), [i(1)]);
    expectNoMatch(new EList([x, y], z), list(i(1)));
  });
  test('matchData matches a send’s data against a bind, the extra data as a list', () => {
    assert.deepEqual(matchData([x], y, [i(1), i(2)])?.map(keyOf), [keyOf(i(1)), keyOf(list(i(2)))]);
    assert.equal(matchData([x], null, [i(1), i(2)]), null);
  });
});

describe('maps', () => {
  const v = emapOf([
    [s('a'), i(1)],
    [s('b'), i(2)],
    [s('c'), i(3)],
  ]);
  test('entries by key, the rest to the remainder', () => {
    expectBindings(emapOf([[s('b'), x]], y), v, [
      i(2),
      emapOf([
        [s('a'), i(1)],
        [s('c'), i(3)],
      ]),
    ]);
    expectBindings(emapOf([[s('c'), i(3)]], WILDCARD), v, []);
  });
  test('without a remainder every entry must be matched', () => {
    expectNoMatch(emapOf([[s('b'), x]]), v);
    expectBindings(
      emapOf([
        [s('c'), z],
        [s('a'), x],
        [s('b'), y],
      ]),
      v,
      [i(1), i(2), i(3)],
    );
  });
  test('missing keys and mismatched values fail', () => {
    expectNoMatch(emapOf([[s('d'), x]], y), v);
    expectNoMatch(emapOf([[s('a'), i(9)]], y), v);
  });
  test('pattern keys are assigned like set elements', () => {
    expectBindings(emapOf([[x, i(2)]], WILDCARD), v, [s('b')]);
  });
});

describe('sets and PathMaps', () => {
  test('elements in any order, the rest to the remainder', () => {
    expectBindings(eset([i(2)], x), eset([i(1), i(2), i(3)]), [eset([i(1), i(3)])]);
    expectBindings(eset([i(1), i(2), i(3)]), eset([i(3), i(1), i(2)]), []);
    expectNoMatch(eset([i(4)], x), eset([i(1), i(2)]));
    expectNoMatch(eset([i(1)]), eset([i(1), i(2)]));
  });
  test('backtracks over candidates, taking the first in canonical order', () => {
    const v = eset([list(i(1), s('a')), list(i(2), s('b'))]);
    // Both elements fit `[x, _]`; the first in canonical order is taken.
    expectBindings(eset([new EList([x, WILDCARD], null)], WILDCARD), v, [i(1)]);
    // Only the second fits `[x, "b"]`: the first candidate fails and the matcher moves on.
    expectBindings(eset([list(x, s('b'))], y), v, [i(2), eset([list(i(1), s('a'))])]);
    // Two pattern elements sharing a variable: a choice must be revised when the second fails.
    const w = eset([tuple(i(1), i(10)), tuple(i(2), i(20)), tuple(i(2), i(30))]);
    expectBindings(eset([tuple(x, i(20)), tuple(x, y)], WILDCARD), w, [i(2), i(30)]);
  });
  test('assignment is injective', () => {
    expectNoMatch(eset([tuple(x, WILDCARD), tuple(y, WILDCARD)], z), eset([tuple(i(1), i(1))]));
  });
  test('PathMaps match like sets', () => {
    expectBindings(epathmap([list(i(1))], x), epathmap([list(i(1)), list(i(2))]), [epathmap([list(i(2))])]);
    expectNoMatch(epathmap([], x), eset([]));
  });
});

describe('simple types', () => {
  const cases: [ConnType['type'], Term, Term][] = [
    ['Int', i(1), s('1')],
    ['String', s('x'), i(1)],
    ['Bool', gbool(true), i(1)],
    ['Uri', guri('rho:io:stdout'), s('rho:io:stdout')],
    ['ByteArray', gbytes(new Uint8Array([1])), list(i(1))],
  ];
  for (const [type, yes, no] of cases) {
    test(type, () => {
      expectBindings(new ConnType(type), yes, []);
      expectNoMatch(new ConnType(type), no);
    });
  }
});

describe('var-refs', () => {
  test('compare with the referenced value', () => {
    assert.equal(matches(new VarRef(0), i(5), { refs: [i(5)] }), true);
    assert.equal(matches(new VarRef(1), i(5), { refs: [i(4), i(5)] }), true);
    assert.equal(matches(new VarRef(0), i(6), { refs: [i(5)] }), false);
  });
  test('an unresolved var-ref never matches', () => {
    assert.equal(matches(new VarRef(0), i(5)), false);
  });
  test('under a binder of the pattern, a var-ref is that binder’s variable', () => {
    const p = new New([new NewDecl(null, null)], send(new VarRef(0), x));
    const v = new New([new NewDecl(null, null)], send(new BoundVar(0), i(3)));
    expectBindings(p, v, [i(3)]);
  });
});

describe('connectives', () => {
  test('/\\ matches every part and keeps all bindings', () => {
    expectBindings(new ConnAnd([x, new ConnType('Int')]), i(3), [i(3)]);
    expectBindings(new ConnAnd([list(x, WILDCARD), list(WILDCARD, y)]), list(i(1), i(2)), [i(1), i(2)]);
    expectNoMatch(new ConnAnd([x, new ConnType('String')]), i(3));
  });
  test('\\/ matches some part and binds nothing', () => {
    const p = new ConnOr([new ConnType('Int'), new ConnType('String')]);
    expectBindings(p, i(1), []);
    expectBindings(p, s('a'), []);
    expectNoMatch(p, gbool(true));
  });
  test('~ matches what its body does not', () => {
    expectBindings(new ConnNot(NIL), i(1), []);
    expectNoMatch(new ConnNot(NIL), NIL);
    expectBindings(tuple(x, new ConnNot(x)), tuple(i(1), i(2)), [i(1)]);
    expectNoMatch(tuple(x, new ConnNot(x)), tuple(i(1), i(1)));
  });
});

describe('processes', () => {
  test('a send pattern matches channel and data', () => {
    expectBindings(send(x, y, i(2)), send(chan, i(1), i(2)), [chan, i(1)]);
    expectNoMatch(send(x, y), send(chan, i(1), i(2)));
    expectNoMatch(send(x), new Send(chan, [], true, []));
  });
  test('inside a receive: sources match, the bind patterns are compared, the body is one level deeper', () => {
    const bind = (src: Term) => new ReceiveBind([new FreeVar(0)], null, src, 1, false, null);
    const p = receive([bind(x)], send(new BoundVar(0), y), false);
    const v = receive([bind(chan)], send(new BoundVar(0), i(5)), false);
    expectBindings(p, v, [chan, i(5)]);
    // A capture must not carry the receive's own variable out of its body.
    expectNoMatch(receive([bind(x)], y, false), receive([bind(chan)], new BoundVar(0), false));
  });
});

describe('Par', () => {
  const a = send(chan, i(1));
  const b = send(chan, i(2));
  const c = send(chan, i(3));
  test('members match as a multiset', () => {
    expectBindings(par([send(chan, x), b]), par([a, b]), [i(1)]);
    expectBindings(par([send(chan, x), send(chan, y)]), par([b, a]), [i(1), i(2)]);
    expectNoMatch(par([send(chan, x), a]), par([b, c]));
    expectNoMatch(par([send(chan, x), send(chan, y)]), par([a, b, c]));
  });
  test('a free-variable member takes the rest', () => {
    expectBindings(par([a, x]), par([a, b, c]), [par([b, c])]);
    expectBindings(par([a, x]), a, [NIL]);
    expectBindings(par([a, x, y]), par([a, b]), [b, NIL]);
    expectBindings(par([send(chan, y), x]), par([a, b]), [b, i(1)]);
    expectNoMatch(par([a, x]), par([b, c]));
  });
  test('duplicate members count', () => {
    expectBindings(par([a, a, x]), par([a, a, b]), [b]);
    expectNoMatch(par([a, a, x]), par([a, b]));
  });
  test('a Par pattern against a single process or Nil', () => {
    expectBindings(par([send(chan, x), WILDCARD]), a, [i(1)]);
    expectBindings(par([x, WILDCARD]), NIL, [NIL]);
  });
});

describe('rholangMatcher', () => {
  test('implements the engine’s Matcher interface', () => {
    assert.equal(rholangMatcher.name, 'RholangMatch');
    assert.deepEqual(rholangMatcher.match(list(x), list(i(1)))?.map(keyOf), [keyOf(i(1))]);
    assert.equal(rholangMatcher.match(list(x), list()), null);
  });
});
