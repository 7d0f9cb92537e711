/**
 * `PhlogistonMeter`: a balance of phlogiston (gas) that operations are charged against.
 *
 * Accounting is exact: every amount is a non-negative safe integer held in a `number`, and an
 * input or result outside that range throws {@link InvalidPhlogistonAmountError} instead of being
 * rounded. A charge either succeeds completely or throws and changes nothing, so for a limited
 * meter `balance + consumed − refunded = limit` always holds.
 *
 * "Unlimited" is a mode of its own (`PhlogistonMeter.unlimited()`), not a large limit: it never
 * runs out, still counts what was consumed, and reports `limit` and `balance` as `Infinity`.
 */

import { builtPrice, checkAmount, costOf, describeOperation, type PhlogistonOperation } from './costs.js';
import { InvalidPhlogistonAmountError, OutOfPhlogistonError } from './errors.js';
import { Multiplier } from './multiplier.js';

/** The limit of a meter (and of a charging space) when none is given. */
export const DEFAULT_PHLOGISTON_LIMIT = 10_000_000;

const MAX = Number.MAX_SAFE_INTEGER;

export interface PhlogistonMeterOptions {
  /**
   * Every charge deducts `ceil(cost × multiplier)`, computed exactly with the multiplier read as the
   * decimal JavaScript prints for it (so `0.1` is exactly 1/10). A finite number ≥ 0; default 1.
   * Refunds are not scaled.
   */
  multiplier?: number;
}

export class PhlogistonMeter {
  /** A meter that never runs out but still counts what is consumed. */
  static unlimited(options?: PhlogistonMeterOptions): PhlogistonMeter {
    const meter = new PhlogistonMeter(0, options);
    meter.unlimitedMode = true;
    meter.ceiling = MAX;
    return meter;
  }

  // Every field is assigned in the constructor, in this order, so all meters share one shape.
  private unlimitedMode: boolean;
  private readonly initial: number;
  /**
   * What `consumed` may reach: `limit + refunded`, or `MAX_SAFE_INTEGER` for an unlimited meter,
   * so that `charge` runs the same single comparison in both modes and `consumed` stays exact.
   * The balance is `ceiling − consumed`, derived rather than stored, so a charge writes one field.
   */
  private ceiling: number;
  private consumedValue: number;
  private refundedValue: number;
  private readonly scale: Multiplier;
  /** True when the multiplier is 1, so `charge` can skip scaling. */
  private readonly unit: boolean;

  /** A meter holding `limit` (a non-negative safe integer; default {@link DEFAULT_PHLOGISTON_LIMIT}). */
  constructor(limit: number = DEFAULT_PHLOGISTON_LIMIT, options?: PhlogistonMeterOptions) {
    this.unlimitedMode = false;
    this.initial = checkAmount(limit, 'limit');
    this.ceiling = limit;
    this.consumedValue = 0;
    this.refundedValue = 0;
    this.scale = new Multiplier(options?.multiplier ?? 1);
    this.unit = this.scale.isOne;
  }

  /** True for a meter made by {@link PhlogistonMeter.unlimited}. */
  get isUnlimited(): boolean {
    return this.unlimitedMode;
  }

  /** The balance the meter started with and returns to on `reset()`; `Infinity` when unlimited. */
  get limit(): number {
    return this.unlimitedMode ? Number.POSITIVE_INFINITY : this.initial;
  }

  /** What is left; `Infinity` when unlimited. */
  get balance(): number {
    return this.unlimitedMode ? Number.POSITIVE_INFINITY : this.ceiling - this.consumedValue;
  }

  /** The sum of every successful charge since creation or the last `reset()` (refunds do not lower it). */
  get consumed(): number {
    return this.consumedValue;
  }

  /** The sum of every refund since creation or the last `reset()`. */
  get refunded(): number {
    return this.refundedValue;
  }

  /** The multiplier applied to every charge. */
  get multiplier(): number {
    return this.scale.value;
  }

