/**
 * A Rholang session: one default space with the system processes installed, one phlogiston
 * budget and one name generator, across any number of evaluations — what a REPL or an embedding
 * application needs. `runSource` and `runTerm` (run.ts) are one evaluation on a fresh session.
 */

import { PhlogistonMeter } from '../../gas/meter.js';
import { allValidUrns, FIRST_URN_BYTE, formatUrn, type ParsedUrn, parseUrn, URN_PREFIX } from '../../registry/urn.js';
import { Space } from '../../spaces/space.js';
import { normalize } from '../compile/normalize.js';
import { parseOrThrow } from '../syntax/parse.js';
import type { Term } from '../term/term.js';
import { printValue } from '../values/print.js';
import { RhoCostModel } from './costs.js';
import { RhoRuntimeError } from './errors.js';
import { runFactory } from './factory.js';
import { type PendingSpace, pendingIn } from './pending.js';
import { Reducer, type RhoError } from './reducer.js';
import { Rng } from './rng.js';
import { bindMatcher, type RhoTypes, termAdapter } from './space-types.js';
import { RhoSpaces } from './spaces.js';
import { installProcess, installSystemProcesses } from './system.js';

/** Options of a session (and of `runSource` / `runTerm`). */
export interface RunOptions {
  /**
   * Seeds the generator of unforgeable names (default 0): the same program and seed give the same
   * run. An integer, taken modulo 2^64 (so -1 and 2^64 - 1 are the same seed).
   */
  readonly seed?: bigint | number;
  /** The phlogiston the session may use (a non-negative safe integer); unlimited when absent. */
  readonly phloLimit?: number;
  /** The file name syntax errors mention (default `<input>`). */
  readonly fileName?: string;
  /** Receives each line `rho:io:stdout` prints; without it, lines are collected in each result. */
  readonly stdout?: (line: string) => void;
  /** Receives each line `rho:io:stderr` prints; without it, lines are collected in each result. */
  readonly stderr?: (line: string) => void;
  /** Receives a one-line description of every COMM, in order. */
  readonly trace?: (line: string) => void;
}

/** What one evaluation did. */
export interface RunResult {
  /** Lines printed on stdout (empty when a `stdout` callback took them). */
  readonly stdout: readonly string[];
  /** Lines printed on stderr (empty when a `stderr` callback took them). */
  readonly stderr: readonly string[];
  /** Evaluation errors, in the order they happened; running out of phlogiston is the last one. */
  readonly errors: readonly RhoError[];
  /** Set when evaluation stopped because the phlogiston ran out (a session stays stopped). */
  readonly outOfPhlogiston: boolean;
  readonly comms: number;
  /** Phlogiston this evaluation used (charges minus refunds) and the session's limit (`Infinity` when unlimited). */
  readonly phlogiston: { readonly used: number; readonly limit: number };
  /** Every space factories have made in the session so far, with its own phlogiston meter. */
  readonly spaces: readonly SpaceStats[];
}

/** A user space of the session, for `--stats`. */
export interface SpaceStats {
  readonly urn: string;
  /** The space's name as programs print it (`Unforgeable(0x…)`). */
  readonly name: string;
  readonly phlogiston: { readonly used: number; readonly limit: number };
}

/** The id of the default space: its own names (`gensym`) are this followed by an index. */
const DEFAULT_SPACE_ID = new Uint8Array(8);

export class RhoRuntime {
  private readonly options: RunOptions;
  private readonly meter: PhlogistonMeter;
  private readonly costs: RhoCostModel;
  private readonly reducer: Reducer;
  private readonly spaces: RhoSpaces;
  private readonly root: Rng;
  private extraFactories = 0;
  private readonly factoriesByByte = new Map<number, Term>();
  private evaluations = 0;
  private stdoutLines: string[] = [];
  private stderrLines: string[] = [];

  constructor(options: RunOptions = {}) {
    this.options = options;
    this.meter = options.phloLimit === undefined ? PhlogistonMeter.unlimited() : new PhlogistonMeter(options.phloLimit);
    this.costs = new RhoCostModel(this.meter);
    const seed = options.seed ?? 0;
    if (typeof seed !== 'bigint' && !Number.isSafeInteger(seed)) {
      throw new RhoRuntimeError('InvalidSeed', `the seed must be an integer, got ${String(seed)}`);
    }
    this.root = Rng.fromSeed(seed);
    const space = new Space<RhoTypes>({ adapter: termAdapter(DEFAULT_SPACE_ID), matcher: bindMatcher });
    this.spaces = new RhoSpaces(space);
    const system = new Map<string, Term>();
    this.reducer = new Reducer({
      spaces: this.spaces,
      costs: this.costs,
      resolveUrn: (urn) => system.get(urn) ?? this.factory(space, system, urn),
      trace: options.trace,
    });
    const output = {
      stdout: options.stdout ?? ((line: string) => this.stdoutLines.push(line)),
      stderr: options.stderr ?? ((line: string) => this.stderrLines.push(line)),
    };
    const ctx = {
      output,
      send: (channel: Term, values: readonly Term[], rng: Rng) => this.reducer.sendFromSystem(channel, values, rng),
    };
    for (const [urn, name] of installSystemProcesses(space, ctx)) system.set(urn, name);
  }

