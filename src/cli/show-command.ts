/**
 * `show <dir> [root]`: the state at a root. Reads every leaf once to count channels, joins, data
 * and waiting continuations, and keeps the first N channels (in key order, which is the order the
 * history stores them) as a sample whose data are printed as values when they are plain values.
 */

import type { MetaLeaf } from '../durable/leaves.js';
import { blake2b256, toHex } from '../history/hash.js';
import type { CommandArgs } from './args.js';
import { type CommandContext, describePosition, positionOf, resolveRoot, writeJson } from './context.js';
import { clip, formatBytes, formatCount, plural } from './format.js';
import { type LeafSummary, printEncoded, summarizeLeaf } from './leaf-summary.js';

/** Longest printed value in text output; JSON output is never clipped. */
const VALUE_WIDTH = 120;

interface SampledDatum {
  /** The datum in `print` notation, or null when it is not a plain value. */
  readonly value: string | null;
  readonly bytes: number;
  readonly hash: string;
  readonly persistent: boolean;
  readonly priority?: number;
}

type SampledLeaf =
  | {
      readonly kind: 'channel';
      readonly key: string;
      readonly leafHash: string;
      readonly bytes: number;
      /** The channel in `print` notation, or null when it is not a plain value. */
      readonly channel: string | null;
      readonly channelBytes: number;
      readonly dataCount: number;
      readonly joins: number;
      /** The first `--sample` data, in collection order. */
      readonly data: readonly SampledDatum[];
    }
  | {
      readonly kind: 'other';
      readonly key: string;
      readonly leafHash: string;
      readonly bytes: number;
      readonly reason: string;
    };

interface ShowReport {
  root: string;
  position: number;
  latest: boolean;
  meta: { config: string; identity: string; counters: readonly number[] } | null;
  leaves: number;
  bytes: number;
  channels: number;
  data: number;
  joins: number;
  waiting: number;
  /** Leaves not in the checkpoint leaf format (a history written through `History` directly). */
  other: number;
  sample: SampledLeaf[];
}

export function showCommand(ctx: CommandContext, args: CommandArgs): number {
  const root = resolveRoot(ctx, args.roots[0]);
  const position = positionOf(ctx, root);
  const report: ShowReport = {
    root: toHex(root),
    position,
    latest: position !== 0 && position === ctx.roots.length,
    meta: null,
    leaves: 0,
    bytes: 0,
    channels: 0,
    data: 0,
    joins: 0,
    waiting: 0,
    other: 0,
    sample: [],
  };
  for (const [key, bytes] of ctx.history.load(root)) {
    report.leaves++;
    report.bytes += bytes.length;
    const leaf = summarizeLeaf(key, bytes);
    if (leaf.kind === 'meta') report.meta = metaReport(leaf.meta);
    else if (leaf.kind === 'join') {
      report.joins++;
      report.waiting += leaf.waiting;
    } else {
      if (leaf.kind === 'channel') {
        report.channels++;
        report.data += leaf.data.length;
      } else report.other++;
      if (report.sample.length < args.sample) report.sample.push(sampleOf(key, bytes, leaf, args.sample));
    }
  }
  if (ctx.json) writeJson(ctx, report);
  else ctx.io.stdout.write(renderShow(ctx, root, report));
  return 0;
}

function metaReport(meta: MetaLeaf): ShowReport['meta'] {
  return { config: meta.config, identity: toHex(meta.identity), counters: meta.counters };
}

function sampleOf(
  key: Uint8Array,
  bytes: Uint8Array,
  leaf: Exclude<LeafSummary, { kind: 'meta' | 'join' }>,
  limit: number,
): SampledLeaf {
  const common = { key: toHex(key), leafHash: toHex(blake2b256(bytes)), bytes: bytes.length };
  if (leaf.kind === 'other') return { kind: 'other', ...common, reason: leaf.reason };
  return {
    kind: 'channel',
    ...common,
    channel: printEncoded(leaf.channel),
    channelBytes: leaf.channel.length,
    dataCount: leaf.data.length,
    joins: leaf.joins,
    data: leaf.data.slice(0, limit).map((d) => ({
      value: printEncoded(d.datum),
      bytes: d.datum.length,
      hash: toHex(blake2b256(d.datum)),
      persistent: d.persistent,
      ...(d.priority === undefined ? {} : { priority: d.priority }),
    })),
  };
}

function renderShow(ctx: CommandContext, root: Uint8Array, r: ShowReport): string {
  const lines: string[] = [];
  const row = (label: string, text: string) => lines.push(`${label.padEnd(10)}${text}`);
  row('root', `${r.root} ${describePosition(ctx, root)}`);
  if (r.meta === null) row('meta', '(no meta leaf: not a checkpoint written by a DurableSpace)');
  else {
    row('config', r.meta.config);
    row('identity', r.meta.identity === '' ? '(none)' : r.meta.identity);
    row('counters', r.meta.counters.length === 0 ? '(none)' : r.meta.counters.join(', '));
  }
  row('leaves', `${formatCount(r.leaves)}, ${formatBytes(r.bytes)}`);
  row('channels', `${formatCount(r.channels)} with ${plural(r.data, 'datum', 'data')}`);
  row('joins', `${formatCount(r.joins)} with ${plural(r.waiting, 'waiting continuation', 'waiting continuations')}`);
  if (r.other > 0) row('other', `${plural(r.other, 'leaf', 'leaves')} not in the checkpoint leaf format`);
  if (r.sample.length > 0) {
    const of = `${formatCount(r.channels + r.other)} ${r.other === 0 ? 'channels' : 'channels and other leaves'}`;
    lines.push(`sample    first ${formatCount(r.sample.length)} of ${of}, in key order:`);
    for (const s of r.sample) lines.push(...renderSample(s));
  }
  return `${lines.join('\n')}\n`;
}

function renderSample(s: SampledLeaf): string[] {
  const leaf = `leaf ${formatBytes(s.bytes)} ${s.leafHash.slice(0, 16)}`;
  if (s.kind === 'other') return [`  key ${s.key.slice(0, 16)}: ${leaf}, not a checkpoint leaf (${s.reason})`];
  // Without a plain-value channel, the key hash is what names the channel (it is H(01 channel bytes)).
  const name =
    s.channel === null
      ? `channel ${s.key.slice(0, 16)} (not a plain value, ${formatBytes(s.channelBytes)})`
      : clip(s.channel, VALUE_WIDTH);
  const joins = s.joins === 0 ? '' : `, in ${plural(s.joins, 'join', 'joins')}`;
  const out = [`  ${name}: ${plural(s.dataCount, 'datum', 'data')}${joins}; ${leaf}`];
  for (const d of s.data) {
    const flags = `${d.persistent ? ' [persistent]' : ''}${d.priority === undefined ? '' : ` [priority ${d.priority}]`}`;
    const text =
      d.value === null ? `(${formatBytes(d.bytes)}, hash ${d.hash.slice(0, 16)})` : clip(d.value, VALUE_WIDTH);
    out.push(`    ${text}${flags}`);
  }
  if (s.dataCount > s.data.length) out.push(`    … ${formatCount(s.dataCount - s.data.length)} more`);
  return out;
}
