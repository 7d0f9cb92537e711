import type { ChannelEntry, PathNode } from '../entries.js';
import { InvalidConfigurationError } from '../errors.js';
import type { Journal } from '../journal.js';
import type { PathCodec, SpaceAdapter, SpaceTypes } from '../types.js';
import { ChannelStore } from './store.js';

/** A trie node: one path element below its parent. */
class TrieNode<T extends SpaceTypes> implements PathNode<T> {
  readonly parent: TrieNode<T> | null;
  readonly depth: number;
  readonly element: unknown;
  readonly order: string;
  entry: ChannelEntry<T> | null = null;
  children: Map<string, TrieNode<T>> | null = null;
  /** Children in canonical order; rebuilt lazily after a child is added. */
  private sorted: TrieNode<T>[] | null = null;

  constructor(parent: TrieNode<T> | null, element: unknown, order: string) {
    this.parent = parent;
    this.depth = parent === null ? 0 : parent.depth + 1;
    this.element = element;
    this.order = order;
  }

  child(element: unknown, order: string): TrieNode<T> {
    if (this.children === null) this.children = new Map();
    let node = this.children.get(order);
    if (node === undefined) {
      node = new TrieNode(this, element, order);
      this.children.set(order, node);
      this.sorted = null;
    }
    return node;
  }

  removeChild(node: TrieNode<T>): void {
    this.children?.delete(node.order);
    this.sorted = null;
  }

  orderedChildren(): readonly TrieNode<T>[] {
    if (this.children === null) return [];
    if (this.sorted === null) {
      this.sorted = [...this.children.values()].sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
    }
    return this.sorted;
  }
}

/**
 * PathMap: a keyed store whose path channels (lists, for plain data) also form a trie, giving
 * prefix semantics. A consume on `[a, b]` can take data stored at `[a, b]` (preferred) or at any
 * descendant such as `[a, b, c]`, choosing the lexicographically smallest path (canonical element
 * order) that holds an eligible match. A produce on `[a, b, c]` can fire continuations waiting on
 * the prefixes `[a]` and `[a, b]`, shortest prefix first, after those waiting on `[a, b, c]` itself.
 * The empty path and non-path channels take part in exact matching only.
 */
export class PathMapStore<T extends SpaceTypes> extends ChannelStore<T> {
  readonly kind = 'pathmap' as const;
  override readonly prefixSemantics = true;
  private root = new TrieNode<T>(null, undefined, '');
  private readonly paths: PathCodec<T['channel']>;

  constructor(adapter: SpaceAdapter<T>, journal: Journal | null = null) {
    super(adapter, journal);
    if (adapter.paths === undefined) {
      throw new InvalidConfigurationError('a pathmap space needs an adapter that can read channels as paths');
    }
    this.paths = adapter.paths;
  }

  override clear(): void {
    if (this.journal?.active === true) {
      const root = this.root;
      this.journal.record(() => {
        this.root = root;
      });
    }
    super.clear();
    this.root = new TrieNode<T>(null, undefined, '');
  }

  override ancestors(entry: ChannelEntry<T>): ChannelEntry<T>[] {
    const out: ChannelEntry<T>[] = [];
    for (let node = entry.node?.parent ?? null; node !== null && node.depth > 0; node = node.parent) {
      const e = node.entry;
      if (e !== null && e.groups.length > 0) out.push(e);
    }
    return out.reverse();
  }

  override descendants(entry: ChannelEntry<T>): ChannelEntry<T>[] {
    const out: ChannelEntry<T>[] = [];
    const node = entry.node;
    if (node instanceof TrieNode && node.depth > 0) collect(node, out);
    return out;
  }

  override suffix(prefix: ChannelEntry<T>, entry: ChannelEntry<T>): T['channel'] | undefined {
    const top = prefix.node;
    const node = entry.node;
    if (!(node instanceof TrieNode) || top === null) return undefined;
    const elements: unknown[] = [];
    for (let n: TrieNode<T> | null = node; n !== null && n.depth > top.depth; n = n.parent) elements.push(n.element);
    return this.paths.suffix(elements.reverse());
  }

  protected override attach(entry: ChannelEntry<T>): void {
    const elements = this.paths.elements(entry.channel);
    if (elements === undefined || elements.length === 0) return;
    let node = this.root;
    for (const element of elements) node = node.child(element, this.paths.orderKey(element));
    node.entry = entry;
    entry.node = node;
  }

  protected override detach(entry: ChannelEntry<T>): void {
    let node = entry.node as TrieNode<T> | null;
    if (node === null) return;
    node.entry = null;
    entry.node = null;
    // Prune nodes that hold nothing any more.
    while (node.parent !== null && node.entry === null && (node.children === null || node.children.size === 0)) {
      node.parent.removeChild(node);
      node = node.parent;
    }
  }
}

/** Pre-order walk in canonical order: a path sorts before its extensions. */
function collect<T extends SpaceTypes>(node: TrieNode<T>, out: ChannelEntry<T>[]): void {
  for (const child of node.orderedChildren()) {
    const e = child.entry;
    if (e !== null && e.data !== null && e.data.size > 0) out.push(e);
    collect(child, out);
  }
}
