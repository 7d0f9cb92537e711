/**
 * The Rholang syntax front end: `parse` a source file into an abstract syntax tree with spans and
 * diagnostics, `print` a tree back to source. See docs/rholang-syntax.md.
 */

export type * from './ast.js';
export {
  ParseError,
  renderDiagnostic,
  renderDiagnostics,
  type SyntaxDiagnostic,
  type SyntaxErrorCode,
} from './errors.js';
export { type ParseResult, parse, parseOrThrow } from './parse.js';
export { print } from './print.js';
export { decodeString, escapeString } from './string-literals.js';
export { withoutSpans } from './strip.js';
