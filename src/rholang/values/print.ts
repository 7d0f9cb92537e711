/**
 * The pretty printer: what `stdout` shows (rholang-surface §6.1 item 3).
 *
 * Ground values and collections print exactly as the reference prints them:
 *
 *     Nil   true   -42   "a \"quoted\"\n string"   `rho:io:stdout`   Unforgeable(0x0a1b)
 *     [1, 2]   (1, 2)   ()   Set(1, 2)   {"a" : 1, "b" : [2]}   {|1, 2|}
 *
 * Sets and maps print in the canonical order of their elements / keys (integers numerically,
 * strings by code point, mixed kinds by kind). Strings are quoted with `\\ \" \n \r \t` escaped
 * (the reference prints the raw literal text, which looks the same for every literal). Byte arrays
 * print as bare lowercase hex like the reference (`"hi".toUtf8Bytes()` prints `6869`). A
 * one-element tuple prints as `(a,)`, so that it reads back as a tuple.
 *
 * Processes (data may be processes) print as Rholang that parses back to the same term, on one
 * line, with variables named `x0`, `x1`, ... by binding depth: see `print-process.ts`.
 */

import { escapeString } from '../syntax/string-literals.js';
import type { Term } from '../term/index.js';
import { printProcess, type Scope, TOP } from './print-process.js';

/** The text `stdout!(v)` prints for `v`. */
export function printValue(v: Term): string {
  return printTerm(v, TOP);
}

const HEX = '0123456789abcdef';

/** Lowercase hex of `bytes`, two digits per byte. */
export function toHex(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += HEX[bytes[i] >> 4] + HEX[bytes[i] & 15];
  return s;
}

/** A term in process position under `scope`. */
export function printTerm(t: Term, scope: Scope): string {
  switch (t.kind) {
    case 'Nil':
      return 'Nil';
    case 'Bool':
      return t.value ? 'true' : 'false';
    case 'Int':
      return t.value.toString();
    case 'String':
      return `"${escapeString(t.value)}"`;
    case 'Uri':
      return `\`${t.value}\``;
    case 'Bytes':
      return toHex(t.value);
    case 'Unforgeable':
      return `Unforgeable(0x${toHex(t.id)})`;
    case 'List':
      return `[${list(t.elements, scope)}${rest(t.remainder, scope, t.elements.length > 0)}]`;
    case 'Tuple':
      return t.elements.length === 1 ? `(${printTerm(t.elements[0], scope)},)` : `(${list(t.elements, scope)})`;
    case 'Set':
      return `Set(${list(t.elements, scope)}${rest(t.remainder, scope, t.elements.length > 0)})`;
    case 'PathMap':
      return `{|${list(t.elements, scope)}${rest(t.remainder, scope, t.elements.length > 0)}|}`;
    case 'Map': {
      const entries = t.keys.map((k, i) => `${printTerm(k, scope)} : ${printTerm(t.values[i], scope)}`);
      return `{${entries.join(', ')}${rest(t.remainder, scope, entries.length > 0)}}`;
    }
    default:
      return printProcess(t, scope);
  }
}

/** Comma-separated terms. */
export function list(ts: readonly Term[], scope: Scope): string {
  return ts.map((t) => printTerm(t, scope)).join(', ');
}

function rest(r: Term | null, scope: Scope, afterElements: boolean): string {
  if (r === null) return '';
  return `${afterElements ? ', ' : ''}...${printTerm(r, scope)}`;
}
