/**
 * Phlogiston accounting of the reducer (rholang-surface §5). Fixed charges follow the reference's
 * table exactly; sizes are the lengths of our canonical term encoding (`encodedLength`) where the
 * reference uses protobuf sizes, so totals are close to, not equal to, the node's.
 *
 * Charges come before the work they pay for: when the balance is short the meter throws
 * `OutOfPhlogistonError` and the step does not happen; the runtime then stops evaluation.
 */

import type { PhlogistonMeter } from '../../gas/meter.js';
import { gint } from '../term/build.js';
import { encodedLength, keyOf } from '../term/encode.js';
import type { BinaryOperator, UnaryOperator } from '../term/nodes-expr.js';
import { EList } from '../term/nodes-ground.js';
import type { Term } from '../term/term.js';

/** The fixed costs of the reference's cost table. */
export const RHO_COSTS = {
  send: 11,
  receive: 11,
  newBase: 10,
  newPerName: 2,
  match: 12,
  useBlock: 12,
  varLookup: 10,
  methodCall: 10,
  /** `+` and `-` on integers. */
  sum: 3,
  /** `*`, `/`, `%`. */
  product: 9,
  comparison: 3,
  boolean: 2,
  /** The operator-call cost of `++`, `%%` and collection operators. */
  opCall: 10,
  /** Blake2b-256 hash length: the unit of event costs. */
  hash: 32,
} as const;

/** What expression evaluation charges; the reducer's cost model implements it. */
export interface ExprCosts {
  unary(op: UnaryOperator): void;
  binary(op: BinaryOperator, left: Term, right: Term): void;
  method(name: string, receiver: Term, args: readonly Term[]): void;
  matches(target: Term, pattern: Term): void;
}

/** Integers encode to a fixed size; a send of a counter should not pay for encoding it. */
const INT_SIZE = encodedLength(gint(0));

/** The encoded size of an empty list: a list of values encodes to this plus the sizes of the values. */
export const EMPTY_LIST_SIZE = encodedLength(new EList([], null));

/**
 * The size of a term for substitution and storage charges: its canonical encoding's length.
 * Names are sized by their key, which channels have memoized, rather than encoded again.
 */
export function sizeOf(t: Term): number {
  if (t.kind === 'Int') return INT_SIZE;
  if (t.kind === 'Unforgeable') return keyOf(t).length;
  return encodedLength(t);
}

export function sizeOfAll(ts: readonly Term[]): number {
  let n = 0;
  for (let i = 0; i < ts.length; i++) n += sizeOf(ts[i]);
  return n;
}

/** Elements of a collection value (for method costs); 0 for anything else. */
function count(t: Term): number {
  switch (t.kind) {
    case 'List':
    case 'Tuple':
    case 'Set':
    case 'PathMap':
      return t.elements.length;
    case 'Map':
      return t.keys.length;
    case 'String':
      return Buffer.byteLength(t.value, 'utf8');
    case 'Bytes':
      return t.value.length;
    default:
      return 0;
  }
}

function intArg(args: readonly Term[], i: number): number {
  const a = args[i];
  if (a === undefined || a.kind !== 'Int') return 0;
  const v = a.value;
  return v < 0n ? 0 : v > 1_000_000_000n ? 1_000_000_000 : Number(v);
}

/** Charges a {@link PhlogistonMeter} for every step of a run. */
export class RhoCostModel implements ExprCosts {
  readonly meter: PhlogistonMeter;
  constructor(meter: PhlogistonMeter) {
    this.meter = meter;
  }

  charge(amount: number, what: string): void {
    this.meter.chargeAmount(amount, what);
  }

  parsing(sourceBytes: number): void {
    this.charge(sourceBytes, 'parsing');
  }

  /**
   * A send of `stored` bytes (channel and data): the evaluation, the substitution and — in the default space
   * (`storage`) — their storage; user spaces charge storage to their own meters.
   */
  send(stored: number, storage: boolean): number {
    this.charge(RHO_COSTS.send + (storage ? 2 : 1) * stored, 'send');
    return stored;
  }

  /** A receive: the evaluation, the substituted sources, patterns and body, and their storage (as for `send`). */
  receive(
    sources: readonly Term[],
    patterns: readonly { readonly size: number }[],
    bodySize: number,
    storage: boolean,
  ): number {
    let stored = sizeOfAll(sources) + bodySize;
    for (const p of patterns) stored += p.size;
    this.charge(RHO_COSTS.receive + (storage ? 2 : 1) * stored, 'receive');
    return stored;
  }

