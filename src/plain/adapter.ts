import { encode } from '../data/encode.js';
import { keyOf } from '../data/key.js';
import { print } from '../data/print.js';
import { isRecord, Name, Tuple, type Value } from '../data/value.js';
import type { Bindings } from '../spaces/matchers/matcher.js';
import type { ChannelKey, PathCodec, SpaceAdapter } from '../spaces/types.js';
import { embeddingOf } from './embedding.js';
import { SpaceNames } from './names.js';

/** The engine's type bundle for plain-data spaces: channels and data are `Value`s. */
export interface ValueTypes<P, K> {
  channel: Value;
  pattern: P;
  datum: Value;
  continuation: K;
  bindings: Bindings;
}

/** The id of a space when none is given: 32 zero bytes. */
export const DEFAULT_SPACE_ID: Uint8Array = new Uint8Array(32);

/** Paths are lists: `['jobs', 'build', 3]` is below `['jobs', 'build']`. */
const listPaths: PathCodec<Value> = {
  elements: (channel) => (Array.isArray(channel) ? (channel as readonly Value[]) : undefined),
  orderKey: (element) => Buffer.from(encode(element as Value)).toString('latin1'),
  suffix: (elements) => (elements.length === 1 ? (elements[0] as Value) : (elements.slice() as Value[])),
};

/**
 * The adapter for spaces whose channels and data are plain `Value`s. Patterns and continuations
 * are opaque to it; for Set continuation collections they are identified by value when they are
 * `Value`s and by identity otherwise.
 */
export function valueAdapter<P, K>(spaceId: Uint8Array = DEFAULT_SPACE_ID): SpaceAdapter<ValueTypes<P, K>> {
  const names = new SpaceNames(spaceId);
  const identity = new IdentityKeys();
  return {
    channelKey: keyOf,
    describeChannel: describe,
    describeDatum: describe,
    names,
    datumKey: keyOf,
    waitingKey: (channelKeys, patterns, continuation, persistent, peeks) => {
      let key = persistent ? 'P' : 'E';
      if (peeks !== null) key += peeks.map((p) => (p ? '1' : '0')).join('');
      for (const k of channelKeys) key += `|${typeof k === 'number' ? `n${k}` : `s${k.length}:${k}`}`;
      for (const p of patterns) key += `|${identity.of(p)}`;
      return `${key}|${identity.of(continuation)}`;
    },
    paths: listPaths,
    channelsIn: (datum, visit) => visitNames(datum, visit),
    embedding: embeddingOf,
    nameAsDatum: (channel) => channel,
  };
}

/** A value printed for an error message, cut at 80 characters. */
function describe(v: Value): string {
  const text = print(v);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** Keys opaque things: `Value`s by canonical key, other objects and functions by identity. */
class IdentityKeys {
  /** Created on first use: most spaces never key a continuation, and WeakMaps cost the GC. */
  private ids: WeakMap<object, number> | null = null;
  private next = 0;

  of(thing: unknown): string {
    if (thing !== null && (typeof thing === 'object' || typeof thing === 'function') && !isPlainValue(thing)) {
      this.ids ??= new WeakMap();
      let id = this.ids.get(thing);
      if (id === undefined) {
        id = this.next++;
        this.ids.set(thing, id);
      }
      return `#${id}`;
    }
    const k: ChannelKey = keyOf(thing as Value);
    return typeof k === 'number' ? `n${k}` : `s${k.length}:${k}`;
  }
}

function isPlainValue(thing: object): boolean {
  return (
    Array.isArray(thing) ||
    thing instanceof Uint8Array ||
    thing instanceof Tuple ||
    thing instanceof Map ||
    thing instanceof Set ||
    thing instanceof Name ||
    isRecord(thing)
  );
}

/** Calls `visit` on every Name inside a value. */
function visitNames(v: Value, visit: (name: Value) => void): void {
  if (v === null || typeof v !== 'object') return;
  if (v instanceof Name) visit(v);
  else if (Array.isArray(v)) for (const x of v as readonly Value[]) visitNames(x, visit);
  else if (v instanceof Tuple) for (const x of v.items) visitNames(x, visit);
  else if (v instanceof Map) {
    for (const [k, x] of v as ReadonlyMap<Value, Value>) {
      visitNames(k, visit);
      visitNames(x, visit);
    }
  } else if (v instanceof Set) for (const x of v as ReadonlySet<Value>) visitNames(x, visit);
  else if (isRecord(v)) for (const x of Object.values(v)) visitNames(x, visit);
}
