/**
 * Turning a `TupleSpace` receive into engine arguments and engine matches into results: template
 * compilation, join parts, peek options, timeout validation. Everything here checks its input
 * before the space is touched.
 */
import type { Value } from '../data/value.js';
import { compile, Pattern } from '../spaces/matchers/structural.js';
import type { Template } from '../spaces/matchers/template.js';
import type { ConsumeOptions, Match } from '../spaces/types.js';
import type { Part, Received, TupleSpaceTypes } from './tuple-space.js';

/** `setTimeout` fires at once for delays it cannot represent, which would turn a long timeout into none. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

export function toPattern(template: Template | Pattern): Pattern {
  return template instanceof Pattern ? template : compile(template);
}

/** Splits parts into the engine's channel and pattern lists, compiling each template once. */
export function prepare(parts: readonly Part[]): { channels: Value[]; patterns: Pattern[] } {
  if (!Array.isArray(parts) || parts.length === 0)
    throw new TypeError('a receive needs at least one [channel, template]');
  const channels: Value[] = [];
  const patterns: Pattern[] = [];
  for (const part of parts) {
    if (!Array.isArray(part) || part.length !== 2)
      throw new TypeError('each part of a join is a [channel, template] pair');
    channels.push(part[0]);
    patterns.push(toPattern(part[1]));
  }
  return { channels, patterns };
}

export function consumeOptions(
  persist: boolean,
  peek: boolean | undefined,
  channels: readonly Value[],
): ConsumeOptions {
  return peek === true ? { persist, peeks: channels.map((_, i) => i) } : { persist };
}

export function checkTimeout(timeoutMs: number | undefined): void {
  if (timeoutMs === undefined) return;
  if (typeof timeoutMs !== 'number' || !Number.isFinite(timeoutMs) || timeoutMs < 0 || timeoutMs > MAX_TIMEOUT_MS) {
    throw new RangeError(
      `timeoutMs must be a number of milliseconds in 0..${MAX_TIMEOUT_MS}, got ${String(timeoutMs)}`,
    );
  }
}

export function toReceived(match: Match<TupleSpaceTypes>): Received {
  const { datum: value, channel, bindings, suffix } = match;
  return suffix === undefined ? { value, channel, bindings } : { value, channel, bindings, suffix };
}
