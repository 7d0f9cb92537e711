/**
 * The method table (rholang-surface §6.1 item 4): `receiver.name(args)` on evaluated values.
 *
 * | method | receivers | result |
 * |---|---|---|
 * | `nth(i)` | List, Tuple, ByteArray | the element (a byte as an Int); `IndexOutOfBounds` outside |
 * | `length()` | String (UTF-8 bytes), ByteArray, List | Int |
 * | `size()` | Map, Set | Int |
 * | `get(k)`, `getOrElse(k, d)` | Map | the value, else `Nil` / `d` |
 * | `set(k, v)` | Map | the map with `k` → `v` |
 * | `keys()` | Map | the Set of keys |
 * | `contains(x)` | Set (element), Map (key) | Bool |
 * | `add(x)` | Set | the set with `x` |
 * | `delete(x)` | Set (element), Map (key) | without it |
 * | `union(o)`, `diff(o)` | Set with Set, Map with Map | union (`o` wins on keys) / what `o` lacks |
 * | `slice(from, until)` | String (UTF-8 byte offsets), List, ByteArray | the part; negatives count as 0, an empty result when out of range |
 * | `take(n)` | List | the first `n` elements (all if fewer) |
 * | `toString()` | Int, String, Bool, Uri (its text), ByteArray (hex) | String |
 * | `toList()`, `toSet()`, `toMap()` | List, Set, Map, Tuple (toList) | converted; a map is a list/set of `(k, v)` tuples, and `toMap` takes one |
 * | `toByteArray()` | any value | its canonical encoding |
 * | `hexToBytes()` / `bytesToHex()` / `toUtf8Bytes()` | String / ByteArray / String | converted |
 */

import { utf8Length } from '../../data/utf8.js';
import { EList, ESet, ETuple, emap, encodeTerm, eset, GInt, gbool, gbytes, gstring, type Term } from '../term/index.js';
import {
  mapContains,
  mapDelete,
  mapDiff,
  mapGet,
  mapSet,
  mapUnion,
  setAdd,
  setContains,
  setDelete,
  setDiff,
  setUnion,
} from './collections.js';
import { checkValue } from './operators.js';
import { toHex } from './print.js';
import { typeName, valueError } from './value.js';

interface MethodSpec {
  readonly arity: number;
  readonly apply: (receiver: Term, args: readonly Term[]) => Term;
}

const notDefined = (name: string, v: Term): never => {
  throw valueError('MethodNotFound', name, v, `\`${name}\` is not defined on ${typeName(v)}`);
};

const intArg = (name: string, v: Term): bigint => {
  if (v.kind !== 'Int') throw valueError('ArgumentMismatch', name, v, `\`${name}\` takes Int arguments`);
  return v.value;
};

function sameKind<K extends 'Set' | 'Map'>(name: string, kind: K, v: Term): Extract<Term, { kind: K }> {
  if (v.kind !== kind) throw valueError('ArgumentMismatch', name, v, `\`${name}\` on a ${kind} takes a ${kind}`);
  return v as Extract<Term, { kind: K }>;
}

function nth(receiver: Term, [index]: readonly Term[]): Term {
  const i = intArg('nth', index);
  let size: number;
  switch (receiver.kind) {
    case 'List':
    case 'Tuple':
      size = receiver.elements.length;
      break;
    case 'Bytes':
      size = receiver.value.length;
      break;
    default:
      return notDefined('nth', receiver);
  }
  if (i < 0n || i >= BigInt(size)) {
    throw valueError('IndexOutOfBounds', 'nth', receiver, `index ${i} is outside 0..${size - 1}`);
  }
  return receiver.kind === 'Bytes' ? new GInt(BigInt(receiver.value[Number(i)])) : receiver.elements[Number(i)];
}

/** The reference's slice range: negative bounds count as 0, and an invalid range is empty (null). */
function range(from: bigint, until: bigint, size: number): [number, number] | null {
  const f = from < 0n ? 0n : from;
  const u = until < 0n ? 0n : until;
  return f <= u && u <= BigInt(size) ? [Number(f), Number(u)] : null;
}

