/**
 * The phlogiston cost table: what each kind of space operation costs, before any multiplier.
 *
 * Amounts are exact integers held in `number`s; every size, count and cost must be a non-negative
 * safe integer, and so must every result (else {@link InvalidPhlogistonAmountError}). Sizes that
 * the reference took from a type's in-memory size are real sizes here (DECISIONS 10): a send pays
 * for the byte length of the datum's canonical encoding, a vector search for its actual dimensions.
 */

import { InvalidPhlogistonAmountError } from './errors.js';

/** A chargeable operation. `kind` says which; parameterised kinds carry the size the cost grows with. */
export type PhlogistonOperation =
  | { readonly kind: 'Send'; readonly dataSize: number }
  | { readonly kind: 'Receive' }
  | { readonly kind: 'Match'; readonly patternCount: number }
  | { readonly kind: 'CreateChannel' }
  | { readonly kind: 'FreeChannel' }
  | { readonly kind: 'Checkpoint' }
  | { readonly kind: 'Replay'; readonly operationCount: number }
  | { readonly kind: 'CreateSpace' }
  | { readonly kind: 'Lookup' }
  | { readonly kind: 'VectorDbSearch'; readonly dimensions: number }
  | { readonly kind: 'PriorityQueueInsert' }
  | { readonly kind: 'PriorityQueuePop' }
  | { readonly kind: 'Custom'; readonly name: string; readonly cost: number };

/** The `kind`s of {@link PhlogistonOperation}. */
export type PhlogistonOperationKind = PhlogistonOperation['kind'];

// The table's numbers as module constants: V8 folds these into `costOf`, where reading the frozen
// table's properties would cost a load on every charge.
const SEND = 100;
const SEND_PER_BYTE = 1;
const RECEIVE = 100;
const MATCH = 50;
const MATCH_PER_PATTERN = 10;
const CREATE_CHANNEL = 200;
const FREE_CHANNEL = 50;
const CHECKPOINT = 500;
const REPLAY = 100;
const REPLAY_PER_OPERATION = 10;
const CREATE_SPACE = 1000;
const LOOKUP = 20;
const VECTOR_DB_SEARCH = 200;
const VECTOR_DB_SEARCH_PER_DIMENSION = 5;
const PRIORITY_QUEUE_INSERT = 50;
const PRIORITY_QUEUE_POP = 30;

/** The constants of the cost table (reference §6.1). `perX` terms multiply the operation's size. */
export const PHLOGISTON_COSTS = Object.freeze({
  send: SEND,
  sendPerByte: SEND_PER_BYTE,
  receive: RECEIVE,
  match: MATCH,
  matchPerPattern: MATCH_PER_PATTERN,
  createChannel: CREATE_CHANNEL,
  freeChannel: FREE_CHANNEL,
  checkpoint: CHECKPOINT,
  replay: REPLAY,
  replayPerOperation: REPLAY_PER_OPERATION,
  createSpace: CREATE_SPACE,
  lookup: LOOKUP,
  vectorDbSearch: VECTOR_DB_SEARCH,
  vectorDbSearchPerDimension: VECTOR_DB_SEARCH_PER_DIMENSION,
  priorityQueueInsert: PRIORITY_QUEUE_INSERT,
  priorityQueuePop: PRIORITY_QUEUE_POP,
});

/**
 * The price of an operation made by a builder, validated when it was built. A module-private
 * symbol, so only the builders can set it: a caller's literal cannot claim a price of its own.
 * Charging a built operation is then a property load instead of a switch over `kind`.
 */
const PRICE: unique symbol = Symbol('phlogiston price');

/**
 * Stamps `op` with its price (non-enumerable, so built operations still compare equal to literals)
 * and freezes it. An invalid operation is left unstamped: it is refused when charged, as a literal
 * would be, so building one never throws.
 */
function priced<O extends PhlogistonOperation>(op: O): O {
  let price: number;
  try {
    price = costOf(op);
  } catch {
    return op;
  }
  Object.defineProperty(op, PRICE, { value: price });
  return Object.freeze(op);
}

/** The price stamped on a built operation, or undefined for a literal. */
export function builtPrice(op: PhlogistonOperation): number | undefined {
  return (op as { [PRICE]?: number })[PRICE];
}

// Parameterless operations are shared frozen singletons, so charging them allocates nothing.
const RECEIVE_OP: PhlogistonOperation = priced({ kind: 'Receive' });
const CREATE_CHANNEL_OP: PhlogistonOperation = priced({ kind: 'CreateChannel' });
const FREE_CHANNEL_OP: PhlogistonOperation = priced({ kind: 'FreeChannel' });
const CHECKPOINT_OP: PhlogistonOperation = priced({ kind: 'Checkpoint' });
const CREATE_SPACE_OP: PhlogistonOperation = priced({ kind: 'CreateSpace' });
const LOOKUP_OP: PhlogistonOperation = priced({ kind: 'Lookup' });
const PQ_INSERT_OP: PhlogistonOperation = priced({ kind: 'PriorityQueueInsert' });
const PQ_POP_OP: PhlogistonOperation = priced({ kind: 'PriorityQueuePop' });

