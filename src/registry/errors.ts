/**
 * Typed errors of the registry, the URN factory and theory loading. Like the engine's
 * `SpaceError`s (their base class, with the registry's own code union), every error has a stable
 * `code` callers may switch on; messages are for people. Configuration problems
 * (bad URNs, bad config maps, duplicate ids) reuse the engine's `InvalidConfigurationError`, a Seq
 * channel sent as data its `SeqChannelNotMobileError`, and checkpoint misuse its `CheckpointError`,
 * so one `code` means one thing everywhere.
 */

import { SpaceError } from '../spaces/errors.js';

/** The stable codes of {@link RegistryError}. */
export type RegistryErrorCode =
  | 'TheoryNotSupported'
  | 'ChannelNotFound'
  | 'CrossSpaceJoinNotAllowed'
  | 'SpaceNotFound'
  | 'ReplayError';

/** Base class of the registry's errors. */
export class RegistryError extends SpaceError<RegistryErrorCode> {}

/** A theory spec that names no builtin theory, or a theory kind (`mettail:`, `inline:`, `uri:`) not supported in this version. */
export class TheoryNotSupportedError extends RegistryError {
  /** The spec as given. */
  readonly theory: string;
  constructor(theory: string, reason: string) {
    super('TheoryNotSupported', `theory ${JSON.stringify(theory)} is not supported: ${reason}`);
    this.theory = theory;
  }
}

/** A channel of a join that no space owns. */
export class ChannelNotFoundError extends RegistryError {
  /** Position of the channel in the join. */
  readonly index: number;
  readonly channel: string;
  constructor(index: number, channel: string) {
    super('ChannelNotFound', `channel ${index} (${channel}) of the join is not owned by any space`);
    this.index = index;
    this.channel = channel;
  }
}

/** A join whose channels live in different spaces: a consume runs in exactly one space. */
export class CrossSpaceJoinNotAllowedError extends RegistryError {
  /** Position of the first channel whose space differs from channel 0's. */
  readonly index: number;
  readonly expected: string;
  readonly found: string;
  constructor(index: number, expected: string, found: string) {
    super(
      'CrossSpaceJoinNotAllowed',
      `a join cannot span spaces: channel 0 is in space ${JSON.stringify(expected)} but channel ${index} is in space ${JSON.stringify(found)}`,
    );
    this.index = index;
    this.expected = expected;
    this.found = found;
  }
}

/** A space id that is not registered. */
export class SpaceNotFoundError extends RegistryError {
  readonly spaceId: string;
  constructor(spaceId: string) {
    super('SpaceNotFound', `no space is registered as ${JSON.stringify(spaceId)}`);
    this.spaceId = spaceId;
  }
}

/** A misuse of the operation log's replay mode, or a replayed operation that differs from the log. */
export class RegistryReplayError extends RegistryError {
  constructor(message: string) {
    super('ReplayError', message);
  }
}
