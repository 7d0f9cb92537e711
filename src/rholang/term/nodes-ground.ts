/**
 * Leaves and collections of the term representation: ground values, unforgeable names,
 * variables and the collection expressions.
 *
 * Constructors trust their arguments: they do not sort sets, maps or check ranges. Build terms
 * with the functions of `build.ts`, which put collections in canonical form; only the decoder and
 * those functions call these constructors directly.
 */

import { openOf, patternOf } from './meta.js';
import { TermNode } from './node.js';
import type { Term } from './term.js';

/** The empty process (the empty parallel composition). Use the singleton {@link NIL}. */
export class NilTerm extends TermNode {
  readonly kind = 'Nil' as const;
  constructor() {
    super(0, false);
  }
}
export const NIL: NilTerm = new NilTerm();

export class GBool extends TermNode {
  readonly kind = 'Bool' as const;
  readonly value: boolean;
  constructor(value: boolean) {
    super(0, false);
    this.value = value;
  }
}

/** A signed 64-bit integer, held as a bigint in [-2^63, 2^63 - 1]. */
export class GInt extends TermNode {
  readonly kind = 'Int' as const;
  readonly value: bigint;
  constructor(value: bigint) {
    super(0, false);
    this.value = value;
  }
}

/** A string (decoded: the escapes of the literal are already interpreted). */
export class GString extends TermNode {
  readonly kind = 'String' as const;
  readonly value: string;
  constructor(value: string) {
    super(0, false);
    this.value = value;
  }
}

/** A URI literal `` `rho:io:stdout` `` (the text between the backticks). */
export class GUri extends TermNode {
  readonly kind = 'Uri' as const;
  readonly value: string;
  constructor(value: string) {
    super(0, false);
    this.value = value;
  }
}

/** A byte array (no literal syntax; made by methods such as `toUtf8Bytes`). Never mutate `value`. */
export class GBytes extends TermNode {
  readonly kind = 'Bytes' as const;
  readonly value: Uint8Array;
  constructor(value: Uint8Array) {
    super(0, false);
    this.value = value;
  }
}

/** An unforgeable name: opaque id bytes, made by `new` at run time. Never mutate `id`. */
export class Unforgeable extends TermNode {
  readonly kind = 'Unforgeable' as const;
  readonly id: Uint8Array;
  constructor(id: Uint8Array) {
    super(0, false);
    this.id = id;
  }
}

/**
 * A bound variable, as a de Bruijn *index*: 0 is the innermost enclosing binder, 1 the next one
 * out, and so on (a binder of n variables — `new` of n names, a receive or match case binding n
 * pattern variables — counts as n binders, its last variable being the innermost).
 */
export class BoundVar extends TermNode {
  readonly kind = 'BoundVar' as const;
  readonly index: number;
  constructor(index: number) {
    super(index + 1, false);
    this.index = index;
  }
}

/**
 * A variable that a pattern binds, numbered by first occurrence within its pattern (a receive
 * bind, a match case, the right side of `matches`): the pattern's 0th, 1st, ... variable.
 */
export class FreeVar extends TermNode {
  readonly kind = 'FreeVar' as const;
  readonly level: number;
  constructor(level: number) {
    super(0, true);
    this.level = level;
  }
}

/** `_` in a pattern. Use the singleton {@link WILDCARD}. */
export class Wildcard extends TermNode {
  readonly kind = 'Wildcard' as const;
  constructor() {
    super(0, true);
  }
}
export const WILDCARD: Wildcard = new Wildcard();

/**
 * `=x` / `=*x` in a pattern: matches exactly the value of the bound variable at de Bruijn
 * `index` (counted like {@link BoundVar}). Substitution replaces it by that value.
 */
export class VarRef extends TermNode {
  readonly kind = 'VarRef' as const;
  readonly index: number;
  constructor(index: number) {
    super(index + 1, true);
    this.index = index;
  }
}

/** What `...rest` binds in a collection pattern. */
export type Remainder = FreeVar | Wildcard;

export class EList extends TermNode {
  readonly kind = 'List' as const;
  readonly elements: readonly Term[];
  readonly remainder: Remainder | null;
  constructor(elements: readonly Term[], remainder: Remainder | null) {
    super(openOf(elements), remainder !== null || patternOf(elements));
    this.elements = elements;
    this.remainder = remainder;
  }
}

/** A tuple; `()` (unit) is the tuple of no elements. */
export class ETuple extends TermNode {
  readonly kind = 'Tuple' as const;
  readonly elements: readonly Term[];
  constructor(elements: readonly Term[]) {
    super(openOf(elements), patternOf(elements));
    this.elements = elements;
  }
}

/** A set: `elements` in canonical order without duplicates (build with `eset`). */
export class ESet extends TermNode {
  readonly kind = 'Set' as const;
  readonly elements: readonly Term[];
  readonly remainder: Remainder | null;
  constructor(elements: readonly Term[], remainder: Remainder | null) {
    super(openOf(elements), remainder !== null || patternOf(elements));
    this.elements = elements;
    this.remainder = remainder;
  }
}

/** A map: `keys` in canonical order without duplicates, `values[i]` belonging to `keys[i]` (build with `emap`). */
export class EMap extends TermNode {
  readonly kind = 'Map' as const;
  readonly keys: readonly Term[];
  readonly values: readonly Term[];
  readonly remainder: Remainder | null;
  constructor(keys: readonly Term[], values: readonly Term[], remainder: Remainder | null) {
    super(Math.max(openOf(keys), openOf(values)), remainder !== null || patternOf(keys) || patternOf(values));
    this.keys = keys;
    this.values = values;
    this.remainder = remainder;
  }
}

/** A PathMap literal `{| a, b |}`: a set of paths, kept like a set (build with `epathmap`). */
export class EPathMap extends TermNode {
  readonly kind = 'PathMap' as const;
  readonly elements: readonly Term[];
  readonly remainder: Remainder | null;
  constructor(elements: readonly Term[], remainder: Remainder | null) {
    super(openOf(elements), remainder !== null || patternOf(elements));
    this.elements = elements;
    this.remainder = remainder;
  }
}
