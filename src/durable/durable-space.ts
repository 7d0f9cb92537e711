/**
 * `DurableSpace`: a space with hard checkpoints, an event log and replay (DECISIONS 12–15).
 *
 * - `createCheckpoint()` writes the state to a history store as Merkle leaves and returns its root
 *   with the event log since the previous checkpoint. Only channels and joins that changed since
 *   the previous checkpoint are re-encoded, so the cost follows the change, not the state.
 * - `reset(root)` brings back the state of any root in the store, exactly; name counters never
 *   go down, so a name is never handed out twice.
 * - Every produce, consume, install and withdraw is logged with the COMMs it caused. `rig(log)`
 *   arms replay: from then on each operation must reproduce the next logged event and each firing
 *   the next logged COMM, else the operation is undone and a `ReplayError` names the divergent
 *   event. `checkReplayData()` then confirms the whole log was reproduced. An operation that
 *   throws logs nothing, in recording and in replay alike.
 *
 * Temp and Seq spaces are checkpointed as empty (DECISIONS 13): their roots record only the space's
 * configuration and name counters. Soft checkpoints work as on `Space`, and also restore the log
 * and the replay position. Hard checkpoints and resets are refused while a soft checkpoint is open:
 * reverting one would otherwise take the space back past a root it had already committed.
 */

import { HistoryError } from '../history/errors.js';
import { isHashingReady, toHex } from '../history/hash.js';
import type { History, LeafChange } from '../history/history.js';
import { emptyRoot } from '../history/trie.js';
import { CheckpointError } from '../spaces/errors.js';
import type { Space } from '../spaces/space.js';
import { SpaceDecorator } from '../spaces/space-like.js';
import type { ConsumeOptions, Firing, ProduceOptions, SpaceTypes } from '../spaces/types.js';
import type { Recorded, StateCodec } from './codec.js';
import { DirtySet, type DirtySnapshot } from './dirty.js';
import { ReplayError } from './errors.js';
import { type ConsumeOrigin, EventHasher } from './event-hasher.js';
import type { EventLog, ReplayEvent } from './events.js';
import { ReplayCursor } from './replay.js';
import { Snapshotter } from './snapshot.js';
import type { HardCheckpoint, HardCheckpointable, PreparedCheckpoint, PreparedReset } from './two-phase.js';

/** Options of {@link DurableSpace}. */
export interface DurableSpaceOptions<T extends SpaceTypes> {
  /** Where checkpoints go (`await History.create(store)`). */
  history: History;
  /** How channels, data, patterns and continuations become bytes (`valueStateCodec()` for plain data). */
  codec: StateCodec<Recorded<NoInfer<T>>>;
  /** Identifies the space inside its checkpoints; a root of another identity is refused by `reset` (default: empty). */
  identity?: Uint8Array;
  /** Keep an event log (default true). Without one, operations cost no hashing; replay still works. */
  eventLog?: boolean;
}

/** Saved at each soft checkpoint so that reverting it also rewinds the log and the replay. */
interface SoftMark {
  readonly events: number;
  readonly replay: ReplayCursor | null;
  readonly position: number;
}

export class DurableSpace<T extends SpaceTypes> extends SpaceDecorator<T, Space<T>> implements HardCheckpointable {
  readonly history: History;
  private readonly hasher: EventHasher<T>;
  private readonly snapshots: Snapshotter<T>;
  private readonly dirty = new DirtySet<T>();
  private readonly logging: boolean;
  private events: ReplayEvent[] = [];
  private replay: ReplayCursor | null = null;
  private readonly marks: SoftMark[] = [];
  private root: Uint8Array;
  /** Bumped by every call that may change the state, so a prepared checkpoint or reset can tell it went stale. */
  private version = 0;

  /**
   * Wraps `space`, which should be fresh (or empty): the first checkpoint records everything in it
   * anyway. Hashing must be initialised (`await initHashing()`, or `History.create`).
   */
  constructor(space: Space<T>, options: DurableSpaceOptions<T>) {
    if (!isHashingReady()) {
      throw new HistoryError(
        'HashingNotInitialised',
        'BLAKE2b is not initialised: await initHashing() once at start-up',
      );
    }
    super(space);
    this.history = options.history;
    this.hasher = new EventHasher(options.codec);
    this.snapshots = new Snapshotter(space, options.codec, options.identity ?? new Uint8Array(0));
    this.logging = options.eventLog !== false;
    this.root = emptyRoot();
    // Whatever the space holds already is unknown to the history: the first checkpoint looks at everything.
    this.dirty.allChanged();
    space.track(this.dirty);
  }

