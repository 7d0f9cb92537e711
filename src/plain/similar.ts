/**
 * Similarity queries on plain-value VectorDB spaces: query vectors written the way the space's
 * embeddings are, and taking the hits out of a result channel.
 */
import type { Value } from '../data/value.js';
import type { SimilarityQuery } from '../spaces/collections/vectordb.js';
import type { SpaceConfig } from '../spaces/config.js';
import { compile } from '../spaces/matchers/structural.js';
import { _ } from '../spaces/matchers/template.js';
import type { Space } from '../spaces/space.js';
import type { SpaceTypes } from '../spaces/types.js';
import { queryVector } from './embedding.js';

/** A similarity query with its vector as plain data: a list of numbers (or, for `float` spaces, a string) or a Float32Array. */
export interface PlainSimilarityQuery {
  readonly vector: Value | Float32Array;
  readonly metric?: string;
  readonly threshold?: number;
  readonly topK?: number;
}

/** The engine's query for a plain one: the vector follows the space's embedding type (DECISIONS 18). */
export function plainQuery(config: SpaceConfig, query: PlainSimilarityQuery): SimilarityQuery {
  const vector = queryVector(query.vector, config.embeddingType, config.dimensions);
  return { vector, metric: query.metric, threshold: query.threshold, topK: query.topK };
}

/** The pattern of a similarity position: it receives the result channel. */
export const RESULT_CHANNEL = compile(_);

const ANY = compile(_);

/**
 * Takes every hit out of a fresh result channel, best first. Nobody else knows the channel's name,
 * so each receive fires at once and the channel ends empty (and is dropped).
 */
export function drainResults<T extends SpaceTypes & { channel: Value; datum: Value }>(
  space: Space<T>,
  results: Value,
  from: Value,
): { value: Value; channel: Value; bindings: Readonly<Record<string, Value>> }[] {
  const out: { value: Value; channel: Value; bindings: Readonly<Record<string, Value>> }[] = [];
  const noop = { fired: false, deliver: () => {} } as unknown as T['continuation'];
  while (space.getData(results).length > 0) {
    const [firing] = space.consume([results], [ANY as T['pattern']], noop);
    out.push({ value: firing.matches[0].datum, channel: from, bindings: {} });
  }
  return out;
}
