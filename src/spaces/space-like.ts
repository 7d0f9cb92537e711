/**
 * `SpaceLike`: the operations of a space, as `Space` has them, for layers that wrap a space and
 * offer the same operations (metering in `ChargingSpace`, history in `DurableSpace`). A wrapper
 * extends {@link SpaceDecorator} and overrides only what it changes; everything else passes
 * through to the wrapped space.
 */
import type { StoredDatum } from './collections/data-collection.js';
import type { SpaceConfig } from './config.js';
import type { ConsumeOptions, Firing, ProduceOptions, SpaceTypes, WaitingInfo } from './types.js';

export interface SpaceLike<T extends SpaceTypes> {
  readonly config: SpaceConfig;
  /** Names handed out so far. */
  readonly nameCount: number;
  produce(channel: T['channel'], datum: T['datum'], options?: ProduceOptions): readonly Firing<T>[];
  consume(
    channels: readonly T['channel'][],
    patterns: readonly T['pattern'][],
    continuation: T['continuation'],
    options?: ConsumeOptions,
  ): readonly Firing<T>[];
  install(
    channels: readonly T['channel'][],
    patterns: readonly T['pattern'][],
    continuation: T['continuation'],
  ): readonly Firing<T>[];
  withdraw(channels: readonly T['channel'][], continuation: T['continuation']): readonly Firing<T>[];
  gensym(): T['channel'];
  getData(channel: T['channel']): StoredDatum<T['datum']>[];
  getWaiting(channels: readonly T['channel'][]): WaitingInfo<T>[];
  getJoins(channel: T['channel']): T['channel'][][];
  channels(): T['channel'][];
  clear(): void;
  softCheckpoint(): number;
  revertSoftCheckpoint(depth?: number): void;
  commitSoftCheckpoint(depth?: number): void;
  readonly softCheckpointDepth: number;
}

/** Passes every operation through to `space`; subclasses override what they add to. */
export class SpaceDecorator<T extends SpaceTypes, S extends SpaceLike<T> = SpaceLike<T>> implements SpaceLike<T> {
  /** The wrapped space. Operations called on it directly bypass this layer. */
  readonly space: S;

  constructor(space: S) {
    this.space = space;
  }

  get config(): SpaceConfig {
    return this.space.config;
  }

  get nameCount(): number {
    return this.space.nameCount;
  }

  produce(channel: T['channel'], datum: T['datum'], options?: ProduceOptions): readonly Firing<T>[] {
    return this.space.produce(channel, datum, options);
  }

  consume(
    channels: readonly T['channel'][],
    patterns: readonly T['pattern'][],
    continuation: T['continuation'],
    options?: ConsumeOptions,
  ): readonly Firing<T>[] {
    return this.space.consume(channels, patterns, continuation, options);
  }

  install(
    channels: readonly T['channel'][],
    patterns: readonly T['pattern'][],
    continuation: T['continuation'],
  ): readonly Firing<T>[] {
    return this.space.install(channels, patterns, continuation);
  }

  withdraw(channels: readonly T['channel'][], continuation: T['continuation']): readonly Firing<T>[] {
    return this.space.withdraw(channels, continuation);
  }

  gensym(): T['channel'] {
    return this.space.gensym();
  }

  getData(channel: T['channel']): StoredDatum<T['datum']>[] {
    return this.space.getData(channel);
  }

  getWaiting(channels: readonly T['channel'][]): WaitingInfo<T>[] {
    return this.space.getWaiting(channels);
  }

  getJoins(channel: T['channel']): T['channel'][][] {
    return this.space.getJoins(channel);
  }

  channels(): T['channel'][] {
    return this.space.channels();
  }

  clear(): void {
    this.space.clear();
  }

  softCheckpoint(): number {
    return this.space.softCheckpoint();
  }

  revertSoftCheckpoint(depth?: number): void {
    this.space.revertSoftCheckpoint(depth);
  }

  commitSoftCheckpoint(depth?: number): void {
    this.space.commitSoftCheckpoint(depth);
  }

  get softCheckpointDepth(): number {
    return this.space.softCheckpointDepth;
  }
}
