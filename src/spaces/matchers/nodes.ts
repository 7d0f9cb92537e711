import { equals } from '../../data/compare.js';
import { isRecord, Name, Tuple, type Value } from '../../data/value.js';
import type { MatchState } from './match-state.js';
import type { FormalType } from './template.js';

/**
 * The compiled form of a template: a tree of small node objects, each with a `match` method that
 * tests a datum and records captures in the {@link MatchState}. Nodes hold everything precomputed, so a
 * match makes no closures and allocates nothing except for the captures themselves.
 *
 * A node that fails may leave captures behind in the state; whoever backtracks (`or`, `not`, the
 * pattern itself) rewinds them with `state.undo(mark)`.
 */
export interface MatchNode {
  match(datum: Value, state: MatchState): boolean;
}

export class AnyNode implements MatchNode {
  match(_datum: Value, _state: MatchState): boolean {
    return true;
  }
}
export const ANY = new AnyNode();

/** A primitive literal other than NaN: `===` is exactly structural equality here (`-0 === 0`, `1 !== 1n`). */
export class SameNode implements MatchNode {
  constructor(readonly value: string | number | bigint | boolean | null) {}
  match(datum: Value, _state: MatchState): boolean {
    return datum === this.value;
  }
}

/** The NaN literal (all NaNs are one value, but `NaN !== NaN`). */
export class NaNNode implements MatchNode {
  match(datum: Value, _state: MatchState): boolean {
    return Number.isNaN(datum);
  }
}

/** A composite literal (a template without markers), compared with `equals` in one call. */
export class EqualNode implements MatchNode {
  constructor(readonly value: Value) {}
  match(datum: Value, _state: MatchState): boolean {
    return equals(this.value, datum);
  }
}

/** True for the nodes that stand for a literal value. */
export function isLiteralNode(node: MatchNode): node is SameNode | NaNNode | EqualNode {
  return node instanceof SameNode || node instanceof NaNNode || node instanceof EqualNode;
}

/** The type tests of the formals, shared by all formal nodes (no per-node closure). */
export const FORMAL_TESTS: Readonly<Record<FormalType, (v: Value) => boolean>> = Object.freeze({
  string: (v: Value) => typeof v === 'string',
  number: (v: Value) => typeof v === 'number',
  bigint: (v: Value) => typeof v === 'bigint',
  integer: (v: Value) => typeof v === 'bigint' || Number.isInteger(v),
  boolean: (v: Value) => typeof v === 'boolean',
  bytes: (v: Value) => v instanceof Uint8Array,
  list: (v: Value) => Array.isArray(v),
  tuple: (v: Value) => v instanceof Tuple,
  map: (v: Value) => v instanceof Map || isRecord(v),
  set: (v: Value) => v instanceof Set,
  name: (v: Value) => v instanceof Name,
  null: (v: Value) => v === null,
});

/** A type formal, or a `where` predicate: a boolean test of the datum. */
export class TestNode implements MatchNode {
  constructor(private readonly test: (v: Value) => boolean) {}
  match(datum: Value, _state: MatchState): boolean {
    return this.test(datum);
  }
}

/** A capture into `slot` (the slot of its name), after `sub` matched when there is one. */
export class BindNode implements MatchNode {
  constructor(
    private readonly slot: number,
    private readonly sub: MatchNode | null,
  ) {}
  match(datum: Value, state: MatchState): boolean {
    return (this.sub === null || this.sub.match(datum, state)) && state.bind(this.slot, datum);
  }
}

/** The item templates of a list or tuple, then, when `hasRest`, any further items (bound as a list if `restSlot >= 0`). */
export class ItemsNode {
  constructor(
    private readonly items: readonly MatchNode[],
    private readonly hasRest: boolean,
    private readonly restSlot: number,
  ) {}
  matchItems(arr: readonly Value[], state: MatchState): boolean {
    const items = this.items;
    const n = items.length;
    if (this.hasRest ? arr.length < n : arr.length !== n) return false;
    for (let i = 0; i < n; i++) if (!items[i].match(arr[i], state)) return false;
    return this.restSlot < 0 || state.bind(this.restSlot, arr.slice(n));
  }
}

export class ListNode extends ItemsNode implements MatchNode {
  match(datum: Value, state: MatchState): boolean {
    return Array.isArray(datum) && this.matchItems(datum, state);
  }
}

export class TupleNode extends ItemsNode implements MatchNode {
  match(datum: Value, state: MatchState): boolean {
    return datum instanceof Tuple && this.matchItems(datum.items, state);
  }
}

export class AndNode implements MatchNode {
  constructor(private readonly nodes: readonly MatchNode[]) {}
  match(datum: Value, state: MatchState): boolean {
    const nodes = this.nodes;
    for (let i = 0; i < nodes.length; i++) if (!nodes[i].match(datum, state)) return false;
    return true;
  }
}

/** The first alternative that matches wins; a failed alternative's captures are undone before the next. */
export class OrNode implements MatchNode {
  constructor(private readonly nodes: readonly MatchNode[]) {}
  match(datum: Value, state: MatchState): boolean {
    const mark = state.top;
    const nodes = this.nodes;
    for (let i = 0; i < nodes.length; i++) {
      if (nodes[i].match(datum, state)) return true;
      state.undo(mark);
    }
    return false;
  }
}

/**
 * Negation. Its captures are always undone, and `compile` gives the names inside it slots of their own,
 * so the inner template never sees the captures made elsewhere: its result depends on the datum only.
 */
export class NotNode implements MatchNode {
  constructor(private readonly node: MatchNode) {}
  match(datum: Value, state: MatchState): boolean {
    const mark = state.top;
    const matched = this.node.match(datum, state);
    state.undo(mark);
    return !matched;
  }
}
