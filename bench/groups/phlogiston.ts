/**
 * `phlogiston`: charging a meter. The seed's meter has limit u64::MAX; ours holds exact safe
 * integers, so the closest is a limit of Number.MAX_SAFE_INTEGER (it never runs out here, and
 * takes the same checked path as any limited meter).
 */
import { PhlogistonOp, type PhlogistonOperation } from '../../src/gas/costs.js';
import { PhlogistonMeter } from '../../src/gas/meter.js';
import { type Case, expectCount, type Group } from '../harness.js';

// Built once, as the seed's `Send { data_size: 100 }` enum value costs nothing to make in Rust.
const CYCLE: readonly PhlogistonOperation[] = [
  PhlogistonOp.send(100),
  PhlogistonOp.receive,
  PhlogistonOp.createChannel,
];

const chargeOperations = (n: number): Case => {
  const probe = new PhlogistonMeter(Number.MAX_SAFE_INTEGER);
  for (let i = 0; i < n; i++) probe.charge(CYCLE[i % 3]);
  const expected = probe.consumed;
  return {
    kind: 'sync',
    name: 'charge_operations',
    size: n,
    elements: n,
    prepare: () => {
      const meter = new PhlogistonMeter(Number.MAX_SAFE_INTEGER);
      return () => {
        for (let i = 0; i < n; i++) meter.charge(CYCLE[i % 3]);
        expectCount('phlogiston consumed', meter.consumed, expected);
      };
    },
  };
};

export const group: Group = {
  name: 'phlogiston',
  description: 'fresh meter (limit MAX_SAFE_INTEGER); charge Send(100), Receive, CreateChannel cycling by i % 3',
  cases: [100, 1000, 10000].map(chargeOperations),
};
