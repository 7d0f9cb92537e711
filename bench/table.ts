/**
 * Result rows (also the `--json` shape) and the table printer. Tables are Markdown pipe tables,
 * padded so they read as well in a terminal as pasted into docs/performance.md.
 */
import { formatNs, type ThroughputUnit } from './harness.js';
import type { Reference } from './seed.js';

/** One measured row; field names are the JSON's. */
export interface Row {
  group: string;
  case: string;
  size: number | null;
  /** Elements one body processes (throughput = elements / median). */
  elements: number;
  median_ns: number;
  p75_ns: number;
  throughput_per_s: number;
  /** What the throughput counts in the table (MiB, COMMs, ...), or null for bare elements. */
  unit: ThroughputUnit | null;
  samples: number;
  /** Bodies timed per sample (sub-millisecond cases run in batches). */
  batch: number;
  /** The seed report's figure for this exact row, or null. */
  seed_ns: number | null;
  /** A seed figure shown as a reference only: a different workload (analogue rows). Never a ratio. */
  reference: (Reference & { comparable: false }) | null;
  /** The engine issue's target for this row, or null. */
  target_ns: number | null;
  /** Other implementations of the same workload: name → median ns. */
  peers: Record<string, number>;
}

export interface Meta {
  date: string;
  mode: 'full' | 'quick';
  isolate: string;
  node: string;
  cpu_model: string;
  cpu_count: number;
  platform: string;
  /** 1-minute load average when the run started: above ~1 on 2 cores, others share the CPUs. */
  load_avg: number;
  seed_machine: string;
}

/**
 * Elements per second with an SI prefix (`19.1 M/s`), or in `unit`: `163 k COMMs/s` with the
 * prefix, `42.7 MiB/s` for a unit that has a scale (no prefix on top of it).
 */
export function formatRate(perS: number, unit: ThroughputUnit | null = null): string {
  if (unit?.scale !== undefined) {
    const v = perS / unit.scale;
    return `${v >= 1e3 ? Math.round(v).toString() : v.toPrecision(3)} ${unit.name}/s`;
  }
  const name = unit === null ? '' : ` ${unit.name}`;
  if (perS >= 1e9) return `${(perS / 1e9).toPrecision(3)} G${name}/s`;
  if (perS >= 1e6) return `${(perS / 1e6).toPrecision(3)} M${name}/s`;
  if (perS >= 1e3) return `${(perS / 1e3).toPrecision(3)} k${name}/s`;
  return `${perS.toPrecision(3)}${unit === null ? ' ' : name}/s`;
}

export function header(meta: Meta): string {
  return [
    `Reified RSpaces benchmarks: ${meta.mode} run, ${meta.date}, isolation per ${meta.isolate}`,
    `This machine: ${meta.cpu_model}, ${meta.cpu_count} logical CPUs (os.cpus()), ${meta.platform}, Node ${meta.node}, ` +
      `load average ${meta.load_avg.toFixed(2)} at start`,
    `Seed figures: ${meta.seed_machine} (post-optimization report, 2026-01-09)`,
    'ours/seed = our median / the seed median, absolute figures from different machines and runtimes: < 1 means faster.',
  ].join('\n');
}

/** One group's rows as a table. Target and peer columns appear only when some row has them. */
export function groupTable(name: string, description: string, rows: readonly Row[]): string {
  const peerNames = [...new Set(rows.flatMap((r) => Object.keys(r.peers)))];
  const hasTarget = rows.some((r) => r.target_ns !== null);
  const hasReference = rows.some((r) => r.reference !== null);
  const head = ['case', 'size', 'median', 'p75', 'throughput', 'seed', 'ours/seed'];
  if (hasTarget) head.push('target');
  // Each peer: its median, then our median over it (< 1: we are faster), measured in the same run.
  for (const peer of peerNames) head.push(peer, `ours/${peer}`);
  const body = rows.map((r) => {
    const cells = [
      r.case,
      r.size === null ? '' : String(r.size),
      formatNs(r.median_ns),
      formatNs(r.p75_ns),
      formatRate(r.throughput_per_s, r.unit),
      seedCell(r),
      r.seed_ns === null ? (r.reference === null ? '' : 'n/c') : formatRatio(r.median_ns / r.seed_ns),
    ];
    if (hasTarget) cells.push(targetCell(r));
    for (const peer of peerNames) {
      const ns = r.peers[peer];
      cells.push(ns === undefined ? '' : formatNs(ns), ns === undefined ? '' : formatRatio(r.median_ns / ns));
    }
    return cells;
  });
  // Text columns (case, target) left-aligned, figures right-aligned.
  const right = head.map((h) => h !== 'case' && h !== 'target');
  const lines = [`### ${name}`, '', description, '', ...pipeTable(head, body, right)];
  if (hasReference) {
    const ref = rows.find((r) => r.reference !== null)?.reference;
    lines.push(
      '',
      `† Not comparable (n/c): the seed's ${ref?.row.replace(/\/\d+$/, '/{n}')} (Rust, n OS threads on an RwLock<HashMap>, ` +
        'a synthetic stand-in) shown for scale only.',
    );
  }
  return lines.join('\n');
}

/** Two decimals, or two significant digits for ratios far below 1 (O(1) checkpoints). */
function formatRatio(ratio: number): string {
  return `${ratio >= 0.1 ? ratio.toFixed(2) : ratio.toPrecision(2)}×`;
}

function seedCell(r: Row): string {
  if (r.seed_ns !== null) return formatNs(r.seed_ns);
  return r.reference === null ? '—' : `${formatNs(r.reference.ns)} †`;
}

function targetCell(r: Row): string {
  if (r.target_ns === null) return '';
  return `${r.median_ns <= r.target_ns ? 'met' : 'MISSED'} (≤ ${formatNs(r.target_ns)})`;
}

function pipeTable(head: readonly string[], body: readonly string[][], right: readonly boolean[]): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => (right[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (right[i] ? `${'-'.repeat(w + 1)}:` : `:${'-'.repeat(w + 1)}`)).join('|')}|`;
  return [line(head), rule, ...body.map(line)];
}
