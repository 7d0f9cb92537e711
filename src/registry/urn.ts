/**
 * Space URNs: `rho:space:<inner>:<outer>:<qualifier>[<theory-ext>]`, the legacy named forms, and
 * the one-byte names of the 96 parameterless URNs.
 *
 * - inner: `bag | queue | stack | set | cell | priorityqueue[(n)] | vectordb[(d)]`
 * - outer: `hashmap | pathmap | array[(size[,cyclic])] | vector | hashset`
 * - qualifier: `default | temp | seq`
 * - theory extension: `[theory=<spec>]` (see `theory.ts` for specs)
 *
 * Parsing is exact: lowercase kinds, no whitespace, digits-only numbers, `true`/`false` only for
 * `cyclic` (the reference reads anything but `true` as false; a typo should not silently make a
 * non-cyclic array). Validity is the engine's one rule set (`resolveConfig`), never a second one.
 *
 * Canonical printing omits parameters equal to their defaults (levels 2, dimensions 384, array
 * size 1000, cyclic false), so each of the 96 grammar URNs has exactly one spelling and the byte
 * names map onto canonical URNs.
 */

import {
  DATA_KINDS,
  DEFAULT_ARRAY_SIZE,
  DEFAULT_PRIORITY_LEVELS,
  DEFAULT_VECTOR_DIMENSIONS,
  defaultContinuations,
  QUALIFIERS,
  resolveConfig,
  type SpaceConfig,
  type SpaceConfigInput,
  STORE_KINDS,
} from '../spaces/config.js';
import { InvalidConfigurationError, SpaceError } from '../spaces/errors.js';
import type { Theory } from '../spaces/theory.js';
import { NAMED_SPACES, presetName } from './named-urns.js';
import { arrayArgs, countArg, invalid, parseTerm, quote } from './urn-syntax.js';

export const URN_PREFIX = 'rho:space:';
/** Byte name of the first URN of {@link allValidUrns}; the last is `FIRST_URN_BYTE + 95`. */
export const FIRST_URN_BYTE = 25;
export const LAST_URN_BYTE = 120;

/** A parsed URN: an explicit configuration and the unparsed theory spec of its extension, if any. */
export interface ParsedUrn {
  /**
   * `outer`, `inner` and `qualifier`, plus exactly the parameters that apply to them (`size` and
   * `cyclic` for arrays, `levels` for priority queues, `dimensions` for VectorDB), defaults filled in.
   */
  readonly config: SpaceConfigInput;
  /** The spec of a `[theory=…]` extension (load it with `loadTheory`). */
  readonly theory: string | undefined;
}

/** Something with a resolved configuration and maybe a theory, such as a `Space`. */
export interface UrnSource {
  readonly config: SpaceConfig;
  readonly theory?: Theory | undefined;
}

/** One `name` or `name(arg,…)` part of a URN. */
/** Parses any accepted URN (canonical, named, suffix forms; optional theory extension). */
export function parseUrn(urn: string): ParsedUrn {
  if (typeof urn !== 'string' || !urn.startsWith(URN_PREFIX)) {
    throw new InvalidConfigurationError(`invalid space URN ${quote(urn)}: a space URN starts with ${URN_PREFIX}`);
  }
  const open = urn.indexOf('[');
  const base = open < 0 ? urn : urn.slice(0, open);
  const theory = open < 0 ? undefined : parseExtension(urn, urn.slice(open));
  if (base.includes(']')) throw invalid(urn, 'a "]" without "["');
  const parts = base.slice(URN_PREFIX.length).split(':');
  let config: SpaceConfigInput;
  if (parts.length === 3) config = parseCanonical(urn, parts);
  else if (parts.length === 1) config = parseNamed(urn, parts[0]);
  else
    throw invalid(urn, 'expected rho:space:<inner>:<outer>:<qualifier> or a named space such as rho:space:QueueSpace');
  return { config: explicit(urn, config), theory };
}

/**
 * The canonical URN of a configuration (a `SpaceConfigInput` or a resolved `SpaceConfig`),
 * with `[theory=…]` appended if `theory` is given. Parameters equal to their defaults are omitted.
 */
export function formatUrn(config: SpaceConfigInput, theory?: string): string {
  const c = resolveForUrn(config);
  let inner: string = c.inner;
  if (c.inner === 'priorityqueue' && c.levels !== DEFAULT_PRIORITY_LEVELS) inner = `priorityqueue(${c.levels})`;
  if (c.inner === 'vectordb' && c.dimensions !== DEFAULT_VECTOR_DIMENSIONS) inner = `vectordb(${c.dimensions})`;
  let outer: string = c.outer;
  if (c.outer === 'array') {
    if (c.cyclic) outer = `array(${c.size},true)`;
    else if (c.size !== DEFAULT_ARRAY_SIZE) outer = `array(${c.size})`;
  }
  return `${URN_PREFIX}${inner}:${outer}:${c.qualifier}${extension(theory)}`;
}

