/**
 * The abstract syntax of Rholang surface programs (rholang-surface §1.1 and §7), as produced by
 * `parse` and consumed by `print` and the normalizer.
 *
 * The tree is *abstract*: grouping parentheses and `{ P }` blocks leave no node (they only steer
 * precedence), and nested parallel compositions are flattened into one {@link Par}. Everything
 * else the programmer wrote is kept, desugaring included for nothing: `if`, `let`, `contract`,
 * `!?` and the `for` sources stay as written, so the normalizer owns every desugaring and
 * error messages can point at the construct the programmer used.
 *
 * Every node carries a {@link Span}. Nodes that stand for a process (or a pattern, which is
 * written with the same syntax) form the union {@link Proc}; channel positions hold a
 * {@link Name}.
 */

/** Where a node or token sits in the source: 1-based line and column of its first character, and its offset range. */
export interface Span {
  /** 1-based line of the first character. */
  readonly line: number;
  /** 1-based column of the first character, in UTF-16 code units. */
  readonly column: number;
  /** 0-based offset of the first character, in UTF-16 code units. */
  readonly offset: number;
  /** 0-based offset just past the last character. */
  readonly end: number;
}

interface Node<K extends string> {
  readonly kind: K;
  readonly span: Span;
}

/** A whole source file: exactly one process. */
export interface Program extends Node<'Program'> {
  readonly body: Proc;
}

// ---------------------------------------------------------------------------------------------
// Ground terms and variables

export interface Nil extends Node<'Nil'> {}
export interface BoolLit extends Node<'Bool'> {
  readonly value: boolean;
}
/** A 64-bit integer literal. A `-` written directly before the digits belongs to the literal (§7.3). */
export interface IntLit extends Node<'Int'> {
  readonly value: bigint;
}
/**
 * A string literal. `raw` is the text between the quotes exactly as written (the reference's
 * normalizer keeps that, §7.3); `value` has the escapes `\n \r \t \\ \"` and `\<decimal code
 * point>` decoded. The normalizer chooses which one it uses.
 */
export interface StringLit extends Node<'String'> {
  readonly value: string;
  readonly raw: string;
}
/** A URI literal `` `rho:io:stdout` ``; `value` is the text between the backticks. */
export interface UriLit extends Node<'Uri'> {
  readonly value: string;
}
/** `()`. */
export interface Unit extends Node<'Unit'> {}
export type SimpleTypeName = 'Bool' | 'Int' | 'String' | 'Uri' | 'ByteArray';
/** A simple type used as a pattern: `Int`, `String`, ... */
export interface SimpleType extends Node<'SimpleType'> {
  readonly name: SimpleTypeName;
}
/** A variable (a process variable in process position, a name variable in name position). */
export interface Var extends Node<'Var'> {
  readonly name: string;
}
/** `_`. */
export interface Wildcard extends Node<'Wildcard'> {}
/** A remainder binder: `...rest` in collections, `...@rest` in name lists. */
export type ProcVar = Var | Wildcard;

// ---------------------------------------------------------------------------------------------
// Names

/** `@P`: the name that quotes process `P`. */
export interface Quote extends Node<'Quote'> {
  readonly proc: Proc;
}
/** What a channel position holds: a variable, `_` or a quote. */
export type Name = Var | Wildcard | Quote;

// ---------------------------------------------------------------------------------------------
// Collections

export interface ListExpr extends Node<'List'> {
  readonly elements: readonly Proc[];
  readonly remainder: ProcVar | null;
}
/** `(a,)` or `(a, b, ...)`: at least one element. */
export interface TupleExpr extends Node<'Tuple'> {
  readonly elements: readonly Proc[];
}
export interface SetExpr extends Node<'Set'> {
  readonly elements: readonly Proc[];
  readonly remainder: ProcVar | null;
}
export interface MapEntry extends Node<'MapEntry'> {
  readonly key: Proc;
  readonly value: Proc;
}
export interface MapExpr extends Node<'Map'> {
  readonly entries: readonly MapEntry[];
  readonly remainder: ProcVar | null;
}
/** `{| a, b |}`. */
export interface PathMapExpr extends Node<'PathMap'> {
  readonly elements: readonly Proc[];
  readonly remainder: ProcVar | null;
}

