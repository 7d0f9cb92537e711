/**
 * The parser's cursor over the token stream, with the bookkeeping every grammar file shares:
 * spans, diagnostics and error recovery. The grammar itself lives in the `parser-*.ts` files as
 * plain functions over a {@link Parser}, one file per concept.
 *
 * Recovery is panic-mode: a parse function that meets an unexpected token reports it once and
 * skips to a synchronisation token (`|`, a closing bracket, `,`, `;`, `&`, `=>`, `in`, `else`, or
 * a keyword or send that starts a new line; whole bracketed groups are skipped on the way), then
 * returns an `Error` node. Callers carry on, so one pass reports every independent error. Until
 * the grammar consumes another token, further errors are taken as echoes of the first and
 * dropped, which keeps cascades out of the report.
 */

import type { ErrorNode, Span } from './ast.js';
import type { SyntaxDiagnostic, SyntaxErrorCode } from './errors.js';
import { AFTER_LEX_ERROR, type TokenStream, UNTERMINATED } from './lexer.js';
import { describeToken, spellingOf, T } from './tokens.js';

/** Diagnostics beyond this many are dropped: past it they are noise. */
const MAX_DIAGNOSTICS = 100;
/** Deepest bracket/construct nesting accepted (keeps the recursive descent well inside the JS stack). */
export const MAX_DEPTH = 500;

const OPENERS = new Uint8Array(128);
const CLOSERS = new Uint8Array(128);
/** Tokens that end a piece of a construct, where recovery stops. */
const SYNC = new Uint8Array(128);
/** Keywords that start a process; one at the start of a line is taken as a statement boundary. */
const STATEMENT_KEYWORDS = new Uint8Array(128);
for (const k of [T.New, T.For, T.Contract, T.Match, T.If, T.Let, T.Use, T.Select]) STATEMENT_KEYWORDS[k] = 1;
for (const k of [T.Bundle, T.BundleRead, T.BundleWrite, T.Bundle0]) STATEMENT_KEYWORDS[k] = 1;
for (const k of [T.LParen, T.LBracket, T.LBrace, T.LPathMap]) OPENERS[k] = 1;
for (const k of [T.RParen, T.RBracket, T.RBrace, T.RPathMap]) CLOSERS[k] = 1;
for (const k of [
  T.EOF,
  T.RParen,
  T.RBracket,
  T.RBrace,
  T.RPathMap,
  T.Bar,
  T.Comma,
  T.Semi,
  T.Amp,
  T.FatArrow,
  T.In,
  T.Else,
]) {
  SYNC[k] = 1;
}

export class Parser {
  readonly source: string;
  readonly fileName: string;
  readonly diagnostics: SyntaxDiagnostic[];
  readonly count: number;
  readonly kinds: Uint8Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly lines: Int32Array;
  readonly columns: Int32Array;
  readonly flags: Uint8Array;
  /** Index of the current token. */
  pos = 0;
  /** Current nesting depth, see {@link MAX_DEPTH}. */
  depth = 0;
  private lastErrorPos = -1;
  /** Set by a reported error, cleared when the grammar next consumes a token: errors in between are cascades. */
  private recovering = false;
  private tooDeep = false;

  constructor(tokens: TokenStream, fileName: string, diagnostics: SyntaxDiagnostic[]) {
    this.source = tokens.source;
    this.fileName = fileName;
    this.diagnostics = diagnostics;
    this.count = tokens.count;
    this.kinds = tokens.kinds;
    this.starts = tokens.starts;
    this.ends = tokens.ends;
    this.lines = tokens.lines;
    this.columns = tokens.columns;
    this.flags = tokens.flags;
  }

  /** Kind of the current token. */
  get kind(): number {
    return this.kinds[this.pos];
  }

  /** Kind of the token `k` places ahead (EOF past the end). */
  peek(k: number): number {
    const i = this.pos + k;
    return i < this.count ? this.kinds[i] : T.EOF;
  }

  at(kind: number): boolean {
    return this.kinds[this.pos] === kind;
  }

