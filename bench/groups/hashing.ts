/**
 * `hashing`: BLAKE2b-256, the cost under every event-log entry and every hard checkpoint (not a
 * seed row). A body computes 10,000 digests of one input whose first and last bytes change on every
 * digest, through `blake2b256` (the project's WebAssembly module), with hash-wasm's
 * init/update/digest (the fallback, and what `blake2b256` used before) as a peer. Every body checks
 * the sum of its digests' first bytes against hash-wasm's.
 */
import { createBLAKE2b, type IHasher } from 'hash-wasm';
import { blake2b256, hashingBackendInfo, initHashing } from '../../src/history/hash.js';
import { type Case, expectCount, type Group } from '../harness.js';

const DIGESTS = 10_000;

let peer: IHasher | null = null;

function viaHashWasm(bytes: Uint8Array): Uint8Array {
  if (peer === null) throw new Error('hash-wasm not compiled');
  peer.init();
  peer.update(bytes);
  return peer.digest('binary');
}

/** Sum of the first digest byte over the body's 10,000 inputs. */
function run(input: Uint8Array, digest: (bytes: Uint8Array) => Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < DIGESTS; i++) {
    input[0] = i;
    input[input.length - 1] = i >> 8;
    sum += digest(input)[0];
  }
  return sum;
}

const hashing = (size: number): Case => {
  let expected = -1;
  const body = (digest: (bytes: Uint8Array) => Uint8Array) => () => {
    const input = new Uint8Array(size).fill(0x5a);
    return () => expectCount(`sum of ${DIGESTS} digests' first bytes`, run(input, digest), expected);
  };
  return {
    kind: 'sync',
    name: 'blake2b256',
    size,
    elements: DIGESTS,
    // Nothing is consumed: one input buffer may serve a whole batch.
    repeatable: true,
    before: async () => {
      await initHashing();
      const info = hashingBackendInfo();
      // Measuring hash-wasm twice under two names would be worse than no row.
      if (info.active !== 'wasm') throw new Error(`hashing bench needs blake2b.wasm: ${info.unavailableReason}`);
      peer ??= await createBLAKE2b(256);
      expected = run(new Uint8Array(size).fill(0x5a), viaHashWasm);
    },
    prepare: body(blake2b256),
    peers: { 'hash-wasm': body(viaHashWasm) },
  };
};

export const group: Group = {
  name: 'hashing',
  description: `BLAKE2b-256: ${DIGESTS} digests of a 32 B / 128 B / 1 KB input; peer: hash-wasm init/update/digest`,
  cases: [32, 128, 1024].map(hashing),
};