function slice(receiver: Term, [from, until]: readonly Term[]): Term {
  const f = intArg('slice', from);
  const u = intArg('slice', until);
  switch (receiver.kind) {
    case 'List': {
      const r = range(f, u, receiver.elements.length);
      return new EList(r === null ? [] : receiver.elements.slice(r[0], r[1]), null);
    }
    case 'Bytes': {
      const r = range(f, u, receiver.value.length);
      return gbytes(r === null ? new Uint8Array(0) : receiver.value.subarray(r[0], r[1]));
    }
    case 'String': {
      const bytes = Buffer.from(receiver.value, 'utf8');
      const r = range(f, u, bytes.length);
      if (r === null) return gstring('');
      // A boundary inside a multi-byte character would cut it: refuse rather than corrupt.
      for (const at of r) {
        if (at < bytes.length && (bytes[at] & 0xc0) === 0x80) {
          throw valueError('InvalidArgument', 'slice', receiver, `byte offset ${at} is inside a UTF-8 character`);
        }
      }
      return gstring(bytes.subarray(r[0], r[1]).toString('utf8'));
    }
    default:
      return notDefined('slice', receiver);
  }
}

function toList(receiver: Term): Term {
  switch (receiver.kind) {
    case 'List':
      return receiver;
    case 'Set':
    case 'Tuple':
      return new EList(receiver.elements, null);
    case 'Map':
      return new EList(
        receiver.keys.map((k, i) => new ETuple([k, receiver.values[i]])),
        null,
      );
    default:
      return notDefined('toList', receiver);
  }
}

function toMap(receiver: Term): Term {
  if (receiver.kind === 'Map') return receiver;
  if (receiver.kind !== 'List' && receiver.kind !== 'Set') return notDefined('toMap', receiver);
  const keys: Term[] = [];
  const values: Term[] = [];
  for (const e of receiver.elements) {
    if (e.kind !== 'Tuple' || e.elements.length !== 2) {
      throw valueError('TypeMismatch', 'toMap', e, '`toMap` needs a collection of (key, value) tuples');
    }
    keys.push(e.elements[0]);
    values.push(e.elements[1]);
  }
  return emap(keys, values);
}

function hexToBytes(receiver: Term): Term {
  if (receiver.kind !== 'String') return notDefined('hexToBytes', receiver);
  const s = receiver.value;
  if (s.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(s)) {
    throw valueError('InvalidArgument', 'hexToBytes', receiver, 'the string is not an even number of hex digits');
  }
  return gbytes(Buffer.from(s, 'hex'));
}

function toStringMethod(receiver: Term): Term {
  switch (receiver.kind) {
    case 'Int':
      return gstring(receiver.value.toString());
    case 'String':
      return receiver;
    case 'Bool':
      return gstring(receiver.value ? 'true' : 'false');
    case 'Uri':
      return gstring(receiver.value);
    case 'Bytes':
      return gstring(toHex(receiver.value));
    default:
      return notDefined('toString', receiver);
  }
}

