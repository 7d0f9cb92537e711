/**
 * `diff <dir> <rootA> <rootB>`: the leaves that differ between two roots, named by what they hold
 * (a channel, a join, the meta leaf), with counts per kind. `History.diff` skips subtrees whose
 * hashes are equal, so the cost follows the difference, not the size of the states.
 */

import { toHex } from '../history/hash.js';
import type { CommandArgs } from './args.js';
import { type CommandContext, resolveRoot, writeJson } from './context.js';
import { clip, formatBytes, formatCount, plural, shortHex } from './format.js';
import { type LeafKind, type LeafSummary, printEncoded, summarizeLeaf } from './leaf-summary.js';

type Change = 'added' | 'removed' | 'changed';

interface DiffEntry {
  readonly kind: LeafKind;
  readonly change: Change;
  readonly key: string;
  /** What the leaf is about: a channel or a join's channels in `print` notation, `meta`, or its key hash. */
  readonly label: string;
  /** `2 data`, `1 -> 2 waiting`, `counters 3 -> 5`: what changed, briefly. */
  readonly detail: string;
  /** The figures behind `detail` on each side (null: the leaf is absent on that side), for `--json`. */
  readonly before: Measure | null;
  readonly after: Measure | null;
}

type Measure =
  | { readonly data: number; readonly joins: number }
  | { readonly waiting: number }
  | { readonly config: string; readonly counters: readonly number[] }
  | { readonly bytes: number };

type Counts = Record<Change, number>;

const KIND_ORDER: readonly LeafKind[] = ['meta', 'channel', 'join', 'other'];
const LABEL_WIDTH = 100;

export function diffCommand(ctx: CommandContext, args: CommandArgs): number {
  const before = resolveRoot(ctx, args.roots[0]);
  const after = resolveRoot(ctx, args.roots[1]);
  const entries: DiffEntry[] = [];
  for (const d of ctx.history.diff(before, after)) {
    const a = d.before === null ? null : sideOf(d.key, d.before);
    const b = d.after === null ? null : sideOf(d.key, d.after);
    entries.push(entryOf(d.key, a, b));
  }
  // Keys are hashes, so key order is arbitrary to a reader: group by kind, keep key order within a kind.
  entries.sort((x, y) => KIND_ORDER.indexOf(x.kind) - KIND_ORDER.indexOf(y.kind));
  const counts = countByKind(entries);
  if (ctx.json) {
    writeJson(ctx, { before: toHex(before), after: toHex(after), differ: entries.length, counts, entries });
    return 0;
  }
  const lines = [`diff ${toHex(before)}`, `  -> ${toHex(after)}`];
  const mark: Record<Change, string> = { added: '+', removed: '-', changed: '~' };
  for (const e of entries) lines.push(`${mark[e.change]} ${e.label}${e.detail === '' ? '' : `  ${e.detail}`}`);
  lines.push(summaryLine(entries.length, counts));
  ctx.io.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

interface Side {
  readonly leaf: LeafSummary;
  readonly measure: Measure;
}

function sideOf(key: Uint8Array, bytes: Uint8Array): Side {
  const leaf = summarizeLeaf(key, bytes);
  switch (leaf.kind) {
    case 'meta':
      return { leaf, measure: { config: leaf.meta.config, counters: leaf.meta.counters } };
    case 'channel':
      return { leaf, measure: { data: leaf.data.length, joins: leaf.joins } };
    case 'join':
      return { leaf, measure: { waiting: leaf.waiting } };
    case 'other':
      return { leaf, measure: { bytes: bytes.length } };
  }
}

function entryOf(key: Uint8Array, before: Side | null, after: Side | null): DiffEntry {
  // The key hash covers the leaf's kind (H(00), H(01 channel), H(02 channels…)), so both sides are of one
  // kind unless one is outside the format (damaged); then the side that is in the format names the entry.
  const sides = [before, after].filter((s): s is Side => s !== null);
  const named = (sides.find((s) => s.leaf.kind !== 'other') ?? sides[0]).leaf;
  const change: Change = before === null ? 'added' : after === null ? 'removed' : 'changed';
  return {
    kind: named.kind,
    change,
    key: toHex(key),
    label: labelOf(key, named),
    detail: detailOf(before?.measure ?? null, after?.measure ?? null),
    before: before?.measure ?? null,
    after: after?.measure ?? null,
  };
}

function labelOf(key: Uint8Array, leaf: LeafSummary): string {
  switch (leaf.kind) {
    case 'meta':
      return 'meta';
    case 'channel':
      return `channel ${clip(printEncoded(leaf.channel) ?? shortHex(key), LABEL_WIDTH)}`;
    case 'join': {
      const names = leaf.channels.map((c) => printEncoded(c));
      const text = names.includes(null) ? shortHex(key) : `(${names.join(', ')})`;
      return `join ${clip(text, LABEL_WIDTH)}`;
    }
    case 'other':
      return `leaf ${shortHex(key)}`;
  }
}

/** The figure a reader cares about for one side, as text. */
function describeMeasure(m: Measure): string {
  if ('data' in m) return plural(m.data, 'datum', 'data');
  if ('waiting' in m) return `${formatCount(m.waiting)} waiting`;
  if ('counters' in m) return `counters ${m.counters.join(', ') || '(none)'}`;
  return formatBytes(m.bytes);
}

function detailOf(before: Measure | null, after: Measure | null): string {
  if (before !== null && after !== null && 'config' in before && 'config' in after && before.config !== after.config) {
    return `config ${before.config} -> ${after.config}`;
  }
  const a = before === null ? null : describeMeasure(before);
  const b = after === null ? null : describeMeasure(after);
  if (a === null || b === null || a === b) return a ?? b ?? '';
  return `${a} -> ${b}`;
}

function countByKind(entries: readonly DiffEntry[]): Record<LeafKind, Counts> {
  const counts = {} as Record<LeafKind, Counts>;
  for (const kind of KIND_ORDER) counts[kind] = { added: 0, removed: 0, changed: 0 };
  for (const e of entries) counts[e.kind][e.change]++;
  return counts;
}

function summaryLine(total: number, counts: Record<LeafKind, Counts>): string {
  if (total === 0) return 'no differences';
  const nouns: Record<LeafKind, [string, string]> = {
    meta: ['meta leaf', 'meta leaves'],
    channel: ['channel', 'channels'],
    join: ['join', 'joins'],
    other: ['other leaf', 'other leaves'],
  };
  const parts: string[] = [];
  for (const kind of KIND_ORDER) {
    const c = counts[kind];
    const n = c.added + c.removed + c.changed;
    if (n === 0) continue;
    const how = (['added', 'removed', 'changed'] as const).filter((k) => c[k] > 0).map((k) => `${c[k]} ${k}`);
    parts.push(`${plural(n, ...nouns[kind])} (${how.join(', ')})`);
  }
  return `${plural(total, 'leaf differs', 'leaves differ')}: ${parts.join('; ')}`;
}
