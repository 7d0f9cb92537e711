/**
 * The float32 inner loops in plain TypeScript: the fallback for kernels.wat, and its executable
 * specification. Both must give the same bits, so these loops do exactly what the SIMD code does:
 *
 * - 16 lane accumulators, lane l summing the terms of the elements i with i % 16 == l, in
 *   increasing i (the WASM keeps them in four f32x4 registers: lanes 0-3, 4-7, 8-11, 12-15);
 * - every product, difference and sum rounded to float32 (`Math.fround`), as f32x4 does. Doing
 *   one operation in double and rounding once gives the correctly rounded float32 result, because
 *   a double carries more than twice float32's precision;
 * - the same final sum: w_j = (lane j + lane j+4) + (lane j+8 + lane j+12), then
 *   (w0 + w1) + (w2 + w3).
 *
 * The WASM works on vectors zero-padded to a multiple of 16; padding adds +0 to lanes that can
 * never be −0, so stopping at `n` here gives the same result for any `n`.
 *
 * Arguments are (array, offset) pairs so that the same loops serve single vectors and matrix rows.
 */

type F32 = Float32Array;
const f = Math.fround;

/** Σ a[ao+i]·b[bo+i] for i < n. */
export function dotLanes(a: F32, ao: number, b: F32, bo: number, n: number): number {
  return reduceLanes(DOT, a, ao, b, bo, n);
}

/** Σ (a[ao+i] − b[bo+i])² for i < n. */
export function sqdistLanes(a: F32, ao: number, b: F32, bo: number, n: number): number {
  return reduceLanes(SQDIST, a, ao, b, bo, n);
}

/** Σ |a[ao+i] − b[bo+i]| for i < n. */
export function absdistLanes(a: F32, ao: number, b: F32, bo: number, n: number): number {
  return reduceLanes(ABSDIST, a, ao, b, bo, n);
}

const DOT = 0;
const SQDIST = 1;
const ABSDIST = 2;
type Term = typeof DOT | typeof SQDIST | typeof ABSDIST;

/** One element's float32 term. */
function term(kind: Term, x: number, y: number): number {
  if (kind === DOT) return f(x * y);
  const d = f(x - y);
  return kind === SQDIST ? f(d * d) : Math.abs(d);
}

// The lanes of a partial block (fewer than 16 elements left); module-level so that the tail
// allocates nothing. Float32Array storage rounds each stored sum to float32, as f32.add does.
const tail = new Float32Array(16);

function reduceLanes(kind: Term, a: F32, ao: number, b: F32, bo: number, n: number): number {
  let l0 = 0;
  let l1 = 0;
  let l2 = 0;
  let l3 = 0;
  let l4 = 0;
  let l5 = 0;
  let l6 = 0;
  let l7 = 0;
  let l8 = 0;
  let l9 = 0;
  let l10 = 0;
  let l11 = 0;
  let l12 = 0;
  let l13 = 0;
  let l14 = 0;
  let l15 = 0;
  const whole = n - (n & 15);
  let i = 0;
  // Whole blocks of 16. The three loops are the same loop with a different term, written out so
  // that the engine sees straight-line float code in each.
  if (kind === DOT) {
    for (; i < whole; i += 16) {
      const x = ao + i;
      const y = bo + i;
      l0 = f(l0 + f(a[x] * b[y]));
      l1 = f(l1 + f(a[x + 1] * b[y + 1]));
      l2 = f(l2 + f(a[x + 2] * b[y + 2]));
      l3 = f(l3 + f(a[x + 3] * b[y + 3]));
      l4 = f(l4 + f(a[x + 4] * b[y + 4]));
      l5 = f(l5 + f(a[x + 5] * b[y + 5]));
      l6 = f(l6 + f(a[x + 6] * b[y + 6]));
      l7 = f(l7 + f(a[x + 7] * b[y + 7]));
      l8 = f(l8 + f(a[x + 8] * b[y + 8]));
      l9 = f(l9 + f(a[x + 9] * b[y + 9]));
      l10 = f(l10 + f(a[x + 10] * b[y + 10]));
      l11 = f(l11 + f(a[x + 11] * b[y + 11]));
      l12 = f(l12 + f(a[x + 12] * b[y + 12]));
      l13 = f(l13 + f(a[x + 13] * b[y + 13]));
      l14 = f(l14 + f(a[x + 14] * b[y + 14]));
      l15 = f(l15 + f(a[x + 15] * b[y + 15]));
    }
  } else {
    for (; i < whole; i += 16) {
      const x = ao + i;
      const y = bo + i;
      l0 = f(l0 + term(kind, a[x], b[y]));
      l1 = f(l1 + term(kind, a[x + 1], b[y + 1]));
      l2 = f(l2 + term(kind, a[x + 2], b[y + 2]));
      l3 = f(l3 + term(kind, a[x + 3], b[y + 3]));
      l4 = f(l4 + term(kind, a[x + 4], b[y + 4]));
      l5 = f(l5 + term(kind, a[x + 5], b[y + 5]));
      l6 = f(l6 + term(kind, a[x + 6], b[y + 6]));
      l7 = f(l7 + term(kind, a[x + 7], b[y + 7]));
      l8 = f(l8 + term(kind, a[x + 8], b[y + 8]));
      l9 = f(l9 + term(kind, a[x + 9], b[y + 9]));
      l10 = f(l10 + term(kind, a[x + 10], b[y + 10]));
      l11 = f(l11 + term(kind, a[x + 11], b[y + 11]));
      l12 = f(l12 + term(kind, a[x + 12], b[y + 12]));
      l13 = f(l13 + term(kind, a[x + 13], b[y + 13]));
      l14 = f(l14 + term(kind, a[x + 14], b[y + 14]));
      l15 = f(l15 + term(kind, a[x + 15], b[y + 15]));
    }
  }
  if (i < n) {
    // The last partial block: element i goes to lane i % 16, i.e. lane i - whole.
    tail.fill(0);
    for (let j = 0; i < n; i++, j++) tail[j] = term(kind, a[ao + i], b[bo + i]);
    l0 = f(l0 + tail[0]);
    l1 = f(l1 + tail[1]);
    l2 = f(l2 + tail[2]);
    l3 = f(l3 + tail[3]);
    l4 = f(l4 + tail[4]);
    l5 = f(l5 + tail[5]);
    l6 = f(l6 + tail[6]);
    l7 = f(l7 + tail[7]);
    l8 = f(l8 + tail[8]);
    l9 = f(l9 + tail[9]);
    l10 = f(l10 + tail[10]);
    l11 = f(l11 + tail[11]);
    l12 = f(l12 + tail[12]);
    l13 = f(l13 + tail[13]);
    l14 = f(l14 + tail[14]);
    l15 = f(l15 + tail[15]);
  }
  const w0 = f(f(l0 + l4) + f(l8 + l12));
  const w1 = f(f(l1 + l5) + f(l9 + l13));
  const w2 = f(f(l2 + l6) + f(l10 + l14));
  const w3 = f(f(l3 + l7) + f(l11 + l15));
  return f(f(w0 + w1) + f(w2 + w3));
}
