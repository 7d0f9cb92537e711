import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SpaceError } from '../../spaces/errors.js';
import {
  type BinaryOperator,
  BoundVar,
  EList,
  emap,
  eset,
  FreeVar,
  gbool,
  gbytes,
  gint,
  gstring,
  guri,
  INT64_MAX,
  INT64_MIN,
  keyOf,
  NIL,
  type Term,
  unforgeable,
} from '../term/index.js';
import { ValueError, type ValueErrorCode } from './errors.js';
import { applyBinary, applyUnary } from './operators.js';
import { printValue } from './print.js';

const i = (n: number | bigint): Term => gint(n);
const s = gstring;
const b = gbool;
const list = (...xs: Term[]): Term => new EList(xs, null);
const bin = (op: BinaryOperator, x: Term, y: Term): string => printValue(applyBinary(op, x, y));

/** Expects a ValueError with `code` whose `value` is `offending` and whose message names it. */
function fails(f: () => unknown, code: ValueErrorCode, offending: Term, operation: string): void {
  assert.throws(f, (e: unknown) => {
    assert.ok(e instanceof ValueError && e instanceof SpaceError, String(e));
    assert.equal(e.code, code, e.message);
    assert.equal(keyOf(e.value), keyOf(offending), e.message);
    assert.equal(e.operation, operation);
    assert.ok(e.message.includes(printValue(offending)), e.message);
    return true;
  });
}

describe('arithmetic on 64-bit integers', () => {
  test('+ - * / % on small values; / and % truncate toward zero', () => {
    assert.equal(bin('+', i(2), i(3)), '5');
    assert.equal(bin('-', i(2), i(3)), '-1');
    assert.equal(bin('*', i(-4), i(3)), '-12');
    assert.equal(bin('/', i(7), i(2)), '3');
    assert.equal(bin('/', i(-7), i(2)), '-3');
    assert.equal(bin('%', i(7), i(3)), '1');
    assert.equal(bin('%', i(-7), i(3)), '-1');
    assert.equal(bin('%', i(7), i(-3)), '1');
  });

  test('overflow wraps around (two’s complement)', () => {
    assert.equal(bin('+', i(INT64_MAX), i(1)), INT64_MIN.toString());
    assert.equal(bin('-', i(INT64_MIN), i(1)), INT64_MAX.toString());
    assert.equal(bin('*', i(INT64_MAX), i(2)), '-2');
    assert.equal(bin('/', i(INT64_MIN), i(-1)), INT64_MIN.toString());
    assert.equal(bin('%', i(INT64_MIN), i(-1)), '0');
    assert.equal(printValue(applyUnary('neg', i(INT64_MIN))), INT64_MIN.toString());
    assert.equal(printValue(applyUnary('neg', i(5))), '-5');
  });

  test('division and remainder by zero', () => {
    fails(() => applyBinary('/', i(1), i(0)), 'DivisionByZero', i(0), '/');
    fails(() => applyBinary('%', i(-3), i(0)), 'DivisionByZero', i(0), '%');
  });

  test('non-integers are a TypeMismatch naming the operand', () => {
    fails(() => applyBinary('+', i(1), s('a')), 'TypeMismatch', s('a'), '+');
    fails(() => applyBinary('*', s('a'), i(1)), 'TypeMismatch', s('a'), '*');
    fails(() => applyBinary('-', b(true), i(1)), 'TypeMismatch', b(true), '-');
    fails(() => applyBinary('/', i(1), NIL), 'TypeMismatch', NIL, '/');
    fails(() => applyUnary('neg', s('x')), 'TypeMismatch', s('x'), '-');
  });
});

describe('comparison and equality', () => {
  test('integers numerically, strings by code point, booleans false < true', () => {
    assert.equal(bin('<', i(-2), i(1)), 'true');
    assert.equal(bin('<=', i(1), i(1)), 'true');
    assert.equal(bin('>', i(1), i(1)), 'false');
    assert.equal(bin('>=', i(2), i(1)), 'true');
    assert.equal(bin('<', s('abc'), s('abd')), 'true');
    assert.equal(bin('<', s('ab'), s('abc')), 'true');
    assert.equal(bin('<', s('Z'), s('a')), 'true');
    assert.equal(bin('<', s('\uFFFF'), s('\u{10000}')), 'true', 'by code point, not UTF-16 unit');
    assert.equal(bin('<', b(false), b(true)), 'true');
    assert.equal(bin('>=', b(false), b(true)), 'false');
  });

  test('mixed or unordered kinds are refused', () => {
    fails(() => applyBinary('<', i(1), s('1')), 'TypeMismatch', s('1'), '<');
    fails(() => applyBinary('<', list(), list()), 'TypeMismatch', list(), '<');
    fails(() => applyBinary('>', guri('a'), guri('b')), 'TypeMismatch', guri('a'), '>');
  });

  test('== and != compare structurally, any kinds', () => {
    assert.equal(bin('==', eset([i(1), i(2)]), eset([i(2), i(1)])), 'true');
    assert.equal(bin('==', list(i(1)), list(i(1))), 'true');
    assert.equal(bin('==', i(1), s('1')), 'false');
    assert.equal(bin('!=', i(1), s('1')), 'true');
    assert.equal(bin('==', NIL, NIL), 'true');
    assert.equal(bin('==', unforgeable(Uint8Array.of(1)), unforgeable(Uint8Array.of(1))), 'true');
  });
});

