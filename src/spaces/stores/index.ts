/** The outer stores, and the factory that builds the one a configuration names. */
import type { SpaceConfig } from '../config.js';
import type { Journal } from '../journal.js';
import type { SpaceAdapter, SpaceTypes } from '../types.js';
import { HashMapStore, HashSetStore } from './hashmap.js';
import { IndexedStore } from './indexed.js';
import { PathMapStore } from './pathmap.js';
import type { ChannelStore } from './store.js';

export { ChannelStore } from './store.js';
export { HashMapStore, HashSetStore, IndexedStore, PathMapStore };

/** The store a configuration names. */
export function makeStore<T extends SpaceTypes>(
  config: SpaceConfig,
  adapter: SpaceAdapter<T>,
  journal: Journal | null = null,
): ChannelStore<T> {
  switch (config.outer) {
    case 'hashmap':
      return new HashMapStore(adapter, journal);
    case 'hashset':
      return new HashSetStore(adapter, journal);
    case 'pathmap':
      return new PathMapStore(adapter, journal);
    case 'array':
      return new IndexedStore(adapter, 'array', config.size, config.cyclic, journal);
    case 'vector':
      return new IndexedStore(adapter, 'vector', Number.POSITIVE_INFINITY, false, journal);
  }
}
