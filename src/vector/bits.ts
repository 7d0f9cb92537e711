/**
 * The binary metrics: a vector is read as the set of its components > 0.5. Counts are integers,
 * so these need no float care: the packed form (32 components per Uint32 word, component i in bit
 * i % 32 of word i / 32, unused high bits zero) and the float form give the same counts, hence the
 * same scores.
 */

/** Words a packed vector of `dims` components takes. */
export function wordsFor(dims: number): number {
  return (dims + 31) >>> 5;
}

/** Packs `n` components of `src` from `so` into `words` words of `dst` from `d0`. */
export function packBits(src: ArrayLike<number>, so: number, n: number, dst: Uint32Array, d0: number): void {
  dst.fill(0, d0, d0 + wordsFor(n));
  for (let i = 0; i < n; i++) {
    if (src[so + i] > 0.5) dst[d0 + (i >>> 5)] |= 1 << (i & 31);
  }
}

/** Set bits of a 32-bit word (SWAR: no table, no allocation). */
export function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** 1 − mismatches / dims; 1 for zero dimensions (nothing differs). */
export function hammingScore(mismatches: number, dims: number): number {
  return dims === 0 ? 1 : 1 - mismatches / dims;
}

/** |S ∩ Q| / |S ∪ Q|; 1 when the union is empty (two empty sets are identical). */
export function jaccardScore(intersection: number, union: number): number {
  return union === 0 ? 1 : intersection / union;
}

/** Hamming similarity of two packed vectors of `dims` components. */
export function hammingPacked(a: Uint32Array, ao: number, b: Uint32Array, bo: number, dims: number): number {
  let mismatches = 0;
  for (let w = 0, words = wordsFor(dims); w < words; w++) mismatches += popcount32(a[ao + w] ^ b[bo + w]);
  return hammingScore(mismatches, dims);
}

/** Jaccard similarity of two packed vectors of `dims` components. */
export function jaccardPacked(a: Uint32Array, ao: number, b: Uint32Array, bo: number, dims: number): number {
  let intersection = 0;
  let union = 0;
  for (let w = 0, words = wordsFor(dims); w < words; w++) {
    intersection += popcount32(a[ao + w] & b[bo + w]);
    union += popcount32(a[ao + w] | b[bo + w]);
  }
  return jaccardScore(intersection, union);
}

/** Hamming similarity of `n` components of two float vectors. */
export function hammingFloats(a: Float32Array, ao: number, b: Float32Array, bo: number, n: number): number {
  let mismatches = 0;
  for (let i = 0; i < n; i++) if (a[ao + i] > 0.5 !== b[bo + i] > 0.5) mismatches++;
  return hammingScore(mismatches, n);
}

/** Jaccard similarity of `n` components of two float vectors. */
export function jaccardFloats(a: Float32Array, ao: number, b: Float32Array, bo: number, n: number): number {
  let intersection = 0;
  let union = 0;
  for (let i = 0; i < n; i++) {
    const x = a[ao + i] > 0.5;
    const y = b[bo + i] > 0.5;
    if (x && y) intersection++;
    if (x || y) union++;
  }
  return jaccardScore(intersection, union);
}
