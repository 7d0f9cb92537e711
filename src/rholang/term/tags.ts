/**
 * The byte that starts the canonical encoding of each kind of term, and the markers used inside
 * encodings.
 *
 * Because terms are ordered by the bytes of their encodings (`compare`), the tag values *are* the
 * order between kinds: `Nil` < booleans < integers < strings < URIs < byte arrays < unforgeable
 * names < lists < tuples < sets < maps < ... < parallel compositions. This is the "mixed kinds by
 * kind" rule of rholang-surface §6.1 (the ground kinds in the reference's relative order).
 * Every tag is at least 0x10, so the end marker 0x00 sorts a shorter sequence first.
 */

import type { TermKind } from './term.js';

export const TAG = {
  Nil: 0x10,
  Bool: 0x11,
  Int: 0x12,
  String: 0x13,
  Uri: 0x14,
  Bytes: 0x15,
  Unforgeable: 0x16,
  List: 0x17,
  Tuple: 0x18,
  Set: 0x19,
  Map: 0x1a,
  PathMap: 0x1b,
  BoundVar: 0x20,
  FreeVar: 0x21,
  Wildcard: 0x22,
  VarRef: 0x23,
  Unary: 0x30,
  Binary: 0x31,
  Matches: 0x32,
  Method: 0x33,
  Function: 0x34,
  Free: 0x35,
  Send: 0x40,
  Receive: 0x41,
  New: 0x42,
  Match: 0x43,
  Bundle: 0x44,
  Use: 0x45,
  ConnNot: 0x50,
  ConnAnd: 0x51,
  ConnOr: 0x52,
  ConnType: 0x53,
  Par: 0x60,
} as const satisfies Record<TermKind, number>;

/** Ends a sequence (of terms or of marked items). */
export const END = 0x00;
/** Introduces one item of a sequence of non-term items, or says an optional field is present. */
export const ITEM = 0x01;
/** Says an optional field is absent. */
export const NONE = 0x00;
