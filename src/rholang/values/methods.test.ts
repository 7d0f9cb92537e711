import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  decodeTerm,
  EList,
  ETuple,
  emap,
  eset,
  gbool,
  gbytes,
  gint,
  gstring,
  guri,
  keyOf,
  NIL,
  type Term,
} from '../term/index.js';
import { ValueError, type ValueErrorCode } from './errors.js';
import { callMethod, METHODS } from './methods.js';
import { printValue } from './print.js';

const i = (n: number | bigint): Term => gint(n);
const s = gstring;
const list = (...xs: Term[]): Term => new EList(xs, null);
const tuple = (...xs: Term[]): Term => new ETuple(xs);
const bytes = (...bs: number[]): Term => gbytes(Uint8Array.from(bs));
const m = emap([s('a'), s('b')], [i(1), i(2)]);
const call = (name: string, receiver: Term, ...args: Term[]): string => printValue(callMethod(name, receiver, args));

function fails(f: () => unknown, code: ValueErrorCode, offending: Term): void {
  assert.throws(f, (e: unknown) => {
    assert.ok(e instanceof ValueError, String(e));
    assert.equal(e.code, code, e.message);
    assert.equal(keyOf(e.value), keyOf(offending), e.message);
    return true;
  });
}

describe('methods', () => {
  test('the table has every method of §6.1 item 4 (and the byte helpers)', () => {
    assert.deepEqual([...METHODS.keys()].sort(), [
      'add',
      'bytesToHex',
      'contains',
      'delete',
      'diff',
      'get',
      'getOrElse',
      'hexToBytes',
      'keys',
      'length',
      'nth',
      'set',
      'size',
      'slice',
      'take',
      'toByteArray',
      'toList',
      'toMap',
      'toSet',
      'toString',
      'toUtf8Bytes',
      'union',
    ]);
  });

  test('an unknown method, a wrong number of arguments', () => {
    fails(() => callMethod('frobnicate', list(), []), 'MethodNotFound', list());
    fails(() => callMethod('nth', list(i(1)), []), 'ArgumentMismatch', list(i(1)));
    fails(() => callMethod('size', m, [i(1)]), 'ArgumentMismatch', m);
  });

  test('nth on lists, tuples and byte arrays', () => {
    assert.equal(call('nth', list(i(5), s('x')), i(1)), '"x"');
    assert.equal(call('nth', tuple(i(5), s('x')), i(0)), '5');
    assert.equal(call('nth', bytes(7, 255), i(1)), '255');
    fails(() => callMethod('nth', list(i(5)), [i(1)]), 'IndexOutOfBounds', list(i(5)));
    fails(() => callMethod('nth', list(i(5)), [i(-1)]), 'IndexOutOfBounds', list(i(5)));
    fails(() => callMethod('nth', list(i(5)), [s('0')]), 'ArgumentMismatch', s('0'));
    fails(() => callMethod('nth', m, [i(0)]), 'MethodNotFound', m);
  });

  test('length: UTF-8 bytes of a string, bytes of a byte array, elements of a list', () => {
    assert.equal(call('length', s('abc')), '3');
    assert.equal(call('length', s('é')), '2');
    assert.equal(call('length', s('\u{1F600}')), '4');
    assert.equal(call('length', s('')), '0');
    assert.equal(call('length', bytes(1, 2)), '2');
    assert.equal(call('length', list(i(1), i(2), i(3))), '3');
    fails(() => callMethod('length', m, []), 'MethodNotFound', m);
  });

  test('size of maps and sets', () => {
    assert.equal(call('size', m), '2');
    assert.equal(call('size', eset([i(1), i(1), i(2)])), '2');
    fails(() => callMethod('size', list(), []), 'MethodNotFound', list());
  });

  test('get, getOrElse, set, keys, contains on maps', () => {
    assert.equal(call('get', m, s('b')), '2');
    assert.equal(call('get', m, s('z')), 'Nil');
    assert.equal(call('getOrElse', m, s('z'), i(0)), '0');
    assert.equal(call('getOrElse', m, s('a'), i(0)), '1');
    assert.equal(call('set', m, s('c'), i(3)), '{"a" : 1, "b" : 2, "c" : 3}');
    assert.equal(call('set', m, s('a'), i(9)), '{"a" : 9, "b" : 2}');
    assert.equal(call('set', emap([], []), i(1), NIL), '{1 : Nil}');
    assert.equal(call('keys', m), 'Set("a", "b")');
    assert.equal(call('contains', m, s('a')), 'true');
    assert.equal(call('contains', m, i(1)), 'false');
    fails(() => callMethod('get', list(), [i(0)]), 'MethodNotFound', list());
    fails(() => callMethod('keys', eset([]), []), 'MethodNotFound', eset([]));
  });

  test('contains, add, delete on sets; delete on maps', () => {
    const st = eset([i(1), i(3)]);
    assert.equal(call('contains', st, i(3)), 'true');
    assert.equal(call('contains', st, i(2)), 'false');
    assert.equal(call('add', st, i(2)), 'Set(1, 2, 3)');
    assert.equal(call('add', st, i(1)), 'Set(1, 3)');
    assert.equal(call('delete', st, i(1)), 'Set(3)');
    assert.equal(call('delete', st, i(7)), 'Set(1, 3)');
    assert.equal(call('delete', m, s('a')), '{"b" : 2}');
    fails(() => callMethod('add', list(), [i(1)]), 'MethodNotFound', list());
    fails(() => callMethod('contains', list(i(1)), [i(1)]), 'MethodNotFound', list(i(1)));
  });

  test('union and diff of sets and of maps', () => {
    assert.equal(call('union', eset([i(1), i(2)]), eset([i(2), i(3)])), 'Set(1, 2, 3)');
    assert.equal(call('diff', eset([i(1), i(2)]), eset([i(2), i(3)])), 'Set(1)');
    assert.equal(call('union', m, emap([s('b'), s('c')], [i(20), i(3)])), '{"a" : 1, "b" : 20, "c" : 3}');
    assert.equal(call('diff', m, emap([s('b')], [NIL])), '{"a" : 1}');
    fails(() => callMethod('union', eset([]), [m]), 'ArgumentMismatch', m);
    fails(() => callMethod('diff', m, [eset([])]), 'ArgumentMismatch', eset([]));
    fails(() => callMethod('union', list(), [list()]), 'MethodNotFound', list());
  });

  test('slice on strings (UTF-8 byte offsets), lists and byte arrays', () => {
    assert.equal(call('slice', s('hello'), i(1), i(3)), '"el"');
    assert.equal(call('slice', s('hello'), i(-2), i(2)), '"he"');
    assert.equal(call('slice', s('hello'), i(3), i(2)), '""');
    assert.equal(call('slice', s('hello'), i(0), i(9)), '""');
    assert.equal(call('slice', s('héllo'), i(1), i(3)), '"é"');
    assert.equal(call('slice', list(i(1), i(2), i(3)), i(1), i(3)), '[2, 3]');
    assert.equal(call('slice', list(i(1)), i(1), i(1)), '[]');
    assert.equal(call('slice', bytes(1, 2, 3), i(0), i(2)), '0102');
    fails(() => callMethod('slice', s('héllo'), [i(0), i(2)]), 'InvalidArgument', s('héllo'));
    fails(() => callMethod('slice', list(), [s('a'), i(1)]), 'ArgumentMismatch', s('a'));
    fails(() => callMethod('slice', m, [i(0), i(1)]), 'MethodNotFound', m);
  });

  test('take on lists', () => {
    assert.equal(call('take', list(i(1), i(2), i(3)), i(2)), '[1, 2]');
    assert.equal(call('take', list(i(1)), i(5)), '[1]');
    assert.equal(call('take', list(i(1)), i(0)), '[]');
    fails(() => callMethod('take', list(i(1)), [i(-1)]), 'IndexOutOfBounds', i(-1));
    fails(() => callMethod('take', s('ab'), [i(1)]), 'MethodNotFound', s('ab'));
  });

  test('toString on integers, strings, booleans, URIs and byte arrays', () => {
    assert.equal(call('toString', i(-12)), '"-12"');
    assert.equal(call('toString', s('a"b')), '"a\\"b"');
    assert.equal(call('toString', gbool(false)), '"false"');
    assert.equal(call('toString', guri('rho:io:stdout')), '"rho:io:stdout"');
    assert.equal(call('toString', bytes(0xca, 0xfe)), '"cafe"');
    fails(() => callMethod('toString', list(), []), 'MethodNotFound', list());
    fails(() => callMethod('toString', NIL, []), 'MethodNotFound', NIL);
  });

  test('toList, toSet, toMap', () => {
    assert.equal(call('toList', list(i(2), i(1))), '[2, 1]');
    assert.equal(call('toList', eset([i(2), i(1)])), '[1, 2]');
    assert.equal(call('toList', m), '[("a", 1), ("b", 2)]');
    assert.equal(call('toList', tuple(i(1), s('x'))), '[1, "x"]');
    assert.equal(call('toSet', list(i(2), i(1), i(2))), 'Set(1, 2)');
    assert.equal(call('toSet', m), 'Set(("a", 1), ("b", 2))');
    assert.equal(call('toSet', eset([i(1)])), 'Set(1)');
    assert.equal(call('toMap', list(tuple(s('k'), i(1)), tuple(s('j'), i(2)))), '{"j" : 2, "k" : 1}');
    assert.equal(call('toMap', eset([tuple(i(1), i(2))])), '{1 : 2}');
    assert.equal(call('toMap', m), printValue(m));
    fails(() => callMethod('toMap', list(i(1)), []), 'TypeMismatch', i(1));
    fails(() => callMethod('toMap', list(tuple(i(1))), []), 'TypeMismatch', tuple(i(1)));
    fails(() => callMethod('toList', s('ab'), []), 'MethodNotFound', s('ab'));
    fails(() => callMethod('toSet', i(1), []), 'MethodNotFound', i(1));
  });

  test('byte helpers: toUtf8Bytes, bytesToHex, hexToBytes, toByteArray', () => {
    assert.equal(call('toUtf8Bytes', s('hé')), '68c3a9');
    assert.equal(call('bytesToHex', bytes(0, 255)), '"00ff"');
    assert.equal(call('hexToBytes', s('00FFa0')), '00ffa0');
    fails(() => callMethod('hexToBytes', s('abc'), []), 'InvalidArgument', s('abc'));
    fails(() => callMethod('hexToBytes', s('zz'), []), 'InvalidArgument', s('zz'));
    fails(() => callMethod('bytesToHex', s('00'), []), 'MethodNotFound', s('00'));
    const encoded = callMethod('toByteArray', [m][0], []);
    assert.ok(encoded.kind === 'Bytes');
    assert.equal(keyOf(decodeTerm(encoded.value)), keyOf(m));
  });
});
