/**
 * What is left in a session's spaces: the sends no receive took and the receives still waiting,
 * for `rho run --pending` and the REPL's `:pending`. When a program prints less than expected,
 * this is where the missing COMM shows: a send on a channel nobody listens to, a receive whose
 * partner never came. Receives the runtime installed itself (system processes, space factories)
 * are not listed.
 */

import type { Term } from '../term/index.js';
import { list, printValue } from '../values/print.js';
import { TOP } from '../values/print-process.js';
import type { RhoTypes } from './space-types.js';
import type { RhoSpace } from './spaces.js';

/** What is pending in one space. */
export interface PendingSpace {
  /** `the default space`, or the URN and name of a space a factory made. */
  readonly space: string;
  /** One line per datum waiting on a channel: `@"log"!("a", 1)`; `!!` for a persistent one. */
  readonly sends: readonly string[];
  /**
   * One line per waiting receive, patterns elided: `for (… <- @"ready")`; `<=` for a persistent
   * receive (a contract), `<<-` for a peek, and one clause per channel of a join.
   */
  readonly receives: readonly string[];
}

/** The spaces that hold something, in the order given, each with its sends and receives. */
export function pendingIn(spaces: readonly RhoSpace[]): PendingSpace[] {
  const out: PendingSpace[] = [];
  for (const rs of spaces) {
    const space = rs.space;
    const sends: string[] = [];
    const receives: string[] = [];
    const joinsSeen = new Set<string>();
    for (const channel of space.channels()) {
      const name = nameOf(channel);
      for (const d of space.getData(channel)) sends.push(`${name}${d.persistent ? '!!' : '!'}(${args(d.datum.list)})`);
      for (const join of space.getJoins(channel)) {
        const key = join.map(nameOf).join(' & ');
        if (joinsSeen.has(key)) continue;
        joinsSeen.add(key);
        for (const w of space.getWaiting(join)) {
          if (w.continuation.kind === 'system') continue;
          const clauses = w.channels.map((c: Term, i: number) => {
            const arrow = w.peeks.includes(i) ? '<<-' : w.persistent ? '<=' : '<-';
            return `… ${arrow} ${nameOf(c)}`;
          });
          receives.push(`for (${clauses.join(' & ')})`);
        }
      }
    }
    if (sends.length > 0 || receives.length > 0) {
      const label = rs.name === null ? 'the default space' : `${rs.urn} ${printValue(rs.name)}`;
      out.push({ space: label, sends, receives });
    }
  }
  return out;
}

/** The lines `--pending` prints: a heading per space, then its sends and receives, indented. */
export function pendingLines(pending: readonly PendingSpace[]): string[] {
  if (pending.length === 0) return ['pending: nothing (every send met its receive)'];
  return pending.flatMap((p) => [
    `pending in ${p.space}:`,
    ...p.sends.map((s) => `  ${s}`),
    ...p.receives.map((r) => `  ${r}`),
  ]);
}

/** A channel as a program writes it: `@"log"` for a quoted process; an unforgeable name as it prints. */
function nameOf(channel: Term): string {
  return channel.kind === 'Unforgeable' ? printValue(channel) : `@${printValue(channel)}`;
}

/** A send's arguments, as `stdout` would print each. */
function args(values: RhoTypes['datum']['list']): string {
  return list(values.elements, TOP);
}
