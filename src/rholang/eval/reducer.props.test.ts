/**
 * Property tests of the reducer against a simple model: random programs of sends and receives
 * on a few channels, written as one parallel composition, run in textual order (DECISIONS 23).
 * The model keeps, per channel, the data and the waiting receives in arrival order; a newcomer
 * meets the oldest partner that matches it. Every receive prints what it got, so the run's output
 * is the model's list of COMMs, in order.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { distinctNaming, scopedProgramArb } from '../compile/arbitrary.js';
import { normalize } from '../compile/normalize.js';
import { runSource, runTerm } from './run.js';

type Op =
  | { readonly kind: 'send'; readonly channel: number; readonly value: number; readonly persistent: boolean }
  | {
      readonly kind: 'receive';
      readonly channel: number;
      readonly literal: number | null;
      /** `<-`, `<=` (persistent) or `<<-` (peek). */
      readonly arrow: '<-' | '<=' | '<<-';
    };

const CHANNELS = 3;
const VALUES = 4;

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('send' as const),
    channel: fc.nat(CHANNELS - 1),
    value: fc.nat(VALUES - 1),
    persistent: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('receive' as const),
    channel: fc.nat(CHANNELS - 1),
    literal: fc.option(fc.nat(VALUES - 1), { freq: 3 }),
    arrow: fc.constantFrom('<-' as const, '<=' as const, '<<-' as const),
  }),
);

function program(ops: readonly Op[]): string {
  const members = ops.map((o, i) => {
    if (o.kind === 'send') return `c${o.channel}!${o.persistent ? '!' : ''}(${o.value})`;
    const pattern = o.literal === null ? '@v' : `@${o.literal}`;
    const value = o.literal === null ? 'v' : `${o.literal}`;
    return `for (${pattern} ${o.arrow} c${o.channel}) { out!([${i}, ${value}]) }`;
  });
  const names = Array.from({ length: CHANNELS }, (_, i) => `c${i}`).join(', ');
  return `new out(\`rho:io:stdout\`), ${names} in { ${['Nil', ...members].join(' | ')} }`;
}

/** The COMMs the model predicts, as the lines the program prints. */
function model(ops: readonly Op[]): string[] {
  const data: { value: number; persistent: boolean }[][] = Array.from({ length: CHANNELS }, () => []);
  const waiting: { id: number; literal: number | null; arrow: string }[][] = Array.from({ length: CHANNELS }, () => []);
  const out: string[] = [];
  const accepts = (literal: number | null, value: number) => literal === null || literal === value;
  ops.forEach((o, id) => {
    if (o.kind === 'send') {
      const ws = waiting[o.channel];
      // A datum serves waiting receives oldest first: peeks leave it for the next, a plain
      // receive takes it (unless it is persistent, which serves every one).
      for (let i = 0; i < ws.length; ) {
        const w = ws[i];
        if (!accepts(w.literal, o.value)) {
          i++;
          continue;
        }
        out.push(`[${w.id}, ${o.value}]`);
        if (w.arrow !== '<=') ws.splice(i, 1);
        else i++;
        if (!o.persistent && w.arrow !== '<<-') return;
      }
      data[o.channel].push({ value: o.value, persistent: o.persistent });
    } else {
      const ds = data[o.channel];
      for (let i = 0; i < ds.length; ) {
        const d = ds[i];
        if (!accepts(o.literal, d.value)) {
          i++;
          continue;
        }
        out.push(`[${id}, ${d.value}]`);
        if (!d.persistent && o.arrow !== '<<-') ds.splice(i, 1);
        else i++;
        if (o.arrow !== '<=') return;
      }
      waiting[o.channel].push({ id, literal: o.literal, arrow: o.arrow });
    }
  });
  return out;
}

test('random programs of sends, receives and peeks print exactly the COMMs of the model, in order', () => {
  fc.assert(
    fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
      const r = runSource(program(ops));
      assert.deepEqual(r.errors, []);
      assert.deepEqual(r.stdout, model(ops));
    }),
    { numRuns: 300 },
  );
});

test('random programs are deterministic: same seed, same output and trace', () => {
  fc.assert(
    fc.property(fc.array(op, { maxLength: 20 }), fc.integer(), (ops, seed) => {
      const t1: string[] = [];
      const t2: string[] = [];
      const r1 = runSource(program(ops), { seed, trace: (l) => t1.push(l) });
      const r2 = runSource(program(ops), { seed, trace: (l) => t2.push(l) });
      assert.deepEqual(r1.stdout, r2.stdout);
      assert.deepEqual(t1, t2);
      assert.equal(r1.phlogiston.used, r2.phlogiston.used);
    }),
    { numRuns: 100 },
  );
});

test('random well-scoped programs run without an internal error: every failure is a typed error of a process', () => {
  fc.assert(
    fc.property(scopedProgramArb(4), fc.integer(), (program, seed) => {
      const term = normalize(program.render(distinctNaming));
      // A limit keeps programs that loop finite; what happens inside it must be reported, not thrown.
      const r = runTerm(term, { seed, phloLimit: 200_000 });
      for (const e of r.errors) assert.match(e.code, /^[A-Z][A-Za-z]+$/, e.message);
      // The same program and seed run the same way.
      const again = runTerm(term, { seed, phloLimit: 200_000 });
      assert.deepEqual(again.errors, r.errors);
      assert.equal(again.comms, r.comms);
      assert.equal(again.phlogiston.used, r.phlogiston.used);
    }),
    { numRuns: 300 },
  );
});
