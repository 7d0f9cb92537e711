/**
 * Runs selected cases in this process, and the child side of per-group (or per-case) isolation:
 * a child runs the ids it is given and reports each start and row to its parent over IPC.
 */
import { type Budget, type Case, caseId, measureCase } from './harness.js';
import { GROUPS } from './registry.js';
import { referenceFor, SEED_NS, TARGET_NS } from './seed.js';
import type { Row } from './table.js';

/** A case with the id `--filter` matches and the group it belongs to. */
export interface Selected {
  id: string;
  group: string;
  case: Case;
}

/** Messages a child sends its parent. */
export type ChildMessage =
  | { type: 'start'; id: string }
  | { type: 'row'; row: Row }
  | { type: 'error'; id: string; message: string };

/** Every registered case whose id matches `filter`, in registry order. */
export function select(filter: RegExp): Selected[] {
  return GROUPS.flatMap((g) =>
    g.cases.map((c) => ({ id: caseId(g.name, c), group: g.name, case: c })).filter((s) => filter.test(s.id)),
  );
}

export async function runCase(s: Selected, budget: Budget): Promise<Row> {
  const { stats, peers } = await measureCase(s.case, budget);
  const reference = referenceFor(s.group, s.case.name, s.case.size);
  return {
    group: s.group,
    case: s.case.name,
    size: s.case.size,
    elements: s.case.elements,
    median_ns: stats.medianNs,
    p75_ns: stats.p75Ns,
    throughput_per_s: (s.case.elements / stats.medianNs) * 1e9,
    unit: s.case.unit ?? null,
    samples: stats.samples,
    batch: stats.batch,
    seed_ns: SEED_NS[s.id] ?? null,
    reference: reference === null ? null : { ...reference, comparable: false },
    target_ns: TARGET_NS[s.id] ?? null,
    peers,
  };
}

/** Child mode: runs exactly `ids`, in order, and reports over IPC. */
export async function runChild(ids: readonly string[], budget: Budget): Promise<void> {
  const send = (message: ChildMessage) =>
    new Promise<void>((resolve, reject) => {
      process.send?.(message, undefined, {}, (error) => (error ? reject(error) : resolve()));
    });
  const wanted = new Set(ids);
  for (const s of select(/.*/).filter((x) => wanted.has(x.id))) {
    await send({ type: 'start', id: s.id });
    try {
      await send({ type: 'row', row: await runCase(s, budget) });
    } catch (error) {
      await send({
        type: 'error',
        id: s.id,
        message: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
    }
  }
  process.disconnect?.();
}
