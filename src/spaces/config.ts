import type { ContinuationCollectionKind } from './collections/continuations.js';
import type { DataCollectionKind } from './collections/data-collection.js';
import { MAX_PRIORITY_LEVELS } from './collections/priority-queue.js';
import { InvalidConfigurationError } from './errors.js';

/** Outer stores: how channels are indexed. */
export type StoreKind = 'hashmap' | 'pathmap' | 'array' | 'vector' | 'hashset';
/** Qualifiers: what the space promises about persistence, concurrency and mobility. */
export type Qualifier = 'default' | 'temp' | 'seq';

export const STORE_KINDS: readonly StoreKind[] = ['hashmap', 'pathmap', 'array', 'vector', 'hashset'];
export const DATA_KINDS: readonly DataCollectionKind[] = [
  'bag',
  'queue',
  'stack',
  'set',
  'cell',
  'priorityqueue',
  'vectordb',
];
export const CONTINUATION_KINDS: readonly ContinuationCollectionKind[] = ['bag', 'queue', 'stack', 'set'];
export const QUALIFIERS: readonly Qualifier[] = ['default', 'temp', 'seq'];

/** How embeddings are written in data: 0/1 lists, 0..100 integer lists, or floats. */
export type EmbeddingType = 'boolean' | 'integer' | 'float';
/** Similarity metrics, by canonical name. */
export type VectorMetric = 'cosine' | 'dot_product' | 'euclidean' | 'manhattan' | 'hamming' | 'jaccard';

export const EMBEDDING_TYPES: readonly EmbeddingType[] = ['boolean', 'integer', 'float'];
export const VECTOR_METRIC_NAMES: readonly VectorMetric[] = [
  'cosine',
  'dot_product',
  'euclidean',
  'manhattan',
  'hamming',
  'jaccard',
];

/** What a caller may say about a space; everything is optional. */
export interface SpaceConfigInput {
  /** Outer store (default `hashmap`). */
  outer?: StoreKind;
  /** Inner data collection (default `bag`). */
  inner?: DataCollectionKind;
  /** Continuation collection (default: the inner kind for bag/queue/stack/set, else `bag`). */
  continuations?: ContinuationCollectionKind;
  /** Qualifier (default `default`). */
  qualifier?: Qualifier;
  /** Array stores: number of slots (default 1000). */
  size?: number;
  /** Array stores: wrap around instead of running out of names (default false). */
  cyclic?: boolean;
  /** Priority-queue collections: number of levels (default 2). */
  levels?: number;
  /** VectorDB collections: embedding dimensions (default 384). */
  dimensions?: number;
  /** VectorDB collections: how data write their embeddings (default `integer`, as URNs have it). */
  embeddingType?: EmbeddingType;
  /** VectorDB collections: the metric of queries that name none (default `hamming` for boolean embeddings, else `cosine`). */
  metric?: VectorMetric;
  /** VectorDB collections: the threshold of queries that give none, in [0, 1] (default 0.8). */
  threshold?: number;
}

/** A complete, validated space configuration. */
export interface SpaceConfig {
  readonly outer: StoreKind;
  readonly inner: DataCollectionKind;
  readonly continuations: ContinuationCollectionKind;
  readonly qualifier: Qualifier;
  /** Array stores only. */
  readonly size: number;
  /** Array stores only. */
  readonly cyclic: boolean;
  /** Priority-queue collections only. */
  readonly levels: number;
  /** VectorDB collections only. */
  readonly dimensions: number;
  /** VectorDB collections only. */
  readonly embeddingType: EmbeddingType;
  /** VectorDB collections only. */
  readonly metric: VectorMetric;
  /** VectorDB collections only. */
  readonly threshold: number;
}

export const DEFAULT_ARRAY_SIZE = 1000;
export const DEFAULT_PRIORITY_LEVELS = 2;
export const DEFAULT_VECTOR_DIMENSIONS = 384;

/**
 * The one set of validity rules for space configurations: a VectorDB collection needs a HashMap
 * or Vector store; Array size, priority levels and VectorDB dimensions are positive integers;
 * a parameter given for a kind that has no use for it is refused rather than silently ignored.
 * Every other inner × outer × qualifier combination is valid.
 */
