import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse } from './parse.js';
import { sexpr } from './sexpr.js';
import { codesOf, show } from './testing.js';

describe('for', () => {
  test('linear binds with variables, quotes and wildcards', () => {
    assert.equal(show('for (x <- ch) { P }'), '(for [(x <- ch)] P)');
    assert.equal(show('for (@v <- ch) { P }'), '(for [(@v <- ch)] P)');
    assert.equal(show('for (_ <- ch) { P }'), '(for [(_ <- ch)] P)');
    assert.equal(show('for (@[a, b], c <- ch) { P }'), '(for [(@[a b] c <- ch)] P)');
    assert.equal(show('for (@{x /\\ Int} <- ch) { P }'), '(for [(@(/\\ x Int) <- ch)] P)');
    assert.equal(show('for (@m <- @[0,1]) { P }'), '(for [(@m <- @[0 1])] P)');
  });

  test('joins: `;` separates receipts, `&` joins binds within one', () => {
    assert.equal(show('for (a <- x; b <- y) { P }'), '(for [(a <- x); (b <- y)] P)');
    assert.equal(show('for (a <- x & b <- y) { P }'), '(for [(a <- x) & (b <- y)] P)');
    assert.equal(show('for (@va <- a; @vb <- b & @vc <- c) { P }'), '(for [(@va <- a); (@vb <- b) & (@vc <- c)] P)');
  });

  test('persistent and peek binds', () => {
    assert.equal(show('for (x <= ch) { P }'), '(for [(x <= ch)] P)');
    assert.equal(show('for (x <<- ch) { P }'), '(for [(x <<- ch)] P)');
    assert.equal(show('for (x <- a & y <= b; z <<- c) { P }'), '(for [(x <- a) & (y <= b); (z <<- c)] P)');
  });

  test('name lists may be empty or end with a remainder', () => {
    assert.equal(show('for (<- ch) { P }'), '(for [( <- ch)] P)');
    assert.equal(show('for (a, ...@rest <- ch) { P }'), '(for [(a ...@rest <- ch)] P)');
    assert.equal(show('for (...@all <- ch) { P }'), '(for [(...@all <- ch)] P)');
  });

  test('receive-send and send-receive sources', () => {
    assert.equal(show('for (x <- ch?!) { P }'), '(for [(x <- ch?!)] P)');
    assert.equal(show('for (x <- ch!?(1, 2)) { P }'), '(for [(x <- (!? ch 1 2))] P)');
    assert.equal(show('for (x <- ch!?(1; priority=0)) { P }'), '(for [(x <- (!? ch 1 ; priority=0))] P)');
  });
});

describe('similarity modifiers (§2.7)', () => {
  test('a bare query, sim, rank, and both', () => {
    assert.equal(show('for (r <- ch ~ q) { P }'), '(for [(r <- ch ~q)] P)');
    assert.equal(show('for (r <- ch ~ sim("cos", "0.8") ~ q) { P }'), '(for [(r <- ch ~sim("cos" "0.8") ~q)] P)');
    assert.equal(show('for (r <- ch ~ rank("topk", 3) ~ q) { P }'), '(for [(r <- ch ~rank("topk" 3) ~q)] P)');
    assert.equal(
      show('for (r <- ch ~ sim("cosine", "0.8") ~ rank("topk", 3) ~ query) { P }'),
      '(for [(r <- ch ~sim("cosine" "0.8") ~rank("topk" 3) ~query)] P)',
    );
  });

  test('arguments and queries are processes; modifiers combine with joins', () => {
    assert.equal(
      show('for (r <- docs ~ sim(*m, "0.7", 1) ~ [10, 20]; y <- z) { P }'),
      '(for [(r <- docs ~sim((* m) "0.7" 1) ~[10 20]); (y <- z)] P)',
    );
    assert.equal(show('for (r <- ch ~ "0.9,0.1" & s <- d ~ q) { P }'), '(for [(r <- ch ~"0.9,0.1") & (s <- d ~q)] P)');
  });

  test('a float threshold is not Rholang: reported, with a hint', () => {
    const { diagnostics } = parse('for (r <- ch ~ sim("cosine", 0.8) ~ q) { P }');
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.hint]),
      [['Unsupported', 'write the number as a string, e.g. "0.8", or as an integer']],
    );
  });

  test('order and completeness of the modifiers', () => {
    assert.deepEqual(codesOf('for (r <- ch ~ rank("topk") ~ sim("cos") ~ q) { P }'), ['UnexpectedToken']);
    assert.deepEqual(codesOf('for (r <- ch ~ sim("cos")) { P }'), ['UnexpectedToken']);
    assert.deepEqual(codesOf('for (r <- ch ~ sim() ~ q) { P }'), ['UnexpectedToken']);
  });
});

describe('names', () => {
  test('quotes take a process at the quote level: wrap compound ones in braces', () => {
    assert.equal(show('@"name"!(1)'), '(! @"name" 1)');
    assert.equal(show('@{x!(1)}!(2)'), '(! @(! x 1) 2)');
    assert.equal(show('@{1 + 2}!(2)'), '(! @(+ 1 2) 2)');
    assert.equal(show('@Nil!(0)'), '(! @Nil 0)');
    assert.deepEqual(codesOf('@@x!(0)'), ['NameInProcessPosition']);
  });

  test('reserved words are not names', () => {
    assert.deepEqual(codesOf('for (sim <- ch) { Nil }'), ['ReservedWord']);
    assert.deepEqual(codesOf('contract new(x) = { Nil }'), ['ReservedWord']);
  });
});

describe('receive errors', () => {
  test('a bind without an arrow, a missing source, a missing body brace', () => {
    assert.deepEqual(codesOf('for (x ch) { P }'), ['UnexpectedToken']);
    assert.deepEqual(codesOf('for (x <- ) { P }'), ['UnexpectedToken']);
    const { diagnostics, ast } = parse('for (x <- y) stdout!(x)');
    assert.deepEqual(
      diagnostics.map((d) => d.message),
      ['expected `{` but found identifier `stdout`'],
    );
    assert.equal(sexpr(ast), '(for [(x <- y)] (! stdout x))');
  });

  test('`?!` and `!?` sources only on linear binds', () => {
    assert.deepEqual(codesOf('for (x <= ch?!) { P }'), ['UnexpectedToken']);
  });
});
