/**
 * Process nodes: send, receive, new, match, bundle, use block, and the parallel composition.
 *
 * Binders and the de Bruijn indices inside their scope:
 * - `New` binds `decls.length` names over `body`; the last declaration is index 0.
 * - `Receive` binds `bindCount` variables over `body`: the free variables of its binds' patterns
 *   (and remainders), bind after bind in the (canonical) order of `binds`, each bind's variables
 *   in level order; the last one is index 0. Patterns, sources and similarity arguments are
 *   outside that scope.
 * - `MatchCase` binds `freeCount` variables (its pattern's) over its `body`, the same way.
 */

import { openOf, openUnder, patternOf } from './meta.js';
import { TermNode } from './node.js';
import type { Remainder } from './nodes-ground.js';
import type { Term } from './term.js';

/** One hyperparameter of a send: positional (`key` null, `ch!(x; 2)`) or named (`ch!(x; priority=0)`). */
export class HyperParam {
  readonly key: string | null;
  readonly value: Term;
  constructor(key: string | null, value: Term) {
    this.key = key;
    this.value = value;
  }
}

/** `channel!(data)` or, persistent, `channel!!(data)`. `hyperparams` is empty when none were written. */
export class Send extends TermNode {
  readonly kind = 'Send' as const;
  readonly channel: Term;
  readonly data: readonly Term[];
  readonly persistent: boolean;
  readonly hyperparams: readonly HyperParam[];
  constructor(channel: Term, data: readonly Term[], persistent: boolean, hyperparams: readonly HyperParam[]) {
    let open = Math.max(channel.open, openOf(data));
    let pattern = channel.pattern || patternOf(data);
    for (const h of hyperparams) {
      if (h.value.open > open) open = h.value.open;
      pattern ||= h.value.pattern;
    }
    super(open, pattern);
    this.channel = channel;
    this.data = data;
    this.persistent = persistent;
    this.hyperparams = hyperparams;
  }
}

/**
 * The similarity modifiers of a bind, kept as data for VectorDB spaces: `~ sim(args)`,
 * `~ rank(args)` (null when not written) and the query of `~ query`.
 */
export class Similarity {
  readonly sim: readonly Term[] | null;
  readonly rank: readonly Term[] | null;
  readonly query: Term;
  constructor(sim: readonly Term[] | null, rank: readonly Term[] | null, query: Term) {
    this.sim = sim;
    this.rank = rank;
    this.query = query;
  }
}

/**
 * One bind of a receive: `patterns` (one per name, matched against the data of a send), an
 * optional `...@rest` remainder, the `source` channel, the number of variables the patterns and
 * remainder bind (`freeCount`), whether the bind peeks (`<<-`) and its similarity modifiers.
 */
export class ReceiveBind {
  readonly patterns: readonly Term[];
  readonly remainder: Remainder | null;
  readonly source: Term;
  readonly freeCount: number;
  readonly peek: boolean;
  readonly similarity: Similarity | null;
  constructor(
    patterns: readonly Term[],
    remainder: Remainder | null,
    source: Term,
    freeCount: number,
    peek: boolean,
    similarity: Similarity | null,
  ) {
    this.patterns = patterns;
    this.remainder = remainder;
    this.source = source;
    this.freeCount = freeCount;
    this.peek = peek;
    this.similarity = similarity;
  }
}

/** `for (binds) { body }`: a join of one or more binds; `persistent` for `<=` (and contracts). */
export class Receive extends TermNode {
  readonly kind = 'Receive' as const;
  readonly binds: readonly ReceiveBind[];
  readonly body: Term;
  readonly persistent: boolean;
  readonly bindCount: number;
  constructor(binds: readonly ReceiveBind[], body: Term, persistent: boolean, bindCount: number) {
    let open = openUnder(body, bindCount);
    let pattern = body.pattern;
    for (const b of binds) {
      open = Math.max(open, b.source.open, openOf(b.patterns));
      pattern ||= b.source.pattern;
      const s = b.similarity;
      if (s !== null) {
        open = Math.max(open, s.query.open, s.sim === null ? 0 : openOf(s.sim), s.rank === null ? 0 : openOf(s.rank));
        pattern ||= s.query.pattern || (s.sim !== null && patternOf(s.sim)) || (s.rank !== null && patternOf(s.rank));
      }
    }
    super(open, pattern);
    this.binds = binds;
    this.body = body;
    this.persistent = persistent;
    this.bindCount = bindCount;
  }
}

