import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { HistoryError } from './errors.js';
import { blake2b256, initHashing, toHex } from './hash.js';
import {
  Branch,
  decodeNode,
  EMPTY_ROOT_HEX,
  encodeBranch,
  encodeLeafNode,
  forEachReference,
  Leaf,
  NodeTag,
  Ref,
} from './node.js';

const H = new Uint8Array(32);
const fill = (b: number): Uint8Array => new Uint8Array(32).fill(b);

function isCorrupted(e: unknown): boolean {
  return e instanceof HistoryError && e.code === 'CorruptedNode' && e.message.startsWith('Corrupted node ');
}

describe('node codec', () => {
  before(() => initHashing());

  test('the empty root is the hash of the empty node', () => {
    assert.equal(toHex(blake2b256(new Uint8Array([NodeTag.Empty]))), EMPTY_ROOT_HEX);
    assert.deepEqual(decodeNode(H, new Uint8Array([0])), { kind: 'empty' });
  });

  test('branch layout: tag, prefix, count, then slot/kind/payload per child', () => {
    const kids = [new Leaf(fill(1), fill(2)), new Ref(fill(3), null)];
    const bytes = encodeBranch(Uint8Array.from([7, 8]), Uint8Array.from([1, 200]), kids);
    assert.deepEqual([...bytes.subarray(0, 6)], [NodeTag.Branch, 2, 7, 8, 2, 1]);
    assert.equal(bytes.length, 1 + 1 + 2 + 1 + (2 + 64) + (2 + 32));
    const node = decodeNode(H, bytes);
    assert.ok(node instanceof Branch);
    assert.deepEqual([...node.prefix], [7, 8]);
    assert.deepEqual([...node.slots], [1, 200]);
    assert.ok(node.kids[0] instanceof Leaf && node.kids[1] instanceof Ref);
    assert.equal(node.indexOf(200), 1);
    assert.equal(node.indexOf(2), -1);
    // Decoding then re-encoding gives the same bytes: the format is canonical.
    assert.deepEqual(encodeBranch(node.prefix, node.slots, node.kids), bytes);
  });

  test('a branch of 200 children writes its count as a two-byte varint and round trips', () => {
    const slots = Uint8Array.from({ length: 200 }, (_, i) => i);
    const kids = Array.from(slots, (i) => (i % 2 ? new Ref(fill(i), null) : new Leaf(fill(i), fill(1))));
    const bytes = encodeBranch(Uint8Array.from([9]), slots, kids);
    assert.deepEqual([...bytes.subarray(0, 5)], [NodeTag.Branch, 1, 9, 0xc8, 0x01]);
    const node = decodeNode(H, bytes) as Branch;
    assert.equal(node.kids.length, 200);
    assert.deepEqual(encodeBranch(node.prefix, node.slots, node.kids), bytes);
  });

  test('leaf nodes hold the full key and value', () => {
    const bytes = encodeLeafNode(new Leaf(fill(4), fill(5)));
    assert.equal(bytes.length, 65);
    const node = decodeNode(H, bytes);
    assert.ok(node instanceof Leaf);
    assert.deepEqual(node.key, fill(4));
    assert.deepEqual(node.value, fill(5));
  });

  test('rejects bytes the encoder never produces', () => {
    const good = encodeBranch(new Uint8Array(0), Uint8Array.from([1, 2]), [
      new Ref(fill(1), null),
      new Ref(fill(2), null),
    ]);
    const bad: Uint8Array[] = [
      new Uint8Array(0),
      Uint8Array.from([9]),
      Uint8Array.from([0, 0]),
      new Uint8Array(64).fill(1),
      Uint8Array.from([...good, 0]),
      good.subarray(0, good.length - 1),
      Uint8Array.from([2, 32, ...new Uint8Array(32), 2]), // prefix as long as a key
      Uint8Array.from([2, 0, 1, 1, 0, ...fill(1)]), // one child
      Uint8Array.from([2, 0, 2, 5, 0, ...fill(1), 5, 0, ...fill(1)]), // repeated slot
      Uint8Array.from([2, 0, 2, 5, 0, ...fill(1), 6, 7, ...fill(1)]), // unknown child kind
      Uint8Array.from([2, 0x80, 0x00]), // non-minimal varint
    ];
    for (const bytes of bad) assert.throws(() => decodeNode(fill(9), bytes), isCorrupted, toHex(bytes));
  });

  test('forEachReference lists child branches and leaf values', () => {
    const bytes = encodeBranch(new Uint8Array(0), Uint8Array.from([1, 2]), [
      new Leaf(fill(1), fill(2)),
      new Ref(fill(3), null),
    ]);
    const nodes: string[] = [];
    const leaves: string[] = [];
    forEachReference(
      H,
      bytes,
      (h) => nodes.push(toHex(h)),
      (v) => leaves.push(toHex(v)),
    );
    assert.deepEqual(nodes, [toHex(fill(3))]);
    assert.deepEqual(leaves, [toHex(fill(2))]);
  });
});
