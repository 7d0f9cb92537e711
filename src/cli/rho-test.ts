/**
 * `rho test`: runs Rholang programs and checks what they print against the files beside them,
 * the way this repository checks its own examples:
 *
 * - `NAME.expected`: the exact stdout of `rho run NAME.rho` (a program without one is skipped);
 * - `NAME.expected-stderr`: the exact stderr (absent: stderr must be empty);
 * - the exit status: 2 when the expected stderr has `error[...]` lines (syntax or scope errors),
 *   else 1 when it has `error: ...` lines (evaluation errors), else 0;
 * - with `--seeds N`, seeds 1..N too: the same stdout and status as seed 0, unless the program's
 *   first line is `// rho-test: seed-dependent` (it prints unforgeable names on purpose), in which
 *   case every other seed must change its stdout.
 *
 * `--update` writes what each program prints into those files instead (snapshot style). One line
 * per program on stdout (`ok`, `FAIL` with what differs, `skip`, `updated`), then a summary.
 * Exit 0 when nothing failed, 1 otherwise; paths that do not exist are usage errors (2).
 */

import fs from 'node:fs';
import path from 'node:path';
import type { TextSink } from './progress.js';
import type { TestArgs } from './rho-args.js';
import { UsageError } from './usage-error.js';

/** What one `rho run` printed, and its exit status. */
export interface ProgramOutcome {
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number;
}

/** Runs one program as `rho run FILE --seed SEED [--phlo-limit N]` does. */
export type RunProgram = (file: string, seed: bigint, phloLimit: number | undefined) => ProgramOutcome;

export interface TestIo {
  readonly stdout: TextSink;
  /** Milliseconds since some fixed time, for the per-program times (default `performance.now`). */
  readonly now?: () => number;
}

const DIRECTIVE = /^\/\/\s*rho-test:\s*(.*)$/;
const KNOWN_DIRECTIVES: ReadonlySet<string> = new Set(['seed-dependent']);
/** Longest line quoted in a report of a difference. */
const QUOTE_LIMIT = 160;

/** Runs `rho test` and returns its exit code. Throws {@link UsageError} before running anything. */
export function runRhoTests(args: TestArgs, io: TestIo, runProgram: RunProgram): number {
  const now = io.now ?? (() => performance.now());
  const files = args.paths.flatMap(programsUnder);
  if (files.length === 0) throw new UsageError(`no .rho files under ${args.paths.map(quote).join(', ')}`);
  const count = { passed: 0, failed: 0, skipped: 0, updated: 0 };
  for (const file of files) {
    const base = file.slice(0, -'.rho'.length);
    const expected = readIfExists(`${base}.expected`);
    if (expected === undefined && !args.update) {
      // Not run at all: a program nobody wrote expectations for may well never stop.
      io.stdout.write(`skip ${file}: no ${path.basename(base)}.expected beside it\n`);
      count.skipped++;
      continue;
    }
    const started = now();
    const outcome = runProgram(file, 0n, args.phloLimit);
    if (expected === undefined || args.update) {
      writeExpected(base, outcome);
      io.stdout.write(`updated ${file}\n`);
      count.updated++;
      continue;
    }
    const problems = differences(outcome, expected, readIfExists(`${base}.expected-stderr`) ?? '');
    if (args.seeds > 0) problems.push(...seedProblems(file, outcome, args, runProgram));
    const ms = (now() - started).toFixed(1);
    if (problems.length === 0) {
      io.stdout.write(`ok   ${file} (${ms} ms)\n`);
      count.passed++;
    } else {
      io.stdout.write(`FAIL ${file} (${ms} ms)\n${problems.map((p) => `  ${p}\n`).join('')}`);
      count.failed++;
    }
  }
  io.stdout.write(
    args.update
      ? `${count.updated} updated\n`
      : `${count.passed} passed, ${count.failed} failed, ${count.skipped} skipped\n`,
  );
  return count.failed > 0 ? 1 : 0;
}

/** The `.rho` files a path names: itself, or every one below it (sorted; no dot-directories, no node_modules). */
function programsUnder(given: string): string[] {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(given);
  } catch {
    throw new UsageError(`cannot read ${quote(given)}: no such file or directory`);
  }
  if (!stat.isDirectory()) {
    if (!given.endsWith('.rho')) throw new UsageError(`${quote(given)} is not a .rho file`);
    return [given];
  }
  const found: string[] = [];
  const visit = (dir: string): void => {
    const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && entry.name !== 'node_modules') visit(full);
      } else if (entry.name.endsWith('.rho')) {
        found.push(full);
      }
    }
  };
  visit(given);
  return found;
}

