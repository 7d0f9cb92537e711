/**
 * Runs every Rholang example, examples/rholang/*.rho, through the `rho` CLI and compares what it prints with the
 * files beside it:
 *
 * - `NAME.expected`: the exact stdout of `rho run examples/rholang/NAME.rho` (required: an example without one fails);
 * - `NAME.expected-stderr`: the exact stderr when the program writes any (else stderr must be empty);
 * - the exit status: 1 when the expected stderr holds `error: ...` lines (evaluation errors), else 0.
 *
 * Each program must also print the same stdout under other seeds, unless its first line is the directive
 * `// rho-test: seed-dependent` (it prints unforgeable names on purpose); then another seed must change it.
 *
 * Under `npm test` this file runs compiled (dist/test/) and spawns dist/src/cli/rho.js; run from source (tsx) it
 * spawns src/cli/rho.ts through tsx. The seed runs call the CLI in-process (`runRhoCli`), which keeps the test fast.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runRhoCli } from '../src/cli/rho-cli.js';

const compiled = import.meta.url.endsWith('.js');
// dist/test/ (or any other build directory's test/) → the source tree is two levels up; test/ → one.
const repoRoot = fileURLToPath(new URL(compiled ? '../../' : '../', import.meta.url));
const examplesDir = 'examples/rholang';
const cli = fileURLToPath(new URL(compiled ? '../src/cli/rho.js' : '../src/cli/rho.ts', import.meta.url));
const nodeArgs = compiled ? [cli] : ['--import', 'tsx', cli];

/** Seeds for the determinism check, besides the default (0) that the spawned run uses. */
const OTHER_SEEDS = ['1', '-9223372036854775809'];
const DIRECTIVE = /^\/\/\s*rho-test:\s*(.*)$/;
const KNOWN_DIRECTIVES = new Set(['seed-dependent']);

interface Outcome {
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number;
}

const files = readdirSync(join(repoRoot, examplesDir)).sort();
const examples = files.filter((f) => f.endsWith('.rho')).map((f) => f.slice(0, -'.rho'.length));

/** Runs `rho run` in a child process with the repository root as working directory. */
function spawnRun(name: string): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [...nodeArgs, 'run', `${examplesDir}/${name}.rho`],
      { cwd: repoRoot, encoding: 'utf8', timeout: 30_000 },
      (error, stdout, stderr) => {
        if (error !== null && typeof error.code !== 'number') reject(error);
        else resolve({ stdout, stderr, status: error === null ? 0 : (error.code as number) });
      },
    );
  });
}

/** Starts every example's run at once, at most `limit` processes at a time; each test awaits its own. */
function startAll(names: readonly string[], limit: number): Map<string, Promise<Outcome>> {
  const runs = new Map<string, Promise<Outcome>>();
  let running = 0;
  const waiting: (() => void)[] = [];
  const slot = async (): Promise<void> => {
    if (running < limit) {
      running++;
      return;
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  };
  const release = () => {
    const next = waiting.shift();
    if (next !== undefined) next();
    else running--;
  };
  for (const name of names) {
    const run = slot().then(() => spawnRun(name).finally(release));
    run.catch(() => {}); // reported by the test that awaits it
    runs.set(name, run);
  }
  return runs;
}

/** Runs `rho run FILE --seed SEED` in this process, as the CLI does. */
function runWithSeed(name: string, seed: string): Outcome {
  let stdout = '';
  let stderr = '';
  const status = runRhoCli(['run', join(repoRoot, examplesDir, `${name}.rho`), '--seed', seed], {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { stdout, stderr, status };
}

function readIfExists(file: string): string | undefined {
  const path = join(repoRoot, examplesDir, file);
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/** The `// rho-test: ...` options on the first line of an example. */
function directives(name: string): Set<string> {
  const firstLine = (readIfExists(`${name}.rho`) ?? '').split('\n', 1)[0];
  const m = DIRECTIVE.exec(firstLine.trim());
  const given = m === null ? [] : m[1].split(',').map((s) => s.trim());
  for (const d of given) assert.ok(KNOWN_DIRECTIVES.has(d), `${name}.rho: unknown directive 'rho-test: ${d}'`);
  return new Set(given);
}

const runs = startAll(examples, Math.max(2, Math.min(4, availableParallelism())));

test('examples/rholang holds examples, and every expected-output file belongs to one', () => {
  assert.ok(examples.length > 0, `no .rho files in ${examplesDir}`);
  for (const f of files) {
    const m = /^(.*)\.(expected|expected-stderr)$/.exec(f);
    if (m !== null) assert.ok(examples.includes(m[1]), `${f} has no ${m[1]}.rho beside it`);
  }
});

for (const name of examples) {
  test(`rho run ${examplesDir}/${name}.rho prints exactly ${name}.expected`, async () => {
    const expected = readIfExists(`${name}.expected`);
    assert.ok(expected !== undefined, `${name}.rho has no ${name}.expected (its exact stdout)`);
    const expectedStderr = readIfExists(`${name}.expected-stderr`) ?? '';
    const expectedStatus = /^error: /m.test(expectedStderr) ? 1 : 0;
    const { stdout, stderr, status } = await runs.get(name)!;
    assert.equal(stdout, expected, `stdout of ${name}.rho`);
    assert.equal(stderr, expectedStderr, `stderr of ${name}.rho`);
    assert.equal(status, expectedStatus, `exit status of ${name}.rho`);
  });

  test(`${name}.rho prints the same with other seeds, or differs when it says it is seed-dependent`, async () => {
    const seedDependent = directives(name).has('seed-dependent');
    const base = await runs.get(name)!;
    for (const seed of OTHER_SEEDS) {
      const other = runWithSeed(name, seed);
      assert.equal(other.status, base.status, `exit status of ${name}.rho with --seed ${seed}`);
      if (seedDependent) {
        assert.notEqual(
          other.stdout,
          base.stdout,
          `${name}.rho is marked seed-dependent but --seed ${seed} changes nothing`,
        );
      } else {
        assert.equal(other.stdout, base.stdout, `stdout of ${name}.rho with --seed ${seed} (default seed 0)`);
      }
    }
  });
}
