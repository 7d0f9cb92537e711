/**
 * `structural_matcher` (no seed row): the immediate-consume workload of `produce_consume_cycle`
 * on the default space, where patterns are compiled templates matched structurally. Shows what
 * the default matcher costs over the seed's wildcard matcher.
 */
import { createSpace } from '../../src/plain/create.js';
import { compile } from '../../src/spaces/matchers/structural.js';
import { _ } from '../../src/spaces/matchers/template.js';
import type { Group } from '../harness.js';
import { consumeImmediateMatch } from './produce-consume-cycle.js';

const ANY = compile(_);

export const group: Group = {
  name: 'structural_matcher',
  description: 'as produce_consume_cycle/consume_immediate_match, default space and a compiled `_` template',
  cases: [100, 1000, 10000].map((n) => consumeImmediateMatch(n, () => createSpace<string>(), ANY)),
};
