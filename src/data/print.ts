/**
 * A readable, deterministic rendering of values for logs, errors and test output. Equal values print alike
 * (maps and sets are printed in canonical order, records exactly like Maps). Not meant to be parsed back.
 *
 * null, true, 1.5, NaN, -Infinity, 12n, "json \"quoted\"", 0x00ff, [1, 2], (1, 2), (1,), (),
 * {"a": 1, 2: "x"}, Set(1, 2), Name(0a0b)
 */

import { canonicalKeys, canonicalSetElements, mapGet } from './compare.js';
import { kindOf, type Name, type Tuple, type Value, ValueKind } from './value.js';

/** Renders `v` (see the module comment). Throws `InvalidValueError` for non-values. */
export function print(v: Value): string {
  switch (kindOf(v)) {
    case ValueKind.Null:
      return 'null';
    case ValueKind.Boolean:
    case ValueKind.Number:
      return String(v); // String(-0) is "0"
    case ValueKind.BigInt:
      return `${v}n`;
    case ValueKind.String:
      return JSON.stringify(v);
    case ValueKind.Bytes:
      return `0x${hex(v as Uint8Array)}`;
    case ValueKind.List:
      return `[${printItems(v as readonly Value[])}]`;
    case ValueKind.Tuple: {
      const items = (v as Tuple).items;
      return items.length === 1 ? `(${print(items[0])},)` : `(${printItems(items)})`;
    }
    case ValueKind.Map: {
      const m = v as ReadonlyMap<Value, Value>;
      const keys = canonicalKeys(m);
      const parts: string[] = new Array(keys.length);
      for (let i = 0; i < keys.length; i++) parts[i] = `${print(keys[i])}: ${print(mapGet(m, keys[i]))}`;
      return `{${parts.join(', ')}}`;
    }
    case ValueKind.Set:
      return `Set(${printItems(canonicalSetElements(v as ReadonlySet<Value>))})`;
    default:
      return `Name(${hex((v as Name).bytes)})`;
  }
}

function printItems(items: readonly Value[]): string {
  const parts: string[] = new Array(items.length);
  for (let i = 0; i < items.length; i++) parts[i] = print(items[i]);
  return parts.join(', ');
}

function hex(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += bytes[i].toString(16).padStart(2, '0');
  return s;
}
