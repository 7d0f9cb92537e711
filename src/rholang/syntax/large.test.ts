/**
 * Scale: a generated program of more than 10,000 lines parses cleanly with exact positions and
 * round-trips through the printer; long flat compositions and collections do not recurse. No test
 * here measures time.
 */

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Proc } from './ast.js';
import { parse } from './parse.js';
import { print } from './print.js';
import { withoutSpans } from './strip.js';

/** Ten lines per unit; unit `i` starts on line `10 * i + 1`. */
function unit(i: number): string {
  return [
    `contract worker${i}(@job, ret) = {`,
    `  new tmp${i}, stdout(\`rho:io:stdout\`) in {`,
    `    for (@x <- tmp${i}; @y <= job & _ <<- ret) {`,
    `      match [x, y] {`,
    `        [a, b ...rest] => stdout!(a + b * 2 - rest.length(), "done" ++ "${i}")`,
    `        _ => ret!({"k": x, "n": -${i}}; priority = 1)`,
    '      }',
    `    } | if (job > ${i} and not (job == 0)) { tmp${i}!(job % 7) } else { Nil }`,
    '  }',
    '} |',
  ].join('\n');
}

describe('a 10,000-line program', () => {
  const units = 1000;
  const source = `${Array.from({ length: units }, (_, i) => unit(i)).join('\n')}\nNil\n`;

  test('parses without diagnostics, with exact positions to the last line', () => {
    assert.ok(source.split('\n').length > 10_000);
    const { ast, diagnostics } = parse(source, 'big.rho');
    assert.deepEqual(diagnostics, []);
    assert.equal(ast.body.kind, 'Par');
    if (ast.body.kind !== 'Par') return;
    const members = ast.body.procs;
    assert.equal(members.length, units + 1);
    const last = members[units - 1];
    assert.equal(last.kind, 'Contract');
    assert.deepEqual(last.span, {
      line: 10 * (units - 1) + 1,
      column: 1,
      offset: source.indexOf(`contract worker${units - 1}(`),
      end: source.lastIndexOf('} |') + 1,
    });
    // The `-999` deep inside the last contract: line 6 of its unit, just after `"n": `.
    const lineText = `        _ => ret!({"k": x, "n": -${units - 1}}; priority = 1)`;
    const offset = source.lastIndexOf(lineText) + lineText.indexOf(`-${units - 1}`);
    const found = findInt(last, BigInt(-(units - 1)));
    assert.deepEqual(found?.span, {
      line: 10 * (units - 1) + 6,
      column: lineText.indexOf(`-${units - 1}`) + 1,
      offset,
      end: offset + String(-(units - 1)).length,
    });
    assert.equal(members[units].kind, 'Nil');
  });

  test('round-trips through the printer', () => {
    const { ast } = parse(source);
    const again = parse(print(ast));
    assert.deepEqual(again.diagnostics, []);
    assert.deepEqual(withoutSpans(again.ast), withoutSpans(ast));
  });
});

describe('wide inputs stay iterative', () => {
  test('a composition of 20,000 sends is one flat Par', () => {
    const source = Array.from({ length: 20_000 }, (_, i) => `ch!(${i})`).join(' |\n');
    const { ast, diagnostics } = parse(source);
    assert.deepEqual(diagnostics, []);
    assert.equal(ast.body.kind === 'Par' && ast.body.procs.length, 20_000);
  });

  test('a list of 100,000 elements and a 100,000-character string', () => {
    const list = parse(`[${Array.from({ length: 100_000 }, (_, i) => i).join(', ')}]`);
    assert.deepEqual(list.diagnostics, []);
    assert.equal(list.ast.body.kind === 'List' && list.ast.body.elements.length, 100_000);
    const text = 'x'.repeat(100_000);
    const str = parse(`"${text}"`);
    assert.equal(str.ast.body.kind === 'String' && str.ast.body.value, text);
  });
});

/** Depth-first search for an integer literal (the test's own walker: the tree has no visitor). */
function findInt(node: unknown, value: bigint): Proc | undefined {
  if (node === null || typeof node !== 'object') return undefined;
  if (Array.isArray(node)) {
    for (const child of node) {
      const hit = findInt(child, value);
      if (hit !== undefined) return hit;
    }
    return undefined;
  }
  const record = node as Record<string, unknown>;
  if (record.kind === 'Int' && record.value === value) return node as Proc;
  for (const [key, child] of Object.entries(record)) {
    if (key === 'span') continue;
    const hit = findInt(child, value);
    if (hit !== undefined) return hit;
  }
  return undefined;
}
