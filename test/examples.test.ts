/**
 * Runs each example as its own process and compares its stdout with the `.expected` file beside its source.
 * Under `npm test` this file runs compiled, as dist/test/examples.test.js, next to dist/examples/*.js; run
 * from source (tsx) it runs the .ts examples through tsx instead, so both ways check the same thing.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const compiled = import.meta.url.endsWith('.js');
// dist/test/ → the source tree is two levels up; test/ → one.
const repoRoot = new URL(compiled ? '../../' : '../', import.meta.url);

for (const name of ['worker-pool', 'semantic-routing', 'durable-jobs']) {
  test(`example ${name} prints exactly ${name}.expected`, () => {
    const script = compiled
      ? new URL(`../examples/${name}.js`, import.meta.url)
      : new URL(`examples/${name}.ts`, repoRoot);
    const args = compiled ? [fileURLToPath(script)] : ['--import', 'tsx', fileURLToPath(script)];
    const stdout = execFileSync(process.execPath, args, { encoding: 'utf8', timeout: 30_000 });
    const expected = readFileSync(new URL(`examples/${name}.expected`, repoRoot), 'utf8');
    assert.equal(stdout, expected);
  });
}
