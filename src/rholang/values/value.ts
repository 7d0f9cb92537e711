/**
 * The runtime value model (rholang-surface §6.1 items 3–4).
 *
 * A value is a *closed term* whose expressions have been evaluated: `Nil`, booleans, 64-bit
 * integers (`int64.ts`), strings, byte arrays, URIs, unforgeable names, lists, tuples, sets and
 * maps of values, and processes (sends, receives, ... — data may be processes, and a name is the
 * process it quotes). Values are therefore ordinary terms (`Term`): they are compared, ordered,
 * keyed and substituted by the term functions, and sets and maps are canonical by construction.
 * This module names the kinds for messages and checks the shapes operators and methods accept.
 */

import type { Term } from '../term/index.js';
import { ValueError, type ValueErrorCode } from './errors.js';
import { printValue } from './print.js';

/** A runtime value: an evaluated, closed term. */
export type Value = Term;

/** The name of a value's kind in messages: `Int`, `String`, `List`, `Set`, `Map`, `Process`, ... */
export function typeName(v: Term): string {
  switch (v.kind) {
    case 'Nil':
      return 'Nil';
    case 'Bool':
      return 'Bool';
    case 'Int':
      return 'Int';
    case 'String':
      return 'String';
    case 'Uri':
      return 'Uri';
    case 'Bytes':
      return 'ByteArray';
    case 'Unforgeable':
      return 'Unforgeable';
    case 'List':
      return 'List';
    case 'Tuple':
      return 'Tuple';
    case 'Set':
      return 'Set';
    case 'Map':
      return 'Map';
    case 'PathMap':
      return 'PathMap';
    case 'Par':
      return 'Par';
    default:
      return 'Process';
  }
}

const MAX_SHOWN = 80;

/** A value as messages show it: printed, cut after 80 characters. */
export function show(v: Term): string {
  const s = printValue(v);
  return s.length <= MAX_SHOWN ? s : `${s.slice(0, MAX_SHOWN - 3)}...`;
}

/** A {@link ValueError} about `value`, whose message names the operation, the value and its kind. */
export function valueError(code: ValueErrorCode, operation: string, value: Term, what: string): ValueError {
  return new ValueError(code, operation, value, `${operation}: ${what} (got ${typeName(value)} ${show(value)})`);
}

/**
 * The canonical order of values (for set and map printing and map keys): by kind first — `Nil`,
 * Bool, Int, String, Uri, ByteArray, Unforgeable, List, Tuple, Set, Map, then processes — then
 * integers numerically, strings by code point, booleans `false` first, collections element by
 * element. It is the term order (`compareTerms`): the byte order of canonical encodings.
 */
export { compareTerms as compareValues } from '../term/index.js';
