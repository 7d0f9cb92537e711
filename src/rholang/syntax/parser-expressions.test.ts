import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { BinaryOp } from './ast.js';
import { parse } from './parse.js';
import { sexpr } from './sexpr.js';
import { codesOf, show } from './testing.js';

describe('the precedence ladder of §7.2, one level against the next', () => {
  const cases: [string, string][] = [
    ['a or b and c', '(or a (and b c))'],
    ['a and b or c', '(or (and a b) c)'],
    ['a and b == c', '(and a (== b c))'],
    ['a != b and c', '(and (!= a b) c)'],
    ['a == b < c', '(== a (< b c))'],
    ['a <= b != c', '(!= (<= a b) c)'],
    ['a < b + c', '(< a (+ b c))'],
    ['a ++ b >= c', '(>= (++ a b) c)'],
    ['a + b * c', '(+ a (* b c))'],
    ['a %% b -- c', '(-- (%% a b) c)'],
    ['-a * b', '(* (neg a) b)'],
    ['not a / b', '(/ (not a) b)'],
    ['not a == b', '(== (not a) b)'],
    ['-x.length()', '(neg (.length x))'],
    ['not x.contains(1)', '(not (.contains x 1))'],
    ['*x.length()', '(.length (* x))'],
    ['*@x.length()', '(.length (* @x))'],
    ['a \\/ b.f()', '(.f (\\/ a b))'],
    ['a \\/ b /\\ c', '(\\/ a (/\\ b c))'],
    ['a /\\ b \\/ c', '(\\/ (/\\ a b) c)'],
    ['~a /\\ b', '(/\\ (~ a) b)'],
    ['~a \\/ b', '(\\/ (~ a) b)'],
    ['a /\\ b + c', '(+ (/\\ a b) c)'],
    ['=x \\/ =*y', '(\\/ =x =*y)'],
    ['not a \\/ b', '(not (\\/ a b))'],
  ];
  for (const [source, expected] of cases) {
    test(source, () => assert.equal(show(source), expected));
  }
});

describe('associativity', () => {
  test('arithmetic, comparison and boolean operators are left-associative', () => {
    assert.equal(show('a - b - c'), '(- (- a b) c)');
    assert.equal(show('a / b % c'), '(% (/ a b) c)');
    assert.equal(show('a ++ b -- c + d'), '(+ (-- (++ a b) c) d)');
    assert.equal(show('a == b != c'), '(!= (== a b) c)');
    assert.equal(show('a < b < c'), '(< (< a b) c)');
    assert.equal(show('a or b or c'), '(or (or a b) c)');
    assert.equal(show('a /\\ b /\\ c'), '(/\\ (/\\ a b) c)');
  });

  test('matches is right-associative and shares its level with == and !=', () => {
    assert.equal(show('a matches b matches c'), '(matches a (matches b c))');
    assert.equal(show('a matches b == c'), '(matches a (== b c))');
    assert.equal(show('a == b matches c'), '(matches (== a b) c)');
    assert.equal(show('x matches [_, _] and y'), '(and (matches x [_ _]) y)');
  });

  test('parentheses group and leave no node', () => {
    assert.equal(show('(a + b) * c'), '(* (+ a b) c)');
    assert.equal(show('a - (b - c)'), '(- a (- b c))');
    assert.equal(show('((x))'), 'x');
    assert.equal(show('(-x).abs()'), '(.abs (neg x))');
  });
});

describe('every infix operator', () => {
  const ops: BinaryOp[] = ['or', 'and', '==', '!=', 'matches', '<', '<=', '>', '>=', '+', '-', '++', '--'];
  ops.push('*', '/', '%', '%%', '\\/', '/\\');
  for (const op of ops) {
    test(op, () => {
      const { ast, diagnostics } = parse(`x ${op} y`);
      assert.deepEqual(diagnostics, []);
      assert.equal(ast.body.kind === 'Binary' && ast.body.op, op);
    });
  }
});

