/** Hard-checkpoint history: BLAKE2b-256 hashing, the Merkle radix trie, history stores and the facade. */

export { BoundedHistoryStore } from './bounded-store.js';
export { HistoryError, type HistoryErrorCode } from './errors.js';
export {
  blake2b256,
  blake2b256Parts,
  bytesEqual,
  fromHex,
  HASH_LENGTH,
  hashingBackend,
  hashingBackendInfo,
  initHashing,
  isHashingReady,
  toHex,
} from './hash.js';
export {
  History,
  type HistoryDiffEntry,
  type LeafChange,
  VERIFY_PROGRESS_EVERY,
  type VerifyProgress,
  type VerifyReport,
} from './history.js';
export { LMDB_FORMAT, LmdbHistoryStore, type LmdbHistoryStoreOptions } from './lmdb-store.js';
export { EMPTY_ROOT_HEX } from './node.js';
export {
  type CheckpointBatch,
  type HistoryStore,
  MemoryHistoryStore,
  MemoryNodeStore,
  type NodeEntry,
  type NodeStore,
  type RootRegistry,
} from './stores.js';
export { emptyRoot, isEmptyRoot, type NodeReader, Trie, type TrieDiffEntry, type TrieUpdate } from './trie.js';
export type { TrieChange } from './trie-update.js';
export { VerifyingHistoryStore, VerifyingNodeStore } from './verifying-store.js';
