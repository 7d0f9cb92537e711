/** `collection_types`: raw inserts into one inner collection, outside any space. */
import { keyOf } from '../../src/data/key.js';
import { OrderedCollection, type OrderedKind } from '../../src/spaces/collections/ordered.js';
import { type Case, expectCount, type Group } from '../harness.js';

/** A new collection of `kind` (a Set keys its items canonically, as a plain-data space does). */
export function newCollection(kind: OrderedKind): OrderedCollection<number> {
  return kind === 'set' ? new OrderedCollection<number>('set', keyOf) : new OrderedCollection<number>(kind);
}

/** Puts `itemOf(i)` for i in 0..999 into a new collection; `unique` is the size it must end with. */
const insert = (name: string, kind: OrderedKind, itemOf: (i: number) => number, unique: number): Case => ({
  kind: 'sync',
  name,
  size: null,
  elements: 1000,
  prepare: () => () => {
    const c = newCollection(kind);
    for (let i = 0; i < 1000; i++) c.put(itemOf(i), false, undefined);
    expectCount(`${name} size`, c.size, unique);
  },
});

const identity = (i: number) => i;

export const group: Group = {
  name: 'collection_types',
  description: 'new collection, put 0..999 (the duplicates case puts i % 100: 100 unique); collection creation timed',
  cases: [
    insert('bag_insert_1000', 'bag', identity, 1000),
    insert('queue_insert_1000', 'queue', identity, 1000),
    insert('stack_insert_1000', 'stack', identity, 1000),
    insert('set_insert_1000', 'set', identity, 1000),
    insert('set_insert_1000_duplicates', 'set', (i) => i % 100, 100),
  ],
};
