import type { Value } from '../../data/value.js';
import { compileTemplate } from './compile.js';
import { MatchState, NO_CAPTURES } from './match-state.js';
import { type Bindings, EMPTY_BINDINGS, type Matcher } from './matcher.js';
import type { MatchNode } from './nodes.js';
import { printTemplate } from './print-template.js';
import type { Template } from './template.js';

/**
 * A compiled template. Compile once with {@link compile}, match many times.
 *
 * `match` returns the bindings of the named captures, or `null`. Bindings are a fresh plain object per
 * successful match that captured something (keys in capture order), else the shared frozen
 * `EMPTY_BINDINGS`; treat them as read-only. Captured values are the datum's own sub-values, not copies
 * (except `rest` and `partial` remainders, which are new lists / maps of the datum's items).
 *
 * The template is not copied: do not mutate it (or the values in it) after compiling.
 */
export class Pattern {
  readonly template: Template;
  private readonly root: MatchNode;
  /** The capture name of each slot. */
  private readonly names: readonly string[];
  /** Reused by every match, so that matching allocates nothing but the captured results. */
  private readonly state: MatchState;

  /** @internal Use {@link compile}. */
  constructor(template: Template) {
    const { root, names } = compileTemplate(template);
    this.template = template;
    this.root = root;
    this.names = names;
    this.state = names.length === 0 ? NO_CAPTURES : new MatchState(names.length);
  }

  match(datum: Value): Bindings | null {
    if (this.names.length === 0) return this.root.match(datum, NO_CAPTURES) ? EMPTY_BINDINGS : null;
    let state = this.state;
    // Reentrancy: a `where` predicate may match this very pattern; that inner match gets its own state.
    if (state.busy) state = new MatchState(this.names.length);
    state.busy = true;
    try {
      return this.root.match(datum, state) ? state.take(this.names) : null;
    } finally {
      // Also after a throwing predicate: the next match must start with every slot free.
      state.undo(0);
      state.busy = false;
    }
  }

  toString(): string {
    return printTemplate(this.template);
  }
}

/**
 * Validates and compiles a template. Throws `TemplateError` (`code === 'InvalidTemplate'`, with the
 * `path` of the offending part) for a malformed one: a non-value literal, `rest` out of place, an empty
 * capture name, a marker inside a set or a map key, a cyclic template, an empty `and()` / `or()`, a
 * `partial` of something other than a map template, a `where` without a function.
 */
export function compile(template: Template): Pattern {
  return new Pattern(template);
}

/** The matcher for compiled templates: `match(pattern, datum)` is `pattern.match(datum)`. */
export const structuralMatcher: Matcher<Pattern, Value, Bindings> = {
  name: 'StructuralMatch',
  match(pattern: Pattern, datum: Value): Bindings | null {
    return pattern.match(datum);
  },
};
