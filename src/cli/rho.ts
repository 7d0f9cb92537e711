#!/usr/bin/env node
/**
 * Entry of the `rho` command (see `rho-cli.ts`; `--help` for usage). Kept apart from `runRhoCli`
 * so that importing the CLI (tests) never runs it.
 */

import { fdSink } from './fd-sink.js';
import { runRhoCli } from './rho-cli.js';

// Output is written synchronously (see fd-sink.ts), so nothing is pending at exit. A reader that
// leaves early (`rho run p.rho | head -1`) ends the run quietly; a closed stderr is ignored.
const stdout = fdSink(1, { onClosed: () => process.exit(0) });
const stderr = fdSink(2, { onClosed: () => {} });

process.exitCode = runRhoCli(process.argv.slice(2), { stdout, stderr });
