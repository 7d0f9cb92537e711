/**
 * The Rholang lexer: one pass over the source's char codes, no regular expressions, tokens stored
 * in parallel typed arrays (kind, offsets, line, column) so that a large file costs a handful of
 * allocations rather than one object per token. Lexical errors are reported and skipped, so the
 * parser always gets a complete stream ending with `EOF`.
 *
 * Context-free on purpose: the `-` of a negative literal and the `=*` of a var-ref are separate
 * tokens here and the parser glues them (it knows whether a literal may start at that point,
 * §7.3), using the fact that the tokens touch (`ends[i] === starts[i + 1]`).
 */

import type { Span } from './ast.js';
import type { SyntaxErrorCode } from './errors.js';
import { KEYWORDS, punctuationToken, T, type TokenKind } from './tokens.js';

/** The tokens of one source. Index `count - 1` is always the `EOF` token. */
export interface TokenStream {
  readonly source: string;
  readonly count: number;
  readonly kinds: Uint8Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly lines: Int32Array;
  readonly columns: Int32Array;
  /** Per token, {@link UNTERMINATED} and {@link AFTER_LEX_ERROR} bits. */
  readonly flags: Uint8Array;
}

/** Token flag: a string or URI literal without its closing delimiter (its text then runs to the end of its line). */
export const UNTERMINATED = 1;
/** Token flag: the token follows characters the lexer rejected (a parse error here would only echo that one). */
export const AFTER_LEX_ERROR = 2;

/** Receives lexical errors. */
export type LexReporter = (code: SyntaxErrorCode, message: string, span: Span, hint?: string) => void;

/** Splits `source` into tokens, reporting lexical errors to `report`. */
export function tokenize(source: string, report: LexReporter): TokenStream {
  return new Lexer(source, report).run();
}

const isIdentStart = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
const isIdentPart = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 39;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

const ESCAPES_HINT = 'the escapes are \\n \\r \\t \\\\ \\" and \\ followed by a decimal code point';