  /**
   * The factory process of a `rho:space:` URN, installed the first time a program names it: on
   * the URN's byte name (25..120) when it has one, else on a name of its own.
   */
  private factory(space: Space<RhoTypes>, system: Map<string, Term>, urn: string): Term | undefined {
    if (!urn.startsWith(URN_PREFIX)) return undefined;
    let parsed: ParsedUrn;
    try {
      parsed = parseUrn(urn);
    } catch (e) {
      throw new RhoRuntimeError('UnknownUrn', (e as Error).message);
    }
    // The 96 URNs with default parameters have byte names; parametric and theory URNs do not.
    const index = parsed.theory === undefined ? allValidUrns().indexOf(formatUrn(parsed.config)) : -1;
    let id: Uint8Array;
    if (index >= 0) {
      const byte = FIRST_URN_BYTE + index;
      // Two spellings of one space (`rho:space:QueueSpace`, `rho:space:queue:hashmap:default`) share its byte name.
      const known = this.factoriesByByte.get(byte);
      if (known !== undefined) {
        system.set(urn, known);
        return known;
      }
      id = Uint8Array.of(byte);
    } else {
      const n = this.extraFactories++;
      id = Uint8Array.of(0xfe, n >>> 16, (n >>> 8) & 0xff, n & 0xff);
    }
    const spaces = this.spaces;
    const name = installProcess(space, id, urn, (args, rng) => {
      runFactory(spaces, urn, args, rng, (reply, made) => this.reducer.sendFromSystem(reply, [made], rng));
    });
    system.set(urn, name);
    if (id.length === 1) this.factoriesByByte.set(id[0], name);
    return name;
  }

  /**
   * Parses, normalizes and runs `source`. A program that does not parse or is not well scoped
   * throws (`ParseError`, `NormalizeError`) and changes nothing; errors during evaluation are
   * collected in the result. Parsing is charged by the byte.
   */
  evaluate(source: string, fileName: string = this.options.fileName ?? '<input>'): RunResult {
    const ast = parseOrThrow(source, fileName);
    const term = normalize(ast, { fileName, source });
    return this.run(term, Buffer.byteLength(source, 'utf8'));
  }

  /** Runs a normalized, closed term (from `normalize` or `normalizeSource`). */
  evaluateTerm(term: Term): RunResult {
    return this.run(term, 0);
  }

  private run(term: Term, sourceBytes: number): RunResult {
    const reducer = this.reducer;
    const used = this.used();
    const comms = reducer.comms;
    const errors = reducer.errors.length;
    this.stdoutLines = [];
    this.stderrLines = [];
    // Evaluation k of a session draws its names from split k of the seed's generator.
    const rng = this.root.split(this.evaluations++);
    reducer.run(term, rng, sourceBytes);
    const out: RhoError[] = reducer.errors.slice(errors);
    const stop = reducer.stoppedBy;
    if (stop !== null) {
      out.push({
        code: stop.code,
        message: `out of phlogiston: ${stop.operation} needs ${stop.required} but only ${stop.available} of the limit ${this.meter.limit} is left; evaluation stopped`,
      });
    }
    return {
      stdout: this.stdoutLines,
      stderr: this.stderrLines,
      errors: out,
      outOfPhlogiston: stop !== null,
      comms: reducer.comms - comms,
      phlogiston: { used: this.used() - used, limit: this.meter.limit },
      spaces: this.spaces.userSpaces().map((s) => {
        const m = s.meter as PhlogistonMeter;
        return {
          urn: s.urn,
          name: printValue(s.name as Term),
          phlogiston: { used: m.consumed - m.refunded, limit: m.limit },
        };
      }),
    };
  }

  /**
   * What is left in the session's spaces: data no receive took and receives still waiting, per
   * space (the default space first, then the spaces factories made, in creation order).
   */
  pending(): PendingSpace[] {
    return pendingIn([this.spaces.defaultSpace, ...this.spaces.userSpaces()]);
  }

  private used(): number {
    return this.meter.consumed - this.meter.refunded;
  }
}
