import type { SpaceTypes } from '../types.js';
import { ChannelStore } from './store.js';

/** The default store: channels by canonical key, names from a counter. */
export class HashMapStore<T extends SpaceTypes> extends ChannelStore<T> {
  readonly kind = 'hashmap' as const;
}

/**
 * A keyed store that behaves exactly like HashMap. It exists so that every store kind of the
 * URN grammar (`rho:space:<inner>:hashset:<qualifier>`) names a working space; the `seq` preset
 * uses it.
 */
export class HashSetStore<T extends SpaceTypes> extends ChannelStore<T> {
  readonly kind = 'hashset' as const;
}