// ---------------------------------------------------------------------------------------------
// Expressions

/** Infix operators, with the precedence levels of §7.2 in `BINARY_LEVEL` (precedence.ts). */
export type BinaryOp =
  | 'or'
  | 'and'
  | '=='
  | '!='
  | 'matches'
  | '<'
  | '<='
  | '>'
  | '>='
  | '+'
  | '-'
  | '++'
  | '--'
  | '*'
  | '/'
  | '%'
  | '%%'
  | '\\/'
  | '/\\';
export interface Binary extends Node<'Binary'> {
  readonly op: BinaryOp;
  readonly left: Proc;
  readonly right: Proc;
}
/** `not P`, `-P` (arithmetic negation) and `~P` (the negation connective of patterns). */
export type UnaryOp = 'not' | '-' | '~';
export interface Unary extends Node<'Unary'> {
  readonly op: UnaryOp;
  readonly operand: Proc;
}
/** `*name`. */
export interface Eval extends Node<'Eval'> {
  readonly name: Name;
}
/** `=x` (`deref` false) or `=*x` (`deref` true), in patterns. */
export interface VarRef extends Node<'VarRef'> {
  readonly name: string;
  readonly deref: boolean;
}
/** `receiver.name(args)`. */
export interface Method extends Node<'Method'> {
  readonly receiver: Proc;
  readonly name: string;
  readonly args: readonly Proc[];
}
/** `name(args)`, e.g. `getSpaceAgent(*sp)`. */
export interface FunctionCall extends Node<'FunctionCall'> {
  readonly name: string;
  readonly args: readonly Proc[];
}
/** The theory marker `free Nat()`. */
export interface Free extends Node<'Free'> {
  readonly theory: string;
}

// ---------------------------------------------------------------------------------------------
// Processes

/** `P | Q | ...`: at least two members, none of them a `Par` (nested ones are flattened). */
export interface Par extends Node<'Par'> {
  readonly procs: readonly Proc[];
}
/** One hyperparameter of a send: positional (`key` null) or named (`priority=5`). */
export interface HyperParam extends Node<'HyperParam'> {
  readonly key: string | null;
  readonly value: Proc;
}
/**
 * `ch!(args)` / `ch!!(args)`. `hyperparams` is null when the inputs have no `;` section and an
 * array (possibly empty, as in `ch!(x;)`) when they do.
 */
export interface Send extends Node<'Send'> {
  readonly channel: Name;
  readonly persistent: boolean;
  readonly args: readonly Proc[];
  readonly hyperparams: readonly HyperParam[] | null;
}
/** `ch!?(args); P` or, with `cont` null, `ch!?(args).` */
export interface SendSync extends Node<'SendSync'> {
  readonly channel: Name;
  readonly args: readonly Proc[];
  readonly hyperparams: readonly HyperParam[] | null;
  readonly cont: Proc | null;
}
/** One declaration of `new`: `x`, ``x(`uri`)``, `x : sp` or ``x : sp(`uri`)``. */
export interface NameDecl extends Node<'NameDecl'> {
  readonly name: string;
  readonly space: Name | null;
  readonly uri: string | null;
}
export interface New extends Node<'New'> {
  readonly decls: readonly NameDecl[];
  readonly body: Proc;
}
export interface IfElse extends Node<'IfElse'> {
  readonly condition: Proc;
  readonly then: Proc;
  readonly otherwise: Proc | null;
}
/** `let` declaration `names <- P, Q`. */
export interface LetBind extends Node<'LetBind'> {
  readonly names: readonly Name[];
  readonly remainder: ProcVar | null;
  readonly values: readonly Proc[];
}
/** `let` declaration `x = P`. */
export interface LetAssign extends Node<'LetAssign'> {
  readonly name: string;
  readonly value: Proc;
}
export type LetDecl = LetBind | LetAssign;
/** `let d1; d2 in P` (sequential) or `let d1 & d2 in P` (concurrent, at least two declarations). */
export interface Let extends Node<'Let'> {
  readonly concurrent: boolean;
  readonly decls: readonly LetDecl[];
  readonly body: Proc;
}
export interface MatchCase extends Node<'MatchCase'> {
  readonly pattern: Proc;
  readonly body: Proc;
}
export interface Match extends Node<'Match'> {
  readonly target: Proc;
  readonly cases: readonly MatchCase[];
}
export interface Contract extends Node<'Contract'> {
  readonly name: Name;
  readonly formals: readonly Name[];
  readonly remainder: ProcVar | null;
  readonly body: Proc;
}
/** Where a linear bind reads: `ch`, `ch?!` (receive-send) or `ch!?(args)` (send-receive). */
export interface SimpleSource extends Node<'SimpleSource'> {
  readonly name: Name;
}
export interface ReceiveSendSource extends Node<'ReceiveSendSource'> {
  readonly name: Name;
}
export interface SendReceiveSource extends Node<'SendReceiveSource'> {
  readonly name: Name;
  readonly args: readonly Proc[];
  readonly hyperparams: readonly HyperParam[] | null;
}
export type Source = SimpleSource | ReceiveSendSource | SendReceiveSource;
/**
 * The similarity modifiers of a linear bind: `~ sim(args)` and `~ rank(args)` (each optional,
 * at least one argument when present), then the required `~ query`.
 */
