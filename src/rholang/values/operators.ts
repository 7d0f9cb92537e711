/**
 * The operators of Rholang expressions on evaluated operands (rholang-surface §1.1, §6.1 item 4).
 *
 * | operator | operands → result |
 * |---|---|
 * | `-x` | Int → Int (wraps) |
 * | `not x`, `and`, `or` | Bool → Bool (both operands are always evaluated, by the caller) |
 * | `+` `-` `*` | Int, Int → Int, wrapping around on overflow; `/` `%` truncate, and refuse 0 |
 * | `set + x`, `set - x`, `map - k` | add / remove an element, remove a key |
 * | `++` | String, ByteArray, List: concatenation; Map: union (right wins); Set: union |
 * | `--` | Set, Set → difference |
 * | `%%` | String, Map → the string with each `${key}` replaced (see `interpolate.ts`) |
 * | `<` `<=` `>` `>=` | Int (numeric), String (by code point), Bool (`false < true`) |
 * | `==` `!=` | any values: structural equality |
 *
 * Anything else is a `TypeMismatch` naming the offending operand.
 */

import { compareStrings } from '../../data/utf8.js';
import {
  type BinaryOperator,
  EList,
  GInt,
  gbool,
  gbytes,
  gstring,
  type Term,
  termEquals,
  type UnaryOperator,
} from '../term/index.js';
import { mapDelete, mapUnion, setAdd, setDelete, setDiff, setUnion } from './collections.js';
import * as int64 from './int64.js';
import { interpolate } from './interpolate.js';
import { valueError } from './value.js';

/** Checks that an operand is an evaluated value (closed, no pattern constructs). */
export function checkValue(op: string, v: Term): void {
  if (v.open > 0 || v.pattern) throw valueError('TypeMismatch', op, v, 'the operand is not an evaluated value');
}

export function applyUnary(op: UnaryOperator, v: Term): Term {
  checkValue(op === 'neg' ? '-' : 'not', v);
  if (op === 'neg') {
    if (v.kind !== 'Int') throw valueError('TypeMismatch', '-', v, 'negation needs an Int');
    return new GInt(int64.neg(v.value));
  }
  if (v.kind !== 'Bool') throw valueError('TypeMismatch', 'not', v, '`not` needs a Bool');
  return gbool(!v.value);
}

export function applyBinary(op: BinaryOperator, a: Term, b: Term): Term {
  checkValue(op, a);
  checkValue(op, b);
  switch (op) {
    case '==':
      return gbool(termEquals(a, b));
    case '!=':
      return gbool(!termEquals(a, b));
    case 'and':
    case 'or': {
      if (a.kind !== 'Bool') throw valueError('TypeMismatch', op, a, `\`${op}\` needs Bool operands`);
      if (b.kind !== 'Bool') throw valueError('TypeMismatch', op, b, `\`${op}\` needs Bool operands`);
      return gbool(op === 'and' ? a.value && b.value : a.value || b.value);
    }
    case '<':
    case '<=':
    case '>':
    case '>=':
      return gbool(relation(op, order(op, a, b)));
    case '+':
      if (a.kind === 'Set') return setAdd(a, b);
      return new GInt(int64.add(int(op, a), intRight(op, b)));
    case '-':
      if (a.kind === 'Set') return setDelete(a, b);
      if (a.kind === 'Map') return mapDelete(a, b);
      return new GInt(int64.sub(int(op, a), intRight(op, b)));
    case '*':
      return new GInt(int64.mul(int(op, a), intRight(op, b)));
    case '/':
    case '%': {
      const x = int(op, a);
      const y = intRight(op, b);
      if (y === 0n) throw valueError('DivisionByZero', op, b, `cannot divide ${x} by zero`);
      return new GInt(op === '/' ? int64.div(x, y) : int64.rem(x, y));
    }
    case '++':
      return concat(a, b);
    case '--':
      if (a.kind !== 'Set') throw valueError('TypeMismatch', op, a, '`--` needs Set operands');
      if (b.kind !== 'Set') throw valueError('TypeMismatch', op, b, '`--` needs a Set on the right, like the left');
      return setDiff(a, b);
    case '%%':
      return interpolate(a, b);
  }
}

function int(op: string, v: Term): bigint {
  if (v.kind !== 'Int') throw valueError('TypeMismatch', op, v, `\`${op}\` needs Int operands`);
  return v.value;
}

function intRight(op: string, v: Term): bigint {
  if (v.kind !== 'Int') throw valueError('TypeMismatch', op, v, `\`${op}\` needs an Int on the right, like the left`);
  return v.value;
}

/** -1, 0 or 1 for two Ints, two Strings or two Bools. */
function order(op: string, a: Term, b: Term): number {
  if (a.kind === 'Int' && b.kind === 'Int') return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
  if (a.kind === 'String' && b.kind === 'String') return compareStrings(a.value, b.value);
  if (a.kind === 'Bool' && b.kind === 'Bool') return Number(a.value) - Number(b.value);
  if (a.kind !== 'Int' && a.kind !== 'String' && a.kind !== 'Bool') {
    throw valueError('TypeMismatch', op, a, `\`${op}\` compares Ints, Strings or Bools`);
  }
  throw valueError('TypeMismatch', op, b, `\`${op}\` needs both operands of one kind`);
}

function relation(op: '<' | '<=' | '>' | '>=', c: number): boolean {
  switch (op) {
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    case '>=':
      return c >= 0;
  }
}

function concat(a: Term, b: Term): Term {
  const mismatch = (): never => {
    throw valueError('TypeMismatch', '++', b, `\`++\` needs a ${kindWord(a)} on the right, like the left`);
  };
  switch (a.kind) {
    case 'String':
      return b.kind === 'String' ? gstring(a.value + b.value) : mismatch();
    case 'Bytes': {
      if (b.kind !== 'Bytes') return mismatch();
      const out = new Uint8Array(a.value.length + b.value.length);
      out.set(a.value, 0);
      out.set(b.value, a.value.length);
      return gbytes(out);
    }
    case 'List':
      return b.kind === 'List' ? new EList([...a.elements, ...b.elements], null) : mismatch();
    case 'Map':
      return b.kind === 'Map' ? mapUnion(a, b) : mismatch();
    case 'Set':
      return b.kind === 'Set' ? setUnion(a, b) : mismatch();
    default:
      throw valueError('TypeMismatch', '++', a, '`++` concatenates Strings, ByteArrays, Lists, Maps or Sets');
  }
}

function kindWord(v: Term): string {
  return v.kind === 'Bytes' ? 'ByteArray' : v.kind;
}