  /** What `charge(op)` would deduct: the operation's cost with the multiplier applied. */
  price(op: PhlogistonOperation): number {
    const cost = builtPrice(op) ?? costOf(op);
    return this.unit ? cost : this.scaled(cost);
  }

  /**
   * Deducts the price of `op` and returns it. Throws {@link OutOfPhlogistonError} (and changes
   * nothing) if the balance is smaller. Allocates nothing unless it throws.
   */
  charge(op: PhlogistonOperation): number {
    const cost = builtPrice(op) ?? costOf(op);
    return this.deduct(this.unit ? cost : this.scaled(cost), op);
  }

  /** Deducts `amount` (scaled by the multiplier) and returns what was deducted; `description` names it in errors. */
  chargeAmount(amount: number, description: string): number {
    checkAmount(amount, 'amount');
    return this.deduct(this.unit ? amount : this.scaled(amount), description);
  }

  /**
   * Charges every operation in `ops` or none of them: the total of their prices (each rounded on
   * its own, so the total equals what separate charges would deduct) is checked against the
   * balance first. The error of a failed call reports the total and all the operations
   * (`receive + match(2 elements)`). Returns the total deducted.
   */
  chargeAll(ops: readonly PhlogistonOperation[]): number {
    let total = 0;
    for (let i = 0; i < ops.length; i++) {
      total += this.price(ops[i]);
      if (total > MAX) throw new InvalidPhlogistonAmountError('total charge', total);
    }
    return this.deduct(total, ops);
  }

  /** True iff `chargeAmount(amount, …)` would succeed now. */
  canCharge(amount: number): boolean {
    checkAmount(amount, 'amount');
    const n = this.unit ? amount : this.scale.apply(amount);
    return n >= 0 && n <= this.ceiling - this.consumedValue;
  }

  /**
   * Adds `amount` (not scaled) back to the balance; `consumed` is unchanged and the balance may
   * exceed the limit. Refused if `limit + refunded` would leave the safe-integer range (which is
   * what keeps `balance` and `consumed` exact).
   */
  refund(amount: number): void {
    checkAmount(amount, 'amount');
    const refunded = this.refundedValue + amount;
    if (this.initial + refunded > MAX)
      throw new InvalidPhlogistonAmountError('limit + refunded total', this.initial + refunded);
    if (!this.unlimitedMode) this.ceiling += amount;
    this.refundedValue = refunded;
  }

  /** Restores the balance to the limit and zeroes `consumed` and `refunded`. */
  reset(): void {
    this.ceiling = this.unlimitedMode ? MAX : this.initial;
    this.consumedValue = 0;
    this.refundedValue = 0;
  }

  /** Takes `n` off the balance, or throws having changed nothing. `what` is only read to build an error. */
  private deduct(n: number, what: PhlogistonOperation | readonly PhlogistonOperation[] | string): number {
    // One branch for both modes (see `ceiling`). Exact: both are safe integers, and `consumed`
    // stays within the ceiling, which is a safe integer.
    const consumed = this.consumedValue + n;
    if (consumed > this.ceiling) throw this.refusal(n, what);
    this.consumedValue = consumed;
    return n;
  }

  private refusal(n: number, what: PhlogistonOperation | readonly PhlogistonOperation[] | string): Error {
    if (this.unlimitedMode) return new InvalidPhlogistonAmountError('consumed total', this.consumedValue + n);
    return new OutOfPhlogistonError(n, this.ceiling - this.consumedValue, describeWhat(what));
  }

  private scaled(amount: number): number {
    const n = this.scale.apply(amount);
    if (n < 0) throw new InvalidPhlogistonAmountError('scaled amount', `${amount} × ${this.scale.value}`);
    return n;
  }
}

function describeWhat(what: PhlogistonOperation | readonly PhlogistonOperation[] | string): string {
  if (typeof what === 'string') return what;
  if (Array.isArray(what)) return (what as readonly PhlogistonOperation[]).map(describeOperation).join(' + ');
  return describeOperation(what as PhlogistonOperation);
}
