/**
 * Builtin theories and theory specs.
 *
 * The reference validates a rendering of each Rholang term (`Nat(5)`, `String("a")`, `Tuple(…)`)
 * against string prefixes. Plain data needs no rendering: the builtins test the datum's kind
 * directly, which says the same thing without the prefix accidents (a rendering is not needed to
 * tell a bigint from a string). The rules, over one produced `Value`:
 *
 * - `Nat`: a non-negative integer — a `number` with `Number.isInteger(n) && n >= 0`, or a `bigint >= 0n`;
 * - `Int`: an integer — an integral `number` or any `bigint`;
 * - `String`: a `string`;
 * - `Bool`: a `boolean`;
 * - `Any`: everything (the reference's NullTheory).
 *
 * A compound datum (a list, a tuple, a map) is not a Nat even if it holds one: theories constrain
 * the datum as produced. Richer theories implement the same two-member `Theory` interface.
 */

import type { Theory } from '../spaces/theory.js';
import { TheoryNotSupportedError } from './errors.js';

export type BuiltinTheoryName = 'Nat' | 'Int' | 'String' | 'Bool' | 'Any';

export const BUILTIN_THEORY_NAMES: readonly BuiltinTheoryName[] = Object.freeze([
  'Nat',
  'Int',
  'String',
  'Bool',
  'Any',
]);

/** Spec prefixes of theory kinds the reference names but that need a theory loader we do not have yet. */
const UNSUPPORTED_KINDS = ['mettail:', 'inline:', 'uri:'] as const;

function kindTheory(name: BuiltinTheoryName, accepts: (datum: unknown) => boolean, expected: string): Theory {
  const reason = `expected ${expected}`;
  return Object.freeze({ name, validate: (datum: unknown) => (accepts(datum) ? null : reason) });
}

export const NatTheory: Theory = kindTheory(
  'Nat',
  (d) => (typeof d === 'number' && Number.isInteger(d) && d >= 0) || (typeof d === 'bigint' && d >= 0n),
  'a natural number (a non-negative integer number or bigint)',
);
export const IntTheory: Theory = kindTheory(
  'Int',
  (d) => (typeof d === 'number' && Number.isInteger(d)) || typeof d === 'bigint',
  'an integer (an integral number or a bigint)',
);
export const StringTheory: Theory = kindTheory('String', (d) => typeof d === 'string', 'a string');
export const BoolTheory: Theory = kindTheory('Bool', (d) => typeof d === 'boolean', 'a boolean');
export const AnyTheory: Theory = kindTheory('Any', () => true, 'anything');

const BUILTINS: ReadonlyMap<string, Theory> = new Map(
  [NatTheory, IntTheory, StringTheory, BoolTheory, AnyTheory].map((t) => [t.name, t]),
);

/** The builtin theory of that exact name, if there is one. */
export function builtinTheory(name: string): Theory | undefined {
  return BUILTINS.get(name);
}

/**
 * A theory from a spec: a builtin name (exact case), or a `Theory` object (returned as is).
 * `mettail:<path>`, `inline:<code>` and `uri:<uri>` specs are recognised and refused with
 * `TheoryNotSupportedError` until a theory loader exists; so is any other name.
 */
export function loadTheory(spec: string | Theory): Theory {
  if (typeof spec !== 'string') {
    if (isTheory(spec)) return spec;
    throw new TheoryNotSupportedError(String(spec), 'a theory is a spec string or an object with name and validate');
  }
  const kind = UNSUPPORTED_KINDS.find((prefix) => spec.startsWith(prefix));
  if (kind !== undefined) {
    throw new TheoryNotSupportedError(
      spec,
      `${kind.slice(0, -1)} theories are not supported in this version; the builtin theories are ${BUILTIN_THEORY_NAMES.join(', ')}`,
    );
  }
  const builtin = BUILTINS.get(spec);
  if (builtin === undefined) {
    throw new TheoryNotSupportedError(
      spec,
      `unknown builtin theory; expected one of ${BUILTIN_THEORY_NAMES.join(', ')}, or a mettail:, inline: or uri: spec`,
    );
  }
  return builtin;
}

/** True for objects that look like a `Theory` (a string name and a validate function). */
export function isTheory(x: unknown): x is Theory {
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof (x as Theory).name === 'string' &&
    typeof (x as Theory).validate === 'function'
  );
}
