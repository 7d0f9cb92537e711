import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { distinctNaming, scopedProgramArb } from '../compile/arbitrary.js';
import { normalize, normalizeSource } from '../compile/normalize.js';
import { parseOrThrow } from '../syntax/parse.js';
import {
  EList,
  ETuple,
  emap,
  epathmap,
  eset,
  gbool,
  gbytes,
  gint,
  gstring,
  guri,
  INT64_MAX,
  INT64_MIN,
  keyOf,
  NIL,
  par,
  Send,
  type Term,
  unforgeable,
} from '../term/index.js';
import { printValue } from './print.js';

const p = printValue;
const list = (...xs: Term[]): Term => new EList(xs, null);
const tuple = (...xs: Term[]): Term => new ETuple(xs);
const s = gstring;
const i = (n: number | bigint): Term => gint(n);

describe('printValue: ground values', () => {
  test('Nil, booleans, integers', () => {
    assert.equal(p(NIL), 'Nil');
    assert.equal(p(gbool(true)), 'true');
    assert.equal(p(gbool(false)), 'false');
    assert.equal(p(i(0)), '0');
    assert.equal(p(i(-42)), '-42');
    assert.equal(p(i(INT64_MAX)), '9223372036854775807');
    assert.equal(p(i(INT64_MIN)), '-9223372036854775808');
  });

  test('strings are quoted, with backslash, quote and control escapes', () => {
    assert.equal(p(s('')), '""');
    assert.equal(p(s('hello world')), '"hello world"');
    assert.equal(p(s('say "hi"')), '"say \\"hi\\""');
    assert.equal(p(s('a\\b')), '"a\\\\b"');
    assert.equal(p(s('line\nnext\ttab\rcr')), '"line\\nnext\\ttab\\rcr"');
    assert.equal(p(s('é ✓ \u{1F600}')), '"é ✓ \u{1F600}"');
    assert.equal(p(s('$' + '{x}')), '"$' + '{x}"');
  });

  test('a string literal prints as it was written', () => {
    const written = '"a\\tb \\"c\\" \\\\ d\\n"';
    const t = normalizeSource(`@"out"!(${written})`);
    assert.ok(t.kind === 'Send');
    assert.equal(p(t.data[0]), written);
  });

  test('URIs in backticks, byte arrays as bare hex, unforgeables as Unforgeable(0x...)', () => {
    assert.equal(p(guri('rho:io:stdout')), '`rho:io:stdout`');
    assert.equal(p(gbytes(Uint8Array.of(0x00, 0x0f, 0xab))), '000fab');
    assert.equal(p(gbytes(new Uint8Array(0))), '');
    assert.equal(p(unforgeable(Uint8Array.of(0xde, 0xad, 0x01))), 'Unforgeable(0xdead01)');
  });
});

describe('printValue: collections', () => {
  test('lists and tuples', () => {
    assert.equal(p(list()), '[]');
    assert.equal(p(list(i(1), s('a'), NIL)), '[1, "a", Nil]');
    assert.equal(p(list(list(i(1)), list())), '[[1], []]');
    assert.equal(p(tuple()), '()');
    assert.equal(p(tuple(i(1), i(2))), '(1, 2)');
    assert.equal(p(tuple(i(1))), '(1,)');
  });

  test('sets in canonical order: integers numerically, strings lexicographically, kinds by kind', () => {
    assert.equal(p(eset([])), 'Set()');
    assert.equal(p(eset([i(10), i(-2), i(3), i(10)])), 'Set(-2, 3, 10)');
    assert.equal(p(eset([s('b'), s('a'), s('B'), s('ab')])), 'Set("B", "a", "ab", "b")');
    assert.equal(p(eset([s('x'), i(2), gbool(true), NIL, list(), guri('u')])), 'Set(Nil, true, 2, "x", `u`, [])');
  });

  test('maps: `{k : v}` in canonical key order', () => {
    assert.equal(p(emap([], [])), '{}');
    assert.equal(
      p(emap([s('server'), s('port')], [s('localhost'), i(8080)])),
      '{"port" : 8080, "server" : "localhost"}',
    );
    assert.equal(p(emap([i(10), i(9), s('a')], [NIL, list(i(1)), gbool(false)])), '{9 : [1], 10 : Nil, "a" : false}');
    assert.equal(p(emap([s('m')], [emap([s('k')], [eset([i(1)])])])), '{"m" : {"k" : Set(1)}}');
  });

  test('path maps', () => {
    assert.equal(p(epathmap([list(i(1)), list(i(0))])), '{|[0], [1]|}');
  });

  test('evaluated data as a program prints it', () => {
    const t = normalizeSource('@"out"!([1, "two", (3,), Set(5, 4), {"b": true, "a": Nil}])');
    assert.ok(t.kind === 'Send');
    assert.equal(p(t.data[0]), '[1, "two", (3,), Set(4, 5), {"a" : Nil, "b" : true}]');
  });
});

