/**
 * The space registry: named spaces, which space owns which channel, per-task use-block stacks,
 * and soft checkpoints of all of that.
 *
 * - The default space is registered as `"default"` at construction (a string, not the
 *   reference's 32 zero bytes: ids here are names people read; `spaceIdFor('default')` still
 *   gives that space the engine's 32-zero-byte name prefix).
 * - Routing (`resolve`): a channel's owner if it has one, else the innermost use block of the
 *   task, else the default space.
 * - Soft checkpoints cover the registry's own state (spaces registered, ownership, use blocks,
 *   the operation log's length), not the contents of the spaces.
 * - Hard checkpoints (`checkpoint()` / `restore()`) cover every space that keeps history, all or
 *   nothing, with the spaces registered and the channel ownership (see `hard-checkpoint.ts`).
 */

import { keyOf } from '../data/key.js';
import { print } from '../data/print.js';
import type { Value } from '../data/value.js';
import type { SpaceConfig } from '../spaces/config.js';
import { CheckpointError, InvalidConfigurationError, SeqChannelNotMobileError } from '../spaces/errors.js';
import type { ChannelKey } from '../spaces/types.js';
import { ChannelNotFoundError, CrossSpaceJoinNotAllowedError, SpaceNotFoundError } from './errors.js';
import { createSpaceFrom, type PlainSpace, type SpaceFromOptions, type SpaceSource, spaceIdFor } from './factory.js';
import { checkpointSpaces, type RegistryCheckpoint, resetSpaces } from './hard-checkpoint.js';
import { type LogMark, OperationLog } from './oplog.js';
import { type SpaceId, type TaskId, UseBlocks } from './use-blocks.js';

/** What the registry needs from a space: its configuration (for Seq checks and URNs). */
export interface RegistrySpace {
  readonly config: SpaceConfig;
}

export const DEFAULT_SPACE: SpaceId = 'default';

/** The registry's options; `defaultSpace` is required unless the registry holds plain spaces. */
export interface SpaceRegistryOptions<S> {
  /** The space registered as `"default"` (default: a PathMap / Bag / default plain space, as in the reference). */
  defaultSpace?: S;
}

/**
 * `defaultSpace` may be omitted exactly when a fresh plain space is an `S`: `S` is a plain space
 * (of any continuation type, which a fresh space does not yet hold) or a supertype of one.
 */
type RegistryArgs<S> = [S extends PlainSpace<infer K> ? PlainSpace<K> : PlainSpace] extends [S]
  ? [options?: SpaceRegistryOptions<S>]
  : [options: SpaceRegistryOptions<S> & { defaultSpace: S }];

interface Owned {
  readonly channel: Value;
  readonly space: SpaceId;
}

/** The registry's own state, as a soft checkpoint saves it. */
interface Snapshot<S> {
  readonly spaces: ReadonlyMap<SpaceId, S>;
  readonly owners: ReadonlyMap<ChannelKey, Owned>;
  readonly blocks: ReadonlyMap<TaskId, readonly SpaceId[]>;
  readonly log: LogMark;
}

export class SpaceRegistry<S extends RegistrySpace = PlainSpace> {
  /** Operations the host chooses to log, with replay (see `oplog.ts`). */
  readonly log = new OperationLog();
  private spaces = new Map<SpaceId, S>();
  private owners = new Map<ChannelKey, Owned>();
  private readonly blocks = new UseBlocks();
  private readonly checkpoints: Snapshot<S>[] = [];
  private height = 0;

  constructor(...[options]: RegistryArgs<S>) {
    // Sound by RegistryArgs: `defaultSpace` may be omitted only when a fresh plain space is an S.
    const space =
      options?.defaultSpace ??
      (createSpaceFrom('rho:space:PathMapSpace', { spaceId: spaceIdFor(DEFAULT_SPACE) }) as unknown as S);
    this.spaces.set(DEFAULT_SPACE, space);
  }

  // --- spaces ---

  get defaultSpace(): S {
    return this.spaces.get(DEFAULT_SPACE) as S;
  }

  /** Registers `space` as `id`. A taken id is an `InvalidConfigurationError`. */
  register(id: SpaceId, space: S): S {
    if (typeof id !== 'string' || id === '') {
      throw new InvalidConfigurationError(`a space id is a non-empty string, got ${JSON.stringify(id)}`);
    }
    if (this.spaces.has(id)) throw new InvalidConfigurationError(`space ${JSON.stringify(id)} is already registered`);
    this.spaces.set(id, space);
    return space;
  }