  /** True between a reported error and the next consumed token (see `reportHere`). */
  get inRecovery(): boolean {
    return this.recovering;
  }

  /** Consumes the current token as part of the grammar. */
  advance(): void {
    if (this.pos < this.count - 1) this.pos++;
    this.recovering = false;
  }

  /** Steps over a token while recovering from an error (not a grammatical consumption). */
  private stepOver(): void {
    if (this.pos < this.count - 1) this.pos++;
  }

  /**
   * True at a keyword that starts a process (`new`, `for`, `contract`, ...) or at a send `x!(`,
   * at the start of a line: recovery stops there rather than swallow the next statement.
   */
  atStatementStart(): boolean {
    const i = this.pos;
    if (i === 0 || this.lines[i] === this.lines[i - 1]) return false;
    const k = this.kinds[i];
    if (STATEMENT_KEYWORDS[k] === 1) return true;
    const next = this.kinds[i + 1];
    return (k === T.Ident || k === T.Wildcard) && (next === T.Bang || next === T.BangBang || next === T.BangQuestion);
  }

  eat(kind: number): boolean {
    if (this.kinds[this.pos] !== kind) return false;
    this.advance();
    return true;
  }

  /** True when token `i` ends exactly where token `i + 1` starts (no space or comment between). */
  touchesNext(i: number): boolean {
    return i + 1 < this.count && this.ends[i] === this.starts[i + 1];
  }

  text(i: number = this.pos): string {
    return this.source.slice(this.starts[i], this.ends[i]);
  }

  /** The text of string or URI literal `i` between its delimiters. */
  literalText(i: number): string {
    const end = this.ends[i] - ((this.flags[i] & UNTERMINATED) !== 0 ? 0 : 1);
    return this.source.slice(this.starts[i] + 1, end);
  }

  tokenSpan(i: number = this.pos): Span {
    return { line: this.lines[i], column: this.columns[i], offset: this.starts[i], end: this.ends[i] };
  }

  /** The span from the start of token `start` to the end of the last consumed token. */
  spanFrom(start: number): Span {
    const last = this.pos - 1;
    const end = last >= start ? this.ends[last] : this.starts[start];
    return { line: this.lines[start], column: this.columns[start], offset: this.starts[start], end };
  }

  /** The span from the start of `first` (a node's span) to the end of the last consumed token. */
  spanFromSpan(first: Span): Span {
    const last = this.pos - 1;
    const end = last >= 0 && this.ends[last] > first.offset ? this.ends[last] : first.end;
    return { line: first.line, column: first.column, offset: first.offset, end };
  }

  describe(i: number = this.pos): string {
    return describeToken(this.kinds[i], this.text(i));
  }

  /** Records a diagnostic at an explicit span. */
  report(code: SyntaxErrorCode, message: string, span: Span, hint?: string): void {
    if (this.diagnostics.length >= MAX_DIAGNOSTICS) return;
    if (this.tooDeep && code !== 'NestingTooDeep') return;
    const d: SyntaxDiagnostic =
      hint === undefined
        ? { code, severity: 'error', message, fileName: this.fileName, span }
        : { code, severity: 'error', message, fileName: this.fileName, span, hint };
    this.diagnostics.push(d);
  }

  /** Reports at the current token, unless that token already has a diagnostic. */
  reportHere(code: SyntaxErrorCode, message: string, hint?: string): void {
    if (this.lastErrorPos === this.pos || this.recovering) return;
    if ((this.flags[this.pos] & AFTER_LEX_ERROR) !== 0) return;
    this.lastErrorPos = this.pos;
    this.recovering = true;
    this.report(code, message, this.tokenSpan(), hint);
  }

  /** Consumes a token of `kind`, or reports "expected `x` but found y" and consumes nothing. */
  expect(kind: number, hint?: string): boolean {
    if (this.kinds[this.pos] === kind) {
      this.advance();
      return true;
    }
    this.expected(`\`${spellingOf(kind) ?? '?'}\``, hint);
    return false;
  }

