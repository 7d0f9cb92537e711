/**
 * `registry_lookup`: look up every registered space by name through the real registry. The seed
 * times a stand-in (`get("space_i")` on an `RwLock<HashMap>` under one read lock); the workload is
 * the same, name formatting included. The seed's `concurrent_lookup_4_threads` rows need threads
 * sharing one registry, which a Node registry is not built for: no analogue here.
 */
import { SpaceRegistry } from '../../src/registry/registry.js';
import { type Case, expectCount, type Group } from '../harness.js';

const sequentialLookup = (n: number): Case => ({
  kind: 'sync',
  name: 'sequential_lookup',
  size: n,
  elements: n,
  // Lookups change nothing, so a batch shares one registry (building n spaces is the slow part).
  repeatable: true,
  prepare: () => {
    const registry = new SpaceRegistry();
    for (let i = 0; i < n; i++) registry.create(`space_${i}`);
    return () => {
      let found = 0;
      for (let i = 0; i < n; i++) if (registry.get(`space_${i}`) !== undefined) found++;
      expectCount('spaces found', found, n);
    };
  },
});

/**
 * The same lookups with the names formatted once, untimed: what a caller that keeps its ids pays.
 * Not a seed row; it separates the registry's cost from the cost of making a fresh string.
 */
const prebuiltLookup = (n: number): Case => ({
  kind: 'sync',
  name: 'sequential_lookup_prebuilt_ids',
  size: n,
  elements: n,
  repeatable: true,
  prepare: () => {
    const registry = new SpaceRegistry();
    const ids = Array.from({ length: n }, (_, i) => `space_${i}`);
    for (const id of ids) registry.create(id);
    return () => {
      let found = 0;
      for (let i = 0; i < n; i++) if (registry.get(ids[i]) !== undefined) found++;
      expectCount('spaces found', found, n);
    };
  },
});

export const group: Group = {
  name: 'registry_lookup',
  description:
    'registry holding n spaces `space_i` (untimed); get every one by a freshly formatted name ' +
    '(prebuilt_ids: by names formatted once, untimed)',
  cases: [...[10, 100, 1000].map(sequentialLookup), prebuiltLookup(1000)],
};