  /**
   * Builds a plain space from a URN, byte name or configuration, with names prefixed by
   * `spaceIdFor(id)` so that no two spaces of the registry make equal names, and registers it.
   */
  create<K = unknown>(
    this: SpaceRegistry<PlainSpace<K>>,
    id: SpaceId,
    source?: SpaceSource,
    options: Omit<SpaceFromOptions, 'spaceId'> = {},
  ): PlainSpace<K> {
    if (this.spaces.has(id)) throw new InvalidConfigurationError(`space ${JSON.stringify(id)} is already registered`);
    return this.register(id, createSpaceFrom<K>(source, { ...options, spaceId: spaceIdFor(id) }));
  }

  get(id: SpaceId): S | undefined {
    return this.spaces.get(id);
  }

  has(id: SpaceId): boolean {
    return this.spaces.has(id);
  }

  /** Registered ids in registration order, `"default"` first. */
  ids(): SpaceId[] {
    return [...this.spaces.keys()];
  }

  get size(): number {
    return this.spaces.size;
  }

  // --- channel ownership ---

  /**
   * Records that `channel` lives in space `id` (channels compare structurally, as in spaces).
   * Owning again in the same space is a no-op; in another space it is refused, since routing a
   * name two ways would split its data.
   */
  own(channel: Value, id: SpaceId): void {
    this.require(id);
    const key = keyOf(channel);
    const owner = this.owners.get(key);
    if (owner !== undefined && owner.space !== id) {
      throw new InvalidConfigurationError(
        `channel ${describe(channel)} is owned by space ${JSON.stringify(owner.space)}, not ${JSON.stringify(id)}`,
      );
    }
    if (owner === undefined) this.owners.set(key, { channel, space: id });
  }

  ownerOf(channel: Value): SpaceId | undefined {
    return this.owners.get(keyOf(channel))?.space;
  }

  /** Every owned channel with its space, in the order they were owned. */
  ownership(): Array<[Value, SpaceId]> {
    return [...this.owners.values()].map((o) => [o.channel, o.space]);
  }

  // --- routing ---

  /** The space id for `channel` in `task`: its owner, else the task's innermost use block, else the default. */
  resolve(channel: Value | undefined, task: TaskId): SpaceId {
    const owner = channel === undefined ? undefined : this.owners.get(keyOf(channel));
    return owner?.space ?? this.blocks.current(task) ?? DEFAULT_SPACE;
  }

  /** The space itself for `channel` in `task` (see {@link resolve}). */
  spaceFor(channel: Value | undefined, task: TaskId): S {
    return this.spaces.get(this.resolve(channel, task)) as S;
  }

  /**
   * The one space all channels of a join resolve to in `task` (unowned channels follow the use
   * block), or `CrossSpaceJoinNotAllowedError` naming the first channel that resolves elsewhere.
   */
  resolveJoin(channels: readonly Value[], task: TaskId): SpaceId {
    if (channels.length === 0) throw new InvalidConfigurationError('Empty channel list');
    const first = this.resolve(channels[0], task);
    for (let i = 1; i < channels.length; i++) {
      const space = this.resolve(channels[i], task);
      if (space !== first) throw new CrossSpaceJoinNotAllowedError(i, first, space);
    }
    return first;
  }

  /** The space owning every channel of a join. Every channel must be owned (`ChannelNotFoundError`). */
  verifySameSpace(channels: readonly Value[]): SpaceId {
    if (channels.length === 0) throw new InvalidConfigurationError('Empty channel list');
    let first: SpaceId | undefined;
    for (let i = 0; i < channels.length; i++) {
      const space = this.owners.get(keyOf(channels[i]))?.space;
      if (space === undefined) throw new ChannelNotFoundError(i, describe(channels[i]));
      if (first === undefined) first = space;
      else if (space !== first) throw new CrossSpaceJoinNotAllowedError(i, first, space);
    }
    return first as SpaceId;
  }

  // --- use blocks ---

  /** Opens a use block of space `id` in `task`. */
  push(task: TaskId, id: SpaceId): void {
    this.require(id);
    this.blocks.push(task, id);
  }

  /** Closes the innermost use block of `task`; `undefined` if it has none. */
  pop(task: TaskId): SpaceId | undefined {
    return this.blocks.pop(task);
  }

  current(task: TaskId): SpaceId | undefined {
    return this.blocks.current(task);
  }

