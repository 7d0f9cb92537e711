/**
 * The engine's public types. The engine is generic over a bundle of five types so that plain
 * TypeScript data and Rholang terms can both drive it:
 *
 * - `channel`: what names a place data waits at;
 * - `pattern`: what a consume asks for on each channel;
 * - `datum`: what a produce puts;
 * - `continuation`: what a consume leaves behind to be fired;
 * - `bindings`: what the matcher returns for a successful match.
 */
import type { SimilarityQuery } from './collections/vectordb.js';
import type { EmbeddingType } from './config.js';

export interface SpaceTypes {
  channel: unknown;
  pattern: unknown;
  datum: unknown;
  continuation: unknown;
  bindings: unknown;
}

/** A channel's identity inside a store: a number for small-integer channels, else a canonical string. */
export type ChannelKey = string | number;

/** How a space turns its name counter into channels, and back (Array and Vector stores need the way back). */
export interface NameSource<C> {
  /** The channel for the `index`-th name this space hands out. */
  make(index: number): C;
  /** The slot index a channel addresses in an Array or Vector space, or `undefined` if it addresses none. */
  indexOf(channel: C): number | undefined;
  /** True if `channel` is a name this space handed out (used for Seq mobility checks). */
  isOwn(channel: C): boolean;
}

/**
 * How a PathMap space sees channels as paths. A channel that is not a path (`elements` returns
 * `undefined`) is an ordinary exact-match channel in a PathMap space.
 */
export interface PathCodec<C> {
  /** The path elements of a channel, or `undefined` if it is not a path. */
  elements(channel: C): readonly unknown[] | undefined;
  /**
   * A string whose code-unit order is the canonical order of path elements (the byte order of
   * their canonical encodings). Descendants are tried in this order.
   */
  orderKey(element: unknown): string;
  /** The suffix key reported for a prefix match: one element → that element; several → a list of them. */
  suffix(elements: readonly unknown[]): C;
}

/**
 * Everything the engine needs to know about the five types. The plain-data adapter in
 * `plain/` provides one for `Value`s; the Rholang runtime provides another.
 */
export interface SpaceAdapter<T extends SpaceTypes> {
  /** Canonical key of a channel: equal channels must give equal keys (SameValueZero). May throw for non-channels. */
  channelKey(channel: T['channel']): ChannelKey;
  /** A short rendering of a channel for error messages. */
  describeChannel(channel: T['channel']): string;
  /** A short rendering of a datum for error messages. */
  describeDatum(datum: T['datum']): string;
  /** Name allocation for `gensym`. */
  names: NameSource<T['channel']>;
  /** Key of a datum for Set collections (equal data, equal keys). Required by Set data collections. */
  datumKey?(datum: T['datum']): ChannelKey;
  /**
   * Key of a waiting continuation for Set continuation collections (required by them): equal
   * keys mean the same channels in the same order, equal patterns, the same continuation, the
   * same persist flag and the same peeked positions (`peeks[i]` true when position `i` peeks).
   */
  waitingKey?(
    channelKeys: readonly ChannelKey[],
    patterns: readonly T['pattern'][],
    continuation: T['continuation'],
    persistent: boolean,
    peeks: readonly boolean[] | null,
  ): ChannelKey;
  /** Path view of channels; required by PathMap stores. */
  paths?: PathCodec<T['channel']>;
  /** Calls `visit` for every channel mentioned inside a datum (Seq mobility checks). */
  channelsIn?(datum: T['datum'], visit: (channel: T['channel']) => void): void;
  /**
   * VectorDB spaces (required by them): the embedding a datum carries, written as `type` says, or
   * null when it carries none. Throws `DimensionMismatch` / `EmbeddingExtractionError` for a
   * malformed one.
   */
  embedding?(datum: T['datum'], type: EmbeddingType, dimensions: number): Float32Array | null;
  /** VectorDB spaces (required by them): a channel as a datum, for the result channels of similarity receives. */
  nameAsDatum?(channel: T['channel']): T['datum'];
}

/** Options of `produce`. */
export interface ProduceOptions {
  /** Persistent data stay after matching: every match receives them (`!!` in Rholang). */
  persist?: boolean;
  /** Priority level for priority-queue spaces (0 is highest); ignored by other collections. */
  priority?: number;
}

/** Options of `consume`. */
export interface ConsumeOptions {
  /**
   * VectorDB spaces: per position, a similarity query (or null for an ordinary pattern). A position
   * with a query matches when the channel holds documents scoring at least the threshold; the
   * consume then fires with a fresh **result channel** in place of a datum, holding the top-k hits
   * best first, one per receive. The pattern at that position is matched against the result channel.
   */
  similarity?: readonly (SimilarityQuery | null | undefined)[];
  /** A persistent continuation stays after firing (`<=` in Rholang). */
  persist?: boolean;
  /** Positions (indices into the channel list) that are read without being consumed (`<<-`). */
  peeks?: Iterable<number>;
}

/** One channel's part of a firing. */
export interface Match<T extends SpaceTypes> {
  /** The channel the datum came from: the consume's channel, or a descendant under PathMap prefix semantics. */
  readonly channel: T['channel'];
  readonly datum: T['datum'];
  /** True if the datum was persistent (it stayed in the space). */
  readonly persistent: boolean;
  /** True if this position peeked (the datum stayed in the space). */
  readonly peeked: boolean;
  readonly bindings: T['bindings'];
  /** PathMap prefix matches: the path of `channel` below the consume's channel. Absent for exact matches. */
  readonly suffix: T['channel'] | undefined;
}

/** A continuation that fired (a COMM event), with one match per channel in the continuation's own order. */
export interface Firing<T extends SpaceTypes> {
  readonly continuation: T['continuation'];
  /** The continuation's persist flag (a persistent one stays waiting). */
  readonly persistent: boolean;
  /** True if the consume peeked at any position. */
  readonly peek: boolean;
  readonly channels: readonly T['channel'][];
  readonly patterns: readonly T['pattern'][];
  readonly matches: readonly Match<T>[];
  /** VectorDB spaces: the similarity queries of the continuation that fired (null when it had none). */
  readonly similarity?: readonly (SimilarityQuery | null)[] | null;
}

/** A waiting continuation as reported by `getWaiting`. */
export interface WaitingInfo<T extends Pick<SpaceTypes, 'channel' | 'pattern' | 'continuation'>> {
  readonly channels: readonly T['channel'][];
  readonly patterns: readonly T['pattern'][];
  readonly continuation: T['continuation'];
  readonly persistent: boolean;
  /** Peeked positions, ascending. */
  readonly peeks: readonly number[];
  /** VectorDB spaces: per position, the similarity query in place of the pattern (absent when none). */
  readonly similarity?: readonly (SimilarityQuery | null)[];
}
