import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { keyOf, type Term } from '../term/index.js';
import { normalizeSource } from './normalize.js';

const n = (source: string): Term => normalizeSource(source);

/** Asserts that the sugared program normalizes to the same term as the hand-written core form. */
const desugarsTo = (sugar: string, core: string): void => {
  assert.equal(keyOf(n(sugar)), keyOf(n(core)), `${sugar}\n   should be\n${core}`);
};

describe('desugarings (rholang-surface §4.6): each equals its hand-written core form', () => {
  test('contract is a persistent receive', () => {
    desugarsTo('contract @"inc"(@x, ret) = { ret!(x + 1) }', 'for (@x, ret <= @"inc") { ret!(x + 1) }');
    desugarsTo(
      'new c in { contract c(@a, ...@rest) = { @"out"!(rest) } }',
      'new c in { for (@a, ...@rest <= c) { @"out"!(rest) } }',
    );
  });

  test('if / else is a match on true and false; without else the false case is Nil', () => {
    desugarsTo('if (1 < 2) { @"a"!(1) } else { @"b"!(2) }', 'match 1 < 2 { true => @"a"!(1)  false => @"b"!(2) }');
    desugarsTo('if (true) @"a"!(1)', 'match true { true => @"a"!(1)  false => Nil }');
  });

  test('sequential let is nested matches on lists', () => {
    desugarsTo('let x = 5 in { @"out"!(x) }', 'match [5] { [x] => @"out"!(x) }');
    desugarsTo(
      'let x = 1; y = x + 1 in { @"out"!(x, y) }',
      'match [1] { [x] => match [x + 1] { [y] => @"out"!(x, y) } }',
    );
  });

  test('let with `<-` binds names (`*x` in the list pattern), `@x` binds processes, `...@r` the rest', () => {
    desugarsTo('let a, @b <- 1, 2 in { @"out"!(*a, b) }', 'match [1, 2] { [*a, b] => @"out"!(*a, b) }');
    desugarsTo('let a, ...@r <- 1, 2, 3 in { @"out"!(r) }', 'match [1, 2, 3] { [*a ...r] => @"out"!(r) }');
    desugarsTo('let _ <- 1 in Nil', 'match [1] { [_] => Nil }');
  });

  test('concurrent let is new channels, one send per declaration, and a join', () => {
    desugarsTo(
      'let x = 1 & y = 2 in { @"out"!(x, y) }',
      'new c1, c2 in { c1!(1) | c2!(2) | for (@x <- c1 & @y <- c2) { @"out"!(x, y) } }',
    );
    desugarsTo(
      'let a, b <- 1, 2 & @c <- 3 in { @"out"!(*a, *b, c) }',
      'new k1, k2 in { k1!(1, 2) | k2!(3) | for (a, b <- k1 & @c <- k2) { @"out"!(*a, *b, c) } }',
    );
  });

  test('`ch!?(args); P` is new r + a send with r first + a receive on r; `.` continues with Nil', () => {
    desugarsTo('@"svc"!?(1, 2); @"out"!(3)', 'new r in { @"svc"!(*r, 1, 2) | for (_ <- r) { @"out"!(3) } }');
    desugarsTo('@"svc"!?(1).', 'new r in { @"svc"!(*r, 1) | for (_ <- r) { Nil } }');
    desugarsTo('@"pq"!?(1; priority = 0).', 'new r in { @"pq"!(*r, 1; priority = 0) | for (_ <- r) { Nil } }');
  });

  test('`x <- ch?!` receives an extra ack name and the body sends on it', () => {
    desugarsTo('for (@x <- @"ch"?!) { @"out"!(x) }', 'for (@x, ack <- @"ch") { ack!() | @"out"!(x) }');
  });

  test('`x <- ch!?(args)` sends on ch with a fresh reply name and receives on it', () => {
    desugarsTo('for (@x <- @"svc"!?(1)) { @"out"!(x) }', 'new r in { @"svc"!(*r, 1) | for (@x <- r) { @"out"!(x) } }');
    desugarsTo(
      'for (@x <- @"a" & @y <- @"svc"!?(1) & @z <- @"b"?!) { @"out"!(x, y, z) }',
      'new r in { @"svc"!(*r, 1) | for (@x <- @"a" & @y <- r & @z, k <- @"b") { k!() | @"out"!(x, y, z) } }',
    );
  });

  test('`;` and `&` between binds both make one join', () => {
    desugarsTo('for (@x <- @"a"; @y <- @"b") { Nil }', 'for (@x <- @"a" & @y <- @"b") { Nil }');
  });

  test('nested desugarings do not capture each other’s fresh names', () => {
    desugarsTo(
      '@"a"!?(1); @"b"!?(2); @"out"!(3)',
      'new r1 in { @"a"!(*r1, 1) | for (_ <- r1) { new r2 in { @"b"!(*r2, 2) | for (_ <- r2) { @"out"!(3) } } } }',
    );
    // A program variable that happens to share no name with the fresh ones is untouched.
    desugarsTo(
      'new r in { for (@x <- @"svc"!?(*r)) { r!(x) } }',
      'new r in { new q in { @"svc"!(*q, *r) | for (@x <- q) { r!(x) } } }',
    );
  });
});