  /**
   * Reports "expected <what> but found y". When y is on a later line than the previous token,
   * the thing is missing at the end of that line, so that is where the caret goes.
   */
  expected(what: string, hint?: string): void {
    const i = this.pos;
    if (this.lastErrorPos === i || this.recovering || (this.flags[i] & AFTER_LEX_ERROR) !== 0) return;
    this.lastErrorPos = i;
    this.recovering = true;
    const message = `expected ${what} but found ${this.describe()}`;
    const span = i > 0 && this.lines[i] > this.lines[i - 1] ? this.endOf(i - 1) : this.tokenSpan();
    this.report('UnexpectedToken', message, span, hint);
  }

  /** The empty span just after token `i` (which may itself span lines, like a string). */
  private endOf(i: number): Span {
    const end = this.ends[i];
    const newline = this.source.lastIndexOf('\n', end - 1);
    const line =
      newline < this.starts[i] ? this.lines[i] : this.lines[i] + countNewlines(this.source, this.starts[i], end);
    const column = newline < this.starts[i] ? this.columns[i] + (end - this.starts[i]) : end - newline;
    return { line, column, offset: end, end };
  }

  /**
   * Skips to the next synchronisation token at this nesting level, skipping bracketed groups
   * whole. An unmatched closing bracket stops the skip (it belongs to an enclosing construct).
   */
  synchronize(): void {
    let depth = 0;
    while (true) {
      const k = this.kinds[this.pos];
      if (k === T.EOF) return;
      if (depth === 0 && (SYNC[k] === 1 || this.atStatementStart())) return;
      if (OPENERS[k] === 1) depth++;
      else if (CLOSERS[k] === 1) depth--;
      this.stepOver();
    }
  }

  /**
   * Ends a bracketed construct: consumes `closer`, or reports it missing. Then, if the current
   * token is another closing bracket or starts the next statement, the closer is taken as
   * forgotten and nothing is skipped; otherwise the rest of the construct is skipped up to its
   * closer (bracketed groups whole), stopping early at an enclosing closer or a statement start.
   */
  close(closer: number, hint?: string): void {
    if (this.eat(closer)) return;
    this.expect(closer, hint);
    let depth = 0;
    while (true) {
      const k = this.kinds[this.pos];
      if (k === T.EOF) return;
      if (depth === 0) {
        if (k === closer) {
          this.advance(); // back in step with the grammar
          return;
        }
        if (CLOSERS[k] === 1 || this.atStatementStart()) return;
      }
      if (OPENERS[k] === 1) depth++;
      else if (CLOSERS[k] === 1) depth--;
      this.stepOver();
    }
  }

  /** An `Error` node covering the tokens from `start` to the current position. */
  errorNode(start: number): ErrorNode {
    return { kind: 'Error', span: this.spanFrom(start) };
  }

  /**
   * True when `extra` more levels of nesting fit under {@link MAX_DEPTH}; otherwise reports once,
   * skips to the end of input and returns false, so the tree can always be walked recursively.
   */
  hasRoom(extra: number): boolean {
    if (this.depth + extra <= MAX_DEPTH) return true;
    if (!this.tooDeep) {
      this.tooDeep = true;
      this.report('NestingTooDeep', `constructs nest more than ${MAX_DEPTH} levels deep`, this.tokenSpan());
    }
    // Give up on the rest of the input: past this point every diagnostic would be an echo.
    this.pos = this.count - 1;
    this.lastErrorPos = this.pos;
    this.recovering = true;
    return false;
  }

  /** Enters one level of nesting (see {@link hasRoom}); pair with {@link leave}. */
  enter(): boolean {
    if (!this.hasRoom(1)) return false;
    this.depth++;
    return true;
  }

  leave(): void {
    this.depth--;
  }
}

function countNewlines(source: string, from: number, to: number): number {
  let n = 0;
  for (let i = source.indexOf('\n', from); i >= 0 && i < to; i = source.indexOf('\n', i + 1)) n++;
  return n;
}
