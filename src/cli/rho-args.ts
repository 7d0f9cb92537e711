/**
 * Command-line grammar of `rho`: `rho run FILE [--seed N] [--phlo-limit N] [--trace] [--stats]`,
 * `rho check FILE`, `rho repl`, `rho test [PATH...] [--seeds N] [--phlo-limit N] [--update]`,
 * `rho history ...` (the rest of the line is the history tool's), `rho help` / `--help` and
 * `--version`. Everything wrong with the command line
 * becomes a {@link UsageError} naming the offending value (exit code 2).
 *
 * A hand-written scanner rather than `util.parseArgs`: `--seed -5` must take `-5` as the seed
 * (parseArgs refuses a value that starts with a dash), and every message must quote what was given.
 */

import { UsageError } from './usage-error.js';

export type RhoCommand = 'run' | 'check' | 'repl' | 'test' | 'history';

/** `rho run FILE ...`: what to evaluate and how. */
export interface RunArgs {
  readonly command: 'run';
  readonly file: string;
  /** Seeds the unforgeable names; any integer (default 0). */
  readonly seed: bigint;
  /** The phlogiston the run may use; undefined for unlimited. */
  readonly phloLimit: number | undefined;
  readonly trace: boolean;
  readonly stats: boolean;
  /** Print what is left in the spaces after the run (sends not taken, receives waiting). */
  readonly pending: boolean;
}

/** `rho repl ...`: an interactive session. */
export interface ReplArgs {
  readonly command: 'repl';
  readonly seed: bigint;
  readonly phloLimit: number | undefined;
  readonly trace: boolean;
}

/** `rho test PATH...`: run programs and compare what they print with their expected-output files. */
export interface TestArgs {
  readonly command: 'test';
  /** Files and directories (searched recursively for `.rho` files); `.` when none is given. */
  readonly paths: readonly string[];
  /** How many seeds besides 0 each program also runs with (default 0). */
  readonly seeds: number;
  readonly phloLimit: number | undefined;
  /** Write what the programs print into their expected-output files instead of comparing. */
  readonly update: boolean;
}

/** `rho history ...`: the history tool (history-cli.ts) on the rest of the line. */
export interface HistoryArgs {
  readonly command: 'history';
  readonly argv: readonly string[];
}

export type RhoArgs =
  | { readonly command: 'help' }
  | HistoryArgs
  | ReplArgs
  | { readonly command: 'version' }
  | { readonly command: 'check'; readonly file: string }
  | TestArgs
  | RunArgs;

export function rhoUsage(prog: string): string {
  return `Usage: ${prog} run FILE [--seed N] [--phlo-limit N] [--trace] [--stats] [--pending]
       ${prog} check FILE
       ${prog} repl [--seed N] [--phlo-limit N] [--trace]
       ${prog} test [PATH...] [--seeds N] [--phlo-limit N] [--update]
       ${prog} history COMMAND DIR [ROOT] [OPTIONS]

Runs Rholang programs; inspects history directories.

Commands:
  run FILE    parse, check and evaluate FILE: what it prints on rho:io:stdout goes to stdout,
              what it prints on rho:io:stderr and its evaluation errors go to stderr
  check FILE  parse and check FILE without running it; prints nothing when it is fine
  repl        an interactive session: each input runs in the same spaces (:help inside)
  test        run every .rho file under PATH (default .) that has a NAME.expected beside it and
              compare its stdout with it, its stderr with NAME.expected-stderr (empty if absent)
              and its exit status (2 when that has error[...] lines, 1 when error: lines, else 0)
  history     inspect an LMDB history directory: roots, show, verify, diff
              (\`${prog} history --help\` for its commands and options)
  help        this help

Options of run:
  --seed N        seed of the unforgeable names, any integer (default 0): same seed, same run
  --phlo-limit N  the phlogiston the run may use, a non-negative integer (default unlimited)
  --trace         print every COMM on stderr as it happens
  --stats         print the COMM count, the phlogiston used and the time on stderr at the end
  --pending       print on stderr at the end what is left in each space: the sends no receive
                  took and the receives still waiting (where a missing COMM shows)

Options of test:
  --seeds N       also run each program with seeds 1..N: the same stdout and status are expected,
                  or a different stdout for a program whose first line is \`// rho-test: seed-dependent\`
  --phlo-limit N  the phlogiston each program may use
  --update        write what each program prints into its expected-output files

  -h, --help      this help
  --version       the version of ${prog}

Exit codes: 0 success; 1 evaluation errors (including running out of phlogiston);
2 syntax or scope errors in FILE, and usage errors.
`;
}

