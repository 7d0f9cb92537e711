import { canonicalKeys, equals } from '../../data/compare.js';
import { isRecord, type Value, type ValueRecord } from '../../data/value.js';
import type { MatchState } from './match-state.js';
import type { MatchNode } from './nodes.js';

/** One entry of a map template. `primitive` keys can be looked up in a `Map` directly. */
export interface MapEntryNode {
  readonly key: Value;
  readonly primitive: boolean;
  readonly node: MatchNode;
}

/**
 * A map template, matching records and `Map`s alike (they are the same kind of value). Exact unless
 * `partial`; with `restSlot >= 0`, the entries whose keys are not in the template are bound in that
 * slot, as a record when the datum is a record and as a `Map` when it is a `Map`.
 */
export class MapNode implements MatchNode {
  /** Records have only string keys: a template with another key can never match a record. */
  private readonly stringKeysOnly: boolean;
  /** The template's primitive keys, to tell the remaining entries apart (SameValueZero is `equals` here). */
  private readonly primitiveKeys: ReadonlySet<Value>;
  private readonly compoundKeys: readonly Value[];

  constructor(
    private readonly entries: readonly MapEntryNode[],
    private readonly partial: boolean,
    private readonly restSlot: number,
  ) {
    this.stringKeysOnly = entries.every((e) => typeof e.key === 'string');
    this.primitiveKeys = new Set(entries.filter((e) => e.primitive).map((e) => e.key));
    this.compoundKeys = entries.filter((e) => !e.primitive).map((e) => e.key);
  }

  match(datum: Value, state: MatchState): boolean {
    if (datum instanceof Map) return this.matchMap(datum as ReadonlyMap<Value, Value>, state);
    if (isRecord(datum)) return this.matchRecord(datum, state);
    return false;
  }

  private matchRecord(datum: ValueRecord, state: MatchState): boolean {
    const entries = this.entries;
    if (!this.stringKeysOnly) return false;
    if (!this.partial && recordSize(datum) !== entries.length) return false;
    for (let i = 0; i < entries.length; i++) {
      const key = entries[i].key as string;
      if (!Object.hasOwn(datum, key) || !entries[i].node.match(datum[key], state)) return false;
    }
    return this.restSlot < 0 || state.bind(this.restSlot, this.otherEntriesOfRecord(datum));
  }

  private matchMap(datum: ReadonlyMap<Value, Value>, state: MatchState): boolean {
    const entries = this.entries;
    const n = entries.length;
    if (datum.size < n) return false;
    // A Map may hold structurally equal compound keys (the later entry wins), so a bigger size only
    // rules out an exact match when no key is compound; otherwise count the canonical keys.
    if (!this.partial && datum.size > n && (!hasCompoundKey(datum) || canonicalKeys(datum).length !== n)) return false;
    for (let i = 0; i < n; i++) {
      const e = entries[i];
      // Values are never `undefined`, so `get` doubles as the membership test.
      const v = e.primitive ? datum.get(e.key) : structuralGet(datum, e.key);
      if (v === undefined || !e.node.match(v, state)) return false;
    }
    return this.restSlot < 0 || state.bind(this.restSlot, this.otherEntriesOfMap(datum));
  }

  private otherEntriesOfRecord(datum: ValueRecord): ValueRecord {
    // A plain object, like most records users write; `__proto__` must be defined, not assigned.
    const others: Record<string, Value> = {};
    for (const k in datum) {
      if (!Object.hasOwn(datum, k) || this.primitiveKeys.has(k)) continue;
      if (k === '__proto__') {
        Object.defineProperty(others, k, { value: datum[k], enumerable: true, writable: true, configurable: true });
      } else {
        others[k] = datum[k];
      }
    }
    return others;
  }

  private otherEntriesOfMap(datum: ReadonlyMap<Value, Value>): ReadonlyMap<Value, Value> {
    const others = new Map<Value, Value>();
    for (const [k, v] of datum) if (!this.isTemplateKey(k)) others.set(k, v);
    return others;
  }

  private isTemplateKey(k: Value): boolean {
    if (this.primitiveKeys.has(k)) return true;
    for (const c of this.compoundKeys) if (equals(c, k)) return true;
    return false;
  }
}

/** Own enumerable keys of a record, counted without allocating a key array. */
function recordSize(r: ValueRecord): number {
  let n = 0;
  for (const k in r) if (Object.hasOwn(r, k)) n++;
  return n;
}

/**
 * `Map#get` for a compound key, which a `Map` would compare by identity. Of several structurally equal
 * keys the last one wins, as in `equals`.
 */
function structuralGet(m: ReadonlyMap<Value, Value>, key: Value): Value | undefined {
  let found: Value | undefined;
  for (const [k, v] of m) if (equals(k, key)) found = v;
  return found;
}

function hasCompoundKey(m: ReadonlyMap<Value, Value>): boolean {
  for (const k of m.keys()) if (typeof k === 'object' && k !== null) return true;
  return false;
}
