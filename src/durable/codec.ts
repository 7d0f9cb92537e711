/**
 * How a space's channels, data, patterns and continuations become bytes for hard checkpoints and
 * event logs. An encoding must be **canonical** (equal things give equal bytes, or equal states
 * would get different roots) and **lossless** (decoding gives back something equal).
 *
 * Plain-data spaces get {@link valueStateCodec}: channels and data are `Value`s with their
 * canonical binary encoding; patterns are compiled templates (or `Value`s for matchers that take
 * values); continuations must be `Value`s unless a codec for them is given. Anything that cannot
 * be written down (a function, a `where` predicate) is refused with `NotEncodable`.
 */

import { decode } from '../data/decode.js';
import { encode } from '../data/encode.js';
import { isRecord, kindOf, Tuple, type Value, ValueKind } from '../data/value.js';
import { compile, Pattern } from '../spaces/matchers/structural.js';
import { type FormalType, Marker, type Template } from '../spaces/matchers/template.js';
import type { SpaceTypes } from '../spaces/types.js';
import { DurableError } from './errors.js';

/** Bytes and back for one kind of thing. `what` names it in error messages. */
export interface Codec<X> {
  encode(x: X): Uint8Array;
  decode(bytes: Uint8Array): X;
}

/** The parts of a space's types that reach checkpoints and logs (bindings never do). */
export type RecordedTypes = Pick<SpaceTypes, 'channel' | 'datum' | 'pattern' | 'continuation'>;

/** The recorded part of a space's types `T`. */
export type Recorded<T extends RecordedTypes> = Pick<T, 'channel' | 'datum' | 'pattern' | 'continuation'>;

/** The four codecs a space needs for hard checkpoints and event logs. */
export interface StateCodec<T extends RecordedTypes> {
  readonly channel: Codec<T['channel']>;
  readonly datum: Codec<T['datum']>;
  readonly pattern: Codec<T['pattern']>;
  readonly continuation: Codec<T['continuation']>;
}

/** `Value`s in their canonical encoding; anything else is `NotEncodable`. */
export function valueCodec<V = Value>(what: string): Codec<V> {
  return {
    encode(x: V): Uint8Array {
      try {
        return encode(x as Value);
      } catch (error) {
        throw new DurableError('NotEncodable', `this ${what} cannot be recorded: ${(error as Error).message}`);
      }
    },
    decode: (bytes) => decode(bytes) as V,
  };
}

/**
 * Compiled templates (`compile(...)`), written as the template they came from. Every marker can
 * be written down except `where`, whose predicate is a function.
 */
export const patternCodec: Codec<Pattern> = {
  encode(p: Pattern): Uint8Array {
    if (!(p instanceof Pattern)) throw new DurableError('NotEncodable', 'this pattern is not a compiled template');
    return encode(templateToValue(p.template));
  },
  decode: (bytes) => compile(valueToTemplate(decode(bytes))),
};

/**
 * The codec of plain-data spaces. Patterns are compiled templates by default (what `createSpace`
 * uses) — pass `valueCodec('pattern')` for matchers over plain values; continuations are `Value`s
 * by default — pass a codec when they are something else (handler ids, closures you can name).
 */
export function valueStateCodec<P = Pattern, K = Value>(
  options: { pattern?: Codec<P>; continuation?: Codec<K> } = {},
): StateCodec<{ channel: Value; datum: Value; pattern: P; continuation: K }> {
  return {
    channel: valueCodec('channel'),
    datum: valueCodec('datum'),
    pattern: options.pattern ?? (patternCodec as unknown as Codec<P>),
    continuation: options.continuation ?? valueCodec<K>('continuation'),
  };
}

// A template is written as a Value: every node becomes a tuple whose first item says what it is.
// Subtrees without markers are written whole as ('v', value), so equal templates give equal bytes.

function templateToValue(t: Template): Value {
  if (t instanceof Marker) return markerToValue(t);
  if (isLiteral(t)) return new Tuple(['v', t as Value]);
  if (Array.isArray(t)) return new Tuple(['l', (t as readonly Template[]).map(templateToValue)]);
  if (t instanceof Tuple) return new Tuple(['t', (t.items as readonly Template[]).map(templateToValue)]);
  return new Tuple(['m', mapEntries(t as ReadonlyMap<Value, Template> | Record<string, Template>)]);
}