/** Unicode white space beyond ASCII (what tree-sitter's `\s` extra also skips). */
function isUnicodeSpace(c: number): boolean {
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

class Lexer {
  private readonly src: string;
  private readonly report: LexReporter;
  private pos = 0;
  private line = 1;
  private lineStart = 0;
  private count = 0;
  private kinds: Uint8Array;
  private starts: Int32Array;
  private ends: Int32Array;
  private lines: Int32Array;
  private columns: Int32Array;
  private flags: Uint8Array;
  private pendingFlags = 0;

  constructor(src: string, report: LexReporter) {
    this.src = src;
    this.report = report;
    // Roughly one token per three or four characters in real code; grown by doubling when needed.
    const capacity = ((src.length / 3) | 0) + 16;
    this.kinds = new Uint8Array(capacity);
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
    this.lines = new Int32Array(capacity);
    this.columns = new Int32Array(capacity);
    this.flags = new Uint8Array(capacity);
  }

  run(): TokenStream {
    const src = this.src;
    const n = src.length;
    while (true) {
      this.skipTrivia();
      if (this.pos >= n) break;
      const start = this.pos;
      const c = src.charCodeAt(start);
      if (isIdentStart(c)) {
        this.word(start);
      } else if (isDigit(c)) {
        let i = start + 1;
        while (i < n && isDigit(src.charCodeAt(i))) i++;
        this.push(T.Int, start, i);
        if (i + 1 < n && src.charCodeAt(i) === 46 && isDigit(src.charCodeAt(i + 1))) this.fraction(start, i);
      } else if (c === 95 /* _ */) {
        let i = start + 1;
        while (i < n && isIdentPart(src.charCodeAt(i))) i++;
        this.push(i === start + 1 ? T.Wildcard : T.Ident, start, i);
      } else if (c === 34 /* " */) {
        this.string(start);
      } else if (c === 96 /* ` */) {
        this.uri(start);
      } else {
        this.punctuation(c, start);
      }
    }
    this.push(T.EOF, n, n);
    return {
      source: src,
      count: this.count,
      kinds: this.kinds,
      starts: this.starts,
      ends: this.ends,
      lines: this.lines,
      columns: this.columns,
      flags: this.flags,
    };
  }

  private push(kind: TokenKind, start: number, end: number, line = this.line, lineStart = this.lineStart): void {
    if (this.count === this.kinds.length) this.grow();
    const k = this.count++;
    this.kinds[k] = kind;
    this.starts[k] = start;
    this.ends[k] = end;
    this.lines[k] = line;
    this.columns[k] = start - lineStart + 1;
    this.flags[k] = this.pendingFlags;
    this.pendingFlags = 0;
    this.pos = end;
  }

  private grow(): void {
    const size = this.kinds.length * 2;
    const widen = <A extends Uint8Array | Int32Array>(a: A, make: (n: number) => A): A => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.kinds = widen(this.kinds, (s) => new Uint8Array(s));
    this.flags = widen(this.flags, (s) => new Uint8Array(s));
    this.starts = widen(this.starts, (s) => new Int32Array(s));
    this.ends = widen(this.ends, (s) => new Int32Array(s));
    this.lines = widen(this.lines, (s) => new Int32Array(s));
    this.columns = widen(this.columns, (s) => new Int32Array(s));
  }

  private spanAt(start: number, end: number): Span {
    return { line: this.line, column: start - this.lineStart + 1, offset: start, end };
  }

  private newline(at: number): void {
    this.line++;
    this.lineStart = at + 1;
  }

  /** Skips white space and comments. */
  private skipTrivia(): void {
    const src = this.src;
    const n = src.length;
    let i = this.pos;
    while (i < n) {
      const c = src.charCodeAt(i);
      if (c === 10) {
        this.newline(i);
        i++;
      } else if (c === 32 || c === 9 || c === 13 || c === 11 || c === 12) {
        i++;
      } else if (c === 47 /* / */ && i + 1 < n && src.charCodeAt(i + 1) === 47) {
        i += 2;
        while (i < n && src.charCodeAt(i) !== 10) i++;
      } else if (c === 47 && i + 1 < n && src.charCodeAt(i + 1) === 42 /* * */) {
        const open = this.spanAt(i, i + 2);
        i += 2;
        while (i < n && !(src.charCodeAt(i) === 42 && i + 1 < n && src.charCodeAt(i + 1) === 47)) {
          if (src.charCodeAt(i) === 10) this.newline(i);
          i++;
        }
        if (i >= n) {
          this.report('UnterminatedComment', 'this block comment is never closed', open, 'close it with `*/`');
        } else {
          i += 2;
        }
      } else if (c > 127 && isUnicodeSpace(c)) {
        i++;
      } else {
        break;
      }
    }
    this.pos = i;
  }

  /**
   * `0.8`: Rholang has no floating-point literals (thresholds are strings such as `"0.8"`, §2.7).
   * Report it and skip the fraction, leaving the integer part as the token.
   */
  private fraction(start: number, dot: number): void {
    const src = this.src;
    let i = dot + 1;
    while (i < src.length && isDigit(src.charCodeAt(i))) i++;
    this.report(
      'Unsupported',
      `\`${src.slice(start, i)}\`: Rholang has no floating-point literals`,
      this.spanAt(start, i),
      `write the number as a string, e.g. "${src.slice(start, i)}", or as an integer`,
    );
    this.pos = i;
  }

  private word(start: number): void {
    const src = this.src;
    const n = src.length;
    let i = start + 1;
    while (i < n && isIdentPart(src.charCodeAt(i))) i++;
    const length = i - start;
    // Keywords are 2 to 9 characters long: longer words need no lookup.
    if (length > 9) {
      this.push(T.Ident, start, i);
      return;
    }
    const text = src.slice(start, i);
    if (length === 6 && text === 'bundle' && i < n) {
      // `bundle+` and `bundle-` are single tokens; with a space between they are not.
      const sign = src.charCodeAt(i);
      if (sign === 43 /* + */ || sign === 45 /* - */) {
        this.push(sign === 43 ? T.BundleWrite : T.BundleRead, start, i + 1);
        return;
      }
    }
    this.push(KEYWORDS.get(text) ?? T.Ident, start, i);
  }

  /** A string literal; escapes are checked here and decoded by the parser (`decodeString`). */
  private string(start: number): void {
    const src = this.src;
    const n = src.length;
    const line = this.line;
    const lineStart = this.lineStart;
    let i = start + 1;
    while (i < n) {
      const c = src.charCodeAt(i);
      if (c === 34) {
        this.push(T.String, start, i + 1, line, lineStart);
        return;
      }
      if (c === 92 /* \ */) {
        i = this.escape(i);
      } else {
        if (c === 10) this.newline(i);
        i++;
      }
    }
    this.unclosed(T.String, start, line, lineStart, 'UnterminatedString', 'this string literal is never closed', '"');
  }

  /** Checks the escape at `i` (a backslash) and returns the index after it. */
  private escape(i: number): number {
    const src = this.src;
    const n = src.length;
    const e = i + 1 < n ? src.charCodeAt(i + 1) : -1;
    if (e === 10 || e < 0) {
      // A backslash at the end of a line or of the input escapes nothing; the newline is then
      // scanned normally so line numbers stay right.
      this.report('InvalidEscape', 'a backslash must be followed by an escape', this.spanAt(i, i + 1), ESCAPES_HINT);
      return i + 1;
    }
    if (e === 110 || e === 114 || e === 116 || e === 92 || e === 34) return i + 2;
    if (isDigit(e)) {
      let j = i + 1;
      let code = 0;
      while (j < n && isDigit(src.charCodeAt(j))) {
        if (code <= 0x10ffff) code = code * 10 + (src.charCodeAt(j) - 48);
        j++;
      }
      if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
        this.report(
          'InvalidCodePoint',
          `\`${src.slice(i, j)}\` is not a Unicode scalar value`,
          this.spanAt(i, j),
          'a decimal escape gives a code point: 0..55295 or 57344..1114111',
        );
      }
      return j;
    }
    this.report(
      'InvalidEscape',
      `\`${src.slice(i, i + 2)}\` is not a valid escape`,
      this.spanAt(i, i + 2),
      ESCAPES_HINT,
    );
    return i + 2;
  }

  private uri(start: number): void {
    const src = this.src;
    const n = src.length;
    const line = this.line;
    const lineStart = this.lineStart;
    let i = start + 1;
    while (i < n) {
      const c = src.charCodeAt(i);
      if (c === 96) {
        if (i === start + 1) {
          this.report('EmptyUri', 'a URI literal cannot be empty', {
            line,
            column: start - lineStart + 1,
            offset: start,
            end: i + 1,
          });
        }
        this.push(T.Uri, start, i + 1, line, lineStart);
        return;
      }
      if (c === 10) this.newline(i);
      i++;
    }
    this.unclosed(T.Uri, start, line, lineStart, 'UnterminatedUri', 'this URI literal is never closed', '`');
  }

  /**
   * A literal that runs to the end of input: report it at its opening delimiter, and end the token
   * at the end of that line so the rest of the file is still lexed (and checked) as code.
   */
  private unclosed(
    kind: TokenKind,
    start: number,
    line: number,
    lineStart: number,
    code: SyntaxErrorCode,
    message: string,
    delimiter: string,
  ): void {
    const src = this.src;
    let end = src.indexOf('\n', start);
    if (end < 0) end = src.length;
    this.line = line;
    this.lineStart = lineStart;
    this.report(
      code,
      message,
      { line, column: start - lineStart + 1, offset: start, end: start + 1 },
      `add the closing ${delimiter}`,
    );
    this.push(kind, start, end, line, lineStart);
    this.flags[this.count - 1] |= UNTERMINATED;
  }

  private punctuation(c: number, start: number): void {
    const src = this.src;
    const next = start + 1 < src.length ? src.charCodeAt(start + 1) : -1;
    const third = start + 2 < src.length ? src.charCodeAt(start + 2) : -1;
    const packed = punctuationToken(c, next, third);
    if (packed >= 0) {
      this.push((packed & 0xff) as TokenKind, start, start + (packed >> 8));
      return;
    }
    // Skip a whole code point, so an astral character is reported once.
    const width = c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
    const shown = src.slice(start, start + width);
    this.report(
      'UnexpectedCharacter',
      `unexpected character \`${shown}\``,
      this.spanAt(start, start + width),
      c === 63 ? '`?` only appears in `?!` (a receive-send source)' : undefined,
    );
    this.pos = start + width;
    this.pendingFlags |= AFTER_LEX_ERROR;
  }
}
