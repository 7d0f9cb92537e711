/**
 * The documentation's code blocks are tests: every ```ts block in README.md and docs/*.md runs
 * as an ES module (they are written as plain JavaScript that is also valid TypeScript) and must
 * finish without throwing. They import the package by name, which resolves to the build.
 *
 * Every ```rholang block followed directly by a ```text block is run too, and must print that
 * text: its stdout and stderr lines, then an `error: <message>` line per evaluation error (what
 * `rho run` shows). In the expected text `…` stands for any characters, so pages may shorten
 * unforgeable names; a text block that starts with `$` is a shell transcript and is not compared.
 */

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runSource } from '../src/rholang/eval/run.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const scratch = join(root, 'dist', 'doc-snippets');
const pages = ['README.md', ...readdirSync(join(root, 'docs')).map((f) => join('docs', f))].filter((f) =>
  f.endsWith('.md'),
);

for (const page of pages) {
  const text = readFileSync(join(root, page), 'utf8');
  const blocks = [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
  if (blocks.length === 0) continue;
  describe(page, () => {
    blocks.forEach((code, i) => {
      const line = text.slice(0, text.indexOf(code)).split('\n').length;
      test(`snippet at line ${line} runs`, () => {
        mkdirSync(scratch, { recursive: true });
        const file = join(scratch, `${page.replace(/[/\\.]/g, '_')}_${i}.mjs`);
        writeFileSync(file, code);
        const run = spawnSync(process.execPath, [file], { encoding: 'utf8', cwd: root });
        assert.equal(run.status, 0, `${page}:${line} failed:\n${run.stderr}`);
      });
    });
  });
}

/** Whether an expected line (where `…` stands for any characters) matches an actual one. */
function sameLine(expected: string, actual: string): boolean {
  if (!expected.includes('…')) return expected === actual;
  const parts = expected.split('…').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.*')}$`).test(actual);
}

for (const page of pages) {
  const text = readFileSync(join(root, page), 'utf8');
  const examples = [...text.matchAll(/```rholang\n([\s\S]*?)```\n\n```text\n([\s\S]*?)```/g)].filter(
    (m) => !m[2].startsWith('$'),
  );
  if (examples.length === 0) continue;
  describe(`${page} (Rholang examples)`, () => {
    for (const m of examples) {
      const [, code, output] = m;
      const line = text.slice(0, m.index).split('\n').length;
      test(`the program at line ${line} prints what the page shows`, () => {
        const r = runSource(code, { fileName: `${page}:${line}` });
        const actual = [...r.stdout, ...r.stderr, ...r.errors.map((e) => `error: ${e.message}`)];
        const expected = output.replace(/\n$/, '').split('\n');
        assert.equal(actual.length, expected.length, `${page}:${line}: printed\n${actual.join('\n')}`);
        for (let i = 0; i < expected.length; i++) {
          const at = `${page}:${line}: line ${i + 1}\n  page: ${expected[i]}\n  run:  ${actual[i]}`;
          assert.ok(sameLine(expected[i], actual[i]), at);
        }
      });
    }
  });
}
