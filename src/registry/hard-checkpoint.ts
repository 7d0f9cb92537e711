/**
 * Hard checkpoints across every space of a registry, all or nothing.
 *
 * A checkpoint first prepares every space that can take part (`HardCheckpointable`: a
 * `DurableSpace`, or your own): each encodes what changed, and any refusal (an unencodable datum,
 * a soft checkpoint still open) throws before anything is written. Then each commits; if a commit
 * fails (a disk error, say), the spaces that had committed are rolled back, so either every space
 * has a new last root or none has. Restoring works the same way: every space reads and checks its
 * state first, then all apply.
 *
 * Spaces without history (a plain `Space`) are not part of hard checkpoints: their content is not
 * recorded, and a restore leaves them as they are.
 */

import { encode } from '../data/encode.js';
import type { Value } from '../data/value.js';
import { ByteWriter } from '../data/writer.js';
import type { EventLog } from '../durable/events.js';
import { isHardCheckpointable, type PreparedCheckpoint, type PreparedReset } from '../durable/two-phase.js';
import { blake2b256 } from '../history/hash.js';
import { CheckpointError } from '../spaces/errors.js';
import type { ChannelKey } from '../spaces/types.js';
import { SpaceNotFoundError } from './errors.js';
import type { SpaceId } from './use-blocks.js';

/** The registry state a hard checkpoint keeps (the registry supplies and restores it). */
export interface RegistryState<S> {
  readonly spaces: ReadonlyMap<SpaceId, S>;
  readonly owners: ReadonlyMap<ChannelKey, { readonly channel: Value; readonly space: SpaceId }>;
}

/** What `SpaceRegistry.checkpoint()` returns. */
export interface RegistryCheckpoint<S> {
  /**
   * BLAKE2b-256 over every participating space's id and root, and the channel ownership, in
   * canonical order: one name for the whole multi-space state.
   */
  readonly root: Uint8Array;
  /** The registry's checkpoint count before this one (0 for the first). */
  readonly height: number;
  /** The root of each participating space, by id, in registration order. */
  readonly roots: ReadonlyMap<SpaceId, Uint8Array>;
  /** Each participating space's event log since its previous checkpoint. */
  readonly logs: ReadonlyMap<SpaceId, EventLog>;
  /** The registry's spaces and channel ownership at the checkpoint. */
  readonly state: RegistryState<S>;
}

/** Checkpoints every hard-checkpointable space of `state`, all or nothing. */
export function checkpointSpaces<S>(state: RegistryState<S>, height: number): RegistryCheckpoint<S> {
  const prepared: [SpaceId, PreparedCheckpoint][] = [];
  for (const [id, space] of state.spaces)
    if (isHardCheckpointable(space)) prepared.push([id, space.prepareCheckpoint()]);
  const committed: PreparedCheckpoint[] = [];
  const roots = new Map<SpaceId, Uint8Array>();
  const logs = new Map<SpaceId, EventLog>();
  try {
    for (const [id, p] of prepared) {
      const { root, log } = p.commit();
      committed.push(p);
      roots.set(id, root);
      logs.set(id, log);
    }
  } catch (error) {
    for (let i = committed.length - 1; i >= 0; i--) committed[i].rollback();
    throw error;
  }
  return { root: registryRoot(roots, state), height, roots, logs, state };
}

/**
 * Resets every space that has a root in `checkpoint` to it, all or nothing: every reset is read and
 * checked before any is applied. Returns the reset spaces' ids.
 */
export function resetSpaces<S>(checkpoint: RegistryCheckpoint<S>): SpaceId[] {
  const resets: PreparedReset[] = [];
  for (const [id, root] of checkpoint.roots) {
    const space = checkpoint.state.spaces.get(id);
    if (space === undefined) throw new SpaceNotFoundError(id);
    if (!isHardCheckpointable(space))
      throw new CheckpointError(`space ${JSON.stringify(id)} keeps no history to reset`);
    resets.push(space.prepareReset(root));
  }
  for (const r of resets) r.commit();
  return [...checkpoint.roots.keys()];
}

function registryRoot<S>(roots: ReadonlyMap<SpaceId, Uint8Array>, state: RegistryState<S>): Uint8Array {
  const w = new ByteWriter(256);
  const ids = [...roots.keys()].sort();
  w.writeVarint(ids.length);
  for (const id of ids) {
    w.writeString(id);
    w.writeBytes(roots.get(id) as Uint8Array);
  }
  // Ownership in canonical channel order: the encoding of each channel, then its space.
  const owned = [...state.owners.values()].map((o) => [Buffer.from(encode(o.channel)).toString('latin1'), o.space]);
  owned.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  w.writeVarint(owned.length);
  for (const [channel, space] of owned) {
    w.writeVarint(channel.length);
    w.writeBytes(Buffer.from(channel, 'latin1'));
    w.writeString(space);
  }
  return blake2b256(w.finish());
}
