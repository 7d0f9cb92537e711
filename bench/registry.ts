/**
 * Every benchmark group, in run order. Adding a group: one file under `groups/` that exports
 * `group`, and one line here. The seed's vectordb_cosine, vectordb_top_k and vectordb_batch_cosine
 * rows are in vector_similarity. Seed rows with no group: the synthetic Rust-only ones
 * (lock_contention_*, registry_scale, atomic_ordering): see docs/performance.md.
 */
import { group as checkpointOperations } from './groups/checkpoint-operations.js';
import { group as collectionRetrieval } from './groups/collection-retrieval.js';
import { group as collectionTypes } from './groups/collection-types.js';
import { group as contentionAsync } from './groups/contention-async.js';
import { group as contentionWorkers } from './groups/contention-workers.js';
import { group as hardCheckpoint } from './groups/hard-checkpoint.js';
import { group as hashing } from './groups/hashing.js';
import { group as matcherComparison } from './groups/matcher-comparison.js';
import { group as phlogiston } from './groups/phlogiston.js';
import { group as produceConsumeCycle } from './groups/produce-consume-cycle.js';
import { group as registryLookup } from './groups/registry-lookup.js';
import { group as rholang } from './groups/rholang.js';
import { group as structuralMatcher } from './groups/structural-matcher.js';
import { group as vectorSimilarity } from './groups/vector-similarity.js';
import type { Group } from './harness.js';

export const GROUPS: readonly Group[] = [
  produceConsumeCycle,
  collectionTypes,
  collectionRetrieval,
  matcherComparison,
  checkpointOperations,
  hardCheckpoint,
  hashing,
  phlogiston,
  registryLookup,
  structuralMatcher,
  contentionAsync,
  contentionWorkers,
  vectorSimilarity,
  rholang,
];
