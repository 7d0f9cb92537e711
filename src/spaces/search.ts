/**
 * The search for a firing: given a continuation, find one eligible, matching datum per
 * position — phase one of a two-phase join. Nothing is removed here; the reactor commits a
 * selection only once every position has one, so a join that cannot complete changes nothing.
 *
 * The common case (distinct channels, no prefix semantics, nothing fired yet in this operation)
 * is a greedy scan with no allocation. The general case is a depth-first search that honours
 * claims (a channel named twice gives two data; taking a queue head makes the next eligible),
 * PathMap descendants, and the rule that a firing which consumes nothing fires once per operation.
 */
import { Claims, NO_CLAIMS } from './collections/claims.js';
import type { CollectionHit, SimilarityQuery } from './collections/vectordb.js';
import type { ChannelEntry, Waiting } from './entries.js';
import type { Matcher } from './matchers/matcher.js';
import { hitsOf } from './similarity.js';
import type { ChannelStore } from './stores/store.js';
import type { SpaceTypes } from './types.js';

export class Search<T extends SpaceTypes> {
  /** Selected source entry, handle and bindings per position; valid after `find` returns true. */
  readonly sources: ChannelEntry<T>[] = [];
  readonly handles: number[] = [];
  readonly bindings: T['bindings'][] = [];
  /** Per position, the hits of its similarity query (null at ordinary positions); set by `find`. */
  readonly hits: (readonly CollectionHit[] | null)[] = [];
  /** Keys of firings that consumed nothing, fired earlier in the current operation. */
  fired: Set<string> | null = null;

  private readonly claims = new Claims();
  private readonly matcher: Matcher<T['pattern'], T['datum'], T['bindings']>;
  private readonly store: ChannelStore<T>;
  // The search in progress (fields instead of arguments keep the recursion cheap).
  private w: Waiting<T> | null = null;
  private pinPos = -1;
  private pinEntry: ChannelEntry<T> | null = null;
  private pinHandle = -1;

  constructor(matcher: Matcher<T['pattern'], T['datum'], T['bindings']>, store: ChannelStore<T>) {
    this.matcher = matcher;
    this.store = store;
  }

  /**
   * Finds a selection for `w`. With `pinPos ≥ 0`, that position must take the datum at
   * (`pinEntry`, `pinHandle`): the datum whose arrival or exposure is being processed.
   */
  find(w: Waiting<T>, pinPos: number, pinEntry: ChannelEntry<T> | null, pinHandle: number): boolean {
    if (w.similarity !== null) return this.similar(w, w.similarity, pinPos, pinEntry, pinHandle);
    if (!w.repeatsChannel && !this.store.prefixSemantics && this.fired === null) {
      return this.greedy(w, pinPos, pinEntry, pinHandle);
    }
    this.w = w;
    this.pinPos = pinPos;
    this.pinEntry = pinEntry;
    this.pinHandle = pinHandle;
    try {
      return this.feasible() && this.depthFirst(0);
    } finally {
      this.w = null;
      this.pinEntry = null;
      this.claims.clear();
    }
  }

  /** True if the selection found last consumes something (the continuation or a datum). */
  consumes(w: Waiting<T>): boolean {
    if (!w.persist) return true;
    for (let i = 0; i < w.entries.length; i++) {
      if (w.peeks?.[i] !== true && !this.sources[i].data!.persistent(this.handles[i])) return true;
    }
    return false;
  }

  /** A key naming the selection found last, for the fire-once rule of non-consuming firings. */
  key(w: Waiting<T>): string {
    let key = `${w.id}`;
    for (let i = 0; i < w.entries.length; i++) {
      const k = this.sources[i].key;
      key += `|${typeof k === 'number' ? `n${k}` : `s${k.length}:${k}`}.${this.handles[i]}`;
    }
    return key;
  }

  /** One pass, first eligible match per position; valid when positions cannot interfere. */
  private greedy(w: Waiting<T>, pinPos: number, pinEntry: ChannelEntry<T> | null, pinHandle: number): boolean {
    const matcher = this.matcher;
    for (let i = 0; i < w.entries.length; i++) {
      if (i === pinPos) {
        const b = matcher.match(w.patterns[i], pinEntry!.data!.datum(pinHandle));
        if (b === null) return false;
        this.record(i, pinEntry!, pinHandle, b);
        continue;
      }
      const entry = w.entries[i];
      const data = entry.data;
      if (data === null) return false;
      let h = data.first(NO_CLAIMS);
      let b: T['bindings'] | null = null;
      while (h >= 0) {
        b = matcher.match(w.patterns[i], data.datum(h));
        if (b !== null) break;
        h = data.next(h, NO_CLAIMS);
      }
      if (h < 0) return false;
      this.record(i, entry, h, b as T['bindings']);
    }
    return true;
  }

