/**
 * Unsigned LEB128 varints for bigints of any size (the magnitude of an encoded bigint).
 *
 * Small magnitudes go through the Number varint. Large ones are converted through hexadecimal, which V8
 * converts in linear time; peeling 7 bits at a time with BigInt shifts would be quadratic in the size,
 * and `decode` must not be made slow by a hostile megabyte-long bigint.
 */

import type { ByteReader, ByteWriter } from './writer.js';

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const HEX = '0123456789abcdef';

function hexValue(c: number): number {
  return c <= 0x39 ? c - 0x30 : c - 0x57; // '0'..'9', 'a'..'f' (toString(16) is lowercase)
}

/** Writes the non-negative bigint `m` as an unsigned LEB128 varint. */
export function writeBigVarint(w: ByteWriter, m: bigint): void {
  if (m <= MAX_SAFE) {
    w.writeVarint(Number(m));
    return;
  }
  const hex = m.toString(16);
  const bitLength = (hex.length - 1) * 4 + (32 - Math.clz32(hexValue(hex.charCodeAt(0))));
  const groups = Math.ceil(bitLength / 7);
  // Feed hex digits from the least significant end into a small bit accumulator (< 11 bits).
  let acc = 0;
  let bits = 0;
  let i = hex.length;
  for (let g = 0; g < groups; g++) {
    while (bits < 7 && i > 0) {
      acc |= hexValue(hex.charCodeAt(--i)) << bits;
      bits += 4;
    }
    const b = acc & 0x7f;
    acc >>>= 7;
    bits -= 7;
    w.writeByte(g + 1 < groups ? b | 0x80 : b);
  }
}

/** Reads an unsigned LEB128 varint of any length as a bigint; rejects non-minimal forms. */
export function readBigVarint(r: ByteReader): bigint {
  const bytes = r.bytes;
  const start = r.pos;
  let end = start;
  for (;;) {
    if (end >= bytes.length) r.fail('truncated bigint', start);
    if (bytes[end++] < 0x80) break;
  }
  const n = end - start;
  if (n > 1 && bytes[end - 1] === 0) r.fail('non-minimal bigint', start);
  r.pos = end;
  if (n <= 7) {
    // At most 49 bits: exact in a Number.
    let x = 0;
    let scale = 1;
    for (let i = start; i < end; i++) {
      x += (bytes[i] & 0x7f) * scale;
      scale *= 0x80;
    }
    return BigInt(x);
  }
  const digits: string[] = [];
  let acc = 0;
  let bits = 0;
  for (let i = start; i < end; i++) {
    acc |= (bytes[i] & 0x7f) << bits;
    bits += 7;
    while (bits >= 4) {
      digits.push(HEX[acc & 0xf]);
      acc >>>= 4;
      bits -= 4;
    }
  }
  if (bits > 0) digits.push(HEX[acc]);
  return BigInt(`0x${digits.reverse().join('')}`);
}
