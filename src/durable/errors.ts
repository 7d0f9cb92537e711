/**
 * Typed errors of durable spaces (hard checkpoints, reset, event logs and replay). Every error has
 * a stable `code`; messages are for people and may change. A call that throws one of these has left
 * the space exactly as it was.
 */

import { SpaceError } from '../spaces/errors.js';
import type { ReplayEvent } from './events.js';
import { describeEvent } from './events.js';

/** The stable codes of {@link DurableError}. */
export type DurableErrorCode =
  /** A channel, datum, pattern or continuation that its codec cannot write down. */
  | 'NotEncodable'
  /** Recorded bytes (a leaf, an event log) that do not decode. */
  | 'CorruptedState'
  /** A root recorded by a space of another configuration or identity. */
  | 'StateMismatch';

/** Thrown by hard checkpoints, reset and event-log decoding. */
export class DurableError extends SpaceError<DurableErrorCode> {}

/** The stable codes of {@link ReplayError}. */
export type ReplayErrorCode =
  /** An operation or a COMM that differs from the next logged event (or comes after the log ended). */
  | 'ReplayDivergence'
  /** Logged events that the replay never reached. */
  | 'UnusedReplayEvents'
  /** `checkReplayData()` on a space that is not replaying. */
  | 'NotReplaying';

/**
 * A replay that does not reproduce its log. `index` is the position in the log of the divergent
 * (or first unused) event; `expected` is that logged event (undefined past the end of the log) and
 * `actual` what the replay produced instead (undefined for unused events).
 */
export class ReplayError extends SpaceError<ReplayErrorCode> {
  readonly index: number;
  readonly expected: ReplayEvent | undefined;
  readonly actual: ReplayEvent | undefined;

  constructor(
    code: ReplayErrorCode,
    index: number,
    expected: ReplayEvent | undefined,
    actual: ReplayEvent | undefined,
    message?: string,
  ) {
    super(code, message ?? replayMessage(code, index, expected, actual));
    this.index = index;
    this.expected = expected;
    this.actual = actual;
  }
}

function replayMessage(
  code: ReplayErrorCode,
  index: number,
  expected: ReplayEvent | undefined,
  actual: ReplayEvent | undefined,
): string {
  const show = (e: ReplayEvent | undefined) => (e === undefined ? 'the end of the log' : describeEvent(e));
  switch (code) {
    case 'ReplayDivergence':
      return `replay diverged at event #${index}: the log has ${show(expected)} but the replay produced ${show(actual)}`;
    case 'UnusedReplayEvents':
      return `replay incomplete: event #${index} (${show(expected)}) and any after it were never reproduced`;
    case 'NotReplaying':
      return 'not in replay mode: call rig(log) or rigAndReset(root, log) first';
  }
}
