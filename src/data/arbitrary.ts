/**
 * fast-check arbitraries for values, shared by the tests of every module (a test helper that lives in `src`
 * so that it type-checks with the project; it must not import `node:test`).
 *
 * Everything is drawn from fast-check's own randomness, so runs are reproducible from a seed. Domains are
 * deliberately small (few distinct strings, numbers, bytes), so that structurally equal values built
 * independently turn up often and equality / order properties get exercised on non-trivial cases.
 */

import fc from 'fast-check';
import { canonicalKeys, canonicalSetElements, mapGet } from './compare.js';
import { kindOf, Name, Tuple, type Value, ValueKind, type ValueRecord } from './value.js';

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));

/** Strings, biased towards the cases that matter for ordering and keys: U+0000, astral, U+E000+, lone surrogates. */
export const stringArb: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', 'a', 'b', 'ab', '__proto__', 'constructor', '\u0000', '\u0000a'),
  fc.string({ maxLength: 5 }),
  fc.string({ unit: 'binary', maxLength: 3 }),
  fc.string({
    unit: fc.oneof(
      fc.constantFrom('a', '\u0000', '\u00e9', '\ue000', '\uffff', '\u{10000}', '\u{1f600}'),
      loneSurrogate,
    ),
    maxLength: 4,
  }),
);

/** Numbers, including -0, NaN, infinities, integers and arbitrary doubles. */
export const numberArb: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -0, 1, -1, 0.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
  fc.integer({ min: -50, max: 50 }),
  fc.double(),
);

/** Bigints: small ones (collisions with numbers of the same magnitude), 64-bit and multi-word ones. */
export const bigintArb: fc.Arbitrary<bigint> = fc.oneof(
  fc.bigInt(-3n, 3n),
  fc.bigInt(-(1n << 64n), 1n << 64n),
  fc.bigInt(-(1n << 300n), 1n << 300n),
);

/** Every non-container value: null, booleans, numbers, bigints, strings, bytes, names. */
export const primitiveArb: fc.Arbitrary<Value> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  numberArb,
  bigintArb,
  stringArb,
  fc.uint8Array({ maxLength: 4 }),
  fc.uint8Array({ maxLength: 3 }).map((b) => new Name(b)),
);

const { value } = fc.letrec<{ value: Value }>((tie) => ({
  value: fc.oneof(
    { maxDepth: 3, depthSize: 'small', withCrossShrink: true },
    primitiveArb,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.array(tie('value'), { maxLength: 3 }).map((items) => new Tuple(items)),
    fc.dictionary(stringArb, tie('value'), { maxKeys: 3 }),
    fc.array(fc.tuple(tie('value'), tie('value')), { maxLength: 3 }).map((entries) => new Map(entries)),
    fc.array(tie('value'), { maxLength: 3 }).map((items) => new Set(items)),
  ),
}));

/** Any value, nested at most 3 containers deep: every kind, records (some with a null prototype), Maps, Sets. */
export const valueArb: fc.Arbitrary<Value> = value;

/**
 * Pairs `[a, b]` of equal values with different representations: `-0` for `0`, copied (and offset) byte
 * arrays, records turned into Maps and back, shuffled Map/Set insertion order, and structurally duplicate
 * Map keys / Set elements inserted earlier (which the later entry overrides).
 */
export const equivalentPairArb: fc.Arbitrary<[Value, Value]> = fc
  .tuple(valueArb, fc.integer({ min: 1, max: 0x7fffffff }))
  .map(([v, seed]) => [v, reshape(v, new Rng(seed))]);

/** A tiny deterministic PRNG (xorshift32), seeded from fast-check, for reshaping choices. */
class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed | 0 || 1;
  }
  next(n: number): number {
    let s = this.s;
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    this.s = s;
    return (s >>> 0) % n;
  }
  shuffle<T>(xs: T[]): T[] {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = this.next(i + 1);
      [xs[i], xs[j]] = [xs[j], xs[i]];
    }
    return xs;
  }
}

function reshape(v: Value, rng: Rng): Value {
  switch (kindOf(v)) {
    case ValueKind.Number:
      return v === 0 && rng.next(2) === 0 ? -0 : v;
    case ValueKind.Bytes:
      return offsetCopy(v as Uint8Array, rng);
    case ValueKind.Name:
      return new Name(offsetCopy((v as Name).bytes, rng));
    case ValueKind.List:
      return (v as readonly Value[]).map((x) => reshape(x, rng));
    case ValueKind.Tuple:
      return new Tuple((v as Tuple).items.map((x) => reshape(x, rng)));
    case ValueKind.Set: {
      const items = canonicalSetElements(v as ReadonlySet<Value>).map((x) => reshape(x, rng));
      const dup = items.find((x) => typeof x === 'object' && x !== null);
      if (dup !== undefined && rng.next(2) === 0) items.push(reshape(dup, rng));
      return new Set(rng.shuffle(items));
    }
    case ValueKind.Map:
      return reshapeMap(v as ReadonlyMap<Value, Value>, rng);
    default:
      return v;
  }
}

function reshapeMap(m: ReadonlyMap<Value, Value> | ValueRecord, rng: Rng): Value {
  const entries: Array<[Value, Value]> = canonicalKeys(m).map((k) => [reshape(k, rng), reshape(mapGet(m, k), rng)]);
  rng.shuffle(entries);
  if (entries.every(([k]) => typeof k === 'string') && rng.next(2) === 0) {
    const rec: Record<string, Value> = rng.next(2) === 0 ? {} : Object.create(null);
    for (const [k, x] of entries) {
      Object.defineProperty(rec, k as string, { value: x, enumerable: true, writable: true, configurable: true });
    }
    return rec;
  }
  const out = new Map<Value, Value>();
  const compound = entries.findIndex(([k]) => typeof k === 'object' && k !== null);
  // A structurally equal key inserted first, with another value: the later (real) entry must win.
  if (compound >= 0 && rng.next(2) === 0) out.set(reshape(entries[compound][0], rng), 'overridden');
  for (const [k, x] of entries) out.set(k, x);
  return out;
}

function offsetCopy(b: Uint8Array, rng: Rng): Uint8Array {
  const pad = rng.next(3);
  const big = new Uint8Array(b.length + 2 * pad);
  big.set(b, pad);
  return big.subarray(pad, pad + b.length);
}
