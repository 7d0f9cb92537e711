import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse } from './parse.js';
import { sexpr } from './sexpr.js';
import { codesOf, show, whereAndWhat } from './testing.js';

describe('parallel composition', () => {
  test('`|` is the lowest level and nested compositions are flattened', () => {
    assert.equal(show('a | b | c'), '(| a b c)');
    assert.equal(show('{a | b} | c'), '(| a b c)');
    assert.equal(show('a | {b | {c | d}}'), '(| a b c d)');
    assert.equal(show('Nil | Nil'), '(| Nil Nil)');
    assert.equal(show('x!(1) | y!(2)'), '(| (! x 1) (! y 2))');
  });

  test('a quoted composition stays one process', () => {
    assert.equal(show('@{a | b}!(1) | c'), '(| (! @(| a b) 1) c)');
  });
});

describe('sends', () => {
  test('single, persistent and empty sends', () => {
    assert.equal(show('ch!(a, b)'), '(! ch a b)');
    assert.equal(show('ch!!(a)'), '(!! ch a)');
    assert.equal(show('ch!()'), '(! ch)');
    assert.equal(show('ch!(a, b,)'), '(! ch a b)');
    assert.equal(show('_!(1)'), '(! _ 1)');
    assert.equal(show('@"inbox"!(1)'), '(! @"inbox" 1)');
    assert.equal(show('@[0, 1, 2]!(1)'), '(! @[0 1 2] 1)');
    assert.equal(show('ch!(x | y)'), '(! ch (| x y))');
  });

  test('hyperparameters after `;`: positional, named, empty', () => {
    assert.equal(show('ch!(data; 5)'), '(! ch data ; 5)');
    assert.equal(show('ch!(data; priority=5)'), '(! ch data ; priority=5)');
    assert.equal(show('ch!(data; priority = 0, 1)'), '(! ch data ; priority=0 1)');
    assert.equal(show('ch!(data;)'), '(! ch data ;)');
    assert.equal(show('ch!(; 1)'), '(! ch ; 1)');
    assert.equal(show('ch!(a, b; x == 1)'), '(! ch a b ; (== x 1))');
    assert.equal(show('ch!!(d; priority=0)'), '(!! ch d ; priority=0)');
    assert.equal(show('ch!(a,; 2)'), '(! ch a ; 2)');
  });

  test('synchronous sends: `; P` binds tighter than `|`, `.` is the empty continuation', () => {
    assert.equal(show('ch!?(a); P | Q'), '(| (!? ch a ; P) Q)');
    assert.equal(show('ch!?(a).'), '(!? ch a .)');
    assert.equal(show('ch!?(a). | Q'), '(| (!? ch a .) Q)');
    assert.equal(show('ch!?(a; 1); { P | Q }'), '(!? ch a ; 1 ; (| P Q))');
    assert.equal(show('a!?(1); b!?(2); c!(3)'), '(!? a 1 ; (!? b 2 ; (! c 3)))');
  });
});

describe('new', () => {
  test('plain names, URNs, space annotations', () => {
    assert.equal(show('new a, b in { a!(b) }'), '(new [a b] (! a b))');
    assert.equal(
      show('new stdout(`rho:io:stdout`), F(`rho:space:queue:hashmap:default`) in { Nil }'),
      '(new [stdout(`rho:io:stdout`) F(`rho:space:queue:hashmap:default`)] Nil)',
    );
    assert.equal(show('new x : sp in { Nil }'), '(new [x:sp] Nil)');
    assert.equal(show('new x : sp (`rho:io:stdout`), y : @"s" in { Nil }'), '(new [x:sp(`rho:io:stdout`) y:@"s"] Nil)');
  });

  test('the body is a process without a top-level `|`', () => {
    assert.equal(show('new x in x!(1) | y!(2)'), '(| (new [x] (! x 1)) (! y 2))');
    assert.equal(show('new x in new y in Nil'), '(new [x] (new [y] Nil))');
  });

  test('errors: missing `in`, a missing name, a URN that is not a URI', () => {
    assert.deepEqual(whereAndWhat('new x { Nil }'), [[1, 7, 'expected `in` but found `{`']]);
    assert.deepEqual(codesOf('new in Nil'), ['UnexpectedToken']);
    assert.deepEqual(codesOf('new x("rho:io:stdout") in Nil'), ['UnexpectedToken']);
    assert.deepEqual(codesOf('new match in Nil'), ['ReservedWord']);
  });
});

describe('if / else', () => {
  test('with and without else, and else-if chains', () => {
    assert.equal(show('if (c) P'), '(if c P)');
    assert.equal(show('if (c) P else Q'), '(if c P Q)');
    assert.equal(show('if (a) P else if (b) Q else R'), '(if a P (if b Q R))');
    assert.equal(show('if (count < 6) { x!(1) } else { Nil }'), '(if (< count 6) (! x 1) Nil)');
  });

  test('a dangling else belongs to the nearest if; `|` ends the branch', () => {
    assert.equal(show('if (a) if (b) P else Q'), '(if a (if b P Q))');
    assert.equal(show('if (c) P else Q | R'), '(| (if c P Q) R)');
    assert.equal(show('if (c) P | R'), '(| (if c P) R)');
  });

  test('a condition without parentheses is reported and still parsed', () => {
    const { diagnostics, ast } = parse('if x > 1 { Nil }');
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['UnexpectedToken'],
    );
    assert.equal(sexpr(ast), '(if (> x 1) Nil)');
  });
});

