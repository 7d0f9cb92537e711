/**
 * `produce_consume_cycle`: the seed's engine hot paths on a fresh HashMap store with Bag data,
 * the wildcard matcher and integer channels (the reference's integer-newtype channel).
 */
import { createSpace } from '../../src/plain/create.js';
import { wildcardMatcher } from '../../src/spaces/matchers/basic.js';
import { type Case, expectCount, type Group } from '../harness.js';

/** The seed's space: HashMap store, Bag/Bag collections, WildcardMatch. */
export function wildcardSpace() {
  return createSpace<number, string>({ config: { outer: 'hashmap', inner: 'bag' }, matcher: wildcardMatcher });
}

const produceOnly = (n: number): Case => ({
  kind: 'sync',
  name: 'produce_only',
  size: n,
  elements: n,
  prepare: () => {
    const space = wildcardSpace();
    return () => {
      for (let i = 0; i < n; i++) space.produce(0, i);
    };
  },
});

/**
 * n consumes that each match at once, on a space prefilled with n data (untimed). Shared with
 * `structural_matcher`, which runs it with the default space and a compiled template.
 */
export function consumeImmediateMatch<P>(
  n: number,
  makeSpace: () => {
    produce(channel: number, datum: number): unknown;
    consume(c: number[], p: P[], k: string): readonly unknown[];
  },
  pattern: P,
): Case {
  return {
    kind: 'sync',
    name: 'consume_immediate_match',
    size: n,
    elements: n,
    prepare: () => {
      const space = makeSpace();
      for (let i = 0; i < n; i++) space.produce(0, i);
      return () => {
        let fired = 0;
        for (let i = 0; i < n; i++) fired += space.consume([0], [pattern], 'continuation').length;
        expectCount('consume_immediate_match firings', fired, n);
      };
    },
  };
}

const produceMultiChannel = (n: number): Case => ({
  kind: 'sync',
  name: 'produce_multi_channel',
  size: n,
  elements: n,
  prepare: () => {
    const space = wildcardSpace();
    return () => {
      for (let i = 0; i < n; i++) space.produce(i, i);
    };
  },
});

export const group: Group = {
  name: 'produce_consume_cycle',
  description: 'fresh HashMap/Bag space, wildcard matcher, integer channels; data prefilled untimed',
  cases: [
    ...[100, 1000, 10000].map(produceOnly),
    ...[100, 1000, 10000].map((n) => consumeImmediateMatch(n, wildcardSpace, 0)),
    ...[10, 100, 1000].map(produceMultiChannel),
  ],
};
