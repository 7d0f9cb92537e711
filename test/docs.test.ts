/**
 * The documentation's code blocks are tests: every ```ts block in README.md and docs/*.md runs
 * as an ES module (they are written as plain JavaScript that is also valid TypeScript) and must
 * finish without throwing. They import the package by name, which resolves to the build.
 */

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

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
