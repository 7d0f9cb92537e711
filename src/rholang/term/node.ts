/**
 * The base class of every node of the normalized term representation (see `term.ts`).
 *
 * Nodes are immutable: every field is `readonly` except `cachedKey`, a memo of the node's
 * canonical key filled in by `keyOf` the first time it is asked for (the key of a term never
 * changes, so caching it is safe). All fields are assigned in the constructor in one fixed order,
 * so every instance of a class has the same hidden class.
 */
export abstract class TermNode {
  /** 1 + the largest de Bruijn index free in the term; 0 for a closed term (see `meta.ts`). */
  readonly open: number;
  /** True if the term holds constructs of the pattern it belongs to (see `meta.ts`). */
  readonly pattern: boolean;
  /**
   * Memo of the canonical key (`keyOf`); `undefined` until first asked for.
   * @internal Written only by `keyOf`.
   */
  cachedKey: string | undefined;

  constructor(open: number, pattern: boolean) {
    this.open = open;
    this.pattern = pattern;
    this.cachedKey = undefined;
  }
}
