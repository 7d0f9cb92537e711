/**
 * `structural_matcher` (no seed row): the immediate-consume workload of `produce_consume_cycle`
 * on the default space, where patterns are compiled templates matched structurally. Shows what
 * the default matcher costs over the seed's wildcard matcher.
 */
import { createSpace } from '../../src/plain/create.js';
import { compile } from '../../src/spaces/matchers/structural.js';
import { _ } from '../../src/spaces/matchers/template.js';
import { type Case, expectCount, type Group } from '../harness.js';

const ANY = compile(_);

const consumeImmediateMatch = (n: number): Case => ({
  kind: 'sync',
  name: 'consume_immediate_match',
  size: n,
  elements: n,
  prepare: () => {
    const space = createSpace<string>();
    for (let i = 0; i < n; i++) space.produce(0, i);
    return () => {
      let fired = 0;
      for (let i = 0; i < n; i++) fired += space.consume([0], [ANY], 'continuation').length;
      expectCount('structural consume firings', fired, n);
    };
  },
});

export const group: Group = {
  name: 'structural_matcher',
  description: 'as produce_consume_cycle/consume_immediate_match, default space and a compiled `_` template',
  cases: [100, 1000, 10000].map(consumeImmediateMatch),
};
