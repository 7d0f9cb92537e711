/**
 * Signed 64-bit arithmetic on bigints. Rholang integers are 64-bit and wrap around on overflow
 * (rholang-surface §1.1). They are held as bigints — exact, simple, and never silently rounded as
 * JS numbers would be above 2^53 — and every result is brought back into range with
 * `BigInt.asIntN(64, ·)`, which is two's complement wrap-around. Division and remainder truncate
 * toward zero, as bigint `/` and `%` do (so the remainder has the sign of the dividend).
 */

export const wrap = (v: bigint): bigint => BigInt.asIntN(64, v);
export const add = (a: bigint, b: bigint): bigint => BigInt.asIntN(64, a + b);
export const sub = (a: bigint, b: bigint): bigint => BigInt.asIntN(64, a - b);
export const mul = (a: bigint, b: bigint): bigint => BigInt.asIntN(64, a * b);
export const neg = (a: bigint): bigint => BigInt.asIntN(64, -a);
/** Truncating division; the caller rejects `b = 0`. `MIN / -1` wraps to `MIN`. */
export const div = (a: bigint, b: bigint): bigint => BigInt.asIntN(64, a / b);
/** Remainder with the sign of `a`; the caller rejects `b = 0`. */
export const rem = (a: bigint, b: bigint): bigint => BigInt.asIntN(64, a % b);
