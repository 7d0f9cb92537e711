/**
 * The seeded, splittable generator behind `new` (DECISIONS 16; rholang-surface §4.4).
 *
 * Every process carries a generator. A parallel composition of n > 1 members gives member i the
 * split `split(i)`; a `new` draws one 32-byte id per name with `next()`; a COMM runs the body with
 * the merge of the continuation's generator and those of the data it consumed. So the names a
 * process makes depend only on the seed and on the process's position in the program and in the
 * COMMs that led to it — not on scheduling.
 *
 * The state is 128 bits in four 32-bit lanes, stirred by a sponge over the murmur3 finalizer:
 * fast (no allocation but the new generator) and well mixed, but not cryptographic. Names only
 * need to be distinct and reproducible in a local interpreter; two names collide with probability
 * about n²/2¹²⁹.
 */

/**
 * Scratch lanes: every operation loads a state here, absorbs words, and reads the result. Signed
 * 32-bit lanes (same bits as unsigned): V8 keeps them as small integers, where lanes of 2^31 and
 * up would be boxed as heap numbers in every generator.
 */
const S = new Int32Array(4);

const TAG_SPLIT = 0x5350_4c54;
const TAG_MERGE = 0x4d52_4745;
const TAG_NEXT = 0x4e45_5854;
const TAG_SEED = 0x5345_4544;

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85eb_ca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2_ae35);
  return h ^ (h >>> 16);
}

/** Absorbs one 32-bit word into the scratch lanes; every lane depends on it afterwards. */
function absorb(w: number): void {
  S[0] = fmix(S[0] ^ w);
  S[1] = fmix(S[1] + S[0] + 0x9e37_79b9);
  S[2] = fmix(S[2] ^ S[1]);
  S[3] = fmix(S[3] + S[2] + 0x7f4a_7c15);
  S[0] = S[0] + S[3];
}

export class Rng {
  /** A generator for `seed` (any safe integer or bigint; the CLI's `--seed`). */
  static fromSeed(seed: bigint | number): Rng {
    let v = BigInt.asUintN(64, BigInt(seed));
    S[0] = 0x6a09_e667;
    S[1] = 0xbb67_ae85 | 0;
    S[2] = 0x3c6e_f372;
    S[3] = 0xa54f_f53a | 0;
    absorb(TAG_SEED);
    absorb(Number(v & 0xffff_ffffn));
    v >>= 32n;
    absorb(Number(v));
    absorb(0);
    return Rng.fromScratch();
  }

  private static fromScratch(): Rng {
    return new Rng(S[0], S[1], S[2], S[3]);
  }

  // The lanes never change: `next` counts draws instead, so a generator can be shared freely
  // until someone draws from it (only `new` does, on the generator its process owns).
  private readonly a: number;
  private readonly b: number;
  private readonly c: number;
  private readonly d: number;
  private drawn: number;

  private constructor(a: number, b: number, c: number, d: number) {
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
    this.drawn = 0;
  }

  private load(): void {
    S[0] = this.a;
    S[1] = this.b;
    S[2] = this.c;
    S[3] = this.d;
  }

  /** The generator of member `index` of a parallel composition. */
  split(index: number): Rng {
    this.load();
    absorb(TAG_SPLIT);
    absorb(index);
    absorb(this.drawn);
    return Rng.fromScratch();
  }

  /** The generator of a COMM's body: this (the continuation's) merged with the data's, in order. */
  merge(others: readonly Rng[]): Rng {
    this.load();
    absorb(TAG_MERGE);
    absorb(this.drawn);
    for (const o of others) {
      absorb(o.a);
      absorb(o.b);
      absorb(o.c);
      absorb(o.d);
      absorb(o.drawn);
    }
    return Rng.fromScratch();
  }

  /** The generator of a COMM's body with one datum: `merge([other])` without the array. */
  mergeOne(other: Rng): Rng {
    this.load();
    absorb(TAG_MERGE);
    absorb(this.drawn);
    absorb(other.a);
    absorb(other.b);
    absorb(other.c);
    absorb(other.d);
    absorb(other.drawn);
    return Rng.fromScratch();
  }

  /** The next 32-byte id: draw k of this generator, a function of its lanes and k only. */
  next(): Uint8Array {
    const out = new Uint8Array(32);
    const view = new DataView(out.buffer);
    const k = this.drawn++;
    for (let word = 0; word < 8; word += 4) {
      this.load();
      absorb(TAG_NEXT);
      absorb(k);
      absorb(word);
      absorb(0);
      for (let i = 0; i < 4; i++) view.setInt32((word + i) * 4, S[i]);
    }
    return out;
  }
}