  /** The event an operation that stored something leaves in the log (`32 + 32n`). */
  stored(channels: number): void {
    this.charge(RHO_COSTS.hash * (1 + channels), 'event');
  }

  /** A COMM over `channels` channels; `refund` is the storage the consumed data and continuation gave back. */
  comm(channels: number, triggerPersistent: boolean, refund: number): void {
    const h = RHO_COSTS.hash;
    let cost = h + h * channels + 2 * h * channels;
    if (!triggerPersistent) cost += h + h * channels;
    this.charge(cost, 'comm');
    if (refund > 0) {
      // A meter keeps limit + refunds a safe integer: near that bound, refunds stop (they only ever help).
      const m = this.meter;
      const room = m.isUnlimited ? refund : Number.MAX_SAFE_INTEGER - m.limit - m.refunded;
      if (room > 0) m.refund(Math.min(refund, room));
    }
  }

  newNames(count: number): void {
    this.charge(RHO_COSTS.newBase + RHO_COSTS.newPerName * count, 'new');
  }

  match(target: Term): void {
    this.charge(RHO_COSTS.match + sizeOf(target), 'match');
  }

  matchCase(pattern: Term): void {
    this.charge(sizeOf(pattern), 'match case');
  }

  useBlock(): void {
    this.charge(RHO_COSTS.useBlock, 'use');
  }

  varLookup(): void {
    this.charge(RHO_COSTS.varLookup, 'variable');
  }

  unary(op: UnaryOperator): void {
    this.charge(op === 'neg' ? RHO_COSTS.sum : RHO_COSTS.boolean, op === 'neg' ? '-' : 'not');
  }

  binary(op: BinaryOperator, left: Term, right: Term): void {
    this.charge(binaryCost(op, left, right), op);
  }

  method(name: string, receiver: Term, args: readonly Term[]): void {
    this.charge(RHO_COSTS.methodCall + methodCost(name, receiver, args), name);
  }

  matches(target: Term, pattern: Term): void {
    this.charge(sizeOf(target) + sizeOf(pattern), 'matches');
  }
}

function binaryCost(op: BinaryOperator, left: Term, right: Term): number {
  const collection = left.kind === 'Set' || left.kind === 'Map';
  switch (op) {
    case '+':
    case '-':
      // On a set or map these add or remove one element: the call plus one lookup.
      return collection ? RHO_COSTS.opCall + 3 : RHO_COSTS.sum;
    case '*':
    case '/':
    case '%':
      return RHO_COSTS.product;
    case '<':
    case '<=':
    case '>':
    case '>=':
      return RHO_COSTS.comparison;
    case '==':
    case '!=':
      return Math.min(sizeOf(left), sizeOf(right));
    case 'and':
    case 'or':
      return RHO_COSTS.boolean;
    case '++':
      if (collection) return RHO_COSTS.opCall + 3 * count(right);
      if (left.kind === 'String') return RHO_COSTS.opCall + count(left) + count(right);
      if (left.kind === 'Bytes') return RHO_COSTS.opCall + Math.ceil(Math.log10(Math.max(1, count(left))));
      return RHO_COSTS.opCall + count(left);
    case '--':
      return RHO_COSTS.opCall + 3 * count(right);
    case '%%':
      return RHO_COSTS.opCall + count(left) * count(right);
  }
}

/** The method-specific part of a method call's cost (the reference's table). */
function methodCost(name: string, receiver: Term, args: readonly Term[]): number {
  switch (name) {
    case 'nth':
    case 'length':
    case 'keys':
      return 10;
    case 'size':
    case 'toList':
    case 'toSet':
    case 'toMap':
      return count(receiver);
    case 'slice':
      return intArg(args, 1);
    case 'take':
      return intArg(args, 0);
    case 'get':
    case 'getOrElse':
    case 'set':
    case 'contains':
    case 'add':
    case 'delete':
      return 3;
    case 'union':
    case 'diff':
      return 3 * (args[0] === undefined ? 0 : count(args[0]));
    case 'toByteArray':
      return sizeOf(receiver);
    case 'hexToBytes':
    case 'bytesToHex':
    case 'toUtf8Bytes':
      return count(receiver);
    default:
      return 0;
  }
}
