/**
 * Similarity receives on VectorDB spaces (reference-inventory §10.6, DECISIONS 17 and 24).
 *
 * A consume may put a similarity query in place of a pattern at some positions. Such a position
 * is satisfied when its channel holds documents scoring at least the query's threshold under the
 * query's metric; the best `topK` of them are its hits. When every position is satisfied (the
 * others by ordinary matching), the continuation fires and each similarity position receives a
 * fresh **result channel** instead of a datum: a channel of the same space, named by its name
 * source, holding the hits best first, one per receive. Non-persistent hits leave their channel
 * when they are handed out, which is at the firing: no other receive can take a document that a
 * similarity receive was given. Persistent hits stay, and are copied.
 *
 * A query that finds nothing waits like any continuation, with its own metric, threshold and
 * top-k, and fires when a produce brings a document that passes them.
 */

import type { Value } from '../data/value.js';
import { DimensionMismatchError, InvalidVectorError, SimilarityMatchError } from '../vector/errors.js';
import { resolveMetric } from '../vector/metrics.js';
import { compositeKey } from './channel-keys.js';
import type { DataCollection } from './collections/data-collection.js';
import { OrderedCollection } from './collections/ordered.js';
import type { CollectionHit, SimilarityQuery, VectorDbCollection } from './collections/vectordb.js';
import type { SpaceConfig } from './config.js';
import type { ChannelEntry } from './entries.js';
import { Waiting } from './entries.js';
import { ArityMismatchError, InvalidConfigurationError } from './errors.js';
import { checkConcurrency, peekMask } from './guards.js';
import type { SpaceInternals } from './internals.js';
import type { Journal } from './journal.js';
import { NO_FIRINGS } from './reactor.js';
import type { ChannelStore } from './stores/store.js';
import type { ChangeTracker } from './tracker.js';
import type { ChannelKey, ConsumeOptions, Firing, SpaceTypes } from './types.js';

/** Checks and normalizes the similarity queries of a consume; null when it has none. */
export function checkSimilarity(
  config: SpaceConfig,
  queries: readonly (SimilarityQuery | null | undefined)[] | undefined,
  keys: readonly ChannelKey[],
  persist: boolean,
  peeks: readonly boolean[] | null,
): (SimilarityQuery | null)[] | null {
  if (queries === undefined || queries.every((q) => q === null || q === undefined)) return null;
  if (config.inner !== 'vectordb') {
    throw new InvalidConfigurationError(`similarity receives need a vectordb space, not a ${config.inner} space`);
  }
  if (queries.length !== keys.length) {
    throw new SimilarityMatchError(`one query (or null) per channel: got ${queries.length} for ${keys.length}`);
  }
  if (persist) throw new SimilarityMatchError('a similarity receive cannot be persistent');
  for (let i = 1; i < keys.length; i++) {
    for (let j = 0; j < i; j++) {
      if (Object.is(keys[i], keys[j]))
        throw new SimilarityMatchError('a similarity receive cannot name a channel twice');
    }
  }
  return queries.map((q, i) => {
    if (q === null || q === undefined) return null;
    if (peeks?.[i] === true) throw new SimilarityMatchError(`position ${i} cannot both peek and query by similarity`);
    return checkQuery(q, config, true);
  });
}

/**
 * Checks a query and resolves its defaults. With `components` false the components are left to be
 * checked later ({@link checkComponents}), except that they are checked first when another check
 * fails, so that the error is the one a full check gives.
 */
function checkQuery(q: SimilarityQuery, config: SpaceConfig, keep: boolean, components = true): SimilarityQuery {
  if (!(q.vector instanceof Float32Array)) throw new SimilarityMatchError('the query vector must be a Float32Array');
  if (q.vector.length !== config.dimensions) {
    throw new DimensionMismatchError(config.dimensions, q.vector.length, 'query vector');
  }
  if (components) checkComponents(q.vector);
  try {
    const metric = q.metric === undefined ? config.metric : resolveMetric(q.metric);
    const threshold = q.threshold ?? config.threshold;
    if (typeof threshold !== 'number' || !(threshold >= 0 && threshold <= 1)) {
      throw new SimilarityMatchError(`threshold must be in [0, 1], got ${String(threshold)}`);
    }
    const topK = q.topK ?? 1;
    if (!Number.isSafeInteger(topK) || topK < 1) {
      throw new SimilarityMatchError(`top-k must be a positive integer, got ${String(topK)}`);
    }
    // A copy for queries that wait, so a caller reusing its query vector cannot change a waiting query.
    return keep
      ? Object.freeze({ vector: q.vector.slice(), metric, threshold, topK })
      : { vector: q.vector, metric, threshold, topK };
  } catch (error) {
    if (!components) checkComponents(q.vector);
    throw error;
  }
}

