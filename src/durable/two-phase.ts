/**
 * Hard checkpoints and resets in two phases, so that a caller coordinating several spaces (the
 * registry) can make them all-or-nothing: first every space prepares (computes and checks
 * everything that can fail, changing nothing), then every space commits.
 */
import type { EventLog } from './events.js';

/** What `createCheckpoint` returns. */
export interface HardCheckpoint {
  /** BLAKE2b-256 Merkle root of the state. */
  readonly root: Uint8Array;
  /** The events since the previous checkpoint (or reset), oldest first. */
  readonly log: EventLog;
}

/** A checkpoint computed (every leaf encoded) but not written yet. */
export interface PreparedCheckpoint {
  /**
   * Writes the checkpoint and makes its root the space's last root. Refused with
   * `CheckpointError` if the space changed since it was prepared.
   */
  commit(): HardCheckpoint;
  /**
   * After `commit`, takes the space's bookkeeping back to before it (last root, event log, what
   * changed since): as if the checkpoint had not been made. What was written stays in the history
   * store, unreferenced by the space.
   */
  rollback(): void;
}

/** A reset whose state has been read from the history and checked, not applied yet. */
export interface PreparedReset {
  /** Applies the state. Cannot fail, except when the space changed since it was prepared (`CheckpointError`). */
  commit(): void;
}

/** A space that takes part in multi-space hard checkpoints (a `DurableSpace`, or your own). */
export interface HardCheckpointable {
  prepareCheckpoint(): PreparedCheckpoint;
  prepareReset(root: Uint8Array): PreparedReset;
}

export function isHardCheckpointable(space: unknown): space is HardCheckpointable {
  return (
    typeof space === 'object' &&
    space !== null &&
    typeof (space as Partial<HardCheckpointable>).prepareCheckpoint === 'function' &&
    typeof (space as Partial<HardCheckpointable>).prepareReset === 'function'
  );
}
