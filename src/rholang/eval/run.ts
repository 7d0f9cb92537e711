/**
 * Running Rholang programs: `runSource` parses, normalizes and evaluates a program on a fresh
 * default space with the system processes installed, and reports what it printed, the errors of
 * its processes, its COMMs and the phlogiston it used.
 */

import { OutOfPhlogistonError } from '../../gas/errors.js';
import { PhlogistonMeter } from '../../gas/meter.js';
import { Space } from '../../spaces/space.js';
import { normalize } from '../compile/normalize.js';
import { parseOrThrow } from '../syntax/parse.js';
import type { Term } from '../term/term.js';
import { RhoCostModel } from './costs.js';
import { Reducer, type RhoError } from './reducer.js';
import { Rng } from './rng.js';
import { bindMatcher, type RhoTypes, termAdapter } from './space-types.js';
import { installSystemProcesses } from './system.js';

/** Options of {@link runSource} and {@link runTerm}. */
export interface RunOptions {
  /** Seeds the generator of unforgeable names (default 0): the same program and seed give the same run. */
  readonly seed?: bigint | number;
  /** The phlogiston the run may use (a non-negative safe integer); unlimited when absent. */
  readonly phloLimit?: number;
  /** The file name syntax errors mention (default `<input>`). */
  readonly fileName?: string;
  /** Receives each line `rho:io:stdout` prints; without it, lines are collected in the result. */
  readonly stdout?: (line: string) => void;
  /** Receives each line `rho:io:stderr` prints; without it, lines are collected in the result. */
  readonly stderr?: (line: string) => void;
  /** Receives a one-line description of every COMM, in order. */
  readonly trace?: (line: string) => void;
}

/** What a run did. */
export interface RunResult {
  /** Lines printed on stdout (empty when a `stdout` callback took them). */
  readonly stdout: readonly string[];
  /** Lines printed on stderr (empty when a `stderr` callback took them). */
  readonly stderr: readonly string[];
  /** Evaluation errors, in the order they happened; running out of phlogiston is the last one. */
  readonly errors: readonly RhoError[];
  /** Set when the run stopped because the phlogiston ran out. */
  readonly outOfPhlogiston: boolean;
  readonly comms: number;
  /** Phlogiston used (charges minus refunds) and the limit (`Infinity` when unlimited). */
  readonly phlogiston: { readonly used: number; readonly limit: number };
}

/** The id of the default space: its own names (`gensym`) are this followed by an index. */
const DEFAULT_SPACE_ID = new Uint8Array(8);

/**
 * Parses, normalizes and runs `source`. A program that does not parse or is not well scoped
 * throws (`ParseError`, `NormalizeError`) before anything runs; errors during evaluation are
 * collected in the result.
 */
export function runSource(source: string, options: RunOptions = {}): RunResult {
  const fileName = options.fileName ?? '<input>';
  const ast = parseOrThrow(source, fileName);
  const meter = meterFor(options);
  try {
    new RhoCostModel(meter).parsing(Buffer.byteLength(source, 'utf8'));
  } catch (e) {
    if (!(e instanceof OutOfPhlogistonError)) throw e;
    return outOfPhlogistonBeforeStart(e, meter);
  }
  return evaluateWith(normalize(ast, { fileName, source }), options, meter);
}

/** Runs a normalized, closed term (from `normalize` or `normalizeSource`). */
export function runTerm(term: Term, options: RunOptions = {}): RunResult {
  return evaluateWith(term, options, meterFor(options));
}

function meterFor(options: RunOptions): PhlogistonMeter {
  return options.phloLimit === undefined ? PhlogistonMeter.unlimited() : new PhlogistonMeter(options.phloLimit);
}

function evaluateWith(term: Term, options: RunOptions, meter: PhlogistonMeter): RunResult {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const output = {
    stdout: options.stdout ?? ((line: string) => stdout.push(line)),
    stderr: options.stderr ?? ((line: string) => stderr.push(line)),
  };
  const space = new Space<RhoTypes>({ adapter: termAdapter(DEFAULT_SPACE_ID), matcher: bindMatcher });
  const costs = new RhoCostModel(meter);
  let bound: ReadonlyMap<string, Term> = new Map();
  const reducer = new Reducer({ space, costs, resolveUrn: (urn) => bound.get(urn), trace: options.trace });
  bound = installSystemProcesses(space, {
    output,
    send: (channel, values, rng) => reducer.sendFromSystem(channel, values, rng),
  });
  reducer.run(term, Rng.fromSeed(options.seed ?? 0));
  const errors = [...reducer.errors];
  const stop = reducer.stoppedBy;
  if (stop !== null) errors.push({ code: stop.code, message: outOfPhlogisonMessage(stop, meter) });
  return {
    stdout,
    stderr,
    errors,
    outOfPhlogiston: stop !== null,
    comms: reducer.comms,
    phlogiston: { used: meter.consumed - meter.refunded, limit: meter.limit },
  };
}

function outOfPhlogisonMessage(e: OutOfPhlogistonError, meter: PhlogistonMeter): string {
  return `out of phlogiston: ${e.operation} needs ${e.required} but only ${e.available} of the limit ${meter.limit} is left; evaluation stopped`;
}

function outOfPhlogistonBeforeStart(e: OutOfPhlogistonError, meter: PhlogistonMeter): RunResult {
  return {
    stdout: [],
    stderr: [],
    errors: [{ code: e.code, message: outOfPhlogisonMessage(e, meter) }],
    outOfPhlogiston: true,
    comms: 0,
    phlogiston: { used: meter.consumed - meter.refunded, limit: meter.limit },
  };
}
