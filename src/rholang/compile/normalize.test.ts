import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  BoundVar,
  bundle,
  ConnAnd,
  ConnNot,
  ConnOr,
  ConnType,
  EBinary,
  EFree,
  EFunction,
  EList,
  EMatches,
  EMethod,
  ETuple,
  EUnary,
  emap,
  epathmap,
  eset,
  FreeVar,
  gbool,
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
  Par,
  par,
  ReceiveBind,
  receive,
  Send,
  Similarity,
  type Term,
  UseBlock,
  VarRef,
  WILDCARD,
} from '../term/index.js';
import { normalizeSource } from './normalize.js';

const n = (source: string): Term => normalizeSource(source);
const same = (source: string, expected: Term): void => assert.equal(keyOf(n(source)), keyOf(expected), source);
const send = (chan: Term, ...data: Term[]): Send => new Send(chan, data, false, []);
const out = gstring('out');
const b0 = new BoundVar(0);
const b1 = new BoundVar(1);
const f0 = new FreeVar(0);
const f1 = new FreeVar(1);
const bind = (source: Term, patterns: Term[], freeCount: number, peek = false): ReceiveBind =>
  new ReceiveBind(patterns, null, source, freeCount, peek, null);
const newOf = (count: number, body: Term): New =>
  new New(
    Array.from({ length: count }, () => new NewDecl(null, null)),
    body,
  );

describe('normalize: ground terms and collections', () => {
  test('literals', () => {
    same(
      '@"out"!(Nil, true, -7, "a\\nb", `rho:x`, ())',
      send(out, NIL, gbool(true), gint(-7), gstring('a\nb'), guri('rho:x'), new ETuple([])),
    );
  });

  test('collections: sets and maps in canonical order, tuples, path maps', () => {
    same(
      '@"out"!([2, 1], (1,), Set(2, 1, 2), {"b": 1, "a": 2}, {| 1, 2 |})',
      send(
        out,
        new EList([gint(2), gint(1)], null),
        new ETuple([gint(1)]),
        eset([gint(1), gint(2)]),
        emap([gstring('a'), gstring('b')], [gint(2), gint(1)]),
        epathmap([gint(1), gint(2)]),
      ),
    );
  });

  test('a quote is the process it quotes; `*@P` is `P`', () => {
    same('@{ 1 + 2 }!(*@"x")', send(new EBinary('+', gint(1), gint(2)), gstring('x')));
    assert.equal(keyOf(n('@"a"!(1)')), keyOf(n('@{"a"}!(1)')));
  });
});

describe('normalize: expressions', () => {
  test('operators', () => {
    same(
      '@"out"!(1 + 2 * 3, not true, -(4), "a" ++ "b", 5 % 2, 1 < 2 and 2 >= 1 or false, "x" %% {})',
      send(
        out,
        new EBinary('+', gint(1), new EBinary('*', gint(2), gint(3))),
        new EUnary('not', gbool(true)),
        new EUnary('neg', gint(4)),
        new EBinary('++', gstring('a'), gstring('b')),
        new EBinary('%', gint(5), gint(2)),
        new EBinary(
          'or',
          new EBinary('and', new EBinary('<', gint(1), gint(2)), new EBinary('>=', gint(2), gint(1))),
          gbool(false),
        ),
        new EBinary('%%', gstring('x'), emap([], [])),
      ),
    );
  });

  test('method and function calls, the theory marker', () => {
    same(
      'new sp in { @"out"!([1].nth(0), getSpaceAgent(*sp), free Nat()) }',
      newOf(
        1,
        send(
          out,
          new EMethod('nth', new EList([gint(1)], null), [gint(0)]),
          new EFunction('getSpaceAgent', [b0]),
          new EFree('Nat'),
        ),
      ),
    );
  });

  test('`matches` has a pattern of its own', () => {
    same('@"out"!(5 matches x)', send(out, new EMatches(gint(5), f0, 1)));
    same(
      '@"out"!([1, 2] matches [_, Int])',
      send(out, new EMatches(new EList([gint(1), gint(2)], null), new EList([WILDCARD, new ConnType('Int')], null), 0)),
    );
  });
});

