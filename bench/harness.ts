/**
 * A small benchmark harness for millisecond-scale cases: each sample runs a fresh setup (not
 * timed) and then the measured body once. Reports the median and p75 of the samples, which are
 * robust to the noise of shared 2-core machines. Compare ratios within one run, not across runs.
 */
import { performance } from 'node:perf_hooks';

export interface CaseResult {
  name: string;
  /** Elements per sample (for throughput). */
  elements: number;
  samples: number;
  medianNs: number;
  p75Ns: number;
  throughputPerS: number;
}

export interface CaseSpec<S> {
  name: string;
  elements: number;
  setup: () => S;
  run: (state: S) => void;
}

/** Runs a case for about `budgetMs` (after a warm-up) and summarises the samples. */
export function measure<S>(spec: CaseSpec<S>, budgetMs = 1000, minSamples = 30): CaseResult {
  const warmupEnd = performance.now() + budgetMs / 4;
  while (performance.now() < warmupEnd) spec.run(spec.setup());
  const samples: number[] = [];
  const end = performance.now() + budgetMs;
  while (samples.length < minSamples || performance.now() < end) {
    const state = spec.setup();
    const t0 = performance.now();
    spec.run(state);
    samples.push((performance.now() - t0) * 1e6);
    if (samples.length >= 100_000) break;
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
  const medianNs = at(0.5);
  return {
    name: spec.name,
    elements: spec.elements,
    samples: samples.length,
    medianNs,
    p75Ns: at(0.75),
    throughputPerS: (spec.elements / medianNs) * 1e9,
  };
}

/** Formats nanoseconds with a unit that keeps three significant digits. */
export function formatNs(ns: number): string {
  if (ns < 1e3) return `${ns.toFixed(1)} ns`;
  if (ns < 1e6) return `${(ns / 1e3).toFixed(2)} µs`;
  return `${(ns / 1e6).toFixed(3)} ms`;
}
