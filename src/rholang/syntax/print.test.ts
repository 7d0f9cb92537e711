import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { exprArb, programArb } from './arbitrary.js';
import { renderDiagnostics } from './errors.js';
import { parse } from './parse.js';
import { print } from './print.js';
import { withoutSpans } from './strip.js';

const roundTrips = (ast: Parameters<typeof print>[0]): void => {
  const text = print(ast);
  const { ast: back, diagnostics } = parse(text);
  assert.equal(diagnostics.length, 0, `${renderDiagnostics(diagnostics, text)}\n--- source:\n${text}`);
  assert.deepEqual(withoutSpans(back.body), withoutSpans(ast.kind === 'Program' ? ast.body : ast), text);
};

describe('print', () => {
  test('parse(print(ast)) equals ast, ignoring spans, for random programs', () => {
    fc.assert(fc.property(programArb(4), roundTrips), { numRuns: 1500 });
  });

  test('parse(print(ast)) equals ast for deep random expressions', () => {
    fc.assert(fc.property(exprArb(7), roundTrips), { numRuns: 1500 });
  });
});
