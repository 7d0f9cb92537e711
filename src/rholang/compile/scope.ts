/**
 * Scopes of the normalizer.
 *
 * `Env` is the chain of binders in scope, innermost first: a variable's de Bruijn index is its
 * position in the chain. Each binding records the *frame* it was made in: frame 0 is the program;
 * a pattern opens frame n + 1. A bare variable only sees bindings of the current frame — in a
 * pattern, `x` always binds a fresh variable, even if an `x` is in scope outside (write `=x` to
 * refer to that one) — while `=x` sees every frame. Indices count every binding of every frame.
 *
 * `FreeMap` collects the variables one pattern binds, numbered by first occurrence.
 */

import type { Span } from '../syntax/ast.js';

/** Whether a variable stands for a process (`@x`, `x = P`) or a name (`new x`, `x <- ch`). */
export type Sort = 'proc' | 'name';

export interface Binding {
  readonly name: string;
  readonly sort: Sort;
  readonly span: Span;
  readonly frame: number;
}

export interface Found {
  readonly index: number;
  readonly binding: Binding;
}

/** A persistent stack of bindings. */
export class Env {
  static readonly EMPTY: Env = new Env(null, null, 0);
  readonly head: Binding | null;
  readonly tail: Env | null;
  readonly size: number;
  private constructor(head: Binding | null, tail: Env | null, size: number) {
    this.head = head;
    this.tail = tail;
    this.size = size;
  }

  push(binding: Binding): Env {
    return new Env(binding, this, this.size + 1);
  }

  /** Pushes `bindings` in order: the last one ends up innermost (index 0). */
  pushAll(bindings: readonly Binding[]): Env {
    let env: Env = this;
    for (const b of bindings) env = env.push(b);
    return env;
  }

  /** The innermost binding of `name` made in `frame`, if no binding of an outer frame comes first. */
  lookupInFrame(name: string, frame: number): Found | null {
    let index = 0;
    for (let e: Env | null = this; e !== null && e.head !== null; e = e.tail, index++) {
      if (e.head.frame !== frame) return null;
      if (e.head.name === name) return { index, binding: e.head };
    }
    return null;
  }

  /** The innermost binding of `name` in any frame. */
  lookupAny(name: string): Found | null {
    let index = 0;
    for (let e: Env | null = this; e !== null && e.head !== null; e = e.tail, index++) {
      if (e.head.name === name) return { index, binding: e.head };
    }
    return null;
  }
}

/** The variables a pattern binds, in level order. */
export class FreeMap {
  private readonly byName = new Map<string, number>();
  private readonly list: Binding[] = [];
  readonly frame: number;
  constructor(frame: number) {
    this.frame = frame;
  }

  /** The binding of `name` if the pattern already binds it. */
  get(name: string): Binding | undefined {
    const level = this.byName.get(name);
    return level === undefined ? undefined : this.list[level];
  }

  /** Adds a variable and returns its level (the caller checked it is new). */
  add(name: string, sort: Sort, span: Span): number {
    const level = this.list.length;
    this.byName.set(name, level);
    this.list.push({ name, sort, span, frame: this.frame });
    return level;
  }

  get count(): number {
    return this.list.length;
  }

  /** The variables in level order, as bindings of `frame` (the frame of the body they scope over). */
  bindings(frame: number): Binding[] {
    return this.list.map((b) => ({ ...b, frame }));
  }
}

/**
 * Where the normalizer is: the binders in scope, the current frame, the pattern being built (null
 * outside patterns) and whether that pattern may bind here (not under `~` or `\/`).
 */
export interface Ctx {
  readonly env: Env;
  readonly frame: number;
  readonly free: FreeMap | null;
  readonly canBind: boolean;
  readonly fileName: string;
  readonly source: string | undefined;
}

/** The context for a new pattern (a receive bind, a match case, the right side of `matches`). */
export function patternCtx(ctx: Ctx): Ctx {
  const frame = ctx.frame + 1;
  return { ...ctx, frame, free: new FreeMap(frame), canBind: true };
}

/** The context of a body that sees `bindings` (a pattern's variables) on top of `ctx`. */
export function bodyCtx(ctx: Ctx, bindings: readonly Binding[]): Ctx {
  return { ...ctx, env: ctx.env.pushAll(bindings) };
}
