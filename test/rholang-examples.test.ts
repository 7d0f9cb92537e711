/**
 * Runs every Rholang example, examples/rholang/*.rho and examples/rholang/spaces/*.rho, through the `rho` CLI and
 * compares what it prints with the files beside it:
 *
 * - `NAME.expected`: the exact stdout of `rho run DIR/NAME.rho` (required: an example without one fails);
 * - `NAME.expected-stderr`: the exact stderr when the program writes any (else stderr must be empty);
 * - the exit status: 1 when the expected stderr holds `error: ...` lines (evaluation errors), else 0.
 *
 * Each program must also print the same stdout and exit with the same status under twenty other seeds (space
 * names, result channels and unforgeable names all come from the seed), unless its first line is the directive `// rho-test: seed-dependent` (it prints unforgeable names on
 * purpose); then every other seed must change it. Stderr is compared for the default seed only: an error message
 * may name an unforgeable channel.
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
const cli = fileURLToPath(new URL(compiled ? '../src/cli/rho.js' : '../src/cli/rho.ts', import.meta.url));
const nodeArgs = compiled ? [cli] : ['--import', 'tsx', cli];

/**
 * Twenty seeds besides the default (0), all different modulo 2^64 (the CLI takes seeds modulo 2^64): small ones,
 * negative ones, and seeds at the edges of the 32- and 64-bit ranges.
 */
const TWENTY_SEEDS = [
  ...Array.from({ length: 14 }, (_, i) => String(i + 1)),
  '-1',
  '-9223372036854775809', // 2^63 - 1
  '4294967296', // 2^32
  '9223372036854775808', // 2^63
  '18446744073709551614', // -2
  '6148914691236517205', // 0x5555...
];

/** The example directories and the seeds each is checked with, besides the default (0) that the spawned run uses. */
const DIRS: readonly { readonly dir: string; readonly otherSeeds: readonly string[] }[] = [
  { dir: 'examples/rholang', otherSeeds: TWENTY_SEEDS },
  { dir: 'examples/rholang/spaces', otherSeeds: TWENTY_SEEDS },
];
const DIRECTIVE = /^\/\/\s*rho-test:\s*(.*)$/;
const KNOWN_DIRECTIVES = new Set(['seed-dependent']);

interface Outcome {
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number;
}

/** One example: its directory (relative to the repository root) and its name without `.rho`. */
interface Example {
  readonly dir: string;
  readonly name: string;
  /** `dir/name`, the key of its run. */
  readonly path: string;
  readonly otherSeeds: readonly string[];
}

const listing = new Map(DIRS.map(({ dir }) => [dir, readdirSync(join(repoRoot, dir)).sort()]));
const examples: Example[] = DIRS.flatMap(({ dir, otherSeeds }) =>
  (listing.get(dir) as string[])
    .filter((f) => f.endsWith('.rho'))
    .map((f) => {
      const name = f.slice(0, -'.rho'.length);
      return { dir, name, path: `${dir}/${name}`, otherSeeds };
    }),
);

/** Runs `rho run` in a child process with the repository root as working directory. */
function spawnRun(path: string): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [...nodeArgs, 'run', `${path}.rho`],
      { cwd: repoRoot, encoding: 'utf8', timeout: 30_000 },
      (error, stdout, stderr) => {
        if (error !== null && typeof error.code !== 'number') reject(error);
        else resolve({ stdout, stderr, status: error === null ? 0 : (error.code as number) });
      },
    );
  });
}

/** Starts every example's run at once, at most `limit` processes at a time; each test awaits its own. */
function startAll(paths: readonly string[], limit: number): Map<string, Promise<Outcome>> {
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
  for (const path of paths) {
    const run = slot().then(() => spawnRun(path).finally(release));
    run.catch(() => {}); // reported by the test that awaits it
    runs.set(path, run);
  }
  return runs;
}

