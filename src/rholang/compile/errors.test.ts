import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SpaceError } from '../../spaces/errors.js';
import { parse } from '../syntax/parse.js';
import { NormalizeError, type NormalizeErrorCode } from './errors.js';
import { normalize, normalizeSource } from './normalize.js';

/** Normalizes `source`, expecting a NormalizeError with `code` at `line:column`; returns it. */
function rejects(source: string, code: NormalizeErrorCode, line: number, column: number): NormalizeError {
  try {
    normalizeSource(source, 'test.rho');
  } catch (e) {
    assert.ok(e instanceof NormalizeError, String(e));
    assert.ok(e instanceof SpaceError);
    assert.equal(e.code, code, e.message);
    assert.deepEqual([e.span.line, e.span.column], [line, column], e.message);
    assert.ok(e.message.includes(`test.rho:${line}:${column}`), e.message);
    return e;
  }
  assert.fail(`expected ${code} for: ${source}`);
}

describe('scope errors', () => {
  test('an unbound variable (a free variable at top level)', () => {
    const e = rejects('new x in {\n  x!(y)\n}', 'UnboundVariable', 2, 6);
    assert.equal(
      e.message,
      [
        'error[UnboundVariable]: unbound variable `y`',
        ' --> test.rho:2:6',
        '  |',
        '2 |   x!(y)',
        '  |      ^',
        '  = help: free variables are only allowed in patterns; declare it with `new`, or bind it in a `for`, `match` or `let`',
      ].join('\n'),
    );
    rejects('stdout!("hi")', 'UnboundVariable', 1, 1);
    rejects('for (x <- @"a") { Nil } | x!(1)', 'UnboundVariable', 1, 27);
  });

  test('a var-ref to nothing', () => {
    rejects('match 1 { =x => Nil }', 'UnboundVariable', 1, 11);
  });

  test('a name used as a process, and a process used as a name', () => {
    rejects('new x in { @"out"!(x) }', 'NameUsedAsProcess', 1, 20);
    rejects('for (@p <- @"a") { p!(1) }', 'ProcessUsedAsName', 1, 20);
    rejects('new x in { match 1 { =x => Nil } }', 'NameUsedAsProcess', 1, 22);
    rejects('match 1 { p => match 2 { =*p => Nil } }', 'ProcessUsedAsName', 1, 26);
    rejects('let x = 1 in { x!(2) }', 'ProcessUsedAsName', 1, 16);
  });

  test('wildcards, connectives and remainders outside patterns', () => {
    rejects('@"a"!(_)', 'WildcardOutsidePattern', 1, 7);
    rejects('_!(1)', 'WildcardOutsidePattern', 1, 1);
    rejects('@"a"!(Int)', 'ConnectiveOutsidePattern', 1, 7);
    rejects('@"a"!(~1)', 'ConnectiveOutsidePattern', 1, 7);
    rejects('@"a"!(1 /\\ 2)', 'ConnectiveOutsidePattern', 1, 7);
    rejects('@"a"!(1 \\/ 2)', 'ConnectiveOutsidePattern', 1, 7);
    rejects('new x in { @"a"!(=*x) }', 'ConnectiveOutsidePattern', 1, 18);
    rejects('@"a"!([1 ...r])', 'RemainderOutsidePattern', 1, 13);
  });

  test('free variables where nothing can be bound: under `~` and `\\/`, in a bundle', () => {
    rejects('match 1 { ~x => Nil }', 'FreeVariableNotAllowed', 1, 12);
    rejects('match 1 { x \\/ 2 => Nil }', 'FreeVariableNotAllowed', 1, 11);
    rejects('match 1 { ~[_, y] => Nil }', 'FreeVariableNotAllowed', 1, 16);
    rejects('for (@{bundle+ { x }} <- @"a") { Nil }', 'PatternInBundle', 1, 8);
  });

  test('a variable bound twice by one pattern, one join, one new', () => {
    rejects('for (x, x <- @"a") { Nil }', 'DuplicateBinder', 1, 9);
    rejects('match [1, 2] { [a, a] => Nil }', 'DuplicateBinder', 1, 20);
    rejects('for (x <- @"a" & x <- @"b") { Nil }', 'DuplicateBinder', 1, 18);
    rejects('new a, b, a in { Nil }', 'DuplicateBinder', 1, 11);
    rejects('let x = 1 & x = 2 in { Nil }', 'DuplicateBinder', 1, 13);
  });

  test('a channel repeated in one join', () => {
    rejects('for (x <- @"a" & y <- @"a") { Nil }', 'RepeatedJoinChannel', 1, 23);
    rejects('new c in { for (x <- c; y <- c) { Nil } }', 'RepeatedJoinChannel', 1, 30);
  });

  test('a join that mixes persistent and other binds', () => {
    rejects('for (x <= @"a" & y <- @"b") { Nil }', 'MixedPersistence', 1, 23);
  });

  test('let with a wrong number of values', () => {
    rejects('let a, b <- 1 in Nil', 'LetArityMismatch', 1, 5);
    rejects('let a, b, ...@r <- 1 in Nil', 'LetArityMismatch', 1, 5);
  });

  test('unknown functions and wrong arities', () => {
    rejects('@"a"!(foo(1))', 'UnknownFunction', 1, 7);
    rejects('@"a"!(getSpaceAgent())', 'FunctionArity', 1, 7);
  });

  test('a tree with syntax errors is refused', () => {
    const { ast, diagnostics } = parse('@"a"!(1 +)');
    assert.ok(diagnostics.length > 0);
    assert.throws(
      () => normalize(ast),
      (e: unknown) => e instanceof NormalizeError && e.code === 'InvalidSyntaxTree',
    );
  });

  test('without the source, the message still names file, line and column', () => {
    const { ast } = parse('@"a"!(x)');
    assert.throws(
      () => normalize(ast, { fileName: 'f.rho' }),
      (e: unknown) =>
        e instanceof NormalizeError &&
        e.message ===
          'error[UnboundVariable]: unbound variable `x`\n --> f.rho:1:7\n = help: free variables are only allowed in patterns; declare it with `new`, or bind it in a `for`, `match` or `let`',
    );
  });
});

describe('what is allowed', () => {
  const ok = (source: string): void => {
    assert.doesNotThrow(() => normalizeSource(source), source);
  };

  test('free variables and wildcards in patterns, including inside quoted processes', () => {
    ok('for (@{x!(*y)} <- @"a") { x!(*y) }');
    ok('for (@{x!(y)} <- @"a") { x!(y) }');
    ok('for (@[_, {for (z <- w) { Nil }}] <- @"a") { w!(1) }');
  });

  test('shadowing: an inner binder hides an outer one of the same name', () => {
    ok('new x in { new x in { x!(1) } }');
    ok('for (@x <- @"a") { for (x <- @"b") { x!(1) } }');
  });

  test('names bound inside a pattern are in scope within it', () => {
    ok('for (@{new a in { a!(1) }} <- @"c") { Nil }');
  });
});
