/**
 * Reified RSpaces for TypeScript: a Linda-style tuple-space engine whose every space chooses an
 * outer store, an inner collection and a qualifier.
 *
 * - `createSpace` builds a space over plain values (the quickest start);
 * - `Space` is the generic engine, for other channel, pattern and data types;
 * - the value model (`Value`, `encode`, `equals`, `compare`, `keyOf`, `print`) is shared by all layers.
 */
export * from './data/index.js';
export * from './durable/index.js';
export * from './gas/index.js';
export * from './history/index.js';
export { DEFAULT_SPACE_ID, type ValueTypes, valueAdapter } from './plain/adapter.js';
export { type CreateSpaceOptions, createSpace } from './plain/create.js';
export { embeddingOf, queryVector } from './plain/embedding.js';
export { type ReceiveOperation, TakeTimeoutError } from './plain/errors.js';
export { SpaceNames } from './plain/names.js';
export { type PlainSimilarityQuery, plainQuery } from './plain/similar.js';
export {
  type Handler,
  type OnOptions,
  type Part,
  type Received,
  type ReceiveOptions,
  type Receiver,
  type SubscribeOptions,
  type Subscription,
  TupleSpace,
  type TupleSpaceOptions,
  type TupleSpaceTypes,
  type Unsubscribe,
  type WriteOptions,
} from './plain/tuple-space.js';
export * from './registry/index.js';
/** The Rholang front end and term layer (parser, normalizer, terms, values), as one namespace: `rholang.parse(...)`. */
export * as rholang from './rholang/index.js';
export * from './spaces/index.js';
export * from './vector/index.js';
