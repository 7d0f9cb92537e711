/**
 * Comparing trees without their positions: `parse(print(tree))` gives the same tree at other
 * offsets, and tools that build trees by hand have no positions to give.
 */

import type { AstNode } from './ast.js';

/** `T` with every `span` property removed, recursively. */
export type Unspanned<T> = T extends string | number | bigint | boolean | null
  ? T
  : T extends readonly (infer U)[]
    ? Unspanned<U>[]
    : { [K in keyof T as K extends 'span' ? never : K]: Unspanned<T[K]> };

/** A deep copy of `node` without its spans (and those of everything below it). */
export function withoutSpans<T extends AstNode>(node: T): Unspanned<T> {
  return strip(node) as Unspanned<T>;
}

function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (key !== 'span') out[key] = strip(field);
  }
  return out;
}
