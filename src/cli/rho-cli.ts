/**
 * `rho`: runs, checks and tests Rholang programs (`rho test`: rho-test.ts). {@link runRhoCli} runs
 * one command line in-process and returns the exit code, so the `rho` entry and the tests share
 * it; `repl` and `history`, which are asynchronous, are started by the entry (rho.ts).
 *
 * `rho run FILE` writes exactly one line on stdout per value the program prints on
 * `rho:io:stdout`/`stdoutAck`, and nothing else. On stderr go the lines printed on
 * `rho:io:stderr`/`stderrAck`, the COMMs with `--trace` (as they happen), one `error: <message>`
 * line per evaluation error (after the run), with `--pending` what is left in each space
 * (pending.ts), and with `--stats` three closing lines, then one per space the program made with
 * a `rho:space:` factory (each has its own phlogiston meter):
 *
 *     comms: 12
 *     phlogiston: 3141 (limit: unlimited)
 *     time: 1.7 ms
 *     space rho:space:QueueSpace Unforgeable(0x91cb…): phlogiston 780 (limit: 10000000)
 *
 * Exit codes: 0 success; 1 evaluation errors (running out of phlogiston is one); 2 syntax or
 * scope errors (rendered with caret excerpts, every syntax error of the file) and usage errors
 * (one `error: ...` line naming the bad value, then a hint).
 */

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NormalizeError } from '../rholang/compile/errors.js';
import { normalizeSource } from '../rholang/compile/normalize.js';
import { pendingLines } from '../rholang/eval/pending.js';
import { RhoRuntime } from '../rholang/eval/runtime.js';
import { ParseError, renderDiagnostics } from '../rholang/syntax/errors.js';
import { LineOutput } from './line-output.js';
import type { TextSink } from './progress.js';
import { parseRhoArgs, type RunArgs, rhoUsage } from './rho-args.js';
import { type ProgramOutcome, runRhoTests } from './rho-test.js';
import { UsageError } from './usage-error.js';

/** The CLI's connection to the outside world; tests pass string buffers. */
export interface RhoIo {
  readonly stdout: TextSink;
  readonly stderr: TextSink;
  /** Milliseconds since some fixed time, for `--stats` and output batching (default `performance.now`). */
  readonly now?: () => number;
}

export interface RhoCliOptions {
  /** The name to show in usage and hints (default `rho`). */
  readonly prog?: string;
}

/** Runs one command line (`argv` without the node and script paths) and returns its exit code. */
export function runRhoCli(argv: readonly string[], io: RhoIo, options: RhoCliOptions = {}): number {
  const prog = options.prog ?? 'rho';
  let args: ReturnType<typeof parseRhoArgs>;
  let source: string;
  try {
    args = parseRhoArgs(argv);
    if (args.command === 'help') {
      io.stdout.write(rhoUsage(prog));
      return 0;
    }
    if (args.command === 'version') {
      io.stdout.write(`${packageVersion()}\n`);
      return 0;
    }
    if (args.command === 'repl') {
      // The session reads its input asynchronously: the `rho` entry runs it (rho-repl.ts).
      throw new UsageError('repl is interactive: start it as `rho repl`');
    }
    if (args.command === 'history') {
      // Opening and closing the store are asynchronous: the `rho` entry runs it (history-cli.ts).
      throw new UsageError('history runs asynchronously: start it as `rho history`, or call runHistoryCli');
    }
    if (args.command === 'test') return runRhoTests(args, io, runCaptured);
    source = readSource(args.file);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`error: ${error.message}\nRun '${prog} --help' for usage.\n`);
    return 2;
  }
  if (args.command === 'check') {
    try {
      normalizeSource(source, args.file);
      return 0;
    } catch (error) {
      return reportStatic(error, io, source);
    }
  }
  return run(args, source, io);
}

/** `rho run FILE --seed SEED` with its output collected, for `rho test`. */
function runCaptured(file: string, seed: bigint, phloLimit: number | undefined): ProgramOutcome {
  let stdout = '';
  let stderr = '';
  const io: RhoIo = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  };
  let status: number;
  try {
    const args: RunArgs = { command: 'run', file, seed, phloLimit, trace: false, stats: false, pending: false };
    status = run(args, readSource(file), io);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    stderr += `error: ${error.message}\n`;
    status = 2;
  }
  return { stdout, stderr, status };
}

function run(args: RunArgs, source: string, io: RhoIo): number {
  const now = io.now ?? (() => performance.now());
  const out = new LineOutput({ now });
  const started = now();
  try {
    const runtime = new RhoRuntime({
      seed: args.seed,
      phloLimit: args.phloLimit,
      fileName: args.file,
      stdout: (line) => out.line(io.stdout, line),
      stderr: (line) => out.line(io.stderr, line),
      trace: args.trace ? (line) => out.line(io.stderr, line) : undefined,
    });
    const result = runtime.evaluate(source);
    const elapsed = now() - started;
    for (const error of result.errors) out.line(io.stderr, `error: ${error.message}`);
    if (args.pending) for (const line of pendingLines(runtime.pending())) out.line(io.stderr, line);
    if (args.stats) {
      const { used, limit } = result.phlogiston;
      out.line(io.stderr, `comms: ${result.comms}`);
      out.line(io.stderr, `phlogiston: ${used} (limit: ${limit === Number.POSITIVE_INFINITY ? 'unlimited' : limit})`);
      out.line(io.stderr, `time: ${elapsed.toFixed(1)} ms`);
      for (const space of result.spaces) {
        const p = space.phlogiston;
        out.line(io.stderr, `space ${space.urn} ${space.name}: phlogiston ${p.used} (limit: ${p.limit})`);
      }
    }
    out.flush();
    return result.errors.length > 0 ? 1 : 0;
  } catch (error) {
    out.flush();
    return reportStatic(error, io, source);
  }
}

/**
 * Syntax and scope errors (exit 2) with their caret excerpts, each block starting with `error`;
 * anything else is a fault of the runtime, reported on one line (exit 1).
 */
function reportStatic(error: unknown, io: RhoIo, source: string): number {
  if (error instanceof ParseError) {
    io.stderr.write(`${renderDiagnostics(error.diagnostics, source)}\n`);
    return 2;
  }
  if (error instanceof NormalizeError) {
    // Rendered with the caret excerpt: normalize was given the source.
    io.stderr.write(`${error.message}\n`);
    return 2;
  }
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  io.stderr.write(`error: internal error: ${message}\n`);
  return 1;
}

/** The text of `file`, without a leading byte-order mark. A file that cannot be read is a usage error. */
function readSource(file: string): string {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : (error as Error).message;
    throw new UsageError(`cannot read '${file}': ${why}`);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The version in the package.json nearest above this module (in `dist/` or, run from source, in `src/`). */
function packageVersion(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'package.json');
    if (fs.existsSync(candidate)) {
      const version = (JSON.parse(fs.readFileSync(candidate, 'utf8')) as { version?: unknown }).version;
      return typeof version === 'string' ? version : 'unknown';
    }
    const parent = path.dirname(dir);
    if (parent === dir) return 'unknown';
    dir = parent;
  }
}
