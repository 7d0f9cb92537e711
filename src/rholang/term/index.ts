/**
 * The normalized term representation: node classes, smart constructors, the canonical encoding
 * with its key, equality and order, and substitution. See docs/rholang-syntax.md, "Normalized terms".
 */

export {
  bindKey,
  bundle,
  emap,
  emapOf,
  epathmap,
  eset,
  FALSE,
  gbool,
  gbytes,
  gint,
  gstring,
  guri,
  INT64_MAX,
  INT64_MIN,
  par,
  receive,
  TRUE,
  unforgeable,
} from './build.js';
export { DecodeError, decodeTerm } from './decode.js';
export { compareTerms, encodedLength, encodeTerm, keyOf, termEquals } from './encode.js';
export { TermNode } from './node.js';
export {
  BINARY_OPERATORS,
  type BinaryOperator,
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
  SIMPLE_TYPES,
  type SimpleTypeName,
  type UnaryOperator,
} from './nodes-expr.js';
export {
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
  NIL,
  NilTerm,
  type Remainder,
  Unforgeable,
  VarRef,
  WILDCARD,
  Wildcard,
} from './nodes-ground.js';
export {
  Bundle,
  HyperParam,
  Match,
  MatchCase,
  New,
  NewDecl,
  Par,
  Receive,
  ReceiveBind,
  Send,
  Similarity,
  UseBlock,
} from './nodes-proc.js';
export { instantiate, renameBound, shift, substitute } from './substitute.js';
export type { Term, TermKind } from './term.js';
