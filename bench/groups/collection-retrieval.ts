/**
 * `collection_retrieval`: empty a 1000-item collection by equality search. Each value is found by
 * walking the eligible items (`first`/`next`, as the engine's matcher loop does) and taken.
 */
import { NO_CLAIMS } from '../../src/spaces/collections/claims.js';
import type { OrderedCollection, OrderedKind } from '../../src/spaces/collections/ordered.js';
import { type Case, expectCount, type Group } from '../harness.js';
import { newCollection } from './collection-types.js';

const N = 1000;

/** Finds the first eligible item equal to `value` and takes it; false if none is eligible. */
function removeEqual(c: OrderedCollection<number>, value: number): boolean {
  let h = c.first(NO_CLAIMS);
  while (h >= 0 && c.datum(h) !== value) h = c.next(h, NO_CLAIMS);
  if (h < 0) return false;
  c.take(h);
  return true;
}

const findAll = (kind: OrderedKind, descending: boolean): Case => ({
  kind: 'sync',
  name: `${kind}_find_all`,
  size: null,
  elements: N,
  prepare: () => {
    // The seed clones a prebuilt collection per iteration; building a fresh one is our equivalent.
    const c = newCollection(kind);
    for (let i = 0; i < N; i++) c.put(i, false, undefined);
    return () => {
      let found = 0;
      if (descending) {
        for (let i = N - 1; i >= 0; i--) if (removeEqual(c, i)) found++;
      } else {
        for (let i = 0; i < N; i++) if (removeEqual(c, i)) found++;
      }
      expectCount(`${kind}_find_all removals`, found, N);
    };
  },
});

export const group: Group = {
  name: 'collection_retrieval',
  description: 'fresh 1000-item collection (untimed); remove each value by equality search over eligible items',
  cases: [findAll('bag', false), findAll('queue', false), findAll('stack', true)],
};