/** Every component of a query vector must be finite. */
function checkComponents(vector: Float32Array): void {
  for (let i = 0; i < vector.length; i++) {
    if (!Number.isFinite(vector[i])) throw new SimilarityMatchError(`query vector[${i}] is not finite`);
  }
}

/** The hits of `query` on a channel's data (none when it has no vector collection yet). */
export function hitsOf<A>(data: unknown, query: SimilarityQuery): CollectionHit[] {
  if (data === null || (data as { kind?: unknown }).kind !== 'vectordb') return [];
  return (data as VectorDbCollection<A>).similar(query);
}

/** Encodes a query for checkpoints and event logs as a plain value: [vector bytes, metric, threshold, topK]. */
export function queryValue(q: SimilarityQuery): Value {
  const bytes = new Uint8Array(q.vector.buffer, q.vector.byteOffset, q.vector.byteLength).slice();
  return [bytes, q.metric ?? null, q.threshold ?? null, q.topK ?? 1];
}

/** The inverse of {@link queryValue}. */
export function queryFromValue(v: Value): SimilarityQuery {
  if (!Array.isArray(v) || v.length !== 4 || !(v[0] instanceof Uint8Array) || v[0].length % 4 !== 0) {
    throw new SimilarityMatchError('a recorded similarity query does not decode');
  }
  const [bytes, metric, threshold, topK] = v as [Uint8Array, Value, Value, Value];
  const vector = new Float32Array(bytes.slice().buffer);
  return Object.freeze({
    vector,
    metric: typeof metric === 'string' ? metric : undefined,
    threshold: typeof threshold === 'number' ? threshold : undefined,
    topK: typeof topK === 'number' ? topK : 1,
  });
}

/**
 * Makes result channels: a fresh name from the store, whose data collection is a queue (whatever
 * the space's inner kind) holding the hits best first.
 */
export class ResultChannels<T extends SpaceTypes> {
  private readonly store: ChannelStore<T>;
  private readonly journal: Journal;
  private readonly nameAsDatum: (channel: T['channel']) => T['datum'];
  /** A name as a datum, to check that a similarity position's pattern accepts result channels. */
  readonly probe: T['datum'];

  constructor(
    store: ChannelStore<T>,
    journal: Journal,
    nameAsDatum: (channel: T['channel']) => T['datum'],
    probe: T['datum'],
  ) {
    this.store = store;
    this.journal = journal;
    this.nameAsDatum = nameAsDatum;
    this.probe = probe;
  }

  /** Hands the hits on `source` out to a new result channel; returns it as a datum. */
  handOut(source: ChannelEntry<T>, hits: readonly CollectionHit[], tracker: ChangeTracker<T> | null): T['datum'] {
    const name = this.store.gensym();
    const key = this.store.keyOf(name);
    const entry = this.store.get(key) ?? this.store.create(name, key);
    const results = new OrderedCollection<T['datum']>('queue', undefined, this.journal);
    entry.setData(results, this.journal);
    const data = source.data as DataCollection<T['datum']>;
    // Each hit is handed out once: the copies are not persistent, even of persistent documents (which stay).
    for (const hit of hits) results.put(data.datum(hit.handle), false, undefined);
    for (const hit of hits) if (!data.persistent(hit.handle)) data.take(hit.handle);
    if (source.idle) this.store.release(source);
    if (tracker !== null) {
      tracker.channelChanged(entry.key, entry.channel);
      tracker.channelChanged(source.key, source.channel);
    }
    return this.nameAsDatum(entry.channel);
  }
}

