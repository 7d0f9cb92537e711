import { Tuple, type Value } from '../../data/value.js';

/**
 * Templates: how a TypeScript user writes a structural pattern over plain data.
 *
 * A template is plain data (matched literally, by structural equality) in which some positions hold
 * markers: `_` (anything), `bind(name)` (capture), `is.string` & co. (type formals), `rest()` (the
 * remaining items of a list), `partial({...})` (a map with at least these keys), `where(fn)`, and the
 * combinators `and`, `or`, `not`. Arrays, tuples (built with {@link tupleOf}), records and `Map`s are
 * walked structurally, so markers may sit at any depth; sets and map keys are always literal.
 *
 * The builders here only record what was asked; `compile` (structural.ts) validates a template and
 * reports problems with their location, so a template error always says where it is.
 *
 * Capture names: the same name may appear several times in one template; all its occurrences must
 * then capture structurally equal values, otherwise the template does not match ("unification-lite":
 * no variables inside the captured values, just an equality check against the first capture).
 */

/** The type formals: `is.string` matches any string, and so on. */
export type FormalType =
  | 'string'
  | 'number'
  | 'bigint'
  | 'integer'
  | 'boolean'
  | 'bytes'
  | 'list'
  | 'tuple'
  | 'map'
  | 'set'
  | 'name'
  | 'null';

/** A map template with string keys: a plain object whose values are templates. */
export interface TemplateRecord {
  readonly [key: string]: Template;
}

/** A map template: a record or a `Map` with literal keys and template values. */
export type MapTemplate = TemplateRecord | ReadonlyMap<Value, Template>;

/** What a {@link Marker} stands for. */
export type MarkerSpec =
  | { readonly kind: 'any' }
  | { readonly kind: 'bind'; readonly name: string; readonly sub: Template | undefined }
  | { readonly kind: 'is'; readonly type: FormalType }
  | { readonly kind: 'rest'; readonly name: string | undefined }
  | { readonly kind: 'partial'; readonly map: MapTemplate; readonly restName: string | undefined }
  | { readonly kind: 'where'; readonly predicate: (v: Value) => boolean; readonly label: string | undefined }
  | { readonly kind: 'and' | 'or'; readonly templates: readonly Template[] }
  | { readonly kind: 'not'; readonly template: Template };

/**
 * A non-literal position in a template. Markers are class instances, so they can never be mistaken for
 * (or pass as) a {@link Value}: values are only primitives, plain objects and the value classes.
 */
export class Marker {
  readonly spec: MarkerSpec;
  constructor(spec: MarkerSpec) {
    this.spec = spec;
    Object.freeze(this);
  }
}

/**
 * A template: a {@link Value} (a literal), a {@link Marker}, or a list, tuple, record or `Map` of
 * templates. Tuples of templates are built with {@link tupleOf}.
 */
export type Template = Value | Marker | readonly Template[] | ReadonlyMap<Value, Template> | TemplateRecord;

/** Thrown by `compile` for a malformed template; the message names the offending part and its path. */
export class TemplateError extends TypeError {
  readonly code = 'InvalidTemplate';
  /** Where in the template the problem is, e.g. `$[2].items` (`$` is the whole template). */
  readonly path: string;
  constructor(path: string, problem: string) {
    super(`invalid template at ${path}: ${problem}`);
    this.name = 'TemplateError';
    this.path = path;
  }
}

/** The wildcard: matches any value and binds nothing. Also exported as `any`. */
export const _: Marker = new Marker({ kind: 'any' });
export { _ as any };

/**
 * A named capture: matches what `sub` matches (anything when omitted) and binds the datum to `name`.
 * Repeated names must capture equal values (see the module comment).
 */
export function bind(name: string, sub?: Template): Marker {
  return new Marker({ kind: 'bind', name, sub });
}

function formal(type: FormalType): Marker {
  return new Marker({ kind: 'is', type });
}

/**
 * Type formals. `is.integer` matches integral numbers and all bigints; `is.map` matches records and
 * `Map`s alike (they are the same kind of value); `is.list` does not match tuples, nor `is.tuple` lists.
 */
export const is: Readonly<Record<FormalType, Marker>> = Object.freeze({
  string: formal('string'),
  number: formal('number'),
  bigint: formal('bigint'),
  integer: formal('integer'),
  boolean: formal('boolean'),
  bytes: formal('bytes'),
  list: formal('list'),
  tuple: formal('tuple'),
  map: formal('map'),
  set: formal('set'),
  name: formal('name'),
  null: formal('null'),
});

/**
 * The remaining items of a list or tuple template; only valid as the last element. When named, the
 * remaining items are bound as a list (also in a tuple template).
 */
export function rest(name?: string): Marker {
  return new Marker({ kind: 'rest', name });
}

/**
 * A map template that matches maps with at least the given keys (a plain map template requires exactly
 * its keys). With `restName`, the other entries are bound under that name, as a record when the datum is
 * a record and as a `Map` when it is a `Map`.
 */
export function partial(map: MapTemplate, restName?: string): Marker {
  return new Marker({ kind: 'partial', map, restName });
}

/**
 * Matches the values for which `predicate` returns true; `label` is how the template prints it. The
 * predicate runs on the engine's matching path: keep it pure and cheap. An exception it throws is not
 * caught (it is a bug to surface, not a failed match).
 */
export function where(predicate: (v: Value) => boolean, label?: string): Marker {
  return new Marker({ kind: 'where', predicate, label });
}

/** Matches what all the templates match, with the bindings of all of them (in order). */
export function and(...templates: Template[]): Marker {
  return new Marker({ kind: 'and', templates });
}

/** Matches what any template matches, with the bindings of the first alternative that matches. */
export function or(...templates: Template[]): Marker {
  return new Marker({ kind: 'or', templates });
}

/**
 * Matches what `template` does not match; it binds nothing. The inner template is matched on its own,
 * without the captures made elsewhere in the template, so `not` never depends on traversal order.
 */
export function not(template: Template): Marker {
  return new Marker({ kind: 'not', template });
}

/**
 * A tuple template: `tupleOf('job', bind('id'), _)`. The result is a {@link Tuple} whose items may be
 * markers, so it is only meaningful as a template (the type system cannot tell it from a tuple value).
 */
export function tupleOf(...items: Template[]): Tuple {
  return new Tuple(items as readonly Value[]);
}