  /**
   * A continuation with similarity queries (its channels are distinct, and VectorDB spaces have no
   * prefix semantics): each query needs at least one hit; each other position takes the pinned
   * datum or its first eligible match.
   */
  private similar(
    w: Waiting<T>,
    queries: readonly (SimilarityQuery | null)[],
    pinPos: number,
    pinEntry: ChannelEntry<T> | null,
    pinHandle: number,
  ): boolean {
    const matcher = this.matcher;
    for (let i = 0; i < w.entries.length; i++) {
      const entry = w.entries[i];
      const query = queries[i];
      if (query !== null) {
        const hits = hitsOf(entry.data, query);
        if (hits.length === 0) return false;
        this.hits[i] = hits;
        this.sources[i] = entry;
        this.handles[i] = -1;
        continue;
      }
      this.hits[i] = null;
      if (i === pinPos) {
        const b = matcher.match(w.patterns[i], pinEntry!.data!.datum(pinHandle));
        if (b === null) return false;
        this.record(i, pinEntry!, pinHandle, b);
        continue;
      }
      const data = entry.data;
      if (data === null) return false;
      let h = data.first(NO_CLAIMS);
      let b: T['bindings'] | null = null;
      while (h >= 0) {
        b = matcher.match(w.patterns[i], data.datum(h));
        if (b !== null) break;
        h = data.next(h, NO_CLAIMS);
      }
      if (h < 0) return false;
      this.record(i, entry, h, b as T['bindings']);
    }
    return true;
  }

  /** Cheap necessary condition: every free position has some matching eligible datum, claims aside. */
  private feasible(): boolean {
    const w = this.w!;
    for (let i = 0; i < w.entries.length; i++) {
      if (i === this.pinPos) continue;
      let found = false;
      for (const source of this.sourcesOf(w.entries[i])) {
        const data = source.data!;
        for (let h = data.first(NO_CLAIMS); h >= 0 && !found; h = data.next(h, NO_CLAIMS)) {
          found = this.matcher.match(w.patterns[i], data.datum(h)) !== null;
        }
        if (found) break;
      }
      if (!found) return false;
    }
    return true;
  }

  private depthFirst(i: number): boolean {
    const w = this.w!;
    if (i === w.entries.length) return this.acceptable(w);
    if (i === this.pinPos) {
      const entry = this.pinEntry!;
      const h = this.pinHandle;
      if (this.claims.length > 0 && this.claims.has(entry.data!, h)) return false;
      const b = this.matcher.match(w.patterns[i], entry.data!.datum(h));
      return b !== null && this.tryPosition(i, entry, h, b);
    }
    for (const source of this.sourcesOf(w.entries[i])) {
      const data = source.data!;
      for (let h = data.first(this.claims); h >= 0; h = data.next(h, this.claims)) {
        const b = this.matcher.match(w.patterns[i], data.datum(h));
        if (b !== null && this.tryPosition(i, source, h, b)) return true;
      }
    }
    return false;
  }

  private tryPosition(i: number, source: ChannelEntry<T>, h: number, b: T['bindings']): boolean {
    const w = this.w!;
    const data = source.data!;
    const persistent = data.persistent(h);
    // Positions on one channel need different data, peeked or not; a persistent datum serves them all.
    if (!persistent) for (let j = 0; j < i; j++) if (this.sources[j] === source && this.handles[j] === h) return false;
    const takes = w.peeks?.[i] !== true && !persistent;
    this.record(i, source, h, b);
    if (takes) this.claims.push(data, h);
    if (this.depthFirst(i + 1)) return true;
    if (takes) this.claims.pop();
    return false;
  }

  /** A complete selection fires unless it consumes nothing and already fired in this operation. */
  private acceptable(w: Waiting<T>): boolean {
    return this.fired === null || this.consumes(w) || !this.fired.has(this.key(w));
  }

  /** Where a position may take data from: its channel, then (PathMap) its descendants in path order. */
  private sourcesOf(entry: ChannelEntry<T>): ChannelEntry<T>[] {
    const own = entry.data !== null && entry.data.size > 0 ? [entry] : [];
    return this.store.prefixSemantics ? own.concat(this.store.descendants(entry)) : own;
  }

  private record(i: number, source: ChannelEntry<T>, h: number, b: T['bindings']): void {
    this.sources[i] = source;
    this.handles[i] = h;
    this.bindings[i] = b;
  }
}
