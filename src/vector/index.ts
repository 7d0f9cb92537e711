/**
 * Vector similarity: deterministic float32 kernels (WebAssembly SIMD with a bit-identical
 * TypeScript fallback), the six metrics, exact top-k, and a dense in-memory vector backend.
 */

export { MAX_VECTOR_DIMENSIONS, VectorBackend, type VectorBackendOptions, type VectorQueryOptions } from './backend.js';
export { batchCosine, type TopKOptions, topK } from './batch.js';
export {
  CapacityExceededError,
  DimensionMismatchError,
  InvalidMetricError,
  InvalidThresholdError,
  InvalidVectorError,
  InvalidVectorOptionError,
  UnknownVectorIdError,
  VectorError,
  type VectorErrorCode,
} from './errors.js';
export {
  forceKernelBackend,
  type KernelBackend,
  type KernelBackendInfo,
  kernelBackend,
  kernelBackendInfo,
} from './kernel-backend.js';
export {
  cosineSimilarity,
  dotProduct,
  euclideanSimilarity,
  hammingSimilarity,
  jaccardSimilarity,
  l2Norm,
  l2Normalize,
  manhattanDistance,
  manhattanSimilarity,
  similarity,
  squaredEuclideanDistance,
  squaredL2Norm,
} from './kernels.js';
export { effectiveThreshold, MIN_VECTOR_THRESHOLD, resolveMetric, VECTOR_METRICS } from './metrics.js';
export { PARALLEL_MIN_WORK, vectorThreads } from './threads.js';
export { type SimilarityHit, TopKHeap } from './topk.js';
