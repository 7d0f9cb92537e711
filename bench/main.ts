/**
 * The benchmark CLI (`npm run bench -- [options]`; it runs the compiled build in dist/).
 *
 *   --filter <regex>   run the rows whose `group/case/size` id matches
 *   --quick            a short smoke run (whole suite well under a minute)
 *   --json <file>      also write `{meta, rows}` as JSON
 *   --isolate <mode>   group (default): each group in a fresh child process, so one group's JIT
 *                      and GC state cannot skew the next; case: each row in its own process;
 *                      none: everything in this process
 *   --reverse          run the groups in reverse order (to look for order effects)
 *
 * Progress goes to stderr; tables (Markdown) to stdout as each group completes.
 */
import { fork } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { FULL_BUDGET, QUICK_BUDGET } from './harness.js';
import { GROUPS } from './registry.js';
import { type ChildMessage, runCase, runChild, type Selected, select } from './runner.js';
import { SEED_MACHINE } from './seed.js';
import { groupTable, header, type Meta, type Row } from './table.js';

const ISOLATION = ['group', 'case', 'none'] as const;
type Isolation = (typeof ISOLATION)[number];

const USAGE =
  'usage: npm run bench -- [--filter <regex>] [--quick] [--json <file>] [--isolate group|case|none] [--reverse]';

const values = parseCli();
const budget = values.quick ? QUICK_BUDGET : FULL_BUDGET;

try {
  if (values.help) process.stdout.write(`${USAGE}\n`);
  else if (values.child !== undefined) await runChild(values.child.split(','), budget);
  else await main();
} catch (error) {
  usageError(error);
}

function parseCli() {
  try {
    return parseArgs({
      options: {
        filter: { type: 'string', default: '.*' },
        quick: { type: 'boolean', default: false },
        json: { type: 'string' },
        isolate: { type: 'string', default: 'group' },
        reverse: { type: 'boolean', default: false },
        child: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (error) {
    return usageError(error);
  }
}

function usageError(error: unknown): never {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  const isolate = values.isolate as Isolation;
  if (!ISOLATION.includes(isolate)) throw new Error(`--isolate must be one of ${ISOLATION.join(', ')}`);
  const selected = select(new RegExp(values.filter ?? '.*'));
  if (selected.length === 0) throw new Error(`no benchmark matches --filter ${values.filter}`);
  const groupOrder = [...new Set(selected.map((s) => s.group))];
  if (values.reverse) groupOrder.reverse();
  const ordered = groupOrder.flatMap((g) => selected.filter((s) => s.group === g));

  const cpus = os.cpus();
  const meta: Meta = {
    date: new Date().toISOString(),
    mode: values.quick ? 'quick' : 'full',
    isolate,
    node: process.version,
    cpu_model: cpus[0]?.model ?? 'unknown',
    cpu_count: cpus.length,
    platform: `${os.platform()} ${os.arch()}`,
    load_avg: os.loadavg()[0],
    seed_machine: SEED_MACHINE,
  };
  process.stdout.write(`${header(meta)}\n`);

  const started = performance.now();
  const rows: Row[] = [];
  let progress = 0;
  const onStart = (id: string) => status(`[${++progress}/${ordered.length}] ${id}`);
  const printed = new Set<string>();
  const printIfDone = (group: string, force: boolean) => {
    const done = rows.filter((r) => r.group === group);
    const complete = done.length === ordered.filter((s) => s.group === group).length;
    if (printed.has(group) || done.length === 0 || !(complete || force)) return;
    printed.add(group);
    printGroup(group, done);
  };
  const onRow = (row: Row) => {
    rows.push(row);
    printIfDone(row.group, false);
  };

  // One unit per child process; with --isolate none, one row at a time in this process.
  const units: Selected[][] =
    isolate === 'group' ? groupOrder.map((g) => ordered.filter((s) => s.group === g)) : ordered.map((s) => [s]);
  for (const unit of units) {
    try {
      if (isolate !== 'none') await runInChild(unit, onStart, onRow);
      else {
        onStart(unit[0].id);
        onRow(await runCase(unit[0], budget));
      }
    } catch (error) {
      status('');
      process.stderr.write(`benchmark failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    }
  }
  // Groups with failed rows still show the rows that did run.
  for (const group of groupOrder) printIfDone(group, true);
  const seconds = (performance.now() - started) / 1e3;
  status('');
  process.stderr.write(`${rows.length} rows in ${seconds.toFixed(1)} s\n`);
  if (values.json !== undefined) {
    const end = { seconds, load_avg_end: os.loadavg()[0] };
    writeFileSync(values.json, `${JSON.stringify({ meta: { ...meta, ...end }, rows }, null, 2)}\n`);
  }
}

/** Runs `unit` in a fresh Node process (with `--expose-gc`, so each case starts from a collected heap). */
function runInChild(unit: readonly Selected[], onStart: (id: string) => void, onRow: (row: Row) => void) {
  return new Promise<void>((resolve, reject) => {
    const args = ['--child', unit.map((s) => s.id).join(',')];
    if (values.quick) args.push('--quick');
    const child = fork(fileURLToPath(import.meta.url), args, { execArgv: ['--expose-gc'] });
    const errors: string[] = [];
    child.on('message', (message: ChildMessage) => {
      if (message.type === 'start') onStart(message.id);
      else if (message.type === 'row') onRow(message.row);
      else errors.push(`${message.id}: ${message.message}`);
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (errors.length > 0) reject(new Error(errors.join('\n')));
      else if (code !== 0) reject(new Error(`child for ${unit[0].group} exited with code ${code}`));
      else resolve();
    });
  });
}

function printGroup(name: string, rows: readonly Row[]): void {
  const group = GROUPS.find((g) => g.name === name);
  status('');
  process.stdout.write(`\n${groupTable(name, group?.description ?? '', rows)}\n`);
}

/** The progress line: rewritten in place on a terminal, one line per update otherwise. */
function status(text: string): void {
  if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K${text}`);
  else if (text !== '') process.stderr.write(`${text}\n`);
}
