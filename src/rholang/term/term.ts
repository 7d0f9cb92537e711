/**
 * The normalized term representation of Rholang (issue 7): what the normalizer produces from a
 * syntax tree, what the reducer runs, what spaces hold as channels, data and patterns.
 *
 * Processes and names are the same thing here, as in the reference: the name `@P` *is* the
 * process `P` in channel position, so `@*x` and `x`, or `*@P` and `P`, are the same term.
 * Variables are de Bruijn indices (see `BoundVar`), parallel compositions are canonical multisets
 * (see `Par`), sets and maps are sorted — so two terms are structurally equal exactly when the
 * programs they come from are alpha-equivalent, and `keyOf`, `equals` and `compare` work on them.
 */

import type {
  ConnAnd,
  ConnNot,
  ConnOr,
  ConnType,
  EBinary,
  EFree,
  EFunction,
  EMatches,
  EMethod,
  EUnary,
} from './nodes-expr.js';
import type {
  BoundVar,
  EList,
  EMap,
  EPathMap,
  ESet,
  ETuple,
  FreeVar,
  GBool,
  GBytes,
  GInt,
  GString,
  GUri,
  NilTerm,
  Unforgeable,
  VarRef,
  Wildcard,
} from './nodes-ground.js';
import type { Bundle, Match, New, Par, Receive, Send, UseBlock } from './nodes-proc.js';

/** Every node of the term representation, discriminated by `kind`. */
export type Term =
  | NilTerm
  | GBool
  | GInt
  | GString
  | GUri
  | GBytes
  | Unforgeable
  | EList
  | ETuple
  | ESet
  | EMap
  | EPathMap
  | BoundVar
  | FreeVar
  | Wildcard
  | VarRef
  | EUnary
  | EBinary
  | EMatches
  | EMethod
  | EFunction
  | EFree
  | ConnNot
  | ConnAnd
  | ConnOr
  | ConnType
  | Send
  | Receive
  | New
  | Match
  | Bundle
  | UseBlock
  | Par;

/** The `kind` of a term. */
export type TermKind = Term['kind'];
