/**
 * Change tracking for hard checkpoints. A checkpoint re-encodes only what changed since the
 * previous one, so the engine reports each change as it happens: a channel whose data or join
 * list changed, a join group whose waiting continuations changed. The history layer keeps the
 * set; the engine only calls. With no tracker attached, each hook site costs one null test.
 */
import type { ChannelKey, SpaceTypes } from './types.js';

export interface ChangeTracker<T extends SpaceTypes> {
  /** The data or the join list of this channel changed (it may now hold nothing at all). */
  channelChanged(key: ChannelKey, channel: T['channel']): void;
  /**
   * The continuations waiting on this join changed. `channels` are its channels in canonical
   * (key) order, a repeated channel repeated; `key` identifies the join among the space's joins.
   */
  joinChanged(key: ChannelKey, channels: readonly T['channel'][]): void;
  /** Everything may have changed (`clear`). */
  allChanged(): void;
}
