/** Space construction from URNs and config maps, theories, and the multi-space registry. */

export {
  type AppliedConfigMap,
  applyConfigMap,
  type ConfigMap,
  DEFAULT_EMBEDDING_TYPE,
  DEFAULT_VECTOR_THRESHOLD,
  defaultVectorOptions,
  type EmbeddingType,
  parseEmbeddingType,
  parseMetric,
  parseThreshold,
  type VectorMetric,
  type VectorOptions,
} from './config-map.js';
export {
  ChannelNotFoundError,
  CrossSpaceJoinNotAllowedError,
  RegistryError,
  type RegistryErrorCode,
  RegistryReplayError,
  SpaceNotFoundError,
  TheoryNotSupportedError,
} from './errors.js';
export {
  createSpaceFrom,
  type PlainSpace,
  resolveSpaceSpec,
  type SpaceFromOptions,
  type SpaceSource,
  type SpaceSpec,
  spaceIdFor,
} from './factory.js';
export type { RegistryCheckpoint, RegistryState } from './hard-checkpoint.js';
export { presetNames } from './named-urns.js';
export { type LogMark, type Operation, OperationLog, type ReplayState } from './oplog.js';
export {
  DEFAULT_SPACE,
  type RegistrySpace,
  SpaceRegistry,
  type SpaceRegistryOptions,
} from './registry.js';
export {
  AnyTheory,
  BoolTheory,
  BUILTIN_THEORY_NAMES,
  type BuiltinTheoryName,
  builtinTheory,
  IntTheory,
  isTheory,
  loadTheory,
  NatTheory,
  StringTheory,
} from './theory.js';
export {
  allValidUrns,
  byteToUrn,
  explicitConfig,
  FIRST_URN_BYTE,
  formatUrn,
  LAST_URN_BYTE,
  type ParsedUrn,
  parseUrn,
  URN_PREFIX,
  type UrnSource,
  urnOf,
  urnToByte,
} from './urn.js';
export type { SpaceId, TaskId } from './use-blocks.js';