describe('normalize: processes', () => {
  test('send, persistent send, hyperparameters (`ch!(x;)` is `ch!(x)`)', () => {
    same('@"out"!!(1)', new Send(out, [gint(1)], true, []));
    same(
      '@"out"!(1; 2, priority = 0)',
      new Send(out, [gint(1)], false, [new HyperParam(null, gint(2)), new HyperParam('priority', gint(0))]),
    );
    assert.equal(keyOf(n('@"out"!(1;)')), keyOf(n('@"out"!(1)')));
  });

  test('new: de Bruijn indices, innermost name 0; names with URNs after the others, by URN', () => {
    same('new a, b in { a!(*b) }', newOf(2, send(b1, b0)));
    same(
      'new s(`rho:io:stdout`), x, e(`rho:io:stderr`) in { s!(*x) | e!(*x) }',
      new New(
        [new NewDecl(null, null), new NewDecl('rho:io:stderr', null), new NewDecl('rho:io:stdout', null)],
        par([send(b0, new BoundVar(2)), send(b1, new BoundVar(2))]),
      ),
    );
  });

  test('new with a space annotation (outside the new scope); `: _` is no annotation', () => {
    same('new sp in { new x : sp in { x!(1) } }', newOf(1, new New([new NewDecl(null, b0)], send(b0, gint(1)))));
    assert.equal(keyOf(n('new x : _ in { x!(1) }')), keyOf(n('new x in { x!(1) }')));
  });

  test('receive: name patterns bind names, `@x` binds processes, `_` binds nothing', () => {
    same(
      'for (x, @y, _ <- @"ch") { x!(y) }',
      receive([bind(gstring('ch'), [f0, f1, WILDCARD], 2)], send(b1, b0), false),
    );
  });

  test('receive: persistent, peek, remainder, a join', () => {
    same('for (x <= @"ch") { Nil }', receive([bind(gstring('ch'), [f0], 1)], NIL, true));
    same('for (x <<- @"ch") { Nil }', receive([bind(gstring('ch'), [f0], 1, true)], NIL, false));
    same(
      'for (x, ...@r <- @"ch") { @"out"!(r) }',
      receive([new ReceiveBind([f0], f1, gstring('ch'), 2, false, null)], send(out, b0), false),
    );
    same(
      'for (x <- @"a" & y <<- @"b") { @"out"!(*x, *y) }',
      receive([bind(gstring('a'), [f0], 1), bind(gstring('b'), [f0], 1, true)], send(out, b1, b0), false),
    );
  });

  test('receive: a bind with similarity modifiers keeps them as data', () => {
    same(
      'for (r <- @"docs" ~ sim("cos", "0.8") ~ rank("topk", 3) ~ "q") { Nil }',
      receive(
        [
          new ReceiveBind(
            [f0],
            null,
            gstring('docs'),
            1,
            false,
            new Similarity([gstring('cos'), gstring('0.8')], [gstring('topk'), gint(3)], gstring('q')),
          ),
        ],
        NIL,
        false,
      ),
    );
    same(
      'for (r <- @"docs" ~ "q") { Nil }',
      receive(
        [new ReceiveBind([f0], null, gstring('docs'), 1, false, new Similarity(null, null, gstring('q')))],
        NIL,
        false,
      ),
    );
  });

  test('match: cases in order, each pattern binding its variables for its body', () => {
    same(
      'match [1, 2] { [a, b] => @"out"!(a, b)  _ => Nil }',
      new Match(new EList([gint(1), gint(2)], null), [
        new MatchCase(new EList([f0, f1], null), send(out, b1, b0), 2),
        new MatchCase(WILDCARD, NIL, 0),
      ]),
    );
  });

  test('patterns: connectives, simple types, var-refs, remainders', () => {
    same(
      'new c in { match 1 { ~Nil /\\ x => Nil  Int \\/ String => Nil  =*c => Nil  [h ...t] => Nil } }',
      newOf(
        1,
        new Match(gint(1), [
          new MatchCase(new ConnAnd([new ConnNot(NIL), f0]), NIL, 1),
          new MatchCase(new ConnOr([new ConnType('Int'), new ConnType('String')]), NIL, 0),
          new MatchCase(new VarRef(0), NIL, 0),
          new MatchCase(new EList([f0], f1), NIL, 2),
        ]),
      ),
    );
  });

  test('a bare variable in a pattern binds afresh even if one is in scope (=x refers to it)', () => {
    same(
      'match 1 { x => match 2 { x => @"out"!(x) } }',
      new Match(gint(1), [new MatchCase(f0, new Match(gint(2), [new MatchCase(f0, send(out, b0), 1)]), 1)]),
    );
    same(
      'match 1 { x => match 2 { =x => @"out"!(x) } }',
      new Match(gint(1), [new MatchCase(f0, new Match(gint(2), [new MatchCase(new VarRef(0), send(out, b0), 0)]), 1)]),
    );
  });

  test('bundles, merged when nested', () => {
    same('bundle+ { @"a"!(1) }', bundle(send(gstring('a'), gint(1)), false, true));
    same('bundle- { @"a"!(1) }', bundle(send(gstring('a'), gint(1)), true, false));
    same('bundle0 { @"a"!(1) }', bundle(send(gstring('a'), gint(1)), false, false));
    same('bundle { @"a"!(1) }', bundle(send(gstring('a'), gint(1)), true, true));
    same('bundle { bundle- { @"a"!(1) } }', bundle(send(gstring('a'), gint(1)), true, false));
  });

  test('use blocks', () => {
    same('new sp in { use sp { @"a"!(1) } }', newOf(1, new UseBlock(b0, send(gstring('a'), gint(1)))));
  });

  test('Par: a canonical multiset that remembers the written order', () => {
    const t = n('@"b"!(1) | Nil | @"a"!(2) | { @"c"!(3) | @"a"!(2) }');
    assert.ok(t instanceof Par);
    assert.equal(t.members.length, 4);
    assert.deepEqual(
      t.sourceOrder.map((m) => (m.kind === 'Send' && m.channel.kind === 'String' ? m.channel.value : '?')),
      ['b', 'a', 'c', 'a'],
    );
    assert.equal(keyOf(t), keyOf(n('@"a"!(2) | @"a"!(2) | @"c"!(3) | @"b"!(1)')));
    same('Nil | Nil', NIL);
  });

  test('strings are decoded (the reference keeps the raw text)', () => {
    same('@"out"!("tab\\there \\"q\\" \\65")', send(out, gstring('tab\there "q" A')));
  });

  test('normalize accepts a Program or a bare process, and the source is optional', () => {
    assert.ok(n('Nil') === NIL);
  });
});
