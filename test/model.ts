/**
 * A brute-force reference model of a tuple space, for the property tests in
 * `engine.property.test.ts`. The model does not choose firings itself: the tests feed it the
 * firings the engine reported and the model checks that each one was legal (eligible data,
 * matching patterns, eligible continuation) and keeps the expected state in step. After every
 * operation the model can search by brute force for a pending match (a waiting continuation
 * that could fire and consume something), which the engine promises never to leave behind.
 *
 * Channels are identified by string keys chosen by the test; data are integers; a pattern is
 * `null` (anything) or `{ mod, rem }` (`datum % mod === rem`).
 */

export type Pat = { readonly mod: number; readonly rem: number } | null;

export function patMatches(p: Pat, v: number): boolean {
  return p === null || v % p.mod === p.rem;
}

export function showPat(p: Pat): string {
  return p === null ? '_' : `%${p.mod}=${p.rem}`;
}

export type DataKind = 'bag' | 'queue' | 'stack' | 'set' | 'cell' | 'priorityqueue';
export type ContKind = 'bag' | 'queue' | 'stack' | 'set';

export interface MDatum {
  readonly v: number;
  readonly persist: boolean;
  /** The resolved priority level (priority-queue spaces only). */
  readonly prio: number | undefined;
}

export interface MCont {
  /** The continuation value passed to the engine (unique per consume). */
  readonly id: number;
  /** Channel keys in the consumer's order. */
  readonly chans: readonly string[];
  readonly pats: readonly Pat[];
  readonly persist: boolean;
  /** Peeked positions, ascending, without duplicates. */
  readonly peeks: readonly number[];
}

/** Order-insensitive key of a join (a multiset of channel keys). */
export function groupKey(chans: readonly string[]): string {
  return [...chans].sort().join(',');
}

export function showDatum(d: MDatum): string {
  return `${d.v}${d.persist ? '!' : ''}${d.prio === undefined ? '' : `@${d.prio}`}`;
}

export function showCont(c: MCont): string {
  const pos = c.chans.map((ch, i) => `${ch}:${showPat(c.pats[i])}${c.peeks.includes(i) ? '(peek)' : ''}`);
  return `k${c.id}${c.persist ? '!' : ''}[${pos.join(' & ')}]`;
}

/** Raised by the model when the engine did something the semantics forbid. */
export class ModelViolation extends Error {
  override name = 'ModelViolation';
}

function violation(message: string): never {
  throw new ModelViolation(message);
}

export class Model {
  /** Data per channel key, in insertion order. */
  readonly data = new Map<string, MDatum[]>();
  /** Waiting continuations per join, in insertion order; groups in registration order. */
  readonly groups = new Map<string, MCont[]>();

  constructor(
    readonly kind: DataKind,
    readonly contKind: ContKind,
    /** Level used by priority-queue produces that name no priority. */
    readonly defaultPriority = 0,
  ) {}

  list(ch: string): readonly MDatum[] {
    return this.data.get(ch) ?? [];
  }

