/**
 * The space factory for TypeScript callers: a space from a URN, a byte name or a configuration,
 * plus an optional config map and theory. The Rholang factory (later) resolves its arguments to
 * the same {@link SpaceSpec}, so both paths share one set of rules.
 */

import type { ValueTypes } from '../plain/adapter.js';
import { createSpace } from '../plain/create.js';
import type { SpaceConfigInput } from '../spaces/config.js';
import { InvalidConfigurationError } from '../spaces/errors.js';
import type { Pattern } from '../spaces/matchers/structural.js';
import type { Space } from '../spaces/space.js';
import type { Theory } from '../spaces/theory.js';
import { applyConfigMap, type ConfigMap, type VectorOptions } from './config-map.js';
import { loadTheory } from './theory.js';
import { byteToUrn, explicitConfig, parseUrn } from './urn.js';

/** A space over plain `Value`s with compiled-template patterns; `K` is the continuation type. */
export type PlainSpace<K = unknown> = Space<ValueTypes<Pattern, K>>;

/** What a space can be made from: a URN, a byte name (25..120), or a configuration. */
export type SpaceSource = string | number | SpaceConfigInput;

/** Options of {@link createSpaceFrom} and {@link resolveSpaceSpec}. */
export interface SpaceFromOptions {
  /** Extra parameters, checked per space kind (see `config-map.ts`). */
  configMap?: ConfigMap;
  /** A theory, or a theory spec (`'Nat'`, …) to load. */
  theory?: Theory | string;
  /** Prefix of the names the space hands out (default: 32 zero bytes; see `spaceIdFor`). */
  spaceId?: Uint8Array;
}

/** Everything a factory call resolved to, before any space is built. */
export interface SpaceSpec {
  /** The validated configuration, as from `explicitConfig`. */
  readonly config: SpaceConfigInput;
  readonly theory: Theory | undefined;
  /** VectorDB options for VectorDB collections, else `undefined`. */
  readonly vector: VectorOptions | undefined;
}

/**
 * Resolves a source and options to a {@link SpaceSpec}: parses the URN or byte name, applies the
 * config map, loads the theory, and validates the result with the engine's rules. A theory may be
 * given in at most one place (URN extension, config map, `options.theory`) unless all agree.
 */
export function resolveSpaceSpec(source: SpaceSource = {}, options: SpaceFromOptions = {}): SpaceSpec {
  let base: SpaceConfigInput;
  const theories: Array<string | Theory> = [];
  if (typeof source === 'string' || typeof source === 'number') {
    const parsed = parseUrn(typeof source === 'number' ? byteToUrn(source) : source);
    base = parsed.config;
    if (parsed.theory !== undefined) theories.push(parsed.theory);
  } else if (typeof source === 'object' && source !== null) {
    base = source;
  } else {
    throw new InvalidConfigurationError(
      `a space source is a URN, a byte name or a configuration, got ${String(source)}`,
    );
  }
  const applied = applyConfigMap(base, options.configMap);
  if (applied.theory !== undefined) theories.push(applied.theory);
  if (options.theory !== undefined) theories.push(options.theory);
  const first = theories[0];
  for (const other of theories) {
    if (other !== first) {
      throw new InvalidConfigurationError(
        `the theory is given more than once (${theories.map(theoryLabel).join(' and ')}): give it in one place`,
      );
    }
  }
  return {
    config: explicitConfig(applied.config),
    theory: first === undefined ? undefined : loadTheory(first),
    vector: applied.vector,
  };
}

/**
 * A plain-data space from a URN, a byte name or a configuration (default: hashmap / bag /
 * default).
 */
export function createSpaceFrom<K = unknown>(source?: SpaceSource, options: SpaceFromOptions = {}): PlainSpace<K> {
  const spec = resolveSpaceSpec(source, options);
  const v = spec.vector;
  // The URN names the kind; a VectorDB space also takes its metric, threshold and embedding type from the config map.
  const config =
    v === undefined
      ? spec.config
      : { ...spec.config, metric: v.metric, threshold: v.threshold, embeddingType: v.embeddingType };
  return createSpace<K>({ config, theory: spec.theory, spaceId: options.spaceId });
}

const encoder = new TextEncoder();

/**
 * Name prefix for the space registered as `id`, so that spaces of one registry never hand out
 * equal names: `"default"` → 32 zero bytes (the engine's default id); any other id → its UTF-8
 * bytes after a 4-byte big-endian length. Length-prefixing keeps the prefixes prefix-free (no
 * id's names can collide with another's), and a non-zero length never starts with 4 zero bytes.
 */
export function spaceIdFor(id: string): Uint8Array {
  if (id === 'default') return new Uint8Array(32);
  if (typeof id !== 'string' || id === '') {
    throw new InvalidConfigurationError(`a space id is a non-empty string, got ${JSON.stringify(id)}`);
  }
  const text = encoder.encode(id);
  const bytes = new Uint8Array(4 + text.length);
  new DataView(bytes.buffer).setUint32(0, text.length);
  bytes.set(text, 4);
  return bytes;
}

function theoryLabel(theory: string | Theory): string {
  return typeof theory === 'string' ? JSON.stringify(theory) : `theory object ${theory.name}`;
}