/** One name of a `new`: its system URN (`` x(`rho:io:stdout`) ``) and its space annotation (`x : sp`), if any. */
export class NewDecl {
  readonly uri: string | null;
  readonly space: Term | null;
  constructor(uri: string | null, space: Term | null) {
    this.uri = uri;
    this.space = space;
  }
}

/**
 * `new decls in body`. Declarations are in binding order: names without a URN first (in source
 * order), then names with one, by URN (rholang-surface §2.3). Space annotations are outside the
 * scope of the new names.
 */
export class New extends TermNode {
  readonly kind = 'New' as const;
  readonly decls: readonly NewDecl[];
  readonly body: Term;
  constructor(decls: readonly NewDecl[], body: Term) {
    let open = openUnder(body, decls.length);
    let pattern = body.pattern;
    for (const d of decls) {
      if (d.space !== null) {
        if (d.space.open > open) open = d.space.open;
        pattern ||= d.space.pattern;
      }
    }
    super(open, pattern);
    this.decls = decls;
    this.body = body;
  }
}

/** One case of a match: `pattern => body`, where `body` sees the pattern's `freeCount` variables. */
export class MatchCase {
  readonly pattern: Term;
  readonly body: Term;
  readonly freeCount: number;
  constructor(pattern: Term, body: Term, freeCount: number) {
    this.pattern = pattern;
    this.body = body;
    this.freeCount = freeCount;
  }
}

/** `match target { cases }`: the first case whose pattern matches runs. */
export class Match extends TermNode {
  readonly kind = 'Match' as const;
  readonly target: Term;
  readonly cases: readonly MatchCase[];
  constructor(target: Term, cases: readonly MatchCase[]) {
    let open = target.open;
    let pattern = target.pattern;
    for (const c of cases) {
      open = Math.max(open, c.pattern.open, openUnder(c.body, c.freeCount));
      pattern ||= c.body.pattern;
    }
    super(open, pattern);
    this.target = target;
    this.cases = cases;
  }
}

/** `bundle+ {P}` (write only), `bundle- {P}` (read only), `bundle0 {P}` (neither), `bundle {P}` (both). */
export class Bundle extends TermNode {
  readonly kind = 'Bundle' as const;
  readonly body: Term;
  readonly read: boolean;
  readonly write: boolean;
  constructor(body: Term, read: boolean, write: boolean) {
    super(body.open, body.pattern);
    this.body = body;
    this.read = read;
    this.write = write;
  }
}

/** `use space { body }`. */
export class UseBlock extends TermNode {
  readonly kind = 'Use' as const;
  readonly space: Term;
  readonly body: Term;
  constructor(space: Term, body: Term) {
    super(Math.max(space.open, body.open), space.pattern || body.pattern);
    this.space = space;
    this.body = body;
  }
}

/**
 * A parallel composition of two or more members, none of them `Nil` or a `Par` (build with
 * `par`, which flattens, drops `Nil` and sorts). `members` is in canonical order — what equality,
 * keys and ordering see — and `sourceOrder` holds the same members in the order they were
 * written, which the scheduler uses (DECISIONS 23). `sourceOrder` is not part of the term's
 * identity: equal terms may list their members in different source orders.
 */
export class Par extends TermNode {
  readonly kind = 'Par' as const;
  readonly members: readonly Term[];
  readonly sourceOrder: readonly Term[];
  constructor(members: readonly Term[], sourceOrder: readonly Term[]) {
    super(openOf(members), patternOf(members));
    this.members = members;
    this.sourceOrder = sourceOrder;
  }
}
