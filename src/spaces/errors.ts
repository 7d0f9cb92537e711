/**
 * Typed errors of the space engine. Every error has a stable `code` that callers may switch on;
 * messages are for people and may change. A call that throws one of these has left the space
 * exactly as it was before the call.
 */

/** The stable codes of {@link SpaceError}. */
export type SpaceErrorCode =
  | 'CellAlreadyFull'
  | 'OutOfNames'
  | 'InvalidConfiguration'
  | 'ArityMismatch'
  | 'InvalidPeek'
  | 'InvalidPriority'
  | 'InvalidChannel'
  | 'SeqChannelNotMobile'
  | 'SeqChannelConcurrency'
  | 'TheoryValidationError'
  | 'CheckpointError';

/**
 * Base class of every typed error in the project. `C` is the module's union of stable codes
 * (the engine's by default; gas, registry and history errors bring their own), so one
 * `catch (e) { if (e instanceof SpaceError) ... }` handles every refusal.
 */
export class SpaceError<C extends string = SpaceErrorCode> extends Error {
  readonly code: C;
  constructor(code: C, message: string) {
    super(message);
    this.code = code;
    this.name = new.target.name;
  }
}

/** A produce on a Cell channel that already holds a value. */
export class CellAlreadyFullError extends SpaceError {
  readonly channel: string;
  constructor(channel: string) {
    super('CellAlreadyFull', `cell channel ${channel} already contains data; consume it before writing again`);
    this.channel = channel;
  }
}

/** gensym on a full, non-cyclic Array space. */
export class OutOfNamesError extends SpaceError {
  readonly maxSize: number;
  constructor(maxSize: number) {
    super('OutOfNames', `out of names: this array space holds at most ${maxSize} channels and is not cyclic`);
    this.maxSize = maxSize;
  }
}

/** A space configuration, or a channel that the configuration cannot hold. */
export class InvalidConfigurationError extends SpaceError {
  constructor(description: string) {
    super('InvalidConfiguration', description);
  }
}

/** A consume whose channel list and pattern list differ in length, or that names no channel. */
export class ArityMismatchError extends SpaceError {
  readonly channels: number;
  readonly patterns: number;
  constructor(channels: number, patterns: number) {
    super(
      'ArityMismatch',
      channels === 0
        ? 'a consume needs at least one channel'
        : `a consume needs one pattern per channel: got ${channels} channel(s) and ${patterns} pattern(s)`,
    );
    this.channels = channels;
    this.patterns = patterns;
  }
}

/** A peek index that is not the position of one of the consume's channels. */
export class InvalidPeekError extends SpaceError {
  readonly index: unknown;
  constructor(index: unknown, channels: number) {
    super('InvalidPeek', `peek index ${String(index)} is not a channel position (0..${channels - 1})`);
    this.index = index;
  }
}

/** A priority that is not a non-negative integer below the level limit. */
export class InvalidPriorityError extends SpaceError {
  readonly priority: unknown;
  constructor(priority: unknown, maxLevels: number) {
    super('InvalidPriority', `priority ${String(priority)} is not an integer in 0..${maxLevels - 1}`);
    this.priority = priority;
  }
}

/** A channel the space's store cannot address (for example a string in an Array space). */
export class InvalidChannelError extends SpaceError {
  constructor(description: string) {
    super('InvalidChannel', description);
  }
}

/** A Seq space's channel sent inside data (Seq channels may not leave their space's control). */
export class SeqChannelNotMobileError extends SpaceError {
  constructor(channel: string) {
    super('SeqChannelNotMobile', `seq channel ${channel} cannot be sent as data: seq channels are not mobile`);
  }
}

/** A second waiting consume on a channel of a Seq space (Seq channels are not concurrent). */
export class SeqChannelConcurrencyError extends SpaceError {
  constructor(channel: string) {
    super(
      'SeqChannelConcurrency',
      `seq channel ${channel} already has a waiting consume: seq channels admit one waiting consume at a time`,
    );
  }
}

/** A produced datum that the space's theory rejects; nothing was stored. */
export class TheoryValidationError extends SpaceError {
  /** The theory's name. */
  readonly theory: string;
  /** A rendering of the rejected datum. */
  readonly term: string;
  readonly reason: string;
  constructor(theory: string, term: string, reason: string) {
    super('TheoryValidationError', `theory ${theory} rejects ${term}: ${reason}`);
    this.theory = theory;
    this.term = term;
    this.reason = reason;
  }
}

/** A checkpoint operation that cannot be carried out (no open checkpoint, wrong nesting). */
export class CheckpointError extends SpaceError {
  constructor(description: string) {
    super('CheckpointError', description);
  }
}