/** Runs `rho run FILE --seed SEED` in this process, as the CLI does. */
function runWithSeed(path: string, seed: string): Outcome {
  let stdout = '';
  let stderr = '';
  const status = runRhoCli(['run', join(repoRoot, `${path}.rho`), '--seed', seed], {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { stdout, stderr, status };
}

/** The text of `file` (a path relative to the repository root), or undefined if there is none. */
function readIfExists(file: string): string | undefined {
  const path = join(repoRoot, file);
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/** The `// rho-test: ...` options on the first line of an example. */
function directives(path: string): Set<string> {
  const firstLine = (readIfExists(`${path}.rho`) ?? '').split('\n', 1)[0];
  const m = DIRECTIVE.exec(firstLine.trim());
  const given = m === null ? [] : m[1].split(',').map((s) => s.trim());
  for (const d of given) assert.ok(KNOWN_DIRECTIVES.has(d), `${path}.rho: unknown directive 'rho-test: ${d}'`);
  return new Set(given);
}

const runs = startAll(
  examples.map((e) => e.path),
  Math.max(2, Math.min(4, availableParallelism())),
);

for (const { dir } of DIRS) {
  test(`${dir} holds examples, and every expected-output file belongs to one`, () => {
    const names = examples.filter((e) => e.dir === dir).map((e) => e.name);
    assert.ok(names.length > 0, `no .rho files in ${dir}`);
    for (const f of listing.get(dir) as string[]) {
      const m = /^(.*)\.(expected|expected-stderr)$/.exec(f);
      if (m !== null) assert.ok(names.includes(m[1]), `${dir}/${f} has no ${m[1]}.rho beside it`);
    }
  });
}

test('every directory of examples/rholang that holds .rho files is one this test runs', () => {
  const checked = new Set(DIRS.map((d) => d.dir));
  const visit = (dir: string): void => {
    for (const entry of readdirSync(join(repoRoot, dir), { withFileTypes: true })) {
      const sub = `${dir}/${entry.name}`;
      if (!entry.isDirectory()) continue;
      const hasRho = readdirSync(join(repoRoot, sub)).some((f) => f.endsWith('.rho'));
      assert.ok(!hasRho || checked.has(sub), `${sub} holds .rho files but is not in this test's DIRS`);
      visit(sub);
    }
  };
  visit('examples/rholang');
});

for (const { name, path, otherSeeds } of examples) {
  test(`rho run ${path}.rho prints exactly ${name}.expected`, async () => {
    const expected = readIfExists(`${path}.expected`);
    assert.ok(expected !== undefined, `${path}.rho has no ${name}.expected (its exact stdout)`);
    const expectedStderr = readIfExists(`${path}.expected-stderr`) ?? '';
    const expectedStatus = /^error: /m.test(expectedStderr) ? 1 : 0;
    const { stdout, stderr, status } = await runs.get(path)!;
    assert.equal(stdout, expected, `stdout of ${path}.rho`);
    assert.equal(stderr, expectedStderr, `stderr of ${path}.rho`);
    assert.equal(status, expectedStatus, `exit status of ${path}.rho`);
  });

  const seeds = `${otherSeeds.length} other seed${otherSeeds.length === 1 ? '' : 's'}`;
  test(`${path}.rho prints the same with ${seeds}, or differs when it says it is seed-dependent`, async () => {
    const seedDependent = directives(path).has('seed-dependent');
    const base = await runs.get(path)!;
    for (const seed of otherSeeds) {
      const other = runWithSeed(path, seed);
      assert.equal(other.status, base.status, `exit status of ${path}.rho with --seed ${seed}`);
      if (seedDependent) {
        assert.notEqual(
          other.stdout,
          base.stdout,
          `${path}.rho is marked seed-dependent but --seed ${seed} changes nothing`,
        );
      } else {
        assert.equal(other.stdout, base.stdout, `stdout of ${path}.rho with --seed ${seed} (default seed 0)`);
      }
    }
  });
}
