/**
 * Trie nodes: their in-memory form and their canonical bytes.
 *
 * A node is stored under the BLAKE2b-256 of its bytes. There are three kinds:
 * - Empty  `00`: the trie of the empty map. Never stored; its hash is {@link EMPTY_ROOT_HEX}.
 * - Leaf   `01 key(32) value(32)`: the root of a one-entry map (elsewhere leaves sit inline in their branch).
 * - Branch `02 varint(prefixLength) prefix varint(count) child*count`, children in ascending slot order, where
 *   a child is `slot 00 hash(32)` (a branch node below) or `slot 01 key(32) value(32)` (an inline leaf).
 *
 * A branch at depth d (the number of key bytes its ancestors consumed) holds keys that all share `prefix` at
 * [d, d + prefix.length) and differ at d + prefix.length, where the slot byte picks the child. Keeping full keys
 * in leaves makes every node decodable without knowing its depth, and lets a leaf move up or down a level
 * (when a sibling appears or disappears) without being re-encoded.
 */

import { ByteReader } from '../data/writer.js';
import { HistoryError } from './errors.js';
import { HASH_LENGTH, toHex } from './hash.js';

/** The hash of the empty trie: BLAKE2b-256 of the single byte `00`. */
export const EMPTY_ROOT_HEX = '03170a2e7597b7b7e3d84c05391d139a62b157e78786d8c082f29dcf4c111314';

/** The first byte of each kind of node. */
export const NodeTag = { Empty: 0x00, Leaf: 0x01, Branch: 0x02 } as const;

const CHILD_NODE = 0x00;
const CHILD_LEAF = 0x01;

/** An entry of the map: a 32-byte key and its 32-byte value, inline in its parent branch. */
export class Leaf {
  readonly key: Uint8Array;
  readonly value: Uint8Array;
  constructor(key: Uint8Array, value: Uint8Array) {
    this.key = key;
    this.value = value;
  }
}

/**
 * A pointer to a branch node. `node` is filled in when the branch is first decoded (or was built in memory);
 * `hash` is null only for a branch built by an update that has not been sealed yet (see `trie-update.ts`).
 */
export class Ref {
  hash: Uint8Array | null;
  node: Branch | null;
  constructor(hash: Uint8Array | null, node: Branch | null) {
    this.hash = hash;
    this.node = node;
  }
}

/** What a branch slot holds. */
export type Child = Leaf | Ref;

/** A branch. Immutable once built; its hash lives in the {@link Ref} that points at it. */
export class Branch {
  readonly prefix: Uint8Array;
  /** Slot bytes, strictly ascending, parallel to `kids`. */
  readonly slots: Uint8Array;
  readonly kids: readonly Child[];
  constructor(prefix: Uint8Array, slots: Uint8Array, kids: readonly Child[]) {
    this.prefix = prefix;
    this.slots = slots;
    this.kids = kids;
  }

  /** Index of `slot` in `slots`, or -1. */
  indexOf(slot: number): number {
    const slots = this.slots;
    let lo = 0;
    let hi = slots.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const s = slots[mid];
      if (s === slot) return mid;
      if (s < slot) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }
}

/** A decoded node of any kind. */
export type Node = { readonly kind: 'empty' } | Leaf | Branch;

const EMPTY: Node = { kind: 'empty' };

/** The canonical bytes of a branch; every `Ref` child must already carry its hash. */
export function encodeBranch(prefix: Uint8Array, slots: Uint8Array, kids: readonly Child[]): Uint8Array {
  // Written straight into an exactly sized array rather than through the shared ByteWriter: a checkpoint
  // re-encodes the 8.7 KB root every time, and the writer's growth checks plus its final copy cost about a
  // third of the encoding. Both lengths fit the varint format's one- or two-byte forms (prefix < 32, count <= 256).
  const n = kids.length;
  let size = 2 + prefix.length + (n < 0x80 ? 1 : 2);
  for (let i = 0; i < n; i++) size += kids[i] instanceof Leaf ? 2 + 2 * HASH_LENGTH : 2 + HASH_LENGTH;
  const out = new Uint8Array(size);
  out[0] = NodeTag.Branch;
  out[1] = prefix.length;
  out.set(prefix, 2);
  let p = 2 + prefix.length;
  if (n < 0x80) out[p++] = n;
  else {
    out[p++] = (n & 0x7f) | 0x80;
    out[p++] = n >>> 7;
  }
  for (let i = 0; i < n; i++) {
    const kid = kids[i];
    out[p++] = slots[i];
    if (kid instanceof Leaf) {
      out[p++] = CHILD_LEAF;
      out.set(kid.key, p);
      out.set(kid.value, p + HASH_LENGTH);
      p += 2 * HASH_LENGTH;
    } else {
      if (kid.hash === null) throw new Error('internal: encoding a branch with an unsealed child');
      out[p++] = CHILD_NODE;
      out.set(kid.hash, p);
      p += HASH_LENGTH;
    }
  }
  return out;
}

