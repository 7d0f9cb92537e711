/**
 * System processes (rholang-surface §3.1): native handlers installed as persistent receives on
 * the default space, each on an unforgeable name of one byte (ids the generator never makes,
 * since it makes 32-byte ones). `new out(\`rho:io:stdout\`)` binds `out` to a write-only bundle of
 * that name, as the reference does, so programs can send to it but never receive from it.
 */

import type { Space } from '../../spaces/space.js';
import { bundle } from '../term/build.js';
import { NIL, Unforgeable, WILDCARD } from '../term/nodes-ground.js';
import type { Term } from '../term/term.js';
import { printValue } from '../values/print.js';
import { show } from '../values/value.js';
import { RhoRuntimeError } from './errors.js';
import type { Rng } from './rng.js';
import { BindPattern, type RhoTypes, type SystemHandler, SystemProcess } from './space-types.js';

/** Where the printing processes write: one call per printed value, without the newline. */
export interface SystemOutput {
  stdout(line: string): void;
  stderr(line: string): void;
}

/** What a handler may do besides printing: reply on a channel. */
export interface SystemContext {
  readonly output: SystemOutput;
  send(channel: Term, values: readonly Term[], rng: Rng): void;
}

interface SystemProcessSpec {
  readonly urn: string;
  /** The id byte of its channel (the reference's numbering). */
  readonly byte: number;
  readonly handler: (ctx: SystemContext) => SystemHandler;
}

/** The system processes this runtime provides, by URN. */
export const SYSTEM_PROCESSES: readonly SystemProcessSpec[] = [
  { urn: 'rho:io:stdout', byte: 0, handler: (ctx) => printer('rho:io:stdout', (s) => ctx.output.stdout(s)) },
  {
    urn: 'rho:io:stdoutAck',
    byte: 1,
    handler: (ctx) => acknowledging(ctx, 'rho:io:stdoutAck', (s) => ctx.output.stdout(s)),
  },
  { urn: 'rho:io:stderr', byte: 2, handler: (ctx) => printer('rho:io:stderr', (s) => ctx.output.stderr(s)) },
  {
    urn: 'rho:io:stderrAck',
    byte: 3,
    handler: (ctx) => acknowledging(ctx, 'rho:io:stderrAck', (s) => ctx.output.stderr(s)),
  },
];

function arity(urn: string, args: readonly Term[], n: number, what: string): void {
  if (args.length !== n) {
    const got = args.map(show).join(', ');
    throw new RhoRuntimeError(
      'SystemProcessArguments',
      `${urn} takes ${n} argument${n === 1 ? '' : 's'} (${what}), got ${args.length}${args.length > 0 ? `: ${got}` : ''}`,
    );
  }
}

function printer(urn: string, write: (line: string) => void): SystemHandler {
  return (args) => {
    arity(urn, args, 1, 'the value to print');
    write(printValue(args[0]));
  };
}

function acknowledging(ctx: SystemContext, urn: string, write: (line: string) => void): SystemHandler {
  return (args, rng) => {
    arity(urn, args, 2, 'the value to print and a channel for the acknowledgement');
    write(printValue(args[0]));
    ctx.send(args[1], [NIL], rng);
  };
}

/**
 * Installs a system process on channel `Unforgeable(id)` of the default space and returns what
 * its URN binds: a write-only bundle of the channel.
 */
export function installProcess(space: Space<RhoTypes>, id: Uint8Array, urn: string, handler: SystemHandler): Term {
  const channel = new Unforgeable(id);
  space.install([channel], [ANY_ARGUMENTS], new SystemProcess(urn, handler));
  return bundle(channel, false, true);
}

const ANY_ARGUMENTS = new BindPattern([], WILDCARD, 0);

/** Installs every system process of {@link SYSTEM_PROCESSES} and returns what each URN binds. */
export function installSystemProcesses(space: Space<RhoTypes>, ctx: SystemContext): ReadonlyMap<string, Term> {
  const bound = new Map<string, Term>();
  for (const spec of SYSTEM_PROCESSES) {
    bound.set(spec.urn, installProcess(space, Uint8Array.of(spec.byte), spec.urn, spec.handler(ctx)));
  }
  return bound;
}
