/**
 * Helpers shared by the syntax tests (a test helper that lives in `src` so that it type-checks
 * with the project; it must not import `node:test`).
 */

import assert from 'node:assert/strict';
import { renderDiagnostics, type SyntaxErrorCode } from './errors.js';
import { parse } from './parse.js';
import { sexpr } from './sexpr.js';

/** Parses `source`, asserts that it has no diagnostics, and returns the tree as an S-expression. */
export function show(source: string): string {
  const { ast, diagnostics } = parse(source);
  assert.equal(diagnostics.length, 0, renderDiagnostics(diagnostics, source));
  return sexpr(ast);
}

/** The codes of the diagnostics of `source`, in order. */
export function codesOf(source: string): SyntaxErrorCode[] {
  return parse(source).diagnostics.map((d) => d.code);
}

/** `[line, column, message]` of each diagnostic of `source`. */
export function whereAndWhat(source: string): [number, number, string][] {
  return parse(source).diagnostics.map((d) => [d.span.line, d.span.column, d.message]);
}