/** The canonical bytes of a one-entry trie's root. */
export function encodeLeafNode(leaf: Leaf): Uint8Array {
  const out = new Uint8Array(1 + 2 * HASH_LENGTH);
  out[0] = NodeTag.Leaf;
  out.set(leaf.key, 1);
  out.set(leaf.value, 1 + HASH_LENGTH);
  return out;
}

function corrupted(hash: Uint8Array, detail: string): never {
  throw new HistoryError('CorruptedNode', `Corrupted node ${toHex(hash)}: ${detail}`);
}

/**
 * Decodes the bytes stored under `hash` (used only in error messages; the caller checks the hash if it must).
 * Rejects anything the encoder would not produce, so a decoded node re-encodes to the same bytes. The returned
 * node views `bytes` (no copies), so `bytes` must not be mutated afterwards.
 */
export function decodeNode(hash: Uint8Array, bytes: Uint8Array): Node {
  const tag = bytes.length > 0 ? bytes[0] : -1;
  if (tag === NodeTag.Empty) {
    if (bytes.length !== 1) corrupted(hash, 'trailing bytes after the empty node');
    return EMPTY;
  }
  if (tag === NodeTag.Leaf) {
    if (bytes.length !== 1 + 2 * HASH_LENGTH) corrupted(hash, `a leaf node has ${bytes.length} bytes, not 65`);
    return new Leaf(bytes.subarray(1, 1 + HASH_LENGTH), bytes.subarray(1 + HASH_LENGTH));
  }
  if (tag !== NodeTag.Branch) corrupted(hash, `unknown node tag ${tag}`);
  const r = new ByteReader(bytes);
  r.pos = 1;
  try {
    const prefixLength = r.readVarint();
    if (prefixLength >= HASH_LENGTH) corrupted(hash, `prefix of ${prefixLength} bytes`);
    if (prefixLength > r.remaining) corrupted(hash, 'truncated prefix');
    const prefix = bytes.subarray(r.pos, r.pos + prefixLength);
    r.pos += prefixLength;
    const count = r.readVarint();
    if (count < 2 || count > 256) corrupted(hash, `a branch with ${count} children`);
    const slots = new Uint8Array(count);
    const kids: Child[] = new Array(count);
    for (let i = 0; i < count; i++) {
      const slot = r.readByte();
      if (i > 0 && slot <= slots[i - 1]) corrupted(hash, 'slots out of order');
      slots[i] = slot;
      const kind = r.readByte();
      const p = r.pos;
      if (kind === CHILD_NODE) {
        if (r.remaining < HASH_LENGTH) corrupted(hash, 'truncated child hash');
        kids[i] = new Ref(bytes.subarray(p, p + HASH_LENGTH), null);
        r.pos = p + HASH_LENGTH;
      } else if (kind === CHILD_LEAF) {
        if (r.remaining < 2 * HASH_LENGTH) corrupted(hash, 'truncated leaf');
        kids[i] = new Leaf(bytes.subarray(p, p + HASH_LENGTH), bytes.subarray(p + HASH_LENGTH, p + 2 * HASH_LENGTH));
        r.pos = p + 2 * HASH_LENGTH;
      } else {
        corrupted(hash, `unknown child kind ${kind}`);
      }
    }
    if (r.remaining !== 0) corrupted(hash, 'trailing bytes');
    return new Branch(prefix, slots, kids);
  } catch (e) {
    if (e instanceof HistoryError) throw e;
    return corrupted(hash, e instanceof Error ? e.message : String(e));
  }
}

/**
 * Calls `onNode` for each branch hash and `onLeaf` for each leaf value that the node stored as `bytes` points at
 * (the bounded store's reference counting needs exactly this).
 */
export function forEachReference(
  hash: Uint8Array,
  bytes: Uint8Array,
  onNode: (hash: Uint8Array) => void,
  onLeaf: (value: Uint8Array) => void,
): void {
  const node = decodeNode(hash, bytes);
  if (node instanceof Leaf) onLeaf(node.value);
  else if (node instanceof Branch) {
    for (const kid of node.kids) {
      if (kid instanceof Leaf) onLeaf(kid.value);
      else if (kid.hash !== null) onNode(kid.hash);
    }
  }
}
