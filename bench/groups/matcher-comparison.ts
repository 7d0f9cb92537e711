/**
 * `matcher_comparison`: one pattern (500) matched against data 0..n-1, counting the matches; and
 * `vectordb_match`, a similarity query (cosine, threshold 0.8) against the 100 documents of a
 * VectorDB space, seeded random vectors of 128 or 384 dimensions, as the seed's `VectorDBMatch`.
 */
import type { Value } from '../../src/data/value.js';
import { createSpace } from '../../src/plain/create.js';
import { exactValueMatcher, wildcardMatcher } from '../../src/spaces/matchers/basic.js';
import { type Case, expectCount, type Group } from '../harness.js';
import { randomVectors } from './vector-similarity.js';

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

const vectordbMatch = (dims: number): Case => {
  const space = createSpace({ config: { inner: 'vectordb', dimensions: dims, embeddingType: 'float' } });
  const rows = randomVectors(7, 100, dims);
  for (let i = 0; i < 100; i++)
    space.produce('docs', { embedding: Array.from(rows.subarray(i * dims, (i + 1) * dims)) });
  const query = { vector: randomVectors(8, 1, dims), threshold: 0.8, topK: 100 };
  const want = space.findSimilar('docs', query).length;
  return {
    kind: 'sync',
    name: 'vectordb_match',
    size: dims,
    elements: 100,
    repeatable: true,
    prepare: () => () => expectCount('vectordb matches', space.findSimilar('docs', query).length, want),
  };
};

export const group: Group = {
  name: 'matcher_comparison',
  description: 'match pattern 500 against data 0..n-1, counting matches (exactValueMatcher: structural equality)',
  cases: [
    ...sizes.map((n) => matchAll('exact_match', countExact, n, n > PATTERN ? 1 : 0)),
    ...sizes.map((n) => matchAll('wildcard_match', countWildcard, n, n)),
    vectordbMatch(128),
    vectordbMatch(384),
  ],
};
