/**
 * The value model for data that flows through spaces in plain-TypeScript use.
 *
 * A `Value` is one of:
 * - `null`, `boolean`, `number` (float64; `-0` is the same value as `0`, all NaNs are one value),
 *   `bigint`, `string`, `Uint8Array` (bytes);
 * - a list: a plain JS array of values;
 * - a tuple: a {@link Tuple} (distinct from a list with the same items);
 * - a map: a JS `Map` with value keys, or a plain object (a record, i.e. a map whose keys are strings);
 *   a record and a `Map` with the same string keys and values are the same value;
 * - a set: a JS `Set` of values (structural membership: `new Set([[1], [1]])` is the one-element set);
 * - an unforgeable name: a {@link Name}.
 *
 * Values are compared structurally (see `compare.ts`), never by identity.
 */

/** A plain-data value; see the module comment for the cases. */
export type Value =
  | null
  | boolean
  | number
  | bigint
  | string
  | Uint8Array
  | readonly Value[]
  | Tuple
  | ReadonlyMap<Value, Value>
  | ReadonlySet<Value>
  | Name
  | ValueRecord;

/** A plain object used as a map with string keys. */
export interface ValueRecord {
  readonly [key: string]: Value;
}

/** A fixed-arity tuple. `new Tuple([1, 2])` differs from the list `[1, 2]`. */
export class Tuple {
  readonly items: readonly Value[];
  constructor(items: readonly Value[]) {
    this.items = items;
  }
  get length(): number {
    return this.items.length;
  }
}

/** Builds a tuple: `tuple(1, "a")`. */
export function tuple(...items: Value[]): Tuple {
  return new Tuple(items);
}

/**
 * An unforgeable name. Names are made by a space's `gensym()` and compare by their bytes:
 * the owning space's id followed by an 8-byte big-endian counter.
 */
export class Name {
  readonly bytes: Uint8Array;
  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
  }
}

/** The kinds of value, in the order used by the total order of `compare`. */
export const ValueKind = {
  Null: 0,
  Boolean: 1,
  Number: 2,
  BigInt: 3,
  String: 4,
  Bytes: 5,
  List: 6,
  Tuple: 7,
  Map: 8,
  Set: 9,
  Name: 10,
} as const;
export type ValueKind = (typeof ValueKind)[keyof typeof ValueKind];

/** Thrown when something that is not a {@link Value} (undefined, a function, a class instance, ...) is given as one. */
export class InvalidValueError extends TypeError {
  readonly code = 'InvalidValue';
  constructor(description: string) {
    super(`not a space value: ${description}`);
    this.name = 'InvalidValueError';
  }
}

/** True for plain objects (prototype `Object.prototype` or `null`), which are records. */
export function isRecord(v: unknown): v is ValueRecord {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** The kind of a value; throws {@link InvalidValueError} for anything that is not a value. */
export function kindOf(v: unknown): ValueKind {
  switch (typeof v) {
    case 'boolean':
      return ValueKind.Boolean;
    case 'number':
      return ValueKind.Number;
    case 'bigint':
      return ValueKind.BigInt;
    case 'string':
      return ValueKind.String;
    case 'object':
      if (v === null) return ValueKind.Null;
      if (Array.isArray(v)) return ValueKind.List;
      if (v instanceof Uint8Array) return ValueKind.Bytes;
      if (v instanceof Tuple) return ValueKind.Tuple;
      if (v instanceof Map) return ValueKind.Map;
      if (v instanceof Set) return ValueKind.Set;
      if (v instanceof Name) return ValueKind.Name;
      if (isRecord(v)) return ValueKind.Map;
      throw new InvalidValueError(describeNonValue(v));
    default:
      throw new InvalidValueError(describeNonValue(v));
  }
}

function describeNonValue(v: unknown): string {
  if (v === undefined) return 'undefined';
  if (typeof v === 'function') return `function ${v.name || '(anonymous)'}`;
  if (typeof v === 'symbol') return v.toString();
  if (typeof v === 'object' && v !== null) {
    const ctor = (v as { constructor?: { name?: string } }).constructor;
    return `instance of ${ctor?.name ?? 'unknown class'}`;
  }
  return String(v);
}

/** The entries of a map value (a `Map` or a record), in their own iteration order. */
export function mapEntries(v: ReadonlyMap<Value, Value> | ValueRecord): Array<[Value, Value]> {
  if (v instanceof Map) return [...(v as ReadonlyMap<Value, Value>).entries()];
  return Object.entries(v as ValueRecord);
}

/** The number of entries of a map value. */
export function mapSize(v: ReadonlyMap<Value, Value> | ValueRecord): number {
  if (v instanceof Map) return (v as ReadonlyMap<Value, Value>).size;
  return Object.keys(v as ValueRecord).length;
}
