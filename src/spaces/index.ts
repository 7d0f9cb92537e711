/** The generic space engine: the space, its configuration, collections, stores, matchers and errors. */

export { Claims } from './collections/claims.js';
export type { ContinuationCollectionKind } from './collections/continuations.js';
export type { DataCollection, DataCollectionKind, StoredDatum } from './collections/data-collection.js';
export { OrderedCollection, type OrderedKind } from './collections/ordered.js';
export { MAX_PRIORITY_LEVELS, PriorityQueueCollection } from './collections/priority-queue.js';
export type { CollectionHit, Embedder, SimilarityQuery } from './collections/vectordb.js';
export { VectorDbCollection } from './collections/vectordb.js';
export {
  CONTINUATION_KINDS,
  DATA_KINDS,
  DEFAULT_ARRAY_SIZE,
  DEFAULT_PRIORITY_LEVELS,
  DEFAULT_VECTOR_DIMENSIONS,
  defaultContinuations,
  QUALIFIERS,
  type Qualifier,
  resolveConfig,
  type SpaceConfig,
  type SpaceConfigInput,
  STORE_KINDS,
  type StoreKind,
} from './config.js';
export * from './errors.js';
export * from './matchers/index.js';
export { type QualifierTraits, qualifierTraits } from './qualifier.js';
export { NO_FIRINGS } from './reactor.js';
export type { SimilarDatum } from './similarity.js';
export { Space, type SpaceOptions } from './space.js';
export { SpaceDecorator, type SpaceLike } from './space-like.js';
export type { ChannelState, JoinState, RestorePlan, SpaceState } from './state.js';
export type { Theory } from './theory.js';
export type { ChangeTracker } from './tracker.js';
export type * from './types.js';
