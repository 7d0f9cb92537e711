/**
 * `rspace-history`: a developer tool that inspects an LMDB history directory (roots, the state at a
 * root, verification, differences between roots). {@link runHistoryCli} runs one command line
 * in-process and returns the exit code, so the `rspace-history` entry, a future `rho history`
 * subcommand and the tests all share it.
 *
 * Exit codes: 0 success; 1 a damaged history (verification failed, or a node or leaf could not be
 * read); 2 a usage error (bad command line, missing directory, unknown root). Errors are one line
 * on stderr, never a stack trace.
 */

import fs from 'node:fs';
import { HistoryError } from '../history/errors.js';
import { initHashing } from '../history/hash.js';
import { History } from '../history/history.js';
import { LmdbHistoryStore } from '../history/lmdb-store.js';
import { SpaceError } from '../spaces/errors.js';
import { type CommandArgs, parseCliArgs, UsageError, usage } from './args.js';
import type { CliIo, CommandContext } from './context.js';
import { diffCommand } from './diff-command.js';
import { rootsCommand } from './roots-command.js';
import { showCommand } from './show-command.js';
import { verifyCommand } from './verify-command.js';

export type { CliIo } from './context.js';

export interface HistoryCliOptions {
  /** The name to show in usage and error messages (default `rspace-history`). */
  readonly prog?: string;
}

/** Runs one command line (`argv` without the node and script paths) and returns its exit code. */
export async function runHistoryCli(
  argv: readonly string[],
  io: CliIo,
  options: HistoryCliOptions = {},
): Promise<number> {
  const prog = options.prog ?? 'rspace-history';
  try {
    const args = parseCliArgs(argv);
    if (args.command === 'help') {
      io.stdout.write(usage(prog));
      return 0;
    }
    await initHashing();
    const store = openReadOnly(args.dir);
    try {
      const ctx: CommandContext = {
        io,
        prog,
        dir: args.dir,
        history: new History(store),
        roots: store.listRoots(),
        json: args.json,
      };
      return run(ctx, args);
    } finally {
      await store.close();
    }
  } catch (error) {
    return report(error, io, prog);
  }
}

function run(ctx: CommandContext, args: CommandArgs): number {
  switch (args.command) {
    case 'roots':
      return rootsCommand(ctx);
    case 'show':
      return showCommand(ctx, args);
    case 'verify':
      return verifyCommand(ctx, args);
    case 'diff':
      return diffCommand(ctx, args);
  }
}

/**
 * Opens the history in `dir` without ever changing it. A missing directory, or one that holds no
 * history, is a usage error naming it.
 */
function openReadOnly(dir: string): LmdbHistoryStore {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dir);
  } catch {
    throw new UsageError(`no such directory: '${dir}'`);
  }
  if (!stat.isDirectory()) throw new UsageError(`not a directory: '${dir}'`);
  try {
    return LmdbHistoryStore.open(dir, { readOnly: true });
  } catch (error) {
    if (error instanceof HistoryError && (error.code === 'NotAHistory' || error.code === 'InvalidInput')) {
      throw new UsageError(`'${dir}' is not a history directory: ${error.message}`);
    }
    throw error;
  }
}

/** One line on stderr for any failure; the exit code says which kind it was. */
function report(error: unknown, io: CliIo, prog: string): number {
  if (error instanceof UsageError) {
    io.stderr.write(`${prog}: ${error.message}\nRun '${prog} --help' for usage.\n`);
    return 2;
  }
  // HistoryError (MissingNode, CorruptedNode...) while reading, or another typed refusal: its code is the news.
  if (error instanceof HistoryError || error instanceof SpaceError) {
    io.stderr.write(`${prog}: ${error.code}: ${error.message}\n`);
    return 1;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`${prog}: ${message}\n`);
  return 1;
}
