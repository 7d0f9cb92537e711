/**
 * The measuring core: cases, budgets and the sampling loop.
 *
 * A case's `prepare` does the untimed setup of one sample (a fresh space, a filled collection)
 * and returns the body that is timed. Every sample gets its own fresh setup, so a body never
 * sees state left behind by an earlier one. Bodies that take well under the timer's useful
 * resolution are timed in batches: `batch` setups are prepared first (untimed), then their
 * bodies run back to back under one clock reading, and the sample is the mean per body. (A
 * `performance.now()` pair costs ~60 ns here, so a batch lasts at least `minSampleMs`.)
 * Reports medians and p75s of the samples, which shrug off the GC pauses and scheduler noise of
 * a shared 2-core machine better than means do.
 */
import { performance } from 'node:perf_hooks';

/**
 * What a row's throughput counts, when not bare elements: the table shows `name`/s, one `name`
 * being `scale` elements (bytes counted in MiB: `{ name: 'MiB', scale: 2 ** 20 }`). Without a
 * scale the figure keeps its SI prefix (`163 k COMMs/s`).
 */
export interface ThroughputUnit {
  readonly name: string;
  readonly scale?: number;
}

/** One benchmark row. `prepare` is untimed; the body it returns is timed and run exactly once. */
interface CaseBase {
  /** The seed's case name, e.g. `produce_only`. */
  name: string;
  /** The seed's size parameter; null for cases whose name carries it (`bag_insert_1000`). */
  size: number | null;
  /** Elements one body processes (for throughput). */
  elements: number;
  /** How the table names the throughput (default: elements per second, `M/s`). */
  unit?: ThroughputUnit;
  /**
   * The body consumes nothing, so one setup may serve a whole batch (as Criterion's `iter` does).
   * Keeps O(1) bodies on big states honest: a batch of fresh big states would time cache misses.
   */
  repeatable?: boolean;
  /** Once before the case's samples (spawn workers, say); not timed. */
  before?: () => Promise<void>;
  /** Once after the case's samples. */
  after?: () => Promise<void>;
}

export interface SyncCase extends CaseBase {
  kind: 'sync';
  prepare: () => () => void;
  /** Other implementations of the same workload, reported as `peers: {name: median_ns}`. */
  peers?: Readonly<Record<string, () => () => void>>;
}

export interface AsyncCase extends CaseBase {
  kind: 'async';
  prepare: () => () => Promise<void>;
  peers?: Readonly<Record<string, () => () => Promise<void>>>;
}

export type Case = SyncCase | AsyncCase;

/** A group of the seed report: one file under `bench/groups/`. */
export interface Group {
  name: string;
  /** One line printed above the group's table. */
  description: string;
  cases: readonly Case[];
}

/** How long to measure. All times are wall-clock, setup included, so a run's length is predictable. */
export interface Budget {
  warmupMs: number;
  measureMs: number;
  minSamples: number;
  /** Hard stop for cases whose samples are slow. */
  maxMs: number;
  /** A batched sample should take at least this long (keeps timer overhead below ~0.3%). */
  minSampleMs: number;
}

// A sample lasts at least 20 µs: the ~60 ns of a performance.now() pair is then under 0.3% of it. Longer
// bodies are timed one per sample, right after their own setup: batching them would time each body after
// the setups of the rest of its batch had evicted its state from the caches, an artefact of the harness.
export const FULL_BUDGET: Budget = { warmupMs: 500, measureMs: 2000, minSamples: 20, maxMs: 8000, minSampleMs: 0.02 };
export const QUICK_BUDGET: Budget = { warmupMs: 40, measureMs: 120, minSamples: 5, maxMs: 1000, minSampleMs: 0.02 };

export interface Stats {
  medianNs: number;
  p75Ns: number;
  samples: number;
  batch: number;
}

/** `group/case/size`, or `group/case` when the case has no size: what `--filter` matches. */
export function caseId(group: string, c: Case): string {
  return c.size === null ? `${group}/${c.name}` : `${group}/${c.name}/${c.size}`;
}

