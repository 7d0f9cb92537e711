#!/usr/bin/env node
/**
 * Entry of the `rho` command (see `rho-cli.ts`; `--help` for usage). Kept apart from `runRhoCli`
 * so that importing the CLI (tests) never runs it.
 */

import readline from 'node:readline';
import { fdSink } from './fd-sink.js';
import { parseRhoArgs } from './rho-args.js';
import { runRhoCli } from './rho-cli.js';
import { runRepl } from './rho-repl.js';

// Output is written synchronously (see fd-sink.ts), so nothing is pending at exit. A reader that
// leaves early (`rho run p.rho | head -1`) ends the run quietly; a closed stderr is ignored.
const stdout = fdSink(1, { onClosed: () => process.exit(0) });
const stderr = fdSink(2, { onClosed: () => {} });

const argv = process.argv.slice(2);
// The commands that run asynchronously (repl, history) are started here; runRhoCli does the rest.
let parsed: ReturnType<typeof parseRhoArgs> | undefined;
try {
  parsed = parseRhoArgs(argv);
} catch {
  // runRhoCli reports usage errors.
}
if (parsed?.command === 'repl') {
  const input = readline.createInterface({ input: process.stdin, terminal: false });
  process.exitCode = await runRepl(input, { stdout, stderr }, { ...parsed, prompts: process.stdin.isTTY === true });
} else if (parsed?.command === 'history') {
  // Loaded on demand: the history tool opens LMDB, which `rho run` never needs.
  const { runHistoryCli } = await import('./history-cli.js');
  const io = { stdout, stderr, isTTY: process.stderr.isTTY === true };
  process.exitCode = await runHistoryCli(parsed.argv, io, { prog: 'rho history' });
} else {
  process.exitCode = runRhoCli(argv, { stdout, stderr });
}
