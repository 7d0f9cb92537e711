/**
 * Running one Rholang program: `runSource` parses, normalizes and evaluates a program on a fresh
 * session (a default space with the system processes installed; see runtime.ts) and reports what
 * it printed, the errors of its processes, its COMMs and the phlogiston it used.
 */

import type { Term } from '../term/term.js';
import { RhoRuntime, type RunOptions, type RunResult } from './runtime.js';

export type { RunOptions, RunResult } from './runtime.js';

/**
 * Parses, normalizes and runs `source`. A program that does not parse or is not well scoped
 * throws (`ParseError`, `NormalizeError`) before anything runs; errors during evaluation are
 * collected in the result.
 */
export function runSource(source: string, options: RunOptions = {}): RunResult {
  return new RhoRuntime(options).evaluate(source);
}

/** Runs a normalized, closed term (from `normalize` or `normalizeSource`). */
export function runTerm(term: Term, options: RunOptions = {}): RunResult {
  return new RhoRuntime(options).evaluateTerm(term);
}
