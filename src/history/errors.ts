/**
 * Typed errors of the history layer. Every error has a stable `code` that callers may switch on; messages are
 * for people and may change (hashes in messages are lowercase hex).
 */

import { SpaceError } from '../spaces/errors.js';

/** The stable codes of {@link HistoryError}. */
export type HistoryErrorCode =
  /** `initHashing()` has not finished, so nothing can be hashed yet. */
  | 'HashingNotInitialised'
  /** A root that is neither registered in the store nor the empty root. */
  | 'UnknownRoot'
  /** A trie node or a leaf that a reachable node points at is absent from its store. */
  | 'MissingNode'
  /** Stored bytes that do not hash to their key, or a node that does not decode to a canonical trie node. */
  | 'CorruptedNode'
  /** A write whose bytes do not hash to the key they are written under (verifying store). */
  | 'RootMismatch'
  /** A key or value of the wrong length, or another malformed argument. */
  | 'InvalidInput'
  /** An operation on a store after `close()`. */
  | 'StoreClosed'
  /** A write to a store opened read-only. */
  | 'ReadOnly'
  /** A directory that holds no history (opening read-only never creates one). */
  | 'NotAHistory';

/** The error thrown by everything in `src/history`. */
export class HistoryError extends SpaceError<HistoryErrorCode> {}
