/**
 * Config maps: the key/value parameters a factory call may add to a URN (the Rholang factory will
 * hand these over as maps; TypeScript callers pass plain records or `Map`s with string keys).
 *
 * Which keys a space accepts depends on its kinds, as in the reference: every space accepts
 * `theory`; Array stores add `size` and `cyclic` (overriding the URN's); VectorDB collections add
 * `dimensions`, `threshold`, `embedding_type` and `metric`. Any other key, and any value of the
 * wrong type or out of range, is refused with an `InvalidConfigurationError` naming key and value.
 *
 * JavaScript has one number type, so the reference's int/float split for `threshold` is read as:
 * an integral number (or bigint) is a percentage 0..100, a non-integral number or a numeric string
 * is a fraction in [0, 1]. `threshold: 1` is therefore 1 %; write `'1.0'` or `100` for 100 %.
 */

import { print } from '../data/print.js';
import type { Value } from '../data/value.js';
import type { EmbeddingType, VectorMetric } from '../spaces/config.js';
import { DEFAULT_VECTOR_DIMENSIONS, type SpaceConfigInput } from '../spaces/config.js';
import { InvalidConfigurationError } from '../spaces/errors.js';
import type { Theory } from '../spaces/theory.js';
import { isTheory } from './theory.js';

/** A config map: a plain record or a `Map` with string keys. */
export type ConfigMap = Readonly<Record<string, unknown>> | ReadonlyMap<string, unknown>;

export type { EmbeddingType, VectorMetric } from '../spaces/config.js';

/** The parsed options of a VectorDB space (the engine's configuration takes them as `metric`, `threshold`, `embeddingType`). */
export interface VectorOptions {
  /** Embedding length. */
  readonly dimensions: number;
  /** Minimum similarity score of a match, in [0, 1]. */
  readonly threshold: number;
  readonly embeddingType: EmbeddingType;
  readonly metric: VectorMetric;
}

export const DEFAULT_VECTOR_THRESHOLD = 0.8;
export const DEFAULT_EMBEDDING_TYPE: EmbeddingType = 'integer';

/** The result of applying a config map to a URN's configuration. */
export interface AppliedConfigMap {
  /** The URN's configuration with the map's `size`, `cyclic` and `dimensions` applied. */
  readonly config: SpaceConfigInput;
  /** The map's `theory`, unloaded (a spec string or a `Theory`). */
  readonly theory: string | Theory | undefined;
  /** VectorDB options (defaults filled in) for VectorDB collections; `undefined` for every other kind. */
  readonly vector: VectorOptions | undefined;
}

const EMBEDDING_ALIASES: ReadonlyMap<string, EmbeddingType> = new Map([
  ['boolean', 'boolean'],
  ['bool', 'boolean'],
  ['binary', 'boolean'],
  ['integer', 'integer'],
  ['int', 'integer'],
  ['scaled', 'integer'],
  ['float', 'float'],
  ['string', 'float'],
]);

const METRIC_ALIASES: ReadonlyMap<string, VectorMetric> = new Map([
  ['cosine', 'cosine'],
  ['cos', 'cosine'],
  ['dot', 'dot_product'],
  ['dotproduct', 'dot_product'],
  ['dot_product', 'dot_product'],
  ['euclidean', 'euclidean'],
  ['euc', 'euclidean'],
  ['l2', 'euclidean'],
  ['manhattan', 'manhattan'],
  ['l1', 'manhattan'],
  ['hamming', 'hamming'],
  ['jaccard', 'jaccard'],
]);

const VECTOR_KEYS = ['dimensions', 'threshold', 'embedding_type', 'metric'] as const;
const ARRAY_KEYS = ['size', 'cyclic'] as const;

/** Applies `map` to `base` (a URN's configuration); see the module comment for the accepted keys. */
export function applyConfigMap(base: SpaceConfigInput, map?: ConfigMap): AppliedConfigMap {
  const inner = base.inner ?? 'bag';
  const outer = base.outer ?? 'hashmap';
  const accepted: string[] = ['theory'];
  if (outer === 'array') accepted.push(...ARRAY_KEYS);
  if (inner === 'vectordb') accepted.push(...VECTOR_KEYS);
  const entries = map === undefined ? [] : entriesOf(map);
  for (const [key, value] of entries) {
    if (!accepted.includes(key)) {
      throw new InvalidConfigurationError(
        `config key ${JSON.stringify(key)} = ${show(value)} is not accepted: a ${inner}:${outer} space accepts only ${accepted.join(', ')}`,
      );
    }
  }
  const get = (key: string): unknown => entries.find(([k]) => k === key)?.[1];
  const config: SpaceConfigInput = { ...base };
  const size = get('size');
  if (size !== undefined) config.size = positiveInteger('size', size);
  const cyclic = get('cyclic');
  if (cyclic !== undefined) {
    if (typeof cyclic !== 'boolean') throw badValue('cyclic', cyclic, 'expected true or false');
    config.cyclic = cyclic;
  }
  const theory = get('theory');
  if (theory !== undefined && typeof theory !== 'string' && !isTheory(theory)) {
    throw badValue('theory', theory, 'expected a theory spec string or a Theory object');
  }
  let vector: VectorOptions | undefined;
  if (inner === 'vectordb') {
    const dims = get('dimensions');
    if (dims !== undefined) config.dimensions = positiveInteger('dimensions', dims);
    vector = vectorOptions(config.dimensions ?? DEFAULT_VECTOR_DIMENSIONS, get);
  }
  return { config, theory: theory as string | Theory | undefined, vector };
}

