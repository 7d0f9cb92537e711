/**
 * The state of a replay: the log being replayed and how far the replay has got. Replay verifies
 * rather than steers: the engine is deterministic (DECISIONS 16), so the same operations from the
 * same root make the same firings, and the replay only has to check that each operation and each
 * COMM is the next event of the log. Any difference (a dropped, reordered, altered or extra event)
 * is a `ReplayError` naming the position of the divergent event.
 */

import { ReplayError } from './errors.js';
import { type EventLog, eventsEqual, type ReplayEvent } from './events.js';

export class ReplayCursor {
  readonly log: EventLog;
  /** Index of the next event to reproduce. */
  position = 0;

  constructor(log: EventLog) {
    this.log = log;
  }

  /** Throws `ReplayDivergence` unless `event` is the event at `position + offset`. */
  expect(event: ReplayEvent, offset = 0): void {
    const index = this.position + offset;
    const expected = this.log[index];
    if (expected === undefined || !eventsEqual(expected, event)) {
      throw new ReplayError('ReplayDivergence', index, expected, event);
    }
  }

  /** Throws `UnusedReplayEvents` if some logged event was never reproduced. */
  checkComplete(): void {
    if (this.position < this.log.length) {
      throw new ReplayError('UnusedReplayEvents', this.position, this.log[this.position], undefined);
    }
  }
}
