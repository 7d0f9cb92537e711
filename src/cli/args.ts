/**
 * Command-line grammar of `rspace-history`: the commands, their positional arguments and the
 * options each accepts. Everything wrong with the command line becomes a {@link UsageError}
 * naming the offending value, which the CLI reports with exit code 2.
 */

import { parseArgs } from 'node:util';
import { fromHex } from '../history/hash.js';
import { UsageError } from './usage-error.js';

export { UsageError };

export type CommandName = 'roots' | 'show' | 'verify' | 'diff';
type OptionName = 'json' | 'sample' | 'all';

interface CommandSpec {
  /** Names of the positional arguments after the directory; a trailing `?` marks an optional one. */
  readonly args: readonly string[];
  readonly options: readonly OptionName[];
}

const COMMANDS: Readonly<Record<CommandName, CommandSpec>> = {
  roots: { args: [], options: ['json'] },
  show: { args: ['root?'], options: ['json', 'sample'] },
  verify: { args: ['root?'], options: ['json', 'all'] },
  diff: { args: ['rootA', 'rootB'], options: ['json'] },
};

export const DEFAULT_SAMPLE = 10;

/** A command line that names a command to run. */
export interface CommandArgs {
  readonly command: CommandName;
  readonly dir: string;
  /** The positional arguments after the directory, as given (roots are checked against the store later). */
  readonly roots: readonly string[];
  readonly json: boolean;
  readonly all: boolean;
  readonly sample: number;
}

export type ParsedArgs = { readonly command: 'help' } | CommandArgs;

export function usage(prog: string): string {
  return `Usage: ${prog} <command> <lmdb-dir> [root] [options]

Inspects a history directory written by LmdbHistoryStore. The directory is opened read-only.

Commands:
  roots  <dir>                  list the checkpoint roots, oldest first, marking the latest
  show   <dir> [root]           the state at a root (default: the latest): meta leaf, counts, a sample
  verify <dir> [root | --all]   re-hash every node and leaf reachable from a root (default: the latest)
  diff   <dir> <rootA> <rootB>  the channels and joins whose leaves differ between two roots

Options:
  --json        machine-readable output
  --sample N    show: how many channels to print, and how many data of each (default ${DEFAULT_SAMPLE})
  --all         verify: every root, oldest first
  -h, --help    this help

A root is 64 hex characters, as \`${prog} roots\` prints it.
Exit codes: 0 success, 1 verification failed or the history is damaged, 2 usage error.
`;
}

/** Parses `argv` (without the node and script paths). Throws {@link UsageError}. */
export function parseCliArgs(argv: readonly string[]): ParsedArgs {
  // Help wins over everything else on the line, even over mistakes, as users expect of `--help`.
  const end = argv.indexOf('--');
  const flags = end === -1 ? argv : argv.slice(0, end);
  if (flags.includes('--help') || flags.includes('-h') || argv[0] === 'help') return { command: 'help' };

  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(argv);
  } catch (error) {
    // parseArgs' messages already quote the offending option.
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const [command, dir, ...rest] = positionals;
  if (command === undefined) throw new UsageError('missing <command> (one of roots, show, verify, diff)');
  if (!isCommand(command)) {
    throw new UsageError(`unknown command '${command}' (expected one of roots, show, verify, diff)`);
  }
  const spec = COMMANDS[command];
  if (dir === undefined) throw new UsageError(`${command}: missing <lmdb-dir>`);
  const required = spec.args.filter((a) => !a.endsWith('?'));
  if (rest.length < required.length) {
    throw new UsageError(`${command}: missing <${required[rest.length]}>`);
  }
  if (rest.length > spec.args.length)
    throw new UsageError(`${command}: unexpected argument '${rest[spec.args.length]}'`);
  for (const name of ['json', 'sample', 'all'] as const) {
    if (values[name] !== undefined && !spec.options.includes(name)) {
      throw new UsageError(`${command} does not take --${name}`);
    }
  }
  if (values.all === true && rest.length > 0) {
    throw new UsageError(`verify: give either a root or --all, not both (got '${rest[0]}' and --all)`);
  }
  return {
    command,
    dir,
    roots: rest,
    json: values.json === true,
    all: values.all === true,
    sample: values.sample === undefined ? DEFAULT_SAMPLE : parseSample(values.sample),
  };
}

function parseOptions(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      json: { type: 'boolean' },
      all: { type: 'boolean' },
      sample: { type: 'string' },
    },
  });
}

function isCommand(name: string): name is CommandName {
  return Object.hasOwn(COMMANDS, name);
}

function parseSample(text: string): number {
  if (!/^\d{1,9}$/.test(text)) throw new UsageError(`--sample takes a whole number, not '${text}'`);
  return Number(text);
}

/** The bytes of a root given on the command line. Throws {@link UsageError} unless it is 64 hex digits. */
export function parseRootHex(text: string): Uint8Array {
  if (!/^[0-9a-fA-F]{64}$/.test(text)) {
    throw new UsageError(`'${text}' is not a root: a root is 64 hex characters (${text.length} given)`);
  }
  return fromHex(text);
}