/** Measures one implementation of a synchronous workload. */
export function measureSync(prepare: () => () => void, budget: Budget, repeatable = false): Stats {
  // Warm-up, single bodies: lets the JIT settle and estimates how long one body takes.
  let runs = 0;
  let spentNs = 0;
  const warmupEnd = performance.now() + budget.warmupMs;
  while (runs < 3 || performance.now() < warmupEnd) {
    const body = prepare();
    const t0 = performance.now();
    body();
    spentNs += (performance.now() - t0) * 1e6;
    runs++;
  }
  const perBodyNs = Math.max(spentNs / runs, 1);
  const batch = Math.min(1000, Math.max(1, Math.ceil((budget.minSampleMs * 1e6) / perBodyNs)));

  const samples: number[] = [];
  const bodies: (() => void)[] = new Array(batch);
  const start = performance.now();
  const end = start + budget.measureMs;
  const hardEnd = start + budget.maxMs;
  for (;;) {
    if (repeatable) {
      // One untimed run first: a shared state is timed warm, as Criterion's `iter` times it,
      // not just after its setup has filled the caches and the young generation.
      const body = prepare();
      body();
      bodies.fill(body);
    } else {
      for (let i = 0; i < batch; i++) bodies[i] = prepare();
    }
    const t0 = performance.now();
    for (let i = 0; i < batch; i++) bodies[i]();
    samples.push(((performance.now() - t0) * 1e6) / batch);
    const now = performance.now();
    if ((samples.length >= budget.minSamples && now >= end) || now >= hardEnd) break;
  }
  return summarise(samples, batch);
}

/** Measures one implementation of an asynchronous workload (one body per sample: they are ms-scale). */
export async function measureAsync(prepare: () => () => Promise<void>, budget: Budget): Promise<Stats> {
  let runs = 0;
  const warmupEnd = performance.now() + budget.warmupMs;
  while (runs < 3 || performance.now() < warmupEnd) {
    await prepare()();
    runs++;
  }
  const samples: number[] = [];
  const start = performance.now();
  for (;;) {
    const body = prepare();
    const t0 = performance.now();
    await body();
    samples.push((performance.now() - t0) * 1e6);
    const now = performance.now();
    if ((samples.length >= budget.minSamples && now >= start + budget.measureMs) || now >= start + budget.maxMs) break;
  }
  return summarise(samples, 1);
}

/** Measures a case and its peers. Starts from a collected heap when `--expose-gc` is on. */
export async function measureCase(c: Case, budget: Budget): Promise<{ stats: Stats; peers: Record<string, number> }> {
  await c.before?.();
  try {
    globalThis.gc?.();
    const peers: Record<string, number> = {};
    if (c.kind === 'sync') {
      const stats = measureSync(c.prepare, budget, c.repeatable);
      for (const [name, prepare] of Object.entries(c.peers ?? {})) {
        globalThis.gc?.();
        peers[name] = measureSync(prepare, budget, c.repeatable).medianNs;
      }
      return { stats, peers };
    }
    const stats = await measureAsync(c.prepare, budget);
    for (const [name, prepare] of Object.entries(c.peers ?? {})) {
      globalThis.gc?.();
      peers[name] = (await measureAsync(prepare, budget)).medianNs;
    }
    return { stats, peers };
  } finally {
    await c.after?.();
  }
}

function summarise(samples: number[], batch: number): Stats {
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
  return { medianNs: at(0.5), p75Ns: at(0.75), samples: samples.length, batch };
}

/** Throws if a body's result shows it did not do the work (also keeps the work from being optimised away). */
export function expectCount(what: string, got: number, want: number): void {
  if (got !== want) throw new Error(`${what}: expected ${want}, got ${got}`);
}

/** Formats nanoseconds with a unit that keeps three significant digits. */
export function formatNs(ns: number): string {
  if (ns < 1e3) return `${ns.toPrecision(3)} ns`;
  if (ns < 1e6) return `${(ns / 1e3).toPrecision(3)} µs`;
  if (ns < 1e9) return `${(ns / 1e6).toPrecision(3)} ms`;
  return `${(ns / 1e9).toPrecision(3)} s`;
}
