import { print } from '../data/print.js';
import type { Value } from '../data/value.js';

/** The receiving operations of `TupleSpace`, as named in its errors. */
export type ReceiveOperation = 'take' | 'read' | 'takeAll' | 'readAll' | 'takeSimilar';

/**
 * A `take` / `read` (or their joins) that received nothing within its `timeoutMs`. By the time it is
 * thrown the waiting receive has been withdrawn from the space, so a datum that arrives later stays there.
 */
export class TakeTimeoutError extends Error {
  readonly code = 'TakeTimeout';
  readonly operation: ReceiveOperation;
  /** The channels the receive waited on, in the caller's order. */
  readonly channels: readonly Value[];
  readonly timeoutMs: number;

  constructor(operation: ReceiveOperation, channels: readonly Value[], timeoutMs: number) {
    super(`${operation} on ${channels.map(describe).join(', ')} timed out after ${timeoutMs} ms`);
    this.name = 'TakeTimeoutError';
    this.operation = operation;
    this.channels = channels;
    this.timeoutMs = timeoutMs;
  }
}

/** A channel as error messages show it; long channels are cut so that a message stays one readable line. */
function describe(channel: Value): string {
  const text = print(channel);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