describe('let', () => {
  test('sequential and concurrent declarations', () => {
    assert.equal(show('let x = 1 in P'), '(let; (x = 1) P)');
    assert.equal(show('let a = 1; b = a in P'), '(let; (a = 1) (b = a) P)');
    assert.equal(show('let a = 1 & b = 2 in P'), '(let& (a = 1) (b = 2) P)');
    assert.equal(show('let x <- ch in P'), '(let; (x <- ch) P)');
    assert.equal(show('let a, @b <- x, y; c = 3 in { P | Q }'), '(let; (a @b <- x y) (c = 3) (| P Q))');
    assert.equal(show('let a, ...@r <- x in P'), '(let; (a ...@r <- x) P)');
  });

  test('the body stops at `|`', () => {
    assert.equal(show('let x = 1 in P | Q'), '(| (let; (x = 1) P) Q)');
  });

  test('errors: mixing `;` and `&`, no declaration, no `in`', () => {
    assert.deepEqual(whereAndWhat('let a = 1; b = 2 & c = 3 in P'), [[1, 18, 'expected `;` but found `&`']]);
    assert.deepEqual(whereAndWhat('let <- x in P'), [
      [1, 5, 'expected a declaration `x = P` or `names <- P` but found `<-`'],
    ]);
    assert.deepEqual(whereAndWhat('let x = 1 { P }'), [[1, 11, 'expected `in` but found `{`']]);
  });
});

describe('match', () => {
  test('cases follow each other without separators; bodies may be compositions', () => {
    assert.equal(show('match x { 1 => P  _ => Q }'), '(match x (1 => P) (_ => Q))');
    assert.equal(show('match x { 1 => a!(1) | b!(2)  2 => Nil }'), '(match x (1 => (| (! a 1) (! b 2))) (2 => Nil))');
    assert.equal(show('match [x, y] { [a, b ...r] => Nil }'), '(match [x y] ([a b ...r] => Nil))');
    assert.equal(show('match x + 1 { n => Nil }'), '(match (+ x 1) (n => Nil))');
    assert.equal(
      show('match x { {"k": v} => Nil  Int \\/ String => Nil }'),
      '(match x ((map ("k" v)) => Nil) ((\\/ Int String) => Nil))',
    );
  });

  test('a negative literal pattern after a body is the next case, not a subtraction', () => {
    assert.equal(
      show('match x { 0 => stdout!("zero")\n -1 => stdout!("minus one") }'),
      '(match x (0 => (! stdout "zero")) (-1 => (! stdout "minus one")))',
    );
  });

  test('a match needs at least one case and each case needs `=>`', () => {
    assert.deepEqual(codesOf('match x { }'), ['UnexpectedToken']);
    assert.deepEqual(codesOf('match x { 1 P }'), ['UnexpectedToken']);
  });
});

describe('contracts, bundles, use', () => {
  test('contracts with formals, quotes and remainders', () => {
    assert.equal(show('contract c(@x, ret) = { ret!(x) }'), '(contract c [@x ret] (! ret x))');
    assert.equal(show('contract c() = { Nil }'), '(contract c [] Nil)');
    assert.equal(show('contract c(a, ...@rest) = { Nil }'), '(contract c [a ...@rest] Nil)');
    assert.equal(show('contract @"c"(_) = { Nil }'), '(contract @"c" [_] Nil)');
  });

  test('the four bundles', () => {
    assert.equal(show('bundle+ { x }'), '(bundle+ x)');
    assert.equal(show('bundle- { x }'), '(bundle- x)');
    assert.equal(show('bundle0 { x }'), '(bundle0 x)');
    assert.equal(show('bundle { x }'), '(bundle x)');
    assert.equal(show('bundle+{*x}'), '(bundle+ (* x))');
  });

  test('use blocks', () => {
    assert.equal(show('use sp { items!(1) }'), '(use sp (! items 1))');
    assert.equal(show('use @x { Nil }'), '(use @x Nil)');
  });

  test('an empty body `{}` is Nil', () => {
    assert.equal(show('contract c(x) = {}'), '(contract c [x] Nil)');
    assert.equal(show('for (x <- y) {}'), '(for [(x <- y)] Nil)');
  });

  test('missing pieces', () => {
    assert.deepEqual(codesOf('contract c(x) { Nil }'), ['UnexpectedToken']);
    assert.deepEqual(codesOf('contract c x = { Nil }'), ['UnexpectedToken']);
    assert.deepEqual(codesOf('bundle+ x'), ['UnexpectedToken']);
  });

  test('`select` is reported as unsupported and skipped whole', () => {
    const { diagnostics, ast } = parse('select { x <- a => P } | y!(1)');
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['Unsupported'],
    );
    assert.equal(sexpr(ast), '(| ERROR (! y 1))');
  });
});