  /** The root of the last checkpoint or reset (the empty root before either). */
  get lastRoot(): Uint8Array {
    return this.root.slice();
  }

  /** The events logged since the last checkpoint or reset. */
  get log(): EventLog {
    return this.events.slice();
  }

  override produce(channel: T['channel'], datum: T['datum'], options?: ProduceOptions): readonly Firing<T>[] {
    const io = this.needEvents()
      ? this.hasher.produce(channel, datum, options?.persist === true, options?.priority)
      : null;
    return this.run(io, () => this.space.produce(channel, datum, options));
  }

  override consume(
    channels: readonly T['channel'][],
    patterns: readonly T['pattern'][],
    continuation: T['continuation'],
    options?: ConsumeOptions,
  ): readonly Firing<T>[] {
    const peeks = options?.peeks === undefined ? [] : [...new Set(options.peeks)].sort((a, b) => a - b);
    const persist = options?.persist === true;
    const similarity = options?.similarity;
    const io = this.needEvents()
      ? this.hasher.consume(channels, patterns, continuation, persist, peeks, similarity)
      : null;
    const normalized: ConsumeOptions | undefined =
      options === undefined
        ? undefined
        : similarity === undefined
          ? { persist, peeks }
          : { persist, peeks, similarity };
    const origin = io === null ? null : { channels, patterns, continuation, event: io };
    return this.run(io, () => this.space.consume(channels, patterns, continuation, normalized), origin);
  }

  override install(
    channels: readonly T['channel'][],
    patterns: readonly T['pattern'][],
    continuation: T['continuation'],
  ): readonly Firing<T>[] {
    return this.consume(channels, patterns, continuation, { persist: true });
  }

  override withdraw(channels: readonly T['channel'][], continuation: T['continuation']): readonly Firing<T>[] {
    const io = this.needEvents() ? this.hasher.withdraw(channels, continuation) : null;
    return this.run(io, () => this.space.withdraw(channels, continuation));
  }

  override gensym(): T['channel'] {
    this.version++;
    return this.space.gensym();
  }

  /** Removes all data and continuations (not logged; the next checkpoint records the empty state). */
  override clear(): void {
    this.version++;
    this.space.clear();
  }

  override softCheckpoint(): number {
    this.marks.push({ events: this.events.length, replay: this.replay, position: this.replay?.position ?? 0 });
    return this.space.softCheckpoint();
  }

  override revertSoftCheckpoint(depth?: number): void {
    this.space.revertSoftCheckpoint(depth);
    this.version++;
    const mark = this.marks.pop();
    if (mark === undefined) return;
    this.events.length = mark.events;
    this.replay = mark.replay;
    if (mark.replay !== null) mark.replay.position = mark.position;
  }

  override commitSoftCheckpoint(depth?: number): void {
    this.space.commitSoftCheckpoint(depth);
    this.marks.pop();
  }

  /**
   * Writes the current state to the history and returns its root, with the events since the
   * previous checkpoint (the log then starts afresh). Equal states give equal roots, whatever
   * the operations that built them.
   */
  createCheckpoint(): HardCheckpoint {
    return this.prepareCheckpoint().commit();
  }

  /** The first phase of `createCheckpoint`: encodes what changed (refusals happen here), writes nothing. */
  prepareCheckpoint(): PreparedCheckpoint {
    this.checkNoSoftCheckpoint('create a hard checkpoint');
    const changes = this.dirty.all || !this.space.traits.persistent ? this.fullChanges() : this.dirtyChanges();
    const version = this.version;
    let before: { root: Uint8Array; events: ReplayEvent[]; dirty: DirtySnapshot<T>; version: number } | null = null;
    return {
      commit: () => {
        this.checkVersion(version, 'checkpoint');
        const root = this.history.commit(changes, this.root);
        before = { root: this.root, events: this.events, dirty: this.dirty.save(), version: this.version };
        this.root = root;
        this.dirty.reset();
        const log = this.events;
        this.events = [];
        this.version++;
        return { root: root.slice(), log };
      },
      rollback: () => {
        if (before === null) return;
        this.root = before.root;
        this.events = before.events;
        this.dirty.restore(before.dirty);
        this.version = before.version;
        before = null;
      },
    };
  }

  /**
   * Replaces the state with the one recorded at `root`. Name counters become the larger of their
   * current and recorded values. The event log starts afresh. Refused, with the space unchanged,
   * for an unknown root (`HistoryError` `UnknownRoot`), a root of a space with another
   * configuration or identity (`DurableError` `StateMismatch`), or leaves that do not decode.
   */
  reset(root: Uint8Array): void {
    this.prepareReset(root).commit();
  }

