/**
 * Engine benchmarks: the three produce/consume rows whose targets the engine issue sets, with the
 * seed report's figures beside them. The full suite (every table of the seed report) grows from
 * this file's harness.
 *
 *   npm run bench            full run (about 15 s; runs the compiled build)
 *   npm run bench -- --quick a fast smoke run
 */
import { createSpace } from '../src/plain/create.js';
import { wildcardMatcher } from '../src/spaces/matchers/basic.js';
import { compile } from '../src/spaces/matchers/structural.js';
import { _ } from '../src/spaces/matchers/template.js';
import { type CaseResult, formatNs, measure } from './harness.js';

const quick = process.argv.includes('--quick');
const budget = quick ? 150 : 1500;

const wildcardSpace = () => createSpace<unknown, string>({ matcher: wildcardMatcher });
const structuralSpace = () => createSpace<string>();
const ANY = compile(_);

interface Row {
  result: CaseResult;
  targetNs: number | null;
  seedNs: number | null;
}

const rows: Row[] = [];
function row(result: CaseResult, targetNs: number | null, seedNs: number | null): void {
  rows.push({ result, targetNs, seedNs });
  process.stderr.write(`  measured ${result.name}\n`);
}

for (const n of [100, 1000, 10000]) {
  row(
    measure(
      {
        name: `produce_consume_cycle/produce_only/${n}`,
        elements: n,
        setup: wildcardSpace,
        run: (s) => {
          for (let i = 0; i < n; i++) s.produce(0, i);
        },
      },
      budget,
    ),
    n === 10000 ? 400e3 : null,
    { 100: null, 1000: null, 10000: 415.8e3 }[n] ?? null,
  );
}

for (const n of [100, 1000, 10000]) {
  row(
    measure(
      {
        name: `produce_consume_cycle/consume_immediate_match/${n}`,
        elements: n,
        setup: () => {
          const s = wildcardSpace();
          for (let i = 0; i < n; i++) s.produce(0, i);
          return s;
        },
        run: (s) => {
          for (let i = 0; i < n; i++) s.consume([0], [0], 'continuation');
        },
      },
      budget,
    ),
    n === 10000 ? 1e6 : null,
    { 100: 36.2e3, 1000: 353.7e3, 10000: 3.77e6 }[n] ?? null,
  );
}

for (const n of [10, 100, 1000]) {
  row(
    measure(
      {
        name: `produce_consume_cycle/produce_multi_channel/${n}`,
        elements: n,
        setup: wildcardSpace,
        run: (s) => {
          for (let i = 0; i < n; i++) s.produce(i, i);
        },
      },
      budget,
    ),
    n === 1000 ? 80e3 : null,
    { 10: 2.12e3, 100: 8.08e3, 1000: 85.6e3 }[n] ?? null,
  );
}

// The same immediate-match workload with the structural matcher and a compiled `_` template.
row(
  measure(
    {
      name: 'structural/consume_immediate_match/10000',
      elements: 10000,
      setup: () => {
        const s = structuralSpace();
        for (let i = 0; i < 10000; i++) s.produce(0, i);
        return s;
      },
      run: (s) => {
        for (let i = 0; i < 10000; i++) s.consume([0], [ANY], 'continuation');
      },
    },
    budget,
  ),
  null,
  null,
);

const pad = (s: string, n: number) => s.padEnd(n);
console.log(`\nEngine benchmarks (node ${process.version}, ${quick ? 'quick' : 'full'} run)\n`);
console.log(
  `${pad('case', 52)}${pad('median', 12)}${pad('p75', 12)}${pad('ops/s', 14)}${pad('target', 12)}${pad('seed', 12)}ours/seed`,
);
for (const { result, targetNs, seedNs } of rows) {
  const ratio = seedNs === null ? '' : (result.medianNs / seedNs).toFixed(2);
  const target = targetNs === null ? '' : `${result.medianNs <= targetNs ? '≤' : '>'} ${formatNs(targetNs)}`;
  console.log(
    `${pad(result.name, 52)}${pad(formatNs(result.medianNs), 12)}${pad(formatNs(result.p75Ns), 12)}` +
      `${pad(result.throughputPerS.toExponential(2), 14)}${pad(target, 12)}${pad(seedNs === null ? '' : formatNs(seedNs), 12)}${ratio}`,
  );
}