/** Default VectorDB options for `dimensions`: threshold 0.8, integer embeddings, cosine. */
export function defaultVectorOptions(dimensions: number = DEFAULT_VECTOR_DIMENSIONS): VectorOptions {
  return vectorOptions(dimensions, () => undefined);
}

/** A metric name or alias (case-insensitive) → its canonical name. */
export function parseMetric(value: unknown): VectorMetric {
  const metric = typeof value === 'string' ? METRIC_ALIASES.get(value.toLowerCase()) : undefined;
  if (metric === undefined) {
    throw badValue('metric', value, `expected one of ${[...METRIC_ALIASES.keys()].join(', ')}`);
  }
  return metric;
}

/** An embedding type name or alias (case-insensitive) → its canonical name. */
export function parseEmbeddingType(value: unknown): EmbeddingType {
  const type = typeof value === 'string' ? EMBEDDING_ALIASES.get(value.toLowerCase()) : undefined;
  if (type === undefined) {
    throw badValue('embedding_type', value, `expected one of ${[...EMBEDDING_ALIASES.keys()].join(', ')}`);
  }
  return type;
}

/** A threshold → a fraction in [0, 1]: integers are percentages 0..100, other numbers and numeric strings fractions. */
export function parseThreshold(value: unknown): number {
  const int = integerOf(value);
  if (int !== undefined || typeof value === 'bigint') {
    if (int === undefined || int < 0 || int > 100) {
      throw badValue('threshold', value, 'out of range: an integer threshold is a percentage in 0..100');
    }
    return int === 0 ? 0 : int / 100; // never -0
  }
  let fraction: number | undefined;
  if (typeof value === 'number') fraction = value;
  else if (typeof value === 'string' && /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(value)) {
    fraction = Number(value);
  }
  if (fraction === undefined) throw badValue('threshold', value, 'expected a number or a numeric string');
  if (!(fraction >= 0 && fraction <= 1)) {
    throw badValue('threshold', value, 'out of range: a fractional threshold is in [0, 1]');
  }
  return fraction === 0 ? 0 : fraction; // never -0
}

function vectorOptions(dimensions: number, get: (key: string) => unknown): VectorOptions {
  const thresholdValue = get('threshold');
  const typeValue = get('embedding_type');
  const metricValue = get('metric');
  const embeddingType = typeValue === undefined ? DEFAULT_EMBEDDING_TYPE : parseEmbeddingType(typeValue);
  // The reference derives the metric from the embedding type: bit vectors compare by Hamming distance.
  const metric =
    metricValue === undefined ? (embeddingType === 'boolean' ? 'hamming' : 'cosine') : parseMetric(metricValue);
  const threshold = thresholdValue === undefined ? DEFAULT_VECTOR_THRESHOLD : parseThreshold(thresholdValue);
  return Object.freeze({ dimensions, threshold, embeddingType, metric });
}

function entriesOf(map: ConfigMap): Array<[string, unknown]> {
  if (map instanceof Map) {
    const out: Array<[string, unknown]> = [];
    for (const [k, v] of map as ReadonlyMap<unknown, unknown>) {
      if (typeof k !== 'string') throw new InvalidConfigurationError(`config key ${show(k)} is not a string`);
      out.push([k, v]);
    }
    return out;
  }
  if (typeof map !== 'object' || map === null) {
    throw new InvalidConfigurationError(`a config map must be a record or a Map, got ${show(map)}`);
  }
  return Object.entries(map);
}

function positiveInteger(key: string, value: unknown): number {
  const n = integerOf(value);
  if (n === undefined || n < 1) throw badValue(key, value, 'expected a positive integer');
  return n;
}

/** An integral number, or a bigint in the safe-integer range, as a number. */
function integerOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? value : undefined;
  if (
    typeof value === 'bigint' &&
    value >= BigInt(Number.MIN_SAFE_INTEGER) &&
    value <= BigInt(Number.MAX_SAFE_INTEGER)
  ) {
    return Number(value);
  }
  return undefined;
}

function badValue(key: string, value: unknown, why: string): InvalidConfigurationError {
  return new InvalidConfigurationError(`config key ${JSON.stringify(key)} = ${show(value)}: ${why}`);
}

/** Values print as values (`150`, `"manhattanish"`); anything else as its JS string. */
function show(value: unknown): string {
  try {
    return print(value as Value);
  } catch {
    return String(value);
  }
}