function mapEntries(m: ReadonlyMap<Value, Template> | Record<string, Template>): Value {
  const out = new Map<Value, Value>();
  const entries = m instanceof Map ? [...m] : Object.entries(m as Record<string, Template>);
  for (const [k, v] of entries) out.set(k as Value, templateToValue(v));
  // A record template and a Map template with the same string keys are different to the matcher.
  return new Tuple([m instanceof Map ? 'map' : 'record', out]);
}

function markerToValue(m: Marker): Value {
  const s = m.spec;
  switch (s.kind) {
    case 'any':
      return new Tuple(['_']);
    case 'bind':
      return new Tuple(['bind', s.name, s.sub === undefined ? null : new Tuple([templateToValue(s.sub)])]);
    case 'is':
      return new Tuple(['is', s.type]);
    case 'rest':
      return new Tuple(['rest', s.name ?? null]);
    case 'partial':
      return new Tuple(['partial', mapEntries(s.map), s.restName ?? null]);
    case 'and':
    case 'or':
      return new Tuple([s.kind, s.templates.map(templateToValue)]);
    case 'not':
      return new Tuple(['not', templateToValue(s.template)]);
    case 'where':
      throw new DurableError(
        'NotEncodable',
        `a where(${s.label ?? 'predicate'}) pattern cannot be recorded: its predicate is a function`,
      );
  }
}

/** True if no marker occurs inside `t`. */
function isLiteral(t: Template): boolean {
  if (t instanceof Marker) return false;
  if (Array.isArray(t)) return (t as readonly Template[]).every(isLiteral);
  if (t instanceof Tuple) return (t.items as readonly Template[]).every(isLiteral);
  if (t instanceof Map) return [...t.values()].every(isLiteral);
  if (isRecord(t)) return Object.values(t).every(isLiteral);
  return true;
}

function valueToTemplate(v: Value): Template {
  const bad = (): never => {
    throw new DurableError('CorruptedState', 'a recorded pattern does not decode to a template');
  };
  if (!(v instanceof Tuple) || typeof v.items[0] !== 'string') return bad();
  const [tag, a, b] = v.items;
  const list = (x: Value): Template[] => (Array.isArray(x) ? (x as readonly Value[]).map(valueToTemplate) : bad());
  switch (tag) {
    case 'v':
      return a;
    case 'l':
      return list(a);
    case 't':
      return new Tuple(list(a) as readonly Value[]);
    case 'm':
      return valueToMap(a, bad);
    case '_':
      return new Marker({ kind: 'any' });
    case 'bind':
      if (typeof a !== 'string') return bad();
      return new Marker({
        kind: 'bind',
        name: a,
        sub: b instanceof Tuple ? valueToTemplate(b.items[0]) : b === null ? undefined : bad(),
      });
    case 'is':
      return typeof a === 'string' ? new Marker({ kind: 'is', type: a as FormalType }) : bad();
    case 'rest':
      return typeof a === 'string' || a === null ? new Marker({ kind: 'rest', name: a ?? undefined }) : bad();
    case 'partial':
      if (typeof b !== 'string' && b !== null) return bad();
      return new Marker({ kind: 'partial', map: valueToMap(a, bad), restName: b ?? undefined });
    case 'and':
    case 'or':
      return new Marker({ kind: tag, templates: list(a) });
    case 'not':
      return new Marker({ kind: 'not', template: valueToTemplate(a) });
    default:
      return bad();
  }
}

function valueToMap(v: Value, bad: () => never): ReadonlyMap<Value, Template> | Record<string, Template> {
  if (!(v instanceof Tuple) || kindOf(v.items[1]) !== ValueKind.Map) return bad();
  const [shape, entries] = v.items as [Value, ReadonlyMap<Value, Value> | Record<string, Value>];
  const pairs: [Value, Value][] = entries instanceof Map ? [...entries] : Object.entries(entries);
  if (shape === 'map') return new Map(pairs.map(([k, x]) => [k, valueToTemplate(x)]));
  if (shape !== 'record') return bad();
  const out: Record<string, Template> = {};
  for (const [k, x] of pairs) out[typeof k === 'string' ? k : bad()] = valueToTemplate(x);
  return out;
}