/** What differs between a run and its expected outputs, one line each (quoting the first differing line). */
function differences(outcome: ProgramOutcome, expected: string, expectedStderr: string): string[] {
  const problems: string[] = [];
  const stdout = firstDifference(expected, outcome.stdout);
  if (stdout !== null) problems.push(`stdout ${stdout}`);
  const stderr = firstDifference(expectedStderr, outcome.stderr);
  if (stderr !== null) problems.push(`stderr ${stderr}`);
  const status = expectedStatus(expectedStderr);
  if (outcome.status !== status) problems.push(`exit status ${outcome.status}, expected ${status}`);
  return problems;
}

/** The exit status `rho run` has when it prints `stderr`: see the header. */
export function expectedStatus(stderr: string): number {
  if (/^error\[/m.test(stderr)) return 2;
  return /^error: /m.test(stderr) ? 1 : 0;
}

/** Where `actual` first departs from `expected`, as a line of the report; null when they are equal. */
function firstDifference(expected: string, actual: string): string | null {
  if (expected === actual) return null;
  const want = linesOf(expected);
  const got = linesOf(actual);
  let i = 0;
  while (i < want.length && i < got.length && want[i] === got[i]) i++;
  if (i === want.length && i === got.length) {
    return `differs only in its last newline (${actual.endsWith('\n') ? 'has one' : 'has none'}, expected ${expected.endsWith('\n') ? 'one' : 'none'})`;
  }
  const show = (lines: string[]) => (i < lines.length ? JSON.stringify(clip(lines[i])) : '(end of output)');
  return `line ${i + 1}: ${show(got)}, expected ${show(want)}`;
}

/** The lines of an output, the newline that ends the last one not counting as another line. */
function linesOf(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

function clip(line: string): string {
  return line.length <= QUOTE_LIMIT ? line : `${line.slice(0, QUOTE_LIMIT)}…`;
}

/** Runs seeds 1..N and reports where they break the rule of the program's directives. */
function seedProblems(file: string, base: ProgramOutcome, args: TestArgs, runProgram: RunProgram): string[] {
  const directives = directivesOf(file);
  const unknown = [...directives].filter((d) => !KNOWN_DIRECTIVES.has(d));
  if (unknown.length > 0) return [`unknown directive 'rho-test: ${unknown[0]}' (known: seed-dependent)`];
  const seedDependent = directives.has('seed-dependent');
  for (let seed = 1; seed <= args.seeds; seed++) {
    const other = runProgram(file, BigInt(seed), args.phloLimit);
    if (other.status !== base.status)
      return [`--seed ${seed}: exit status ${other.status}, with seed 0 ${base.status}`];
    if (seedDependent && other.stdout === base.stdout) {
      return [`--seed ${seed} prints what seed 0 prints, but the program says it is seed-dependent`];
    }
    if (!seedDependent && other.stdout !== base.stdout) {
      return [`--seed ${seed}: stdout ${firstDifference(base.stdout, other.stdout)} (as seed 0 prints it)`];
    }
  }
  return [];
}

/** The `// rho-test: a, b` directives on a program's first line. */
function directivesOf(file: string): Set<string> {
  const firstLine = fs
    .readFileSync(file, 'utf8')
    .replace(/^\uFEFF/, '')
    .split('\n', 1)[0];
  const m = DIRECTIVE.exec(firstLine.trim());
  return new Set(m === null ? [] : m[1].split(',').map((s) => s.trim()));
}

/** `--update`: the run's stdout to NAME.expected; its stderr to NAME.expected-stderr, or that file removed. */
function writeExpected(base: string, outcome: ProgramOutcome): void {
  try {
    fs.writeFileSync(`${base}.expected`, outcome.stdout);
    if (outcome.stderr !== '') fs.writeFileSync(`${base}.expected-stderr`, outcome.stderr);
    else fs.rmSync(`${base}.expected-stderr`, { force: true });
  } catch (error) {
    throw new UsageError(`cannot write the expected output of ${quote(`${base}.rho`)}: ${(error as Error).message}`);
  }
}

function readIfExists(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function quote(text: string): string {
  return `'${text}'`;
}
