/**
 * Property tests of the space engine: random sequences of produce / consume / install / gensym /
 * clear (and calls that must be refused) over every collection kind, each checked after every
 * call against a brute-force model (see `harness.ts` for the checks, `model.ts` for the model,
 * `ops.ts` for the configurations and generators).
 */
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { runOps } from './harness.js';
import { type Cfg, CONFIGS, compactionArb, type Mode, type Op, opsArb } from './ops.js';

/** A property over runs drawn from `arb`; a failure shows the shrunk sequence and a trace. */
function property(cfg: Cfg, arb: fc.Arbitrary<Op[]>, mode: Mode, numRuns: number, strict = false): () => void {
  const prop = fc.property(arb, (ops) => runOps(cfg, ops, mode, strict));
  return () => fc.assert(prop, { numRuns, includeErrorInReport: true });
}

describe('engine properties against a brute-force model', () => {
  for (const cfg of CONFIGS) {
    const name = `${cfg.name}: accounting, eligibility, invariant, persistence`;
    test(`${name} (distinct channels)`, property(cfg, opsArb(cfg, 'distinct'), 'distinct', 200));
    test(`${name} (long runs on two channels)`, property(cfg, opsArb(cfg, 'long'), 'long', 6));
    test(`${cfg.name}: accounting with repeated channels`, property(cfg, opsArb(cfg, 'repeated'), 'repeated', 60));
  }
  for (const cfg of [CONFIGS[0], CONFIGS[3]]) {
    test(`${cfg.name}: the same while collection logs compact`, property(cfg, compactionArb(cfg), 'distinct', 15));
  }

  // A channel named twice in one join needs two different data, whether the positions peek or
  // take; only a persistent datum may serve several positions.
  test(
    'repeated channels: a non-persistent datum fills at most one position of a firing',
    property(CONFIGS[0], opsArb(CONFIGS[0], 'repeated'), 'repeated', 200, true),
  );
});