/** True if a channel's data are a result channel's (a queue in a VectorDB space). */
export function isResultCollection(config: SpaceConfig, data: DataCollection<unknown> | null): boolean {
  return config.inner === 'vectordb' && data !== null && data.kind === 'queue';
}

/**
 * A consume with similarity queries: stored, then tried at once as a persistent consume is, so
 * that a query that finds nothing simply stays waiting. Returns null when `options.similarity`
 * holds no query at all (the caller then runs an ordinary consume).
 */
export function consumeSimilar<T extends SpaceTypes>(
  core: SpaceInternals<T>,
  channels: readonly T['channel'][],
  patterns: readonly T['pattern'][],
  continuation: T['continuation'],
  options: ConsumeOptions,
): readonly Firing<T>[] | null {
  const n = channels.length;
  if (n === 0 || patterns.length !== n) throw new ArityMismatchError(n, patterns.length);
  const { store, reactor, matcher } = core;
  const persist = options.persist === true;
  const peeks = options.peeks === undefined ? null : peekMask(options.peeks, n);
  const keys = channels.map((c) => store.keyOf(c));
  const queries = checkSimilarity(core.config, options.similarity, keys, persist, peeks);
  if (queries === null) return null;
  const probe = (reactor.results as ResultChannels<T>).probe;
  queries.forEach((q, i) => {
    if (q !== null && matcher.match(patterns[i], probe) === null) {
      throw new SimilarityMatchError(
        `the pattern at position ${i} receives the result channel, so it must match a name (use a variable or a wildcard)`,
      );
    }
  });
  if (!core.traits.concurrent) checkConcurrency(store, core.adapter, channels, keys);
  const groupKey = n === 1 ? keys[0] : compositeKey(keys);
  const entries = core.entriesFor(channels, keys);
  const target = core.groupByKeys(keys) ?? core.newGroup(groupKey, entries, keys);
  const w = new Waiting<T>(
    core.nextWaitingId(),
    channels.slice(),
    entries,
    patterns.slice(),
    continuation,
    false,
    peeks,
    false,
    undefined,
    queries,
  );
  const wh = target.conts.put(w);
  reactor.changeWaiting(1);
  if (reactor.tracker !== null) reactor.joinChanged(target);
  if (!target.conts.isEligible(wh)) return NO_FIRINGS;
  reactor.begin();
  reactor.waitingEvent(target, wh);
  return reactor.settle();
}

/** A document found by `Space.findSimilar`. */
export interface SimilarDatum<D> {
  readonly datum: D;
  readonly persistent: boolean;
  /** Its similarity to the query (higher is closer). */
  readonly score: number;
}

/** The read-only search behind `Space.findSimilar`. */
export function findSimilar<T extends SpaceTypes>(
  core: SpaceInternals<T>,
  channel: T['channel'],
  query: SimilarityQuery,
): SimilarDatum<T['datum']>[] {
  const keys = [core.store.keyOf(channel)];
  if (core.config.inner !== 'vectordb') checkSimilarity(core.config, [query], keys, false, null);
  // The components are left to the vector backend, which checks them for nothing: a NaN or infinite
  // component makes the query's squared norm NaN or infinite, and only then does it look at each
  // one. Its refusal is turned back into the error a check here would give.
  const checked = checkQuery(query, core.config, false, false);
  const data = core.store.get(keys[0])?.data ?? null;
  const collection = data as DataCollection<T['datum']> | null;
  let hits: CollectionHit[];
  try {
    if (indexed(data)) hits = hitsOf(data, checked);
    else {
      checkComponents(checked.vector);
      hits = [];
    }
  } catch (error) {
    if (error instanceof InvalidVectorError) checkComponents(checked.vector);
    throw error;
  }
  return hits.map((hit) => ({
    datum: (collection as DataCollection<T['datum']>).datum(hit.handle),
    persistent: (collection as DataCollection<T['datum']>).persistent(hit.handle),
    score: hit.score,
  }));
}

/** Whether a channel's data are a vector collection that has indexed documents (so its backend runs). */
function indexed(data: unknown): boolean {
  return (
    data !== null && (data as { kind?: unknown }).kind === 'vectordb' && (data as VectorDbCollection<unknown>).indexed
  );
}
