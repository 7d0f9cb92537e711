/**
 * Syntax diagnostics and the error `parseOrThrow` throws. Every diagnostic has a stable `code`
 * that tools may switch on, a message for people (which may change), and the span it points at;
 * `renderDiagnostic` draws the caret excerpt compilers usually print:
 *
 *     error[UnexpectedToken]: expected `)` but found `}`
 *      --> program.rho:3:15
 *       |
 *     3 |   stdout!("hi"
 *       |               ^
 *
 * (a token missing at the end of a line is shown there, not at the next token lines below).
 */

import { SpaceError } from '../../spaces/errors.js';
import type { Span } from './ast.js';

/** The stable codes of {@link SyntaxDiagnostic}. */
export type SyntaxErrorCode =
  /** A character that starts no token (e.g. `#`, `?` alone, `\` alone). */
  | 'UnexpectedCharacter'
  /** A string literal without its closing `"`. */
  | 'UnterminatedString'
  /** A backslash escape other than `\n \r \t \\ \" \0` or `\<decimal digits>`. */
  | 'InvalidEscape'
  /** A `\<decimal>` escape that is not a Unicode scalar value. */
  | 'InvalidCodePoint'
  /** A URI literal without its closing backtick. */
  | 'UnterminatedUri'
  /** ``` `` ``` : a URI literal must contain at least one character. */
  | 'EmptyUri'
  /** A block comment without its closing `*\/`. */
  | 'UnterminatedComment'
  /** The parser expected one thing and found another (including the end of input). */
  | 'UnexpectedToken'
  /** Two processes side by side without the `|` that composes them. */
  | 'MissingPar'
  /** A reserved word used where a variable is needed. */
  | 'ReservedWord'
  /** An integer literal outside the signed 64-bit range. */
  | 'IntegerOutOfRange'
  /** A quoted name `@P` where a process is expected. */
  | 'NameInProcessPosition'
  /** Syntax the grammar has but this implementation does not accept (`select`). */
  | 'Unsupported'
  /** A source file without any process. */
  | 'EmptyProgram'
  /** Brackets nested deeper than the parser accepts. */
  | 'NestingTooDeep';

/** One problem found in a source file. */
export interface SyntaxDiagnostic {
  readonly code: SyntaxErrorCode;
  readonly severity: 'error';
  /** What is wrong, in one sentence without a trailing period. */
  readonly message: string;
  /** The file name given to `parse`, or `<input>`. */
  readonly fileName: string;
  /** Where; `line` and `column` are 1-based. */
  readonly span: Span;
  /** A suggestion, when there is an obvious one. */
  readonly hint?: string;
}

/** Lines longer than this are shown as a window of this many characters around the error. */
const MAX_EXCERPT = 120;
/** How much of the line before the error such a window shows. */
const EXCERPT_CONTEXT = 40;

/**
 * Renders one diagnostic with a caret excerpt of the line it points at. The carets cover the
 * span on its first line (one caret at least, e.g. for the end of input).
 */
export function renderDiagnostic(diagnostic: SyntaxDiagnostic, source: string): string {
  const { span } = diagnostic;
  const lineStart = lineStartOf(source, span.offset);
  let lineEnd = source.indexOf('\n', lineStart);
  if (lineEnd < 0) lineEnd = source.length;
  let lineText = source.slice(lineStart, lineEnd);
  if (lineText.endsWith('\r')) lineText = lineText.slice(0, -1);
  const gutter = ' '.repeat(String(span.line).length);
  let column = span.offset - lineStart;
  let width = Math.max(1, Math.min(span.end, lineStart + lineText.length) - span.offset);
  // A long line (generated or minified code) is shown as a window around the span, not whole.
  if (lineText.length > MAX_EXCERPT) {
    const from = Math.max(0, Math.min(column - EXCERPT_CONTEXT, lineText.length - MAX_EXCERPT));
    const to = Math.min(lineText.length, from + MAX_EXCERPT);
    const head = from > 0 ? '…' : '';
    lineText = `${head}${lineText.slice(from, to)}${to < lineText.length ? '…' : ''}`;
    column = column - from + head.length;
    width = Math.max(1, Math.min(width, to - (span.offset - lineStart)));
  }
  // Reproduce tabs in the padding so the carets line up under the echoed text.
  let pad = '';
  for (let i = 0; i < column && i < lineText.length; i++) pad += lineText.charCodeAt(i) === 9 ? '\t' : ' ';
  const lines = [
    `error[${diagnostic.code}]: ${diagnostic.message}`,
    `${gutter}--> ${diagnostic.fileName}:${span.line}:${span.column}`,
    `${gutter} |`,
    `${span.line} | ${lineText}`,
    `${gutter} | ${pad}${'^'.repeat(width)}`,
  ];
  if (diagnostic.hint !== undefined) lines.push(`${gutter} = help: ${diagnostic.hint}`);
  return lines.join('\n');
}

/** Renders several diagnostics, separated by blank lines. */
export function renderDiagnostics(diagnostics: readonly SyntaxDiagnostic[], source: string): string {
  return diagnostics.map((d) => renderDiagnostic(d, source)).join('\n\n');
}

function lineStartOf(source: string, offset: number): number {
  const clamped = Math.min(offset, source.length);
  return source.lastIndexOf('\n', clamped - 1) + 1;
}

/**
 * Thrown by `parseOrThrow` when a source has syntax errors. `code` is the first diagnostic's;
 * `diagnostics` holds all of them and the message renders them all with caret excerpts.
 */
export class ParseError extends SpaceError<SyntaxErrorCode> {
  readonly diagnostics: readonly SyntaxDiagnostic[];
  readonly fileName: string;
  constructor(diagnostics: readonly SyntaxDiagnostic[], source: string, fileName: string) {
    const first = diagnostics[0];
    const count = diagnostics.length === 1 ? '1 syntax error' : `${diagnostics.length} syntax errors`;
    super(first.code, `${count} in ${fileName}\n\n${renderDiagnostics(diagnostics, source)}`);
    this.diagnostics = diagnostics;
    this.fileName = fileName;
  }
}
