/**
 * The inverse of matching, for tests: a pattern with its free variables and remainders replaced
 * by bindings. Substitution (`substitute`) replaces bound variables only, so checking "the
 * bindings put back into the pattern give the value" needs this. Covers the constructs a
 * pattern made by abstracting a value can hold (no wildcards, connectives or var-refs).
 */

import { emap, epathmap, eset, par } from '../term/build.js';
import { EList, ETuple, type Remainder } from '../term/nodes-ground.js';
import { Send } from '../term/nodes-proc.js';
import type { Term } from '../term/term.js';
import { membersOf } from './collections.js';

function restOf(rem: Remainder | null, b: readonly Term[]): Term | null {
  if (rem === null) return null;
  if (rem.kind === 'Wildcard') throw new Error('fillPattern: a wildcard remainder has no value');
  return b[rem.level];
}

function elementsOf(t: Term | null): readonly Term[] {
  if (t === null) return [];
  if (t.kind === 'List' || t.kind === 'Set' || t.kind === 'PathMap') return t.elements;
  throw new Error(`fillPattern: a remainder bound to a ${t.kind}`);
}

export function fillPattern(p: Term, b: readonly Term[]): Term {
  if (!p.pattern) return p;
  const f = (t: Term): Term => fillPattern(t, b);
  switch (p.kind) {
    case 'FreeVar':
      return b[p.level];
    case 'List':
      return new EList([...p.elements.map(f), ...elementsOf(restOf(p.remainder, b))], null);
    case 'Tuple':
      return new ETuple(p.elements.map(f));
    case 'Set':
      return eset([...p.elements.map(f), ...elementsOf(restOf(p.remainder, b))]);
    case 'PathMap':
      return epathmap([...p.elements.map(f), ...elementsOf(restOf(p.remainder, b))]);
    case 'Map': {
      const rest = restOf(p.remainder, b);
      if (rest !== null && rest.kind !== 'Map') throw new Error('fillPattern: a map remainder bound to a non-map');
      return emap([...p.keys.map(f), ...(rest?.keys ?? [])], [...p.values.map(f), ...(rest?.values ?? [])]);
    }
    case 'Send':
      return new Send(f(p.channel), p.data.map(f), p.persistent, p.hyperparams);
    case 'Par':
      return par(p.members.flatMap((m) => membersOf(f(m))));
    default:
      throw new Error(`fillPattern: ${p.kind} is not supported`);
  }
}