  /** The data of a channel that may match now, in the order the collection tries them. */
  eligible(ch: string): MDatum[] {
    const items = this.list(ch);
    if (items.length === 0) return [];
    switch (this.kind) {
      case 'queue':
        return [items[0]];
      case 'stack':
        return [items[items.length - 1]];
      case 'priorityqueue': {
        const fronts = new Map<number, MDatum>();
        for (const d of items) if (!fronts.has(d.prio!)) fronts.set(d.prio!, d);
        return [...fronts.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]);
      }
      default:
        return [...items];
    }
  }

  /** The first eligible datum of `ch` matching `p`, in trying order. */
  firstMatching(ch: string, p: Pat): MDatum | undefined {
    return this.eligible(ch).find((d) => patMatches(p, d.v));
  }

  /** The data in the order `getData` reports them (priority levels first for priority queues). */
  reported(ch: string): MDatum[] {
    const items = [...this.list(ch)];
    if (this.kind === 'priorityqueue') items.sort((a, b) => a.prio! - b.prio!);
    return items;
  }

  /** Stores a produced datum; false if a set ignores it as a duplicate. */
  insert(ch: string, v: number, persist: boolean, priority: number | undefined): boolean {
    const items = this.data.get(ch) ?? [];
    if (this.kind === 'set' && items.some((d) => d.v === v)) return false;
    if (this.kind === 'cell' && items.length > 0) violation(`model: insert into full cell ${ch}`);
    const prio = this.kind === 'priorityqueue' ? (priority ?? this.defaultPriority) : undefined;
    items.push({ v, persist, prio });
    this.data.set(ch, items);
    return true;
  }

  /** The stored datum with value `v` on `ch`, if any (values are unique per channel). */
  find(ch: string, v: number): MDatum | undefined {
    return this.list(ch).find((d) => d.v === v);
  }

  removeDatum(ch: string, v: number): void {
    const items = this.data.get(ch);
    const i = items?.findIndex((d) => d.v === v) ?? -1;
    if (items === undefined || i < 0) violation(`datum ${v} consumed from ${ch} but not stored there`);
    items.splice(i, 1);
    if (items.length === 0) this.data.delete(ch);
  }

  /** Adds a continuation at the end of its join's collection. */
  addCont(c: MCont): void {
    const key = groupKey(c.chans);
    const conts = this.groups.get(key) ?? [];
    conts.push(c);
    this.groups.set(key, conts);
  }

  findCont(id: number): MCont | undefined {
    for (const conts of this.groups.values()) {
      const c = conts.find((x) => x.id === id);
      if (c !== undefined) return c;
    }
    return undefined;
  }

  /** The continuations of a join that may fire now, in the order they are tried. */
  eligibleConts(key: string): MCont[] {
    const conts = this.groups.get(key) ?? [];
    if (conts.length === 0) return [];
    if (this.contKind === 'queue') return [conts[0]];
    if (this.contKind === 'stack') return [conts[conts.length - 1]];
    return [...conts];
  }

  removeCont(c: MCont): void {
    const key = groupKey(c.chans);
    const conts = this.groups.get(key);
    const i = conts?.indexOf(c) ?? -1;
    if (conts === undefined || i < 0) violation(`continuation ${showCont(c)} removed but not waiting`);
    conts.splice(i, 1);
    if (conts.length === 0) this.groups.delete(key);
  }

  clear(): void {
    this.data.clear();
    this.groups.clear();
  }

  /** Channel keys that hold data or take part in a waiting join. */
  usedChannels(): Set<string> {
    const out = new Set(this.data.keys());
    for (const conts of this.groups.values()) for (const ch of conts[0].chans) out.add(ch);
    return out;
  }

  /**
   * Brute force over every eligible continuation and every combination of eligible data on its
   * (distinct) channels: returns a description of a firing that would consume something, or null.
   */
  pendingMatch(): string | null {
    for (const key of this.groups.keys()) {
      for (const c of this.eligibleConts(key)) {
        const options = c.chans.map((ch, i) => this.eligible(ch).filter((d) => patMatches(c.pats[i], d.v)));
        const found = search(options, [], (chosen) => {
          if (!c.persist) return true;
          return chosen.some((d, i) => !d.persist && !c.peeks.includes(i));
        });
        if (found !== null) return `${showCont(c)} could fire with [${found.map(showDatum).join(', ')}]`;
      }
    }
    return null;
  }

  /** True if `c` could fire now with datum `v` of channel `ch` at that channel's position. */
  canFireWith(c: MCont, ch: string, v: number): boolean {
    const options = c.chans.map((x, i) =>
      this.eligible(x).filter((d) => patMatches(c.pats[i], d.v) && (x !== ch || d.v === v)),
    );
    return c.chans.includes(ch) && search(options, [], () => true) !== null;
  }

  /** A printable summary of the whole model, for failure messages. */
  show(): string {
    const data = [...this.data.entries()].map(([ch, ds]) => `${ch}=[${ds.map(showDatum).join(' ')}]`);
    const conts = [...this.groups.values()].map((cs) => cs.map(showCont).join(' '));
    return `data{${data.join('; ')}} waiting{${conts.join('; ')}}`;
  }
}

function search(
  options: readonly MDatum[][],
  chosen: MDatum[],
  ok: (chosen: readonly MDatum[]) => boolean,
): MDatum[] | null {
  if (chosen.length === options.length) return ok(chosen) ? [...chosen] : null;
  for (const d of options[chosen.length]) {
    chosen.push(d);
    const found = search(options, chosen, ok);
    chosen.pop();
    if (found !== null) return found;
  }
  return null;
}