/**
 * The URN callers should show for a configuration or a space: the named form for the nine presets
 * (`HashMapBagSpace`, `TempSpace`, `PathMapSpace`, `SeqSpace`, `QueueSpace`, `StackSpace`,
 * `SetSpace`, `CellSpace`, `VectorSpace`), else the canonical form. A space's theory name is
 * appended as `[theory=…]`.
 */
export function urnOf(source: SpaceConfigInput | UrnSource, theory?: string): string {
  const fromSpace = isUrnSource(source);
  const config = fromSpace ? source.config : source;
  const theoryName = theory ?? (fromSpace ? source.theory?.name : undefined);
  const c = resolveForUrn(config);
  const name = presetName(c);
  return name === undefined ? formatUrn(c, theoryName) : `${URN_PREFIX}${name}${extension(theoryName)}`;
}

const ALL_URNS: readonly string[] = Object.freeze(
  DATA_KINDS.flatMap((inner) =>
    STORE_KINDS.flatMap((outer) =>
      inner === 'vectordb' && outer !== 'hashmap' && outer !== 'vector'
        ? []
        : QUALIFIERS.map((qualifier) => `${URN_PREFIX}${inner}:${outer}:${qualifier}`),
    ),
  ),
);
const URN_INDEX: ReadonlyMap<string, number> = new Map(ALL_URNS.map((urn, i) => [urn, i]));

/** The 96 parameterless canonical URNs, inner-major, in byte-name order. */
export function allValidUrns(): readonly string[] {
  return ALL_URNS;
}

/** The byte name (25..120) of a URN whose canonical form is one of {@link allValidUrns}. */
export function urnToByte(urn: string): number {
  const parsed = parseUrn(urn);
  if (parsed.theory !== undefined) throw invalid(urn, 'a URN with a theory extension has no byte name');
  const index = URN_INDEX.get(formatUrn(parsed.config));
  if (index === undefined) {
    throw invalid(urn, 'it has no byte name: only the 96 URNs with default parameters have one');
  }
  return FIRST_URN_BYTE + index;
}

/** The canonical URN of a byte name (an integer in 25..120). */
export function byteToUrn(byte: number): string {
  if (!Number.isInteger(byte) || byte < FIRST_URN_BYTE || byte > LAST_URN_BYTE) {
    throw new InvalidConfigurationError(
      `byte name ${String(byte)} is not a space: byte names are integers in ${FIRST_URN_BYTE}..${LAST_URN_BYTE}`,
    );
  }
  return ALL_URNS[byte - FIRST_URN_BYTE];
}

function parseCanonical(urn: string, parts: readonly string[]): SpaceConfigInput {
  const inner = parseTerm(urn, 'inner collection', parts[0]);
  const outer = parseTerm(urn, 'outer store', parts[1]);
  const qualifier = parseTerm(urn, 'qualifier', parts[2]);
  const config: SpaceConfigInput = {};
  const innerKind = oneOf(urn, 'inner collection', inner.name, DATA_KINDS);
  config.inner = innerKind;
  config.outer = oneOf(urn, 'outer store', outer.name, STORE_KINDS);
  config.qualifier = oneOf(urn, 'qualifier', qualifier.name, QUALIFIERS);
  // The legacy suffix forms put the inner parameter on the qualifier: `priorityqueue:hashmap:default(n)`.
  let innerArgs = inner.args;
  if (qualifier.args !== undefined) {
    const suffixForm =
      (innerKind === 'priorityqueue' || innerKind === 'vectordb') &&
      inner.args === undefined &&
      outer.args === undefined &&
      parts[1] === 'hashmap' &&
      qualifier.name === 'default';
    if (!suffixForm) throw invalid(urn, `qualifier ${quote(parts[2])} takes no parameters`);
    innerArgs = qualifier.args;
  }
  if (innerArgs !== undefined) {
    if (innerKind !== 'priorityqueue' && innerKind !== 'vectordb') {
      throw invalid(urn, `inner collection ${innerKind} takes no parameters, got ${quote(parts[0])}`);
    }
    if (innerArgs.length !== 1) throw invalid(urn, `${innerKind} takes exactly one parameter`);
    if (innerKind === 'priorityqueue') config.levels = countArg(urn, 'priority levels', innerArgs[0]);
    else config.dimensions = countArg(urn, 'vectordb dimensions', innerArgs[0]);
  }
  if (config.outer === 'array') Object.assign(config, arrayArgs(urn, outer.args));
  else if (outer.args !== undefined) throw invalid(urn, `outer store ${config.outer} takes no parameters`);
  return config;
}