describe('negative integers (§7.3)', () => {
  test('a `-` touching the digits is part of the literal where a literal may start', () => {
    assert.equal(show('1 - -2'), '(- 1 -2)');
    assert.equal(show('-5.abs()'), '(.abs -5)');
    assert.equal(show('[-1, -2]'), '[-1 -2]');
    assert.equal(show('-9223372036854775808'), '-9223372036854775808');
  });

  test('after an operand it is subtraction, and a `-` with a space is negation', () => {
    assert.equal(show('5-1'), '(- 5 1)');
    assert.equal(show('5 -1'), '(- 5 1)');
    assert.equal(show('- 5'), '(neg 5)');
    assert.equal(show('- -5'), '(neg -5)');
    assert.equal(show('-x'), '(neg x)');
  });

  test('literals outside 64 bits are errors', () => {
    assert.deepEqual(codesOf('9223372036854775807'), []);
    assert.deepEqual(codesOf('9223372036854775808'), ['IntegerOutOfRange']);
    assert.deepEqual(codesOf('- 9223372036854775808'), ['IntegerOutOfRange']);
    assert.deepEqual(codesOf('-9223372036854775809'), ['IntegerOutOfRange']);
  });
});

describe('postfix and prefix forms', () => {
  test('method calls, chained, with any arguments', () => {
    assert.equal(show('x.length()'), '(.length x)');
    assert.equal(show('m.get("k").nth(0, 1,)'), '(.nth (.get m "k") 0 1)');
    assert.equal(show('"abc".slice(1, 2)'), '(.slice "abc" 1 2)');
    assert.equal(show('[1].toSet().union(Set(2))'), '(.union (.toSet [1]) (set 2))');
    assert.equal(show('s.set("k", 1).delete("k")'), '(.delete (.set s "k" 1) "k")');
  });

  test('function calls: an identifier applied to arguments', () => {
    assert.equal(show('getSpaceAgent(*sp)'), '(call getSpaceAgent (* sp))');
    assert.equal(show('f (x, y)'), '(call f x y)');
    assert.equal(show('f().g()'), '(.g (call f))');
  });

  test('eval, var-refs, free and the negation connective', () => {
    assert.equal(show('*x'), '(* x)');
    assert.equal(show('*_'), '(* _)');
    assert.equal(show('*@"inbox"'), '(* @"inbox")');
    assert.equal(show('*@{x | y}'), '(* @(| x y))');
    assert.equal(show('=x'), '=x');
    assert.equal(show('=*x'), '=*x');
    assert.equal(show('free Nat()'), '(free Nat)');
    assert.equal(show('free Int()'), '(free Int)');
    assert.equal(show('~Int'), '(~ Int)');
    assert.equal(show('not not true'), '(not (not true))');
  });

  test('string interpolation is the `%%` operator over a string and a map', () => {
    const placeholder = ['$', '{who}'].join('');
    assert.equal(show(`"Hi ${placeholder}" %% {"who": "Bob"}`), `(%% "Hi ${placeholder}" (map ("who" "Bob")))`);
  });

  test('simple types, booleans, Nil and unit', () => {
    assert.equal(show('[Bool, Int, String, Uri, ByteArray]'), '[Bool Int String Uri ByteArray]');
    assert.equal(show('[true, false, Nil, ()]'), '[true false Nil ()]');
  });
});

describe('what counts as a send or a call depends on the level (as in the reference grammar)', () => {
  test('`@x!(1)` sends on the quote; inside an operand `x!(…)` is not a send', () => {
    assert.equal(show('@x!(1)'), '(! @x 1)');
    assert.equal(show('@a \\/ b!(1)'), '(! @(\\/ a b) 1)');
    assert.deepEqual(codesOf('1 + x!(2)'), ['UnexpectedToken']);
    assert.equal(show('1 + {x!(2)}'), '(+ 1 (! x 2))');
  });

  test('a quote does not call: `contract @c(x)` quotes `c`', () => {
    assert.equal(show('contract @c(x) = { Nil }'), '(contract @c [x] Nil)');
    assert.equal(show('@{f(x)}!(1)'), '(! @(call f x) 1)');
  });

  test('a quote is not a process', () => {
    assert.deepEqual(codesOf('@x'), ['NameInProcessPosition']);
    assert.deepEqual(codesOf('stdout!(@x)'), ['NameInProcessPosition']);
  });

  test('reserved words cannot be variables', () => {
    assert.deepEqual(codesOf('sim!(1)'), ['ReservedWord']);
    assert.equal(sexpr(parse('sim!(1)').ast), '(! sim 1)');
    assert.deepEqual(codesOf('x!(rank)'), ['ReservedWord']);
  });
});
