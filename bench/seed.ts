/**
 * The reference's figures: /work/shared/seed/post-optimization-2026-01-09.md (Rust, Criterion,
 * "Post-Opt" column where the report compares baseline and post-optimization). Our rows use the
 * same `group/case/size` ids, so a row finds its seed figure here. Sizes the report does not give
 * are null; rows the report never measured are simply absent.
 */

/** Where the seed ran (from the report's System Information). */
export const SEED_MACHINE = 'Intel Xeon E5-2699 v3 @ 2.30GHz, 36 cores (2 × 18), Rust + Criterion';

const us = 1e3;
const ms = 1e6;

/** Seed median in ns by row id. */
export const SEED_NS: Readonly<Record<string, number | null>> = {
  // Produce/Consume Cycle table (Post-Opt; the report gives produce_only only at 10K).
  'produce_consume_cycle/produce_only/100': null,
  'produce_consume_cycle/produce_only/1000': null,
  'produce_consume_cycle/produce_only/10000': 415.8 * us,
  'produce_consume_cycle/consume_immediate_match/100': 36.2 * us,
  'produce_consume_cycle/consume_immediate_match/1000': 353.7 * us,
  'produce_consume_cycle/consume_immediate_match/10000': 3.77 * ms,
  // Multi-Channel Produce table (Post-Opt).
  'produce_consume_cycle/produce_multi_channel/10': 2.12 * us,
  'produce_consume_cycle/produce_multi_channel/100': 8.08 * us,
  'produce_consume_cycle/produce_multi_channel/1000': 85.6 * us,
  // Phlogiston (Gas) Accounting table (Post-Opt).
  'phlogiston/charge_operations/100': 3.79 * us,
  'phlogiston/charge_operations/1000': 38.2 * us,
  'phlogiston/charge_operations/10000': 367 * us,
  // Registry Lookup table (Post-Opt; the seed's is a HashMap stand-in, same workload).
  'registry_lookup/sequential_lookup/10': 770,
  'registry_lookup/sequential_lookup/100': 7.4 * us,
  'registry_lookup/sequential_lookup/1000': 75.5 * us,
  // Checkpoint Operations table (Post-Opt).
  'checkpoint_operations/soft_checkpoint_create/10': 23.6 * us,
  'checkpoint_operations/soft_checkpoint_create/100': 32.4 * us,
  'checkpoint_operations/soft_checkpoint_create/1000': 121.6 * us,
  'checkpoint_operations/soft_checkpoint_revert/10': 8.65 * us,
  'checkpoint_operations/soft_checkpoint_revert/100': 17.4 * us,
  'checkpoint_operations/soft_checkpoint_revert/1000': 114.2 * us,
  // Matcher Comparison table (only 100 and 10K elements).
  'matcher_comparison/exact_match/100': 40,
  'matcher_comparison/exact_match/1000': null,
  'matcher_comparison/exact_match/10000': 3.9 * us,
  'matcher_comparison/wildcard_match/100': 29,
  'matcher_comparison/wildcard_match/1000': null,
  'matcher_comparison/wildcard_match/10000': 2.9 * us,
  'matcher_comparison/vectordb_match/128': 13.7 * us,
  'matcher_comparison/vectordb_match/384': 43.2 * us,
  // VectorDB Performance table (Post-Opt). Its batch rows are labelled rows × queries ("100×10" is
  // 10 queries against 100 rows, the benchmark's 10x100); top-k is given for k = 5 and 50 only.
  'vector_similarity/cosine_single_pair/128': 108,
  'vector_similarity/cosine_single_pair/384': 272,
  'vector_similarity/cosine_single_pair/768': 500,
  'vector_similarity/cosine_single_pair/1536': 923,
  'vector_similarity/top_k_5/10000': 2.19 * ms,
  'vector_similarity/top_k_10/10000': null,
  'vector_similarity/top_k_50/10000': 2.33 * ms,
  'vector_similarity/batch_cosine_10x100': 69 * us,
  'vector_similarity/batch_cosine_10x1000': 581 * us,
  'vector_similarity/batch_cosine_100x1000': 1.16 * ms,
};

/**
 * Seed figures that stand beside a Node analogue as a reference only: Rust OS threads on an
 * `RwLock<HashMap<String, Vec<i32>>>` (a synthetic stand-in, not the engine) against our async
 * clients or worker threads on the real engine. Different workload, runtime and machine: never
 * a ratio.
 */
export interface Reference {
  row: string;
  ns: number;
}

const LOCK_MIXED: Readonly<Record<number, number>> = { 2: 931 * us, 4: 1.24 * ms, 8: 2.34 * ms };

export function referenceFor(group: string, name: string, size: number | null): Reference | null {
  const analogue = group === 'contention_async' || group === 'contention_workers';
  if (!analogue || name !== 'same_channel_mixed' || size === null || !(size in LOCK_MIXED)) return null;
  return { row: `lock_contention_same_channel/mixed_produce_consume/${size}`, ns: LOCK_MIXED[size] };
}

/** Targets the issues set for our own engine and runtime (not seed figures). */
export const TARGET_NS: Readonly<Record<string, number>> = {
  'produce_consume_cycle/produce_only/10000': 400 * us,
  'produce_consume_cycle/consume_immediate_match/10000': 1 * ms,
  'produce_consume_cycle/produce_multi_channel/1000': 80 * us,
  // The Rholang runtime's: at least 100,000 COMMs per second (ping_pong/10000 is 20,001 COMMs).
  'rholang/ping_pong/10000': (20_001 / 100_000) * 1e9,
  // Phlogiston, checkpoints and history.
  'checkpoint_operations/soft_checkpoint_create/1000': 1 * us,
  'checkpoint_operations/soft_checkpoint_revert/1000': 25 * us,
  'phlogiston/charge_operations/10000': 60 * us,
  'hard_checkpoint/hard_checkpoint_incremental/10000': 2 * ms,
  // The registry.
  'registry_lookup/sequential_lookup/1000': 30 * us,
  // Vectors.
  'vector_similarity/cosine_single_pair/384': 100,
  'vector_similarity/batch_cosine_100x1000': 1 * ms,
  'vector_similarity/top_k_5/10000': 1.5 * ms,
  'vector_similarity/top_k_50/10000': 1.5 * ms,
  'matcher_comparison/vectordb_match/384': 10 * us,
};