  depth(task: TaskId): number {
    return this.blocks.depth(task);
  }

  cleanupTask(task: TaskId): void {
    this.blocks.cleanup(task);
  }

  /** Runs `body` inside a use block of space `id`, closing the block however `body` ends. */
  use<R>(task: TaskId, id: SpaceId, body: () => R): R {
    this.push(task, id);
    try {
      return body();
    } finally {
      this.blocks.pop(task);
    }
  }

  /** Open use blocks per task (outermost first). */
  useBlocks(): Array<[TaskId, readonly SpaceId[]]> {
    return this.blocks.entries();
  }

  // --- Seq channels ---

  /** True if the channel is owned by a space with the `seq` qualifier. */
  isSeqChannel(channel: Value): boolean {
    const owner = this.owners.get(keyOf(channel));
    return owner !== undefined && this.spaces.get(owner.space)?.config.qualifier === 'seq';
  }

  /** Whether the channel may be sent as data: everything but Seq channels (unknown channels are mobile). */
  isMobile(channel: Value): boolean {
    return !this.isSeqChannel(channel);
  }

  /** Refuses a send whose data carries a Seq channel (`SeqChannelNotMobileError` for the first). */
  validateSendChannels(channels: Iterable<Value>): void {
    for (const channel of channels) {
      if (this.isSeqChannel(channel)) throw new SeqChannelNotMobileError(describe(channel));
    }
  }

  // --- hard checkpoints ---

  /**
   * Checkpoints every space that keeps history (`HardCheckpointable`, such as a `DurableSpace`),
   * all or nothing: if one space refuses or fails, no space has a new root and the error is
   * rethrown. Returns the roots, the event logs, a root over all of them, and the registry state.
   */
  checkpoint(): RegistryCheckpoint<S> {
    const cp = checkpointSpaces<S>({ spaces: new Map(this.spaces), owners: new Map(this.owners) }, this.height);
    this.height++;
    return cp;
  }

  /**
   * Brings back the spaces registered and the channel ownership of `checkpoint`, and resets every
   * space that has a root in it, all or nothing (every reset is checked before any is applied).
   * Spaces registered since are unregistered; the checkpoint count does not go down.
   */
  restore(checkpoint: RegistryCheckpoint<S>): void {
    resetSpaces(checkpoint);
    this.spaces = new Map(checkpoint.state.spaces);
    this.owners = new Map(checkpoint.state.owners as ReadonlyMap<ChannelKey, Owned>);
  }

  /** Hard checkpoints made so far. */
  get checkpointHeight(): number {
    return this.height;
  }

  // --- soft checkpoints ---

  /** Saves the registry's state; checkpoints nest (LIFO). Returns the number now open. */
  softCheckpoint(): number {
    this.checkpoints.push({
      spaces: new Map(this.spaces),
      owners: new Map(this.owners),
      blocks: this.blocks.snapshot(),
      log: this.log.mark(),
    });
    return this.checkpoints.length;
  }

  /**
   * Restores the state saved by the innermost open checkpoint and closes it: spaces registered
   * since are gone. `depth` (as returned by `softCheckpoint`) checks that it is the one meant.
   */
  revert(depth?: number): void {
    this.checkDepth('revert', depth);
    const cp = this.checkpoints.pop() as Snapshot<S>;
    this.spaces = new Map(cp.spaces);
    this.owners = new Map(cp.owners);
    this.blocks.restore(cp.blocks);
    this.log.rewind(cp.log);
  }

  /** Closes the innermost open checkpoint, keeping the current state. */
  commit(depth?: number): void {
    this.checkDepth('commit', depth);
    this.checkpoints.pop();
  }

  get softCheckpointDepth(): number {
    return this.checkpoints.length;
  }

  /** Same rule and messages as a space's own soft checkpoints. */
  private checkDepth(operation: string, depth: number | undefined): void {
    const open = this.checkpoints.length;
    if (open === 0) throw new CheckpointError(`no registry soft checkpoint to ${operation}`);
    if (depth !== undefined && depth !== open) {
      throw new CheckpointError(
        `cannot ${operation} registry soft checkpoint ${depth}: checkpoints close innermost first and the innermost is ${open}`,
      );
    }
  }

  private require(id: SpaceId): void {
    if (!this.spaces.has(id)) throw new SpaceNotFoundError(id);
  }
}

function describe(channel: Value): string {
  let text: string;
  try {
    text = print(channel);
  } catch {
    text = String(channel);
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
