/**
 * Entry points: `parse` (never throws; returns the tree and every diagnostic) and `parseOrThrow`.
 */

import type { Par, Proc, Program } from './ast.js';
import { ParseError, type SyntaxDiagnostic } from './errors.js';
import { tokenize } from './lexer.js';
import { Parser } from './parser-core.js';
import { parseProc0 } from './parser-expressions.js';
import { T } from './tokens.js';

/** What `parse` returns: the tree (with `Error` nodes where the input made no sense) and the diagnostics, in source order. */
export interface ParseResult {
  readonly ast: Program;
  readonly diagnostics: readonly SyntaxDiagnostic[];
}

const DEFAULT_FILE_NAME = '<input>';

/**
 * Parses a Rholang source file. Syntax errors do not stop the parse: each is reported once, the
 * parser resynchronises (at `|`, closing brackets and separators) and goes on, so one call
 * reports every independent error in the file.
 */
export function parse(source: string, fileName: string = DEFAULT_FILE_NAME): ParseResult {
  const diagnostics: SyntaxDiagnostic[] = [];
  const tokens = tokenize(source, (code, message, span, hint) => {
    diagnostics.push(
      hint === undefined
        ? { code, severity: 'error', message, fileName, span }
        : { code, severity: 'error', message, fileName, span, hint },
    );
  });
  const p = new Parser(tokens, fileName, diagnostics);
  let body: Proc;
  if (p.at(T.EOF)) {
    p.report('EmptyProgram', 'the program contains no process', p.tokenSpan(), 'an empty program is written `Nil`');
    body = { kind: 'Nil', span: p.tokenSpan() };
  } else {
    body = parseProc0(p, true);
    // Stray tokens after the program (typically an extra closing bracket): report, skip, go on.
    while (!p.at(T.EOF)) {
      p.reportHere('UnexpectedToken', `unexpected ${p.describe()}`, strayHint(p.kind));
      p.advance();
      p.eat(T.Bar);
      if (p.at(T.EOF)) break;
      body = parComposition(body, parseProc0(p, true));
    }
  }
  // Lexical and syntactic diagnostics were collected in two passes; show them in source order.
  diagnostics.sort((a, b) => a.span.offset - b.span.offset);
  return { ast: { kind: 'Program', span: { line: 1, column: 1, offset: 0, end: source.length }, body }, diagnostics };
}

/** Parses and returns the tree, or throws a {@link ParseError} carrying every diagnostic. */
export function parseOrThrow(source: string, fileName: string = DEFAULT_FILE_NAME): Program {
  const { ast, diagnostics } = parse(source, fileName);
  if (diagnostics.length > 0) throw new ParseError(diagnostics, source, fileName);
  return ast;
}

function strayHint(kind: number): string | undefined {
  if (kind === T.RParen || kind === T.RBrace || kind === T.RBracket || kind === T.RPathMap) {
    return 'this closes nothing: is there an extra closing bracket, or a missing opening one?';
  }
  return undefined;
}

function parComposition(left: Proc, right: Proc): Par {
  const procs = [...(left.kind === 'Par' ? left.procs : [left]), ...(right.kind === 'Par' ? right.procs : [right])];
  return { kind: 'Par', span: { ...left.span, end: right.span.end }, procs };
}
