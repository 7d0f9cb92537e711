/** `matcher_comparison`: one pattern (500) matched against data 0..n-1, counting the matches. */
import type { Value } from '../../src/data/value.js';
import { exactValueMatcher, wildcardMatcher } from '../../src/spaces/matchers/basic.js';
import { type Case, expectCount, type Group } from '../harness.js';

const PATTERN = 500;

// One loop per matcher, each with its own `match` call site, as the seed's monomorphised Rust
// has: a loop shared by both matchers would turn polymorphic and time V8's dispatch instead.
function countExact(data: readonly Value[]): number {
  let matches = 0;
  for (let i = 0; i < data.length; i++) if (exactValueMatcher.match(PATTERN, data[i]) !== null) matches++;
  return matches;
}

function countWildcard(data: readonly Value[]): number {
  let matches = 0;
  for (let i = 0; i < data.length; i++) if (wildcardMatcher.match(PATTERN, data[i]) !== null) matches++;
  return matches;
}

const matchAll = (name: string, count: (data: readonly Value[]) => number, n: number, want: number): Case => {
  const data: Value[] = Array.from({ length: n }, (_, i) => i);
  return {
    kind: 'sync',
    name,
    size: n,
    elements: n,
    // Matching mutates nothing, so every sample shares the data.
    repeatable: true,
    prepare: () => () => expectCount(`${name} matches`, count(data), want),
  };
};

const sizes = [100, 1000, 10000];

export const group: Group = {
  name: 'matcher_comparison',
  description: 'match pattern 500 against data 0..n-1, counting matches (exactValueMatcher: structural equality)',
  cases: [
    ...sizes.map((n) => matchAll('exact_match', countExact, n, n > PATTERN ? 1 : 0)),
    ...sizes.map((n) => matchAll('wildcard_match', countWildcard, n, n)),
  ],
};