export function resolveConfig(input: SpaceConfigInput = {}): SpaceConfig {
  const outer = input.outer ?? 'hashmap';
  const inner = input.inner ?? 'bag';
  const qualifier = input.qualifier ?? 'default';
  oneOf('outer store', outer, STORE_KINDS);
  oneOf('inner collection', inner, DATA_KINDS);
  oneOf('qualifier', qualifier, QUALIFIERS);
  const continuations = input.continuations ?? defaultContinuations(inner);
  oneOf('continuation collection', continuations, CONTINUATION_KINDS);

  if (inner === 'vectordb' && outer !== 'hashmap' && outer !== 'vector') {
    throw new InvalidConfigurationError(
      `invalid space vectordb:${outer}: a vectordb collection needs a hashmap or vector store, not ${outer}`,
    );
  }
  onlyFor('size', input.size, outer === 'array', 'array stores');
  onlyFor('cyclic', input.cyclic, outer === 'array', 'array stores');
  onlyFor('levels', input.levels, inner === 'priorityqueue', 'priorityqueue collections');
  onlyFor('dimensions', input.dimensions, inner === 'vectordb', 'vectordb collections');
  onlyFor('embeddingType', input.embeddingType, inner === 'vectordb', 'vectordb collections');
  onlyFor('metric', input.metric, inner === 'vectordb', 'vectordb collections');
  onlyFor('threshold', input.threshold, inner === 'vectordb', 'vectordb collections');
  const embeddingType = input.embeddingType ?? 'integer';
  oneOf('embedding type', embeddingType, EMBEDDING_TYPES);
  const metric = input.metric ?? (embeddingType === 'boolean' ? 'hamming' : 'cosine');
  oneOf('metric', metric, VECTOR_METRIC_NAMES);
  const threshold = input.threshold ?? 0.8;
  if (typeof threshold !== 'number' || !(threshold >= 0 && threshold <= 1)) {
    throw new InvalidConfigurationError(`threshold must be a number in [0, 1], got ${String(threshold)}`);
  }

  const size = input.size ?? DEFAULT_ARRAY_SIZE;
  const levels = input.levels ?? DEFAULT_PRIORITY_LEVELS;
  const dimensions = input.dimensions ?? DEFAULT_VECTOR_DIMENSIONS;
  positiveInteger('array size', size, Number.MAX_SAFE_INTEGER);
  positiveInteger('priority levels', levels, MAX_PRIORITY_LEVELS);
  positiveInteger('vectordb dimensions', dimensions, 65536);
  if (input.cyclic !== undefined && typeof input.cyclic !== 'boolean') {
    throw new InvalidConfigurationError(`cyclic must be true or false, got ${String(input.cyclic)}`);
  }
  return {
    outer,
    inner,
    continuations,
    qualifier,
    size,
    cyclic: input.cyclic ?? false,
    levels,
    dimensions,
    embeddingType,
    metric,
    threshold,
  };
}

/** The continuation collection a space uses when none is named. */
export function defaultContinuations(inner: DataCollectionKind): ContinuationCollectionKind {
  return inner === 'bag' || inner === 'queue' || inner === 'stack' || inner === 'set' ? inner : 'bag';
}

function oneOf<K extends string>(what: string, value: unknown, allowed: readonly K[]): asserts value is K {
  if (!allowed.includes(value as K)) {
    throw new InvalidConfigurationError(
      `unknown ${what} ${JSON.stringify(value)}: expected one of ${allowed.join(', ')}`,
    );
  }
}

function onlyFor(key: string, value: unknown, applies: boolean, kinds: string): void {
  if (value !== undefined && !applies) {
    throw new InvalidConfigurationError(`${key} applies only to ${kinds}, got ${key} = ${String(value)}`);
  }
}

function positiveInteger(what: string, value: unknown, max: number): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max) {
    throw new InvalidConfigurationError(`${what} must be an integer in 1..${max}, got ${String(value)}`);
  }
}
