/** The lines of `--trace`: one per COMM. */

import type { Firing } from '../../spaces/types.js';
import { printValue } from '../values/print.js';
import type { RhoTypes } from './space-types.js';

/** One line of `--trace`: the COMM's number, then each channel with the data it gave. */
export function describeComm(n: number, f: Firing<RhoTypes>): string {
  const parts = f.matches.map((m) => `${printValue(m.channel)} ! ${printValue(m.datum.list)}`);
  const who = f.continuation.kind === 'system' ? ` -> ${f.continuation.urn}` : '';
  return `comm ${n}: ${parts.join(' & ')}${who}`;
}
