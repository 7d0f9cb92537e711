/**
 * Builds the events of operations and firings: encodes their parts with the space's codec and
 * hashes them. Hashing is the cost of logging (~1 µs a hash), so hashes of things that recur are
 * cached: channels, patterns and continuations that are primitives, and objects that cannot change
 * under us (not arrays, plain objects, maps or sets, which callers may mutate between calls). Data
 * are hashed every time: they rarely recur.
 */

import { encode } from '../data/encode.js';
import { isRecord } from '../data/value.js';
import { blake2b256 } from '../history/hash.js';
import type { SimilarityQuery } from '../spaces/collections/vectordb.js';
import { queryValue } from '../spaces/similarity.js';
import type { Firing, SpaceTypes } from '../spaces/types.js';
import type { Codec, Recorded, StateCodec } from './codec.js';
import {
  type CommEvent,
  type CommMatch,
  type ConsumeEvent,
  consumeRef,
  type Hash,
  type ProduceEvent,
  type WithdrawEvent,
} from './events.js';

/** Caches hashes of one kind of thing; bounded so that a space churning through fresh channels stays small. */
class HashCache<X> {
  private readonly codec: Codec<X>;
  private primitives = new Map<unknown, Hash>();
  private objects = new WeakMap<object, Hash>();

  constructor(codec: Codec<X>) {
    this.codec = codec;
  }

  of(x: X): Hash {
    if (x !== null && typeof x === 'object') {
      if (Array.isArray(x) || isRecord(x) || x instanceof Map || x instanceof Set) return this.compute(x);
      let h = this.objects.get(x);
      if (h === undefined) {
        h = this.compute(x);
        this.objects.set(x, h);
      }
      return h;
    }
    if (typeof x === 'function') return this.compute(x);
    let h = this.primitives.get(x);
    if (h === undefined) {
      if (this.primitives.size >= 65536) this.primitives = new Map();
      h = this.compute(x);
      this.primitives.set(x, h);
    }
    return h;
  }

  private compute(x: X): Hash {
    return blake2b256(this.codec.encode(x));
  }
}

/** The hash of a consume's similarity queries (their canonical value encoding), or null when it has none. */
function similarityHash(queries: readonly (SimilarityQuery | null | undefined)[] | null | undefined): Hash | null {
  if (queries === null || queries === undefined || queries.every((q) => q === null || q === undefined)) return null;
  return blake2b256(encode(queries.map((q) => (q === null || q === undefined ? null : queryValue(q)))));
}

/** A consume being logged: the arrays it was called with, and its event. */
export interface ConsumeOrigin<T extends SpaceTypes> {
  readonly channels: readonly T['channel'][];
  readonly patterns: readonly T['pattern'][];
  readonly continuation: T['continuation'];
  readonly event: ConsumeEvent;
}

export class EventHasher<T extends SpaceTypes> {
  private readonly channels: HashCache<T['channel']>;
  private readonly patterns: HashCache<T['pattern']>;
  private readonly continuations: HashCache<T['continuation']>;
  private readonly datumCodec: Codec<T['datum']>;

  constructor(codec: StateCodec<Recorded<T>>) {
    this.channels = new HashCache(codec.channel);
    this.patterns = new HashCache(codec.pattern);
    this.continuations = new HashCache(codec.continuation);
    this.datumCodec = codec.datum;
  }

  produce(channel: T['channel'], datum: T['datum'], persistent: boolean, priority: number | undefined): ProduceEvent {
    return {
      kind: 'produce',
      channel: this.channels.of(channel),
      datum: this.datum(datum),
      persistent,
      priority: priority ?? -1,
    };
  }

  consume(
    channels: readonly T['channel'][],
    patterns: readonly T['pattern'][],
    continuation: T['continuation'],
    persistent: boolean,
    peeks: readonly number[],
    similarity: readonly (SimilarityQuery | null | undefined)[] | null | undefined = null,
  ): ConsumeEvent {
    return {
      kind: 'consume',
      channels: channels.map((c) => this.channels.of(c)),
      patterns: patterns.map((p) => this.patterns.of(p)),
      continuation: this.continuations.of(continuation),
      persistent,
      peeks,
      similarity: similarityHash(similarity),
    };
  }

  withdraw(channels: readonly T['channel'][], continuation: T['continuation']): WithdrawEvent {
    return {
      kind: 'withdraw',
      channels: channels.map((c) => this.channels.of(c)),
      continuation: this.continuations.of(continuation),
    };
  }

  /**
   * The COMM of a firing. `origin` is the consume operation being logged, if any: a firing of that
   * very consume (it fired at once) reuses its event rather than building and hashing it again.
   */
  comm(firing: Firing<T>, origin: ConsumeOrigin<T> | null = null): CommEvent {
    const peeks: number[] = [];
    const matches: CommMatch[] = firing.matches.map((m, i) => {
      if (m.peeked) peeks.push(i);
      return {
        channel: this.channels.of(m.channel),
        datum: this.datum(m.datum),
        persistent: m.persistent,
        peeked: m.peeked,
      };
    });
    const own =
      origin !== null &&
      firing.channels === origin.channels &&
      firing.patterns === origin.patterns &&
      firing.continuation === origin.continuation &&
      firing.persistent === origin.event.persistent &&
      origin.event.similarity === null;
    const consume = own
      ? origin.event
      : this.consume(
          firing.channels,
          firing.patterns,
          firing.continuation,
          firing.persistent,
          peeks,
          firing.similarity,
        );
    return { kind: 'comm', consume: consumeRef(consume), matches };
  }

  private datum(datum: T['datum']): Hash {
    return blake2b256(this.datumCodec.encode(datum));
  }
}
