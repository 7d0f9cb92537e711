import { Name, type Value } from '../data/value.js';
import type { NameSource } from '../spaces/types.js';

/**
 * Names of a plain-data space: the space id followed by the name's index as 8 big-endian bytes.
 * Array and Vector spaces also accept non-negative integers as slot indices.
 */
export class SpaceNames implements NameSource<Value> {
  readonly spaceId: Uint8Array;

  constructor(spaceId: Uint8Array) {
    this.spaceId = spaceId;
  }

  make(index: number): Name {
    const id = this.spaceId;
    const bytes = new Uint8Array(id.length + 8);
    bytes.set(id, 0);
    new DataView(bytes.buffer).setBigUint64(id.length, BigInt(index));
    return new Name(bytes);
  }

  indexOf(channel: Value): number | undefined {
    if (typeof channel === 'number') return Number.isSafeInteger(channel) && channel >= 0 ? channel : undefined;
    if (!this.isOwn(channel)) return undefined;
    const bytes = (channel as Name).bytes;
    const index = new DataView(bytes.buffer, bytes.byteOffset, bytes.length).getBigUint64(this.spaceId.length);
    return index <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(index) : undefined;
  }

  isOwn(channel: Value): boolean {
    if (!(channel instanceof Name)) return false;
    const bytes = channel.bytes;
    const id = this.spaceId;
    if (bytes.length !== id.length + 8) return false;
    for (let i = 0; i < id.length; i++) if (bytes[i] !== id[i]) return false;
    return true;
  }
}
