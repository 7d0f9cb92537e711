/**
 * Typed errors of phlogiston (gas) accounting. Like the engine's errors they carry a stable `code`;
 * messages are for people and may change. A call that throws one of these has changed nothing: not
 * the meter, and (through a charging space) not the space.
 */
import { SpaceError } from '../spaces/errors.js';

/** The stable codes of {@link PhlogistonError}. */
export type PhlogistonErrorCode = 'OutOfPhlogiston' | 'InvalidPhlogistonAmount';

/** Base class of the phlogiston errors; a `SpaceError`, so one `catch` handles every refusal. */
export class PhlogistonError extends SpaceError<PhlogistonErrorCode> {}

/** A charge larger than the balance. Nothing was deducted. */
export class OutOfPhlogistonError extends PhlogistonError {
  /** What the charge would have deducted (the multiplier applied). */
  readonly required: number;
  /** The balance at the time of the charge. */
  readonly available: number;
  /** What was being charged for, e.g. `send(12 bytes)` or `receive + match(2 elements)`. */
  readonly operation: string;
  constructor(required: number, available: number, operation: string) {
    super('OutOfPhlogiston', `out of phlogiston: ${operation} needs ${required}, only ${available} left`);
    this.required = required;
    this.available = available;
    this.operation = operation;
  }
}

/**
 * An amount, size, limit or multiplier that the meter cannot account for exactly: not a
 * non-negative safe integer (or, for a multiplier, not a finite non-negative number), or a result
 * that would leave the safe-integer range.
 */
export class InvalidPhlogistonAmountError extends PhlogistonError {
  /** The offending input. */
  readonly amount: unknown;
  /** What it was: `amount`, `limit`, `multiplier`, `dataSize`, ... */
  readonly subject: string;
  constructor(subject: string, amount: unknown, requirement = 'a non-negative safe integer') {
    super('InvalidPhlogistonAmount', `${subject} must be ${requirement}, got ${show(amount)}`);
    this.amount = amount;
    this.subject = subject;
  }
}

/** Renders any input for a message without calling user code (a null-prototype object has no `toString`). */
function show(x: unknown): string {
  if (typeof x === 'string') return JSON.stringify(x);
  if (typeof x === 'object' && x !== null) return Object.prototype.toString.call(x);
  if (typeof x === 'function') return 'a function';
  return String(x);
}