export interface Similarity extends Node<'Similarity'> {
  readonly sim: readonly Proc[] | null;
  readonly rank: readonly Proc[] | null;
  readonly query: Proc;
}
/** `names <- source [~ ...]`. */
export interface LinearBind extends Node<'LinearBind'> {
  readonly names: readonly Name[];
  readonly remainder: ProcVar | null;
  readonly source: Source;
  readonly similarity: Similarity | null;
}
/** `names <= ch` (persistent). */
export interface RepeatedBind extends Node<'RepeatedBind'> {
  readonly names: readonly Name[];
  readonly remainder: ProcVar | null;
  readonly source: Name;
}
/** `names <<- ch` (peek). */
export interface PeekBind extends Node<'PeekBind'> {
  readonly names: readonly Name[];
  readonly remainder: ProcVar | null;
  readonly source: Name;
}
export type Bind = LinearBind | RepeatedBind | PeekBind;
/** Binds joined with `&`; receipts of a `for` are separated by `;`. */
export interface Receipt extends Node<'Receipt'> {
  readonly binds: readonly Bind[];
}
export interface For extends Node<'For'> {
  readonly receipts: readonly Receipt[];
  readonly body: Proc;
}
/** `bundle-` read, `bundle+` write, `bundle0` equivalence only, `bundle` read and write. */
export type BundleKind = 'read' | 'write' | 'equiv' | 'readWrite';
export interface Bundle extends Node<'Bundle'> {
  readonly bundle: BundleKind;
  readonly body: Proc;
}
/** `use sp { P }`. */
export interface Use extends Node<'Use'> {
  readonly space: Name;
  readonly body: Proc;
}
/** Stands where the parser could not make sense of the input (see the diagnostics). */
export interface ErrorNode extends Node<'Error'> {}

/** Every process, expression and pattern. */
export type Proc =
  | Nil
  | BoolLit
  | IntLit
  | StringLit
  | UriLit
  | Unit
  | SimpleType
  | Var
  | Wildcard
  | ListExpr
  | TupleExpr
  | SetExpr
  | MapExpr
  | PathMapExpr
  | Binary
  | Unary
  | Eval
  | VarRef
  | Method
  | FunctionCall
  | Free
  | Par
  | Send
  | SendSync
  | New
  | IfElse
  | Let
  | Match
  | Contract
  | For
  | Bundle
  | Use
  | ErrorNode;

/** Every node kind, including the auxiliary ones that are not processes. */
export type AstNode =
  | Program
  | Proc
  | Quote
  | MapEntry
  | HyperParam
  | NameDecl
  | LetBind
  | LetAssign
  | MatchCase
  | Source
  | Similarity
  | Bind
  | Receipt;
