/** Lexical helpers shared by the canonical and the named URN parsers. */

import { DEFAULT_ARRAY_SIZE } from '../spaces/config.js';
import { InvalidConfigurationError } from '../spaces/errors.js';

/** One `name` or `name(arg,…)` part of a URN. */
export interface UrnTerm {
  readonly name: string;
  readonly args: readonly string[] | undefined;
}

/** Splits `name` or `name(a,b)`; a "(" without ")" is refused. */
export function parseTerm(urn: string, what: string, text: string): UrnTerm {
  const m = /^([A-Za-z]+)(?:\(([^()]*)\))?$/.exec(text);
  if (m === null) {
    const why = text.includes('(') && !text.endsWith(')') ? 'has "(" without a closing ")"' : 'is malformed';
    throw invalid(urn, `${what} ${quote(text)} ${why}`);
  }
  return { name: m[1], args: m[2] === undefined ? undefined : m[2].split(',') };
}

/** A digits-only count; range checks are `resolveConfig`'s. */
export function countArg(urn: string, what: string, text: string): number {
  if (!/^[0-9]+$/.test(text)) throw invalid(urn, `${what} ${quote(text)} is not a positive integer`);
  return Number(text);
}

/** The arguments of `array(size[,cyclic])` or `ArraySpace(size[,cyclic])`. */
export function arrayArgs(urn: string, args: readonly string[] | undefined): { size: number; cyclic: boolean } {
  if (args === undefined) return { size: DEFAULT_ARRAY_SIZE, cyclic: false };
  if (args.length > 2) throw invalid(urn, `array takes (size) or (size,cyclic), got (${args.join(',')})`);
  const size = countArg(urn, 'array size', args[0]);
  const flag = args[1];
  if (flag !== undefined && flag !== 'true' && flag !== 'false') {
    throw invalid(urn, `array cyclic flag ${quote(flag)} must be true or false`);
  }
  return { size, cyclic: flag === 'true' };
}

/** An {@link InvalidConfigurationError} naming the URN and what is wrong with it. */
export function invalid(urn: unknown, why: string): InvalidConfigurationError {
  return new InvalidConfigurationError(`invalid space URN ${quote(urn)}: ${why}`);
}

export function quote(x: unknown): string {
  return typeof x === 'string' ? JSON.stringify(x) : String(x);
}
