/**
 * From kernel sums to similarity scores, for the float metrics. The sums are float32 values from
 * the kernels; the rest is done in double precision with correctly rounded operations only (+, ×,
 * ÷, √), so it is deterministic on every machine, and the free functions and the backend share
 * these very functions — one definition, one result.
 */

/**
 * dot / √(‖a‖²·‖b‖²), clamped to [−1, 1]; 0 when either vector is zero.
 *
 * √ of the product, not a product of roots: the two squared norms are float32, so their product is
 * exact in double, and for identical vectors √(d·d) = d exactly — cosine(a, a) is exactly 1, which
 * a threshold of 1 relies on. The clamp absorbs rounding that would step past ±1.
 */
export function cosineScore(dot: number, sqNormA: number, sqNormB: number): number {
  if (sqNormA === 0 || sqNormB === 0) return 0;
  return Math.max(-1, Math.min(1, dot / Math.sqrt(sqNormA * sqNormB)));
}

/** 1 / (1 + √Σ(a − b)²): 1 for identical vectors, towards 0 as they part. */
export function euclideanScore(squaredDistance: number): number {
  return 1 / (1 + Math.sqrt(squaredDistance));
}

/** 1 / (1 + Σ|a − b|). */
export function manhattanScore(distance: number): number {
  return 1 / (1 + distance);
}