/**
 * Builders of {@link PhlogistonOperation}s. Plain object literals (`{ kind: 'Receive' }`) work just
 * as well; built operations are priced once, when built, and frozen, so charging them skips the
 * cost table: that pays off for operations built once and charged often.
 */
export const PhlogistonOp = Object.freeze({
  send: (dataSize: number): PhlogistonOperation => priced({ kind: 'Send', dataSize }),
  receive: RECEIVE_OP,
  match: (patternCount: number): PhlogistonOperation => priced({ kind: 'Match', patternCount }),
  createChannel: CREATE_CHANNEL_OP,
  freeChannel: FREE_CHANNEL_OP,
  checkpoint: CHECKPOINT_OP,
  replay: (operationCount: number): PhlogistonOperation => priced({ kind: 'Replay', operationCount }),
  createSpace: CREATE_SPACE_OP,
  lookup: LOOKUP_OP,
  vectorDbSearch: (dimensions: number): PhlogistonOperation => priced({ kind: 'VectorDbSearch', dimensions }),
  priorityQueueInsert: PQ_INSERT_OP,
  priorityQueuePop: PQ_POP_OP,
  custom: (name: string, cost: number): PhlogistonOperation => priced({ kind: 'Custom', name, cost }),
});

/**
 * The cost of `op` before any multiplier: `100 + dataSize` for a send, `50 + 10 × patternCount`
 * for a match, and so on (see {@link PHLOGISTON_COSTS}).
 */
export function costOf(op: PhlogistonOperation): number {
  // The commonest kinds come first: a string switch is a chain of comparisons.
  switch (op.kind) {
    case 'Send':
      return linear(SEND, SEND_PER_BYTE, op.dataSize, 'dataSize');
    case 'Receive':
      return RECEIVE;
    case 'CreateChannel':
      return CREATE_CHANNEL;
    case 'Match':
      return linear(MATCH, MATCH_PER_PATTERN, op.patternCount, 'patternCount');
    case 'FreeChannel':
      return FREE_CHANNEL;
    case 'Checkpoint':
      return CHECKPOINT;
    case 'Replay':
      return linear(REPLAY, REPLAY_PER_OPERATION, op.operationCount, 'operationCount');
    case 'CreateSpace':
      return CREATE_SPACE;
    case 'Lookup':
      return LOOKUP;
    case 'VectorDbSearch':
      return linear(VECTOR_DB_SEARCH, VECTOR_DB_SEARCH_PER_DIMENSION, op.dimensions, 'dimensions');
    case 'PriorityQueueInsert':
      return PRIORITY_QUEUE_INSERT;
    case 'PriorityQueuePop':
      return PRIORITY_QUEUE_POP;
    case 'Custom':
      return checkAmount(op.cost, 'cost');
    default:
      return unknownKind(op);
  }
}

/**
 * A short description of `op`, as used in {@link OutOfPhlogistonError.operation}: `send(N bytes)`,
 * `receive`, `match(N elements)`, `create_channel`, `free_channel`, `checkpoint`, `replay(N ops)`,
 * `create_space`, `lookup`, `vector_search(N dims)`, `priority_queue_insert`, `priority_queue_pop`,
 * or a custom operation's own name.
 */
export function describeOperation(op: PhlogistonOperation): string {
  switch (op.kind) {
    case 'Send':
      return `send(${op.dataSize} bytes)`;
    case 'Receive':
      return 'receive';
    case 'Match':
      return `match(${op.patternCount} elements)`;
    case 'CreateChannel':
      return 'create_channel';
    case 'FreeChannel':
      return 'free_channel';
    case 'Checkpoint':
      return 'checkpoint';
    case 'Replay':
      return `replay(${op.operationCount} ops)`;
    case 'CreateSpace':
      return 'create_space';
    case 'Lookup':
      return 'lookup';
    case 'VectorDbSearch':
      return `vector_search(${op.dimensions} dims)`;
    case 'PriorityQueueInsert':
      return 'priority_queue_insert';
    case 'PriorityQueuePop':
      return 'priority_queue_pop';
    case 'Custom':
      return op.name;
    default:
      return unknownKind(op);
  }
}

/** Returns `amount` if it is a non-negative safe integer; throws otherwise. */
export function checkAmount(amount: number, subject: string): number {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new InvalidPhlogistonAmountError(subject, amount);
  return amount;
}

/** `base + perUnit × units`, exactly. */
function linear(base: number, perUnit: number, units: number, subject: string): number {
  // Fast path: a uint32 size cannot overflow, and this test is cheaper than Number.isSafeInteger
  // (the typeof guard keeps `>>>` away from bigints and symbols, which it would throw on).
  if (typeof units === 'number' && units === units >>> 0) return base + perUnit * units;
  checkAmount(units, subject);
  const cost = base + perUnit * units;
  // Both terms are safe integers, so a true result beyond the safe range rounds to at least 2^53.
  if (cost > Number.MAX_SAFE_INTEGER) throw new InvalidPhlogistonAmountError('cost', cost);
  return cost;
}

function unknownKind(op: never): never {
  throw new InvalidPhlogistonAmountError('operation', (op as { kind?: unknown }).kind, 'a known operation kind');
}
