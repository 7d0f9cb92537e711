import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  BoundVar,
  bundle,
  ConnAnd,
  ConnNot,
  ConnOr,
  ConnType,
  decodeTerm,
  EBinary,
  EFree,
  EFunction,
  EList,
  EMatches,
  EMethod,
  ETuple,
  EUnary,
  emap,
  encodeTerm,
  epathmap,
  eset,
  FreeVar,
  gbool,
  gbytes,
  gint,
  gstring,
  guri,
  HyperParam,
  keyOf,
  Match,
  MatchCase,
  New,
  NewDecl,
  NIL,
  par,
  ReceiveBind,
  receive,
  Send,
  Similarity,
  type Term,
  type TermKind,
  termEquals,
  UseBlock,
  unforgeable,
  VarRef,
  WILDCARD,
} from './index.js';

const one = gint(1);
const ch = gstring('ch');

/** One sample per kind, with the `open` and `pattern` it must report. */
const samples: [TermKind, Term, number, boolean][] = [
  ['Nil', NIL, 0, false],
  ['Bool', gbool(true), 0, false],
  ['Int', gint(-5), 0, false],
  ['String', gstring('hi'), 0, false],
  ['Uri', guri('rho:io:stdout'), 0, false],
  ['Bytes', gbytes(Uint8Array.of(0, 1, 255)), 0, false],
  ['Unforgeable', unforgeable(Uint8Array.of(9, 0)), 0, false],
  ['List', new EList([one, new BoundVar(2)], null), 3, false],
  ['Tuple', new ETuple([one, ch]), 0, false],
  ['Set', eset([one], new FreeVar(0)), 0, true],
  ['Map', emap([ch], [new BoundVar(0)]), 1, false],
  ['PathMap', epathmap([one, ch]), 0, false],
  ['BoundVar', new BoundVar(4), 5, false],
  ['FreeVar', new FreeVar(1), 0, true],
  ['Wildcard', WILDCARD, 0, true],
  ['VarRef', new VarRef(1), 2, true],
  ['Unary', new EUnary('neg', new BoundVar(0)), 1, false],
  ['Binary', new EBinary('+', one, new BoundVar(1)), 2, false],
  ['Matches', new EMatches(new BoundVar(0), new FreeVar(0), 1), 1, false],
  ['Method', new EMethod('nth', new BoundVar(0), [one]), 1, false],
  ['Function', new EFunction('getSpaceAgent', [new BoundVar(0)]), 1, false],
  ['Free', new EFree('Nat'), 0, false],
  ['ConnNot', new ConnNot(one), 0, true],
  ['ConnAnd', new ConnAnd([new FreeVar(0), new ConnType('Int')]), 0, true],
  ['ConnOr', new ConnOr([one, gint(2)]), 0, true],
  ['ConnType', new ConnType('String'), 0, true],
  ['Send', new Send(new BoundVar(0), [one], true, [new HyperParam('priority', gint(0))]), 1, false],
  // The body's two variables are the receive's own; BoundVar(2) is the first one outside.
  [
    'Receive',
    receive(
      [new ReceiveBind([new FreeVar(0), new FreeVar(1)], null, ch, 2, false, new Similarity(null, [gint(3)], ch))],
      new Send(new BoundVar(1), [new BoundVar(2)], false, []),
      false,
    ),
    1,
    false,
  ],
  ['New', new New([new NewDecl(null, null), new NewDecl('rho:io:stdout', new BoundVar(0))], new BoundVar(2)), 1, false],
  ['Match', new Match(new BoundVar(0), [new MatchCase(new FreeVar(0), new BoundVar(0), 1)]), 1, false],
  ['Bundle', bundle(new Send(ch, [one], false, []), true, false), 0, false],
  ['Use', new UseBlock(new BoundVar(0), new Send(ch, [], false, [])), 1, false],
  ['Par', par([new Send(ch, [one], false, []), new BoundVar(0)]), 1, false],
];

describe('term nodes', () => {
  test('every kind has a sample', () => {
    const kinds = new Set(samples.map((s) => s[0]));
    assert.equal(kinds.size, 33);
  });

  for (const [kind, t, open, pattern] of samples) {
    test(`${kind}: kind, open, pattern flag, and a decodable key`, () => {
      assert.equal(t.kind, kind);
      assert.equal(t.open, open, 'open');
      assert.equal(t.pattern, pattern, 'pattern');
      const back = decodeTerm(encodeTerm(t));
      assert.equal(back.kind, kind);
      assert.ok(termEquals(back, t));
      assert.equal(keyOf(decodeTerm(keyOf(t))), keyOf(t));
    });
  }

  test('samples of different kinds have different keys', () => {
    const keys = new Set(samples.map((s) => keyOf(s[1])));
    assert.equal(keys.size, samples.length);
  });

  test('nodes are immutable (frozen fields are not enforced, but no API mutates) and keys are memoized', () => {
    const t = new EList([one], null);
    assert.equal(t.cachedKey, undefined);
    const k = keyOf(t);
    assert.equal(t.cachedKey, k);
    assert.equal(keyOf(t), k);
  });

  test('the patterns of a receive, a match case and `matches` do not make the term a pattern', () => {
    const r = receive([new ReceiveBind([WILDCARD], null, ch, 0, false, null)], NIL, false);
    assert.equal(r.pattern, false);
    const m = new Match(one, [new MatchCase(new ConnType('Int'), NIL, 0)]);
    assert.equal(m.pattern, false);
    assert.equal(new EMatches(one, WILDCARD, 0).pattern, false);
    // ...but a source or a body that holds pattern variables of an enclosing pattern does.
    assert.equal(receive([new ReceiveBind([], null, new FreeVar(0), 0, false, null)], NIL, false).pattern, true);
  });

  test('open counts free indices past the binders of receive, new and match', () => {
    const r = receive([new ReceiveBind([new FreeVar(0)], null, ch, 1, false, null)], new BoundVar(0), false);
    assert.equal(r.open, 0);
    assert.equal(new New([new NewDecl(null, null)], new BoundVar(3)).open, 3);
    assert.equal(new Match(one, [new MatchCase(new FreeVar(0), new BoundVar(1), 1)]).open, 1);
  });
});