type ValueOption = 'seed' | 'phlo-limit' | 'seeds';
type FlagOption = 'trace' | 'stats' | 'update' | 'pending';
const VALUE_OPTIONS: readonly string[] = ['seed', 'phlo-limit', 'seeds'] satisfies ValueOption[];
const FLAG_OPTIONS: readonly string[] = ['trace', 'stats', 'update', 'pending'] satisfies FlagOption[];
const COMMANDS = 'run, check, repl, test or history';
/** The options each command takes. */
const OPTIONS_OF: Readonly<Record<'run' | 'check' | 'repl' | 'test', readonly string[]>> = {
  run: ['seed', 'phlo-limit', 'trace', 'stats', 'pending'],
  check: [],
  repl: ['seed', 'phlo-limit', 'trace'],
  test: ['seeds', 'phlo-limit', 'update'],
};
/** Most extra seeds `rho test --seeds` takes. */
export const MAX_TEST_SEEDS = 1000;

/** Parses `argv` (without the node and script paths). Throws {@link UsageError}. */
export function parseRhoArgs(argv: readonly string[]): RhoArgs {
  // The history tool has a grammar of its own (its own --help too).
  if (argv[0] === 'history') return { command: 'history', argv: argv.slice(1) };
  // Help and version win over everything else on the line, even over mistakes.
  const end = argv.indexOf('--');
  const flags = end === -1 ? argv : argv.slice(0, end);
  if (flags.includes('--help') || flags.includes('-h') || argv[0] === 'help') return { command: 'help' };
  if (flags.includes('--version')) return { command: 'version' };

  const positionals: string[] = [];
  const values = new Map<ValueOption, string>();
  const given = new Set<FlagOption>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') ? arg.slice(2, eq === -1 ? undefined : eq) : '';
    if (VALUE_OPTIONS.includes(name)) {
      let value: string;
      if (eq !== -1) {
        value = arg.slice(eq + 1);
      } else if (i + 1 < argv.length) {
        value = argv[++i];
      } else {
        throw new UsageError(`--${name} needs a value`);
      }
      values.set(name as ValueOption, value);
    } else if (FLAG_OPTIONS.includes(name)) {
      if (eq !== -1) throw new UsageError(`--${name} takes no value (got '${arg}')`);
      given.add(name as FlagOption);
    } else {
      throw new UsageError(`unknown option '${eq === -1 ? arg : arg.slice(0, eq)}'`);
    }
  }

  const [command, file, ...rest] = positionals;
  if (command === undefined) throw new UsageError(`missing command (${COMMANDS})`);
  if (command !== 'run' && command !== 'check' && command !== 'repl' && command !== 'test') {
    throw new UsageError(`unknown command '${command}' (expected ${COMMANDS})`);
  }
  const refused = [...values.keys(), ...given].find((option) => !OPTIONS_OF[command].includes(option));
  if (refused !== undefined) throw new UsageError(`${command} does not take --${refused}`);
  const phloLimit = values.get('phlo-limit');
  if (command === 'test') {
    const seeds = values.get('seeds');
    return {
      command,
      paths: file === undefined ? ['.'] : [file, ...rest],
      seeds: seeds === undefined ? 0 : parseSeedCount(seeds),
      phloLimit: phloLimit === undefined ? undefined : parsePhloLimit(phloLimit),
      update: given.has('update'),
    };
  }
  if (command === 'repl') {
    if (file !== undefined) throw new UsageError(`repl: unexpected argument '${file}' (repl reads its input)`);
    const seed = values.get('seed');
    return {
      command,
      seed: seed === undefined ? 0n : parseSeed(seed),
      phloLimit: phloLimit === undefined ? undefined : parsePhloLimit(phloLimit),
      trace: given.has('trace'),
    };
  }
  if (file === undefined) throw new UsageError(`${command}: missing FILE`);
  if (rest.length > 0) throw new UsageError(`${command}: unexpected argument '${rest[0]}' (only one FILE)`);
  if (command === 'check') return { command, file };
  const seed = values.get('seed');
  return {
    command,
    file,
    seed: seed === undefined ? 0n : parseSeed(seed),
    phloLimit: phloLimit === undefined ? undefined : parsePhloLimit(phloLimit),
    trace: given.has('trace'),
    stats: given.has('stats'),
    pending: given.has('pending'),
  };
}

/** Any integer, of any size and sign, in decimal. */
function parseSeed(text: string): bigint {
  if (!/^[+-]?[0-9]+$/.test(text)) throw new UsageError(`--seed takes an integer, not '${text}'`);
  return BigInt(text);
}

/** 0..MAX_TEST_SEEDS, in decimal. */
function parseSeedCount(text: string): number {
  if (!/^[+]?[0-9]+$/.test(text) || Number(text) > MAX_TEST_SEEDS) {
    throw new UsageError(`--seeds takes an integer from 0 to ${MAX_TEST_SEEDS}, not '${text}'`);
  }
  return Number(text);
}

/** A non-negative safe integer, in decimal. */
function parsePhloLimit(text: string): number {
  if (!/^[+]?[0-9]+$/.test(text) || !Number.isSafeInteger(Number(text))) {
    throw new UsageError(
      `--phlo-limit takes a non-negative integer of at most ${Number.MAX_SAFE_INTEGER}, not '${text}'`,
    );
  }
  return Number(text);
}