/** Every method, by name. */
export const METHODS: ReadonlyMap<string, MethodSpec> = new Map<string, MethodSpec>([
  ['nth', { arity: 1, apply: nth }],
  ['slice', { arity: 2, apply: slice }],
  [
    'length',
    {
      arity: 0,
      apply: (r) => {
        if (r.kind === 'String') return new GInt(BigInt(utf8Length(r.value)));
        if (r.kind === 'Bytes') return new GInt(BigInt(r.value.length));
        if (r.kind === 'List') return new GInt(BigInt(r.elements.length));
        return notDefined('length', r);
      },
    },
  ],
  [
    'size',
    {
      arity: 0,
      apply: (r) => {
        if (r.kind === 'Set') return new GInt(BigInt(r.elements.length));
        if (r.kind === 'Map') return new GInt(BigInt(r.keys.length));
        return notDefined('size', r);
      },
    },
  ],
  ['get', { arity: 1, apply: (r, [k]) => (r.kind === 'Map' ? mapGet(r, k) : notDefined('get', r)) }],
  ['getOrElse', { arity: 2, apply: (r, [k, d]) => (r.kind === 'Map' ? mapGet(r, k, d) : notDefined('getOrElse', r)) }],
  ['set', { arity: 2, apply: (r, [k, v]) => (r.kind === 'Map' ? mapSet(r, k, v) : notDefined('set', r)) }],
  ['keys', { arity: 0, apply: (r) => (r.kind === 'Map' ? new ESet(r.keys, null) : notDefined('keys', r)) }],
  [
    'contains',
    {
      arity: 1,
      apply: (r, [x]) =>
        r.kind === 'Set'
          ? gbool(setContains(r, x))
          : r.kind === 'Map'
            ? gbool(mapContains(r, x))
            : notDefined('contains', r),
    },
  ],
  ['add', { arity: 1, apply: (r, [x]) => (r.kind === 'Set' ? setAdd(r, x) : notDefined('add', r)) }],
  [
    'delete',
    {
      arity: 1,
      apply: (r, [x]) =>
        r.kind === 'Set' ? setDelete(r, x) : r.kind === 'Map' ? mapDelete(r, x) : notDefined('delete', r),
    },
  ],
  [
    'union',
    {
      arity: 1,
      apply: (r, [o]) =>
        r.kind === 'Set'
          ? setUnion(r, sameKind('union', 'Set', o))
          : r.kind === 'Map'
            ? mapUnion(r, sameKind('union', 'Map', o))
            : notDefined('union', r),
    },
  ],
  [
    'diff',
    {
      arity: 1,
      apply: (r, [o]) =>
        r.kind === 'Set'
          ? setDiff(r, sameKind('diff', 'Set', o))
          : r.kind === 'Map'
            ? mapDiff(r, sameKind('diff', 'Map', o))
            : notDefined('diff', r),
    },
  ],
  [
    'take',
    {
      arity: 1,
      apply: (r, [n]) => {
        if (r.kind !== 'List') return notDefined('take', r);
        const k = intArg('take', n);
        if (k < 0n) throw valueError('IndexOutOfBounds', 'take', n, 'cannot take a negative number of elements');
        return new EList(r.elements.slice(0, Number(k > BigInt(r.elements.length) ? r.elements.length : k)), null);
      },
    },
  ],
  ['toString', { arity: 0, apply: toStringMethod }],
  ['toList', { arity: 0, apply: toList }],
  [
    'toSet',
    {
      arity: 0,
      apply: (r) => {
        if (r.kind === 'Set') return r;
        if (r.kind === 'List') return eset(r.elements);
        if (r.kind === 'Map') return eset(r.keys.map((k, i) => new ETuple([k, r.values[i]])));
        return notDefined('toSet', r);
      },
    },
  ],
  ['toMap', { arity: 0, apply: toMap }],
  ['toByteArray', { arity: 0, apply: (r) => gbytes(encodeTerm(r)) }],
  ['hexToBytes', { arity: 0, apply: hexToBytes }],
  [
    'bytesToHex',
    { arity: 0, apply: (r) => (r.kind === 'Bytes' ? gstring(toHex(r.value)) : notDefined('bytesToHex', r)) },
  ],
  [
    'toUtf8Bytes',
    {
      arity: 0,
      apply: (r) => (r.kind === 'String' ? gbytes(Buffer.from(r.value, 'utf8')) : notDefined('toUtf8Bytes', r)),
    },
  ],
]);

/** Calls `receiver.name(args)` on evaluated values. */
export function callMethod(name: string, receiver: Term, args: readonly Term[]): Term {
  const spec = METHODS.get(name);
  if (spec === undefined) throw valueError('MethodNotFound', name, receiver, `there is no method \`${name}\``);
  if (args.length !== spec.arity) {
    throw valueError(
      'ArgumentMismatch',
      name,
      receiver,
      `\`${name}\` takes ${spec.arity} argument${spec.arity === 1 ? '' : 's'}, got ${args.length}`,
    );
  }
  checkValue(name, receiver);
  for (const a of args) checkValue(name, a);
  return spec.apply(receiver, args);
}