describe('booleans', () => {
  test('and, or, not', () => {
    assert.equal(bin('and', b(true), b(false)), 'false');
    assert.equal(bin('and', b(true), b(true)), 'true');
    assert.equal(bin('or', b(false), b(true)), 'true');
    assert.equal(bin('or', b(false), b(false)), 'false');
    assert.equal(printValue(applyUnary('not', b(false))), 'true');
  });

  test('non-booleans are refused', () => {
    fails(() => applyBinary('and', i(1), b(true)), 'TypeMismatch', i(1), 'and');
    fails(() => applyBinary('or', b(true), NIL), 'TypeMismatch', NIL, 'or');
    fails(() => applyUnary('not', i(0)), 'TypeMismatch', i(0), 'not');
  });
});

describe('concatenation and collection operators', () => {
  test('++ on strings, byte arrays, lists, maps (right wins) and sets', () => {
    assert.equal(bin('++', s('ab'), s('c')), '"abc"');
    assert.equal(bin('++', gbytes(Uint8Array.of(1)), gbytes(Uint8Array.of(2, 3))), '010203');
    assert.equal(bin('++', list(i(1)), list(i(2), i(1))), '[1, 2, 1]');
    assert.equal(
      bin('++', emap([s('a'), s('b')], [i(1), i(2)]), emap([s('b'), s('c')], [i(20), i(30)])),
      '{"a" : 1, "b" : 20, "c" : 30}',
    );
    assert.equal(bin('++', eset([i(3), i(1)]), eset([i(2), i(1)])), 'Set(1, 2, 3)');
  });

  test('++ refuses mismatched or unsupported operands', () => {
    fails(() => applyBinary('++', s('a'), i(1)), 'TypeMismatch', i(1), '++');
    fails(() => applyBinary('++', list(), eset([])), 'TypeMismatch', eset([]), '++');
    fails(() => applyBinary('++', i(1), i(2)), 'TypeMismatch', i(1), '++');
  });

  test('-- is set difference', () => {
    assert.equal(bin('--', eset([i(1), i(2), i(3)]), eset([i(2), i(4)])), 'Set(1, 3)');
    fails(() => applyBinary('--', list(), list()), 'TypeMismatch', list(), '--');
    fails(() => applyBinary('--', eset([]), list()), 'TypeMismatch', list(), '--');
  });

  test('set + x adds, set - x and map - k remove', () => {
    assert.equal(bin('+', eset([i(1)]), i(0)), 'Set(0, 1)');
    assert.equal(bin('+', eset([i(1)]), i(1)), 'Set(1)');
    assert.equal(bin('-', eset([i(1), i(2)]), i(1)), 'Set(2)');
    assert.equal(bin('-', eset([i(1)]), i(5)), 'Set(1)');
    assert.equal(bin('-', emap([s('a'), s('b')], [i(1), i(2)]), s('a')), '{"b" : 2}');
  });
});

/** `#{k}` stands for the placeholder `${k}` (written so that it is not mistaken for a template). */
const tpl = (text: string): string => text.replaceAll('#{', '$' + '{');

describe('%% interpolation', () => {
  const m = emap([s('who'), s('n'), s('ok'), s('u')], [s('Bob'), i(3), b(true), guri('rho:x')]);

  test('replaces each placeholder with strings, integers, booleans and URIs; leaves unknown keys', () => {
    assert.equal(
      bin('%%', s(tpl('Hi #{who}, #{n} new (#{ok}) at #{u}; #{missing}')), m),
      tpl('"Hi Bob, 3 new (true) at rho:x; #{missing}"'),
    );
    assert.equal(bin('%%', s(tpl('#{who}#{who}$#{who}')), m), '"BobBob$Bob"');
    assert.equal(bin('%%', s('no placeholders'), m), '"no placeholders"');
    assert.equal(bin('%%', s(tpl('#{who')), m), tpl('"#{who"'));
  });

  test('replacements are not scanned again', () => {
    assert.equal(bin('%%', s(tpl('#{a}')), emap([s('a'), s('b')], [s(tpl('#{b}')), s('B')])), tpl('"#{b}"'));
  });

  test('errors: not a string, not a map, a non-string key, an unsupported value', () => {
    fails(() => applyBinary('%%', i(1), m), 'TypeMismatch', i(1), '%%');
    fails(() => applyBinary('%%', s(tpl('#{a}')), list()), 'TypeMismatch', list(), '%%');
    fails(() => applyBinary('%%', s(tpl('#{a}')), emap([i(1)], [s('x')])), 'TypeMismatch', i(1), '%%');
    fails(() => applyBinary('%%', s(tpl('#{a}')), emap([s('a')], [list()])), 'TypeMismatch', list(), '%%');
  });
});

describe('operands must be evaluated values', () => {
  test('an open term or a pattern is refused', () => {
    fails(() => applyBinary('+', new BoundVar(0), i(1)), 'TypeMismatch', new BoundVar(0), '+');
    fails(() => applyBinary('==', i(1), new FreeVar(0)), 'TypeMismatch', new FreeVar(0), '==');
  });
});
