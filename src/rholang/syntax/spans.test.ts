import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { programArb } from './arbitrary.js';
import type { Span } from './ast.js';
import { parse } from './parse.js';
import { print } from './print.js';

/** Every `[span, parentSpan]` pair below `node`. */
function spans(node: unknown, parent: Span | null, out: [Span, Span | null][]): [Span, Span | null][] {
  if (node === null || typeof node !== 'object') return out;
  if (Array.isArray(node)) {
    for (const child of node) spans(child, parent, out);
    return out;
  }
  const record = node as Record<string, unknown>;
  const span = record.span as Span | undefined;
  if (span !== undefined) out.push([span, parent]);
  for (const [key, child] of Object.entries(record)) if (key !== 'span') spans(child, span ?? parent, out);
  return out;
}

function lineAndColumn(source: string, offset: number): [number, number] {
  const before = source.slice(0, offset);
  const line = before.split('\n').length;
  return [line, offset - (before.lastIndexOf('\n') + 1) + 1];
}

describe('spans', () => {
  test('cover the whole construct, operators from their left operand (parentheses included)', () => {
    const source = 'x!(1) |\n  (a + b) * c.f() |\n  "s"';
    const { ast } = parse(source);
    assert.equal(ast.body.kind, 'Par');
    if (ast.body.kind !== 'Par') return;
    const [send, product, str] = ast.body.procs;
    assert.deepEqual(send.span, { line: 1, column: 1, offset: 0, end: 5 });
    assert.deepEqual(product.span, { line: 2, column: 3, offset: 10, end: 25 });
    assert.deepEqual(str.span, { line: 3, column: 3, offset: 30, end: 33 });
    assert.deepEqual(ast.body.span, { line: 1, column: 1, offset: 0, end: 33 });
    assert.deepEqual(ast.span, { line: 1, column: 1, offset: 0, end: 33 });
  });

  test('line and column agree with the offset, and every node lies within its parent', () => {
    fc.assert(
      fc.property(programArb(4), (program) => {
        const source = print(program);
        const { ast, diagnostics } = parse(source);
        assert.deepEqual(diagnostics, []);
        for (const [span, parent] of spans(ast, null, [])) {
          assert.deepEqual([span.line, span.column], lineAndColumn(source, span.offset));
          assert.ok(span.offset <= span.end && span.end <= source.length);
          if (parent !== null) assert.ok(parent.offset <= span.offset && span.end <= parent.end, source);
        }
      }),
      { numRuns: 300 },
    );
  });
});
