/**
 * Exact scaling of phlogiston amounts by a configured multiplier.
 *
 * A multiplier is taken to be the decimal number JavaScript prints for it (`String(m)`, which
 * ECMAScript defines exactly as the shortest decimal that reads back as `m`), so `0.1` means
 * exactly 1/10 and not the binary double 0.1000000000000000055…. A scaled amount is the
 * **ceiling** of `amount × multiplier`, computed exactly with integers: `ceil(100 × 0.1) = 10`,
 * `ceil(101 × 0.1) = 11`, `ceil(3 × 1.5) = 5`. Rounding up means no non-zero charge becomes free
 * unless the multiplier is 0. The result is the same on every machine, which replay relies on.
 */

import { InvalidPhlogistonAmountError } from './errors.js';

const MAX = Number.MAX_SAFE_INTEGER;
const MAX_BIG = BigInt(MAX);
const DECIMAL = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

export class Multiplier {
  /** The multiplier as given. */
  readonly value: number;
  /** True for 1: scaling is the identity and can be skipped. */
  readonly isOne: boolean;
  /** Numerator and denominator in lowest terms; the `number` copies are used only when `safe`. */
  private readonly safe: boolean;
  private readonly num: number;
  private readonly den: number;
  private readonly bigNum: bigint;
  private readonly bigDen: bigint;

  constructor(value: number) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new InvalidPhlogistonAmountError('multiplier', value, 'a finite non-negative number');
    }
    this.value = value;
    this.isOne = value === 1;
    const m = DECIMAL.exec(String(value));
    // Unreachable for finite non-negative numbers, whose printed form always fits the pattern.
    if (m === null) throw new InvalidPhlogistonAmountError('multiplier', value, 'a finite non-negative number');
    const frac = m[2] ?? '';
    const exp = Number(m[3] ?? '0') - frac.length;
    let num = BigInt(m[1] + frac);
    let den = 1n;
    if (exp >= 0) num *= 10n ** BigInt(exp);
    else den = 10n ** BigInt(-exp);
    const g = gcd(num, den);
    this.bigNum = num / g;
    this.bigDen = den / g;
    this.safe = this.bigNum <= MAX_BIG && this.bigDen <= MAX_BIG;
    this.num = this.safe ? Number(this.bigNum) : 0;
    this.den = this.safe ? Number(this.bigDen) : 1;
  }

  /** `ceil(amount × multiplier)` exactly, for a non-negative safe integer `amount`; -1 if the result is not a safe integer. */
  apply(amount: number): number {
    if (this.safe) {
      // Integer arithmetic in doubles while the product stays safe (a larger true product rounds to ≥ 2^53).
      const p = amount * this.num;
      if (p <= MAX) {
        const r = p % this.den;
        const q = (p - r) / this.den;
        return r === 0 ? q : q + 1;
      }
    }
    const big = (BigInt(amount) * this.bigNum + this.bigDen - 1n) / this.bigDen;
    return big <= MAX_BIG ? Number(big) : -1;
  }
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a === 0n ? 1n : a;
}
