/** The value model: values, their canonical encoding, equality and order, map keys and printing. */

export { compare, equals } from './compare.js';
export { DecodeError, decode } from './decode.js';
export { encode, encodedLength, encodeInto } from './encode.js';
export { keyOf } from './key.js';
export { print } from './print.js';
export {
  InvalidValueError,
  isRecord,
  kindOf,
  mapEntries,
  mapSize,
  Name,
  Tuple,
  tuple,
  type Value,
  ValueKind,
  type ValueRecord,
} from './value.js';
export { ByteReader, ByteWriter } from './writer.js';
