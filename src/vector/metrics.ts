/**
 * The six similarity metrics by name, their aliases, and the threshold rule. Every score is a
 * similarity: higher means more alike (reference-inventory §10.1):
 *
 * | metric | score |
 * |---|---|
 * | `cosine` | s·q / (‖s‖‖q‖), 0 when either is the zero vector |
 * | `dot_product` | s·q |
 * | `euclidean` | 1 / (1 + ‖s − q‖) |
 * | `manhattan` | 1 / (1 + Σ\|s − q\|) |
 * | `hamming` | 1 − (positions where (s > 0.5) ≠ (q > 0.5)) / dims |
 * | `jaccard` | \|S ∩ Q\| / \|S ∪ Q\| over the components > 0.5; 1 when the union is empty |
 */
import type { VectorMetric } from '../registry/config-map.js';
import { InvalidMetricError, InvalidThresholdError } from './errors.js';

/** The canonical metric names (the registry's `VectorMetric`), in the reference's order. */
export const VECTOR_METRICS: readonly VectorMetric[] = Object.freeze([
  'cosine',
  'dot_product',
  'euclidean',
  'manhattan',
  'hamming',
  'jaccard',
]);

// Every spelling the reference accepts somewhere (metric types, handler registry, `sim(...)`
// modifiers), so a name that works in one place of the reference works everywhere here.
const ALIASES: ReadonlyMap<string, VectorMetric> = new Map([
  ['cosine', 'cosine'],
  ['cos', 'cosine'],
  ['dot_product', 'dot_product'],
  ['dotproduct', 'dot_product'],
  ['dot', 'dot_product'],
  ['euclidean', 'euclidean'],
  ['euc', 'euclidean'],
  ['l2', 'euclidean'],
  ['manhattan', 'manhattan'],
  ['l1', 'manhattan'],
  ['hamming', 'hamming'],
  ['jaccard', 'jaccard'],
]);

/** A metric name or alias, case-insensitive (`cos`, `dot`, `l2`, `euc`, `l1`, ...) → its canonical name. */
export function resolveMetric(name: string): VectorMetric {
  const metric = typeof name === 'string' ? ALIASES.get(name.toLowerCase()) : undefined;
  if (metric === undefined) throw new InvalidMetricError(name, [...ALIASES.keys()]);
  return metric;
}

/** Metrics that compare binarized vectors (component > 0.5), and so can use bit-packed rows. */
export function isBinaryMetric(metric: VectorMetric): boolean {
  return metric === 'hamming' || metric === 'jaccard';
}

/** f32::EPSILON (2⁻²³): the smallest threshold a query uses. */
export const MIN_VECTOR_THRESHOLD = 2 ** -23;

/**
 * The threshold a query actually applies, as the reference's backend does: clamped to
 * [f32::EPSILON, 1]. So a score of exactly 0 never matches, 0 (or any negative threshold) means
 * "any positive similarity", and 1 keeps only scores of at least 1 — for every metric but
 * `dot_product`, exactly the identical vectors. A hit needs `score >= threshold`.
 */
export function effectiveThreshold(threshold: number): number {
  if (typeof threshold !== 'number' || Number.isNaN(threshold)) throw new InvalidThresholdError(threshold);
  return Math.min(1, Math.max(MIN_VECTOR_THRESHOLD, threshold));
}
