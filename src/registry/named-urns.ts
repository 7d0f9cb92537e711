/**
 * The reference's named (legacy) space URNs, `rho:space:<Name>[(args)]`. Nine presets without
 * parameters map both ways (`urnOf` prints them); `ArraySpace`, `PriorityQueueSpace` and
 * `VectorDBSpace` are accepted on input only, because their canonical forms carry the same
 * information and print unambiguously.
 */

import type { DataCollectionKind } from '../spaces/collections/data-collection.js';
import type { Qualifier, SpaceConfig, SpaceConfigInput, StoreKind } from '../spaces/config.js';
import { arrayArgs, countArg, invalid } from './urn-syntax.js';

type NamedParser = (urn: string, args: readonly string[] | undefined) => SpaceConfigInput;

/** The presets, in the reference's order; each is `[name, inner, outer, qualifier]`. */
const PRESETS: ReadonlyArray<readonly [string, DataCollectionKind, StoreKind, Qualifier]> = [
  ['HashMapBagSpace', 'bag', 'hashmap', 'default'],
  ['TempSpace', 'bag', 'hashmap', 'temp'],
  ['PathMapSpace', 'bag', 'pathmap', 'default'],
  ['SeqSpace', 'set', 'hashset', 'seq'],
  ['QueueSpace', 'queue', 'hashmap', 'default'],
  ['StackSpace', 'stack', 'hashmap', 'default'],
  ['SetSpace', 'set', 'hashmap', 'default'],
  ['CellSpace', 'cell', 'hashmap', 'default'],
  ['VectorSpace', 'bag', 'vector', 'default'],
];

const PRESET_BY_KINDS: ReadonlyMap<string, string> = new Map(
  PRESETS.map(([name, inner, outer, qualifier]) => [`${inner}:${outer}:${qualifier}`, name]),
);

function preset(name: string, inner: DataCollectionKind, outer: StoreKind, qualifier: Qualifier): NamedParser {
  return (urn, args) => {
    if (args !== undefined) throw invalid(urn, `${name} takes no parameters`);
    return { inner, outer, qualifier };
  };
}

function oneCount(name: string, what: string, build: (n: number | undefined) => SpaceConfigInput): NamedParser {
  return (urn, args) => {
    if (args === undefined) return build(undefined);
    if (args.length !== 1) throw invalid(urn, `${name} takes exactly one parameter (${what})`);
    return build(countArg(urn, what, args[0]));
  };
}

/** Parsers of the named forms, by name (exact case). A missing parameter takes its default. */
export const NAMED_SPACES: ReadonlyMap<string, NamedParser> = new Map<string, NamedParser>([
  ...PRESETS.map(([name, inner, outer, qualifier]) => [name, preset(name, inner, outer, qualifier)] as const),
  ['ArraySpace', (urn, args) => ({ inner: 'bag', outer: 'array', qualifier: 'default', ...arrayArgs(urn, args) })],
  [
    'PriorityQueueSpace',
    oneCount('PriorityQueueSpace', 'priority levels', (n) => ({
      inner: 'priorityqueue',
      outer: 'hashmap',
      qualifier: 'default',
      ...(n === undefined ? {} : { levels: n }),
    })),
  ],
  [
    'VectorDBSpace',
    oneCount('VectorDBSpace', 'vectordb dimensions', (n) => ({
      inner: 'vectordb',
      outer: 'hashmap',
      qualifier: 'default',
      ...(n === undefined ? {} : { dimensions: n }),
    })),
  ],
]);

/** The preset name of a resolved configuration, if it is one of the nine presets. */
export function presetName(c: SpaceConfig): string | undefined {
  return PRESET_BY_KINDS.get(`${c.inner}:${c.outer}:${c.qualifier}`);
}

/** The nine preset names with their canonical URN triples (`inner:outer:qualifier`). */
export function presetNames(): ReadonlyArray<readonly [string, string]> {
  return PRESETS.map(([name, inner, outer, qualifier]) => [name, `${inner}:${outer}:${qualifier}`] as const);
}
