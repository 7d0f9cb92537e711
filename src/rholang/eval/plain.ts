/**
 * Rholang values as plain data (`Value`, src/data): how the layers written for plain data —
 * theories, embedding extraction, config maps — read Rholang terms. Processes have no plain form.
 */

import { Name, Tuple, type Value } from '../../data/value.js';
import type { Term } from '../term/term.js';

/** The plain form of a value, or `undefined` for a process (or a collection holding one). */
export function termToPlain(t: Term): Value | undefined {
  switch (t.kind) {
    case 'Nil':
      return null;
    case 'Bool':
    case 'Int':
    case 'String':
    case 'Uri':
      return t.value;
    case 'Bytes':
      return t.value;
    case 'Unforgeable':
      return new Name(t.id);
    case 'List':
    case 'Tuple': {
      const items: Value[] = [];
      for (const e of t.elements) {
        const v = termToPlain(e);
        if (v === undefined) return undefined;
        items.push(v);
      }
      return t.kind === 'List' ? items : new Tuple(items);
    }
    case 'Set': {
      const items = new Set<Value>();
      for (const e of t.elements) {
        const v = termToPlain(e);
        if (v === undefined) return undefined;
        items.add(v);
      }
      return items;
    }
    case 'Map': {
      const entries = new Map<Value, Value>();
      for (let i = 0; i < t.keys.length; i++) {
        const k = termToPlain(t.keys[i]);
        const v = termToPlain(t.values[i]);
        if (k === undefined || v === undefined) return undefined;
        entries.set(k, v);
      }
      return entries;
    }
    default:
      return undefined;
  }
}