  /** The first phase of `reset`: reads and checks the state of `root` (refusals happen here), changes nothing. */
  prepareReset(root: Uint8Array): PreparedReset {
    this.checkNoSoftCheckpoint('reset');
    const plan = this.space.planRestore(this.snapshots.decode(this.history.load(root)));
    const version = this.version;
    const target = root.slice();
    return {
      commit: () => {
        this.checkVersion(version, 'reset');
        this.space.track(null);
        try {
          this.space.applyRestore(plan);
        } finally {
          this.space.track(this.dirty);
        }
        this.root = target;
        this.dirty.reset();
        this.events = [];
        this.version++;
      },
    };
  }

  /** Arms replay of `log` from the current state (see the class comment). */
  rig(log: EventLog): void {
    this.replay = new ReplayCursor(log.slice());
  }

  /** Resets to `root`, then arms replay of `log`. */
  rigAndReset(root: Uint8Array, log: EventLog): void {
    this.reset(root);
    this.rig(log);
  }

  isReplay(): boolean {
    return this.replay !== null;
  }

  /**
   * Confirms that the replay reproduced every logged event, and ends replay mode. Throws
   * `ReplayError` `UnusedReplayEvents` (replay stays armed) if events remain, `NotReplaying` if
   * no replay is armed.
   */
  checkReplayData(): void {
    if (this.replay === null) throw new ReplayError('NotReplaying', 0, undefined, undefined);
    this.replay.checkComplete();
    this.replay = null;
  }

  private needEvents(): boolean {
    return this.logging || this.replay !== null;
  }

  /**
   * Runs an operation: checks its IO event against the replay log, runs it (inside a soft
   * checkpoint when replaying, so that a firing that differs from the log can be undone), then
   * logs the IO event and one COMM per firing.
   */
  private run(
    io: ReplayEvent | null,
    op: () => readonly Firing<T>[],
    origin: ConsumeOrigin<T> | null = null,
  ): readonly Firing<T>[] {
    this.version++;
    const replay = this.replay;
    if (replay === null) {
      const firings = op();
      if (io !== null) {
        this.events.push(io);
        for (const f of firings) this.events.push(this.hasher.comm(f, origin));
      }
      return firings;
    }
    const space = this.space;
    const counters = space.nameCounters();
    space.softCheckpoint();
    let firings: readonly Firing<T>[];
    const comms: ReplayEvent[] = [];
    try {
      // The operation runs first: one that throws (a full cell, say) threw when the log was made too,
      // and logged nothing, so it must throw its own error here, not a divergence.
      firings = op();
      replay.expect(io as ReplayEvent);
      for (const f of firings) {
        const comm = this.hasher.comm(f, origin);
        replay.expect(comm, 1 + comms.length);
        comms.push(comm);
      }
    } catch (error) {
      space.revertSoftCheckpoint();
      // Nobody saw what the refused operation returned, so the names it handed out go back too:
      // otherwise a refused operation would change every later name, and the replay's roots.
      space.rewindNameCounters(counters);
      throw error;
    }
    space.commitSoftCheckpoint();
    replay.position += 1 + comms.length;
    if (this.logging) this.events.push(io as ReplayEvent, ...comms);
    return firings;
  }

  private dirtyChanges(): LeafChange[] {
    const changes: LeafChange[] = [];
    for (const channel of this.dirty.channels.values()) changes.push(this.snapshots.channel(channel));
    for (const channels of this.dirty.joins.values()) changes.push(this.snapshots.join(channels));
    changes.push(this.snapshots.meta());
    return changes;
  }

  /** Every leaf of the state, and a deletion for every key of the last root that is no longer there. */
  private fullChanges(): LeafChange[] {
    const now = this.snapshots.all();
    const changes = [...now.values()];
    for (const key of this.history.keys(this.root)) if (!now.has(toHex(key))) changes.push([key, null]);
    return changes;
  }

  private checkVersion(version: number, what: string): void {
    if (this.version !== version) {
      throw new CheckpointError(`the space changed since this ${what} was prepared: prepare it again`);
    }
  }

  private checkNoSoftCheckpoint(what: string): void {
    if (this.space.softCheckpointDepth > 0) {
      throw new CheckpointError(
        `cannot ${what} while ${this.space.softCheckpointDepth} soft checkpoint(s) are open: commit or revert them first`,
      );
    }
  }
}
