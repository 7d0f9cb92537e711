/**
 * Errors of the normalizer. Each has a stable `code`, the source `span` it points at, and a
 * message that names the file, line and column and — when the caller passed the source text —
 * shows the caret excerpt of the syntax errors (`renderDiagnostic`).
 */

import { SpaceError } from '../../spaces/errors.js';
import type { Span } from '../syntax/ast.js';
import { renderDiagnostic, type SyntaxErrorCode } from '../syntax/errors.js';

/** The stable codes of {@link NormalizeError}. */
export type NormalizeErrorCode =
  /** A variable that no binder declares, outside any pattern (where it would be bound) — the reference's "top-level free variable" — or an `=x` var-ref to nothing. */
  | 'UnboundVariable'
  /** A name variable (bound by `new`, or by a receive as `x`) used where a process is expected. */
  | 'NameUsedAsProcess'
  /** A process variable (bound as `@x`, by `let x =` or a match) used where a name is expected. */
  | 'ProcessUsedAsName'
  /** `_` outside a pattern. */
  | 'WildcardOutsidePattern'
  /** A pattern-only construct outside a pattern: `~P`, `P /\ Q`, `P \/ Q`, `=x`, a simple type such as `Int`. */
  | 'ConnectiveOutsidePattern'
  /** A collection remainder `...rest` outside a pattern. */
  | 'RemainderOutsidePattern'
  /** A variable that would be bound under `~` or `\/`, which cannot bind. */
  | 'FreeVariableNotAllowed'
  /** A bundle whose content has free variables, wildcards or connectives. */
  | 'PatternInBundle'
  /** The same variable bound twice by one pattern (or join), or declared twice by one `new`. */
  | 'DuplicateBinder'
  /** The same channel listed twice in one join. */
  | 'RepeatedJoinChannel'
  /** A join mixing persistent (`<=`) binds with other binds. */
  | 'MixedPersistence'
  /** A `let` declaration with a different number of names and values. */
  | 'LetArityMismatch'
  /** A function call to something other than a built-in function. */
  | 'UnknownFunction'
  /** A built-in function called with the wrong number of arguments. */
  | 'FunctionArity'
  /** A tree with `Error` nodes (a program that did not parse): normalize only clean parses. */
  | 'InvalidSyntaxTree';

/** Thrown by `normalize` for a program that parses but is not well scoped. */
export class NormalizeError extends SpaceError<NormalizeErrorCode> {
  readonly span: Span;
  readonly fileName: string;
  /** The message without location or excerpt. */
  readonly detail: string;
  readonly hint: string | undefined;
  constructor(
    code: NormalizeErrorCode,
    detail: string,
    span: Span,
    fileName: string,
    source: string | undefined,
    hint?: string,
  ) {
    super(code, renderNormalizeError(code, detail, span, fileName, source, hint));
    this.span = span;
    this.fileName = fileName;
    this.detail = detail;
    this.hint = hint;
  }
}

function renderNormalizeError(
  code: NormalizeErrorCode,
  detail: string,
  span: Span,
  fileName: string,
  source: string | undefined,
  hint: string | undefined,
): string {
  if (source !== undefined) {
    // renderDiagnostic only prints the code; its parameter type lists the syntax codes alone.
    const diagnostic = {
      code: code as string as SyntaxErrorCode,
      severity: 'error' as const,
      message: detail,
      fileName,
      span,
      ...(hint === undefined ? {} : { hint }),
    };
    return renderDiagnostic(diagnostic, source);
  }
  const where = `error[${code}]: ${detail}\n --> ${fileName}:${span.line}:${span.column}`;
  return hint === undefined ? where : `${where}\n = help: ${hint}`;
}