describe('printValue: processes', () => {
  const show = (source: string): string => {
    const t = normalizeSource(`@"out"!(${source})`);
    assert.ok(t.kind === 'Send');
    return p(t.data[0]);
  };

  test('sends, receives, news, matches, bundles, use blocks, parallel composition', () => {
    assert.equal(show('@"ch"!(1, "a")'), '@"ch"!(1, "a")');
    assert.equal(show('@"ch"!!(1; 2, priority=0)'), '@"ch"!!(1; 2, priority=0)');
    // `x` and `@y` bind the same way (a name is the process it quotes): both print as names.
    assert.equal(show('for (x, @y <- @"ch") { x!(y) }'), 'for (x0, x1 <- @"ch") { x0!(*x1) }');
    assert.equal(show('for (@[y] <- @"ch") { @"o"!(y) }'), 'for (@[x0] <- @"ch") { @"o"!(x0) }');
    assert.equal(show('for (@[x] <= @"a" & _ <= @"b") { Nil }'), 'for (@[x0] <= @"a" & _ <= @"b") { Nil }');
    assert.equal(show('for (x <<- @"a") { @"o"!(*x) }'), 'for (x0 <<- @"a") { @"o"!(*x0) }');
    assert.equal(show('new a, b in { a!(*b) }'), 'new x0, x1 in { x0!(*x1) }');
    assert.equal(show('new s(`rho:io:stdout`) in { s!(1) }'), 'new x0(`rho:io:stdout`) in { x0!(1) }');
    assert.equal(show('match 5 { x => @"o"!(x)  _ => Nil }'), 'match 5 { x0 => { @"o"!(x0) } _ => { Nil } }');
    assert.equal(show('bundle+ { @"a"!(1) }'), 'bundle+ { @"a"!(1) }');
    assert.equal(show('bundle0 { @"a"!(1) }'), 'bundle0 { @"a"!(1) }');
    assert.equal(show('@"b"!(2) | @"a"!(1)'), '@"a"!(1) | @"b"!(2)');
    assert.equal(show('new sp in { use sp { Nil } }'), 'new x0 in { use x0 { Nil } }');
  });

  test('expressions and patterns', () => {
    assert.equal(show('new x in { *x + 1 * 2 }'), 'new x0 in { *x0 + (1 * 2) }');
    assert.equal(show('[1].nth(0)'), '[1].nth(0)');
    assert.equal(show('for (@{x /\\ ~Int} <- @"c") { Nil }'), 'for (@{x0 /\\ ~Int} <- @"c") { Nil }');
    assert.equal(show('for (@[h ...t] <- @"c") { Nil }'), 'for (@[x0, ...x1] <- @"c") { Nil }');
    assert.equal(show('free Nat()'), 'free Nat()');
    assert.equal(show('-(1)'), '-(1)');
    assert.equal(show('-1'), '-1');
    assert.equal(show('not true'), 'not true');
    assert.equal(show('new x in { -(*x).length() }'), 'new x0 in { -*x0.length() }');
  });

  test('a par of values prints its members in canonical order', () => {
    assert.equal(p(par([new Send(s('b'), [], false, []), i(2), i(1)])), '1 | 2 | @"b"!()');
  });

  test('property: a printed program parses and normalizes back to the same term', () => {
    fc.assert(
      fc.property(scopedProgramArb(4), (program) => {
        const t = normalize(program.render(distinctNaming));
        const text = p(t);
        assert.equal(keyOf(normalize(parseOrThrow(text))), keyOf(t), text);
      }),
      { numRuns: 600 },
    );
  });
});
