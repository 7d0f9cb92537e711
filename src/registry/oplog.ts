/**
 * The registry's operation log and its replay state machine (reference §8.4): operations are
 * appended while not replaying; `enterReplay(log)` arms a replay that hands the logged operations
 * back in order (`next`) or checks live operations against them (`expect`); `check()` passes only
 * when every logged operation was replayed.
 *
 * This is a log of what a host did, recorded by the host; the spaces do not write to it. Replay
 * that verifies the spaces' own events and COMMs belongs to the history issue (DECISIONS 15).
 * Unlike the reference, a divergent operation moves the state to `failed` instead of going unseen.
 */

import { equals } from '../data/compare.js';
import { Tuple, type Value } from '../data/value.js';
import { RegistryReplayError } from './errors.js';
import type { SpaceId } from './use-blocks.js';

/** One logged operation; channels, data and (serialised) patterns are plain values. */
export type Operation =
  | {
      readonly kind: 'produce';
      readonly space: SpaceId;
      readonly channel: Value;
      readonly datum: Value;
      readonly persist: boolean;
    }
  | {
      readonly kind: 'consume';
      readonly space: SpaceId;
      readonly channels: readonly Value[];
      readonly patterns: readonly Value[];
      readonly persist: boolean;
      readonly peeks: readonly number[];
    }
  | {
      readonly kind: 'install';
      readonly space: SpaceId;
      readonly channels: readonly Value[];
      readonly patterns: readonly Value[];
    };

export type ReplayState =
  | { readonly mode: 'normal' }
  | { readonly mode: 'replaying'; readonly index: number; readonly total: number }
  | { readonly mode: 'completed'; readonly total: number }
  | { readonly mode: 'failed'; readonly index: number; readonly reason: string };

/** A position in the log, for soft checkpoints. */
export interface LogMark {
  readonly length: number;
  readonly index: number;
  readonly failure: string | null;
}

export class OperationLog {
  private log: Operation[] = [];
  private replay: readonly Operation[] | null = null;
  private index = 0;
  private failure: string | null = null;

  /** Appends `op` unless replaying (a replay must not grow the log it replays). True if appended. */
  record(op: Operation): boolean {
    if (this.replay !== null) return false;
    this.log.push(op);
    return true;
  }

  /** The recorded operations, oldest first. */
  entries(): readonly Operation[] {
    return this.log.slice();
  }

  get length(): number {
    return this.log.length;
  }

  /** Empties the recorded log (not a replay in progress). */
  clear(): void {
    this.log = [];
  }

  /** Arms a replay of `log`. Throws if a replay is already armed. */
  enterReplay(log: readonly Operation[]): void {
    if (this.replay !== null) throw new RegistryReplayError('already in replay mode: exit the current replay first');
    this.replay = log.slice();
    this.index = 0;
    this.failure = null;
  }

  /** The next logged operation, advancing; `undefined` when done, failed, or not replaying. */
  next(): Operation | undefined {
    if (this.replay === null || this.failure !== null || this.index >= this.replay.length) return undefined;
    return this.replay[this.index++];
  }

  /**
   * Checks a live operation against the next logged one and advances. A mismatch, or an
   * operation past the end of the log, fails the replay and throws.
   */
  expect(op: Operation): void {
    if (this.replay === null) throw new RegistryReplayError('not in replay mode');
    if (this.failure !== null) throw new RegistryReplayError(`replay already failed: ${this.failure}`);
    const logged = this.replay[this.index];
    if (logged === undefined || !equals(asValue(logged), asValue(op))) {
      this.failure =
        logged === undefined
          ? `operation ${this.index} (${op.kind} in ${op.space}) is not in the log of ${this.replay.length}`
          : `operation ${this.index} is ${op.kind} in ${op.space}, the log has ${logged.kind} in ${logged.space}`;
      throw new RegistryReplayError(this.failure);
    }
    this.index++;
  }

  get state(): ReplayState {
    if (this.replay === null) return { mode: 'normal' };
    if (this.failure !== null) return { mode: 'failed', index: this.index, reason: this.failure };
    const total = this.replay.length;
    return this.index >= total ? { mode: 'completed', total } : { mode: 'replaying', index: this.index, total };
  }

  /** Passes only when a replay is armed and every logged operation was replayed. */
  check(): void {
    const state = this.state;
    if (state.mode === 'completed') return;
    if (state.mode === 'normal') throw new RegistryReplayError('not in replay mode');
    if (state.mode === 'failed') throw new RegistryReplayError(`replay failed: ${state.reason}`);
    throw new RegistryReplayError(
      `unused logged operations: ${state.total - state.index} of ${state.total} not replayed`,
    );
  }

  /** Ends the replay (whatever its state) and drops the replayed log. Throws if none is armed. */
  exitReplay(): void {
    if (this.replay === null) throw new RegistryReplayError('not in replay mode');
    this.replay = null;
    this.index = 0;
    this.failure = null;
  }

  mark(): LogMark {
    return { length: this.log.length, index: this.index, failure: this.failure };
  }

  /** Back to `mark`: drops operations recorded since and rewinds a replay's position. */
  rewind(mark: LogMark): void {
    this.log.length = Math.min(this.log.length, mark.length);
    if (this.replay !== null) {
      this.index = Math.min(mark.index, this.replay.length);
      this.failure = mark.failure;
    }
  }
}

/** Operations compare as values: kind, space and every field, in a fixed order. */
function asValue(op: Operation): Value {
  switch (op.kind) {
    case 'produce':
      return new Tuple(['produce', op.space, op.channel, op.datum, op.persist]);
    case 'consume':
      return new Tuple(['consume', op.space, op.channels, op.patterns, op.persist, op.peeks]);
    default:
      return new Tuple(['install', op.space, op.channels, op.patterns]);
  }
}