function parseNamed(urn: string, text: string): SpaceConfigInput {
  const term = parseTerm(urn, 'space name', text);
  const named = NAMED_SPACES.get(term.name);
  if (named === undefined) {
    throw invalid(urn, `unknown space ${quote(term.name)}: expected <inner>:<outer>:<qualifier> or a named space`);
  }
  return named(urn, term.args);
}

/** `[theory=<spec>]`: the only extension key so far. */
function parseExtension(urn: string, ext: string): string {
  if (!ext.endsWith(']') || ext.indexOf(']') !== ext.length - 1 || ext.indexOf('[', 1) >= 0) {
    throw invalid(urn, `malformed extension ${quote(ext)}: expected [theory=<spec>] at the end`);
  }
  let theory: string | undefined;
  for (const entry of ext.slice(1, -1).split(',')) {
    const eq = entry.indexOf('=');
    const key = (eq < 0 ? entry : entry.slice(0, eq)).trim();
    const value = eq < 0 ? '' : entry.slice(eq + 1).trim();
    if (key !== 'theory') throw invalid(urn, `unknown extension key ${quote(key)}: only theory is known`);
    if (value === '') throw invalid(urn, 'the theory extension needs a value: [theory=<spec>]');
    if (theory !== undefined) throw invalid(urn, 'the theory extension is given twice');
    theory = value;
  }
  return theory as string;
}

function extension(theory: string | undefined): string {
  if (theory === undefined) return '';
  if (theory === '' || theory !== theory.trim() || /[[\],]/.test(theory)) {
    throw new InvalidConfigurationError(
      `theory ${quote(theory)} cannot be written in a URN extension (empty, padded, or containing "[", "]" or ",")`,
    );
  }
  return `[theory=${theory}]`;
}

function oneOf<K extends string>(urn: string, what: string, name: string, allowed: readonly K[]): K {
  if (!(allowed as readonly string[]).includes(name)) {
    throw invalid(urn, `unknown ${what} ${quote(name)}: expected one of ${allowed.join(', ')}`);
  }
  return name as K;
}

/** Validates with the engine's rules; errors name the URN. */
function explicit(urn: string, config: SpaceConfigInput): SpaceConfigInput {
  try {
    return explicitConfig(config);
  } catch (e) {
    throw e instanceof SpaceError ? invalid(urn, e.message) : e;
  }
}

/**
 * Validates a configuration (input or resolved) and returns it as an input holding `outer`,
 * `inner`, `qualifier`, exactly the parameters that apply (defaults filled in), and `continuations`
 * only when they differ from the inner kind's default. `resolveConfig` accepts the result as is.
 */
export function explicitConfig(config: SpaceConfigInput): SpaceConfigInput {
  const c = resolveForUrn(config, false);
  return {
    outer: c.outer,
    inner: c.inner,
    qualifier: c.qualifier,
    ...(c.continuations !== defaultContinuations(c.inner) ? { continuations: c.continuations } : {}),
    ...(c.outer === 'array' ? { size: c.size, cyclic: c.cyclic } : {}),
    ...(c.inner === 'priorityqueue' ? { levels: c.levels } : {}),
    ...(c.inner === 'vectordb' ? { dimensions: c.dimensions } : {}),
  };
}

/**
 * Resolves an input or an already resolved config. A resolved `SpaceConfig` carries every
 * parameter, so parameters that do not apply are dropped when they hold their defaults; any other
 * stray parameter is left for `resolveConfig` to refuse.
 */
function resolveForUrn(config: SpaceConfigInput, needUrn = true): SpaceConfig {
  const input: SpaceConfigInput = { ...config };
  const outer = input.outer ?? 'hashmap';
  const inner = input.inner ?? 'bag';
  if (outer !== 'array' && input.size === DEFAULT_ARRAY_SIZE) input.size = undefined;
  if (outer !== 'array' && input.cyclic === false) input.cyclic = undefined;
  if (inner !== 'priorityqueue' && input.levels === DEFAULT_PRIORITY_LEVELS) input.levels = undefined;
  if (inner !== 'vectordb' && input.dimensions === DEFAULT_VECTOR_DIMENSIONS) input.dimensions = undefined;
  if (inner !== 'vectordb') {
    // Resolved configs carry the VectorDB defaults too; drop them when they are the defaults.
    if (input.embeddingType === 'integer') input.embeddingType = undefined;
    if (input.metric === 'cosine') input.metric = undefined;
    if (input.threshold === 0.8) input.threshold = undefined;
  }
  const c = resolveConfig(input);
  if (needUrn && c.continuations !== defaultContinuations(c.inner)) {
    throw new InvalidConfigurationError(
      `a ${c.inner} space with ${c.continuations} continuations has no URN: a URN implies ${defaultContinuations(c.inner)} continuations`,
    );
  }
  return c;
}

function isUrnSource(source: SpaceConfigInput | UrnSource): source is UrnSource {
  const config = (source as { config?: unknown }).config;
  return typeof config === 'object' && config !== null;
}
