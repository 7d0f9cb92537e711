#!/usr/bin/env node
/**
 * Entry of the `rspace-history` command (see `history-cli.ts`; `--help` for usage). Kept apart from
 * `runHistoryCli` so that importing the CLI (tests, `rho history`) never runs it.
 */

import { runHistoryCli } from './history-cli.js';

// `rspace-history roots dir | head -1` closes stdout early; that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

// exitCode rather than process.exit(): output to a pipe is written asynchronously and must drain first.
process.exitCode = await runHistoryCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  isTTY: process.stderr.isTTY === true,
});
