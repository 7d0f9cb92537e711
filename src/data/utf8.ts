/**
 * String <-> bytes for the canonical encoding, and the string order that matches it.
 *
 * Strings are written as WTF-8: byte-for-byte UTF-8 for every well-formed string, while a lone surrogate
 * (which UTF-8 cannot represent) is written as the 3-byte sequence of its code unit. Plain UTF-8 would not do:
 * `TextEncoder` replaces lone surrogates by U+FFFD, so `'\uD800'` and `'\uFFFD'` would encode alike and the
 * encoding would stop being injective. A surrogate *pair* is always written as one 4-byte sequence, never as
 * two 3-byte ones, so the bytes of a string are unique.
 */

/** `String.prototype.isWellFormed` (ES2024; present in Node 20, absent from the ES2022 lib typings). */
interface WellFormedCheck {
  isWellFormed(): boolean;
}

const encoder = new TextEncoder();
// fatal: invalid input must not be silently replaced; ignoreBOM: a leading U+FEFF is data, not a marker.
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The WTF-8 byte length of `s`. `Buffer.byteLength` counts a lone surrogate as 3 bytes (as U+FFFD), as WTF-8 does. */
export function utf8Length(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** Writes the WTF-8 bytes of `s` at `pos` (the caller made room for `utf8Length(s)` bytes); returns the end. */
export function writeUtf8(s: string, buf: Uint8Array, pos: number): number {
  if ((s as unknown as WellFormedCheck).isWellFormed()) {
    return pos + encoder.encodeInto(s, buf.subarray(pos)).written;
  }
  // Rare path: the string has lone surrogates, which encodeInto would replace.
  const n = s.length;
  for (let i = 0; i < n; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      buf[pos++] = c;
    } else if (c < 0x800) {
      buf[pos++] = 0xc0 | (c >> 6);
      buf[pos++] = 0x80 | (c & 0x3f);
    } else {
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
        const d = s.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          i++;
          buf[pos++] = 0xf0 | (c >> 18);
          buf[pos++] = 0x80 | ((c >> 12) & 0x3f);
          buf[pos++] = 0x80 | ((c >> 6) & 0x3f);
          buf[pos++] = 0x80 | (c & 0x3f);
          continue;
        }
      }
      buf[pos++] = 0xe0 | (c >> 12);
      buf[pos++] = 0x80 | ((c >> 6) & 0x3f);
      buf[pos++] = 0x80 | (c & 0x3f);
    }
  }
  return pos;
}

/** Decodes the WTF-8 bytes `bytes[start, end)`; `null` if they are not canonical WTF-8. */
export function readUtf8(bytes: Uint8Array, start: number, end: number): string | null {
  if (end - start <= 24) {
    // Short ASCII strings (most keys and atoms) are cheaper to build by hand than through TextDecoder.
    let s = '';
    let i = start;
    for (; i < end; i++) {
      const b = bytes[i];
      if (b >= 0x80) break;
      s += String.fromCharCode(b);
    }
    if (i === end) return s;
  }
  try {
    return decoder.decode(bytes.subarray(start, end));
  } catch {
    return readWtf8(bytes, start, end);
  }
}

/** Strict WTF-8 decoding for input that is not UTF-8: accepts lone surrogates, rejects everything else invalid. */
function readWtf8(bytes: Uint8Array, start: number, end: number): string | null {
  let out = '';
  let afterHigh = false;
  let i = start;
  while (i < end) {
    const b0 = bytes[i];
    let cp: number;
    let len: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b0 < 0x80) {
      cp = b0;
      len = 1;
    } else if (b0 >= 0xc2 && b0 <= 0xdf) {
      cp = b0 & 0x1f;
      len = 2;
    } else if (b0 >= 0xe0 && b0 <= 0xef) {
      cp = b0 & 0x0f;
      len = 3;
      if (b0 === 0xe0) lo = 0xa0; // no overlong forms
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
      cp = b0 & 0x07;
      len = 4;
      if (b0 === 0xf0) lo = 0x90; // no overlong forms
      if (b0 === 0xf4) hi = 0x8f; // nothing above U+10FFFF
    } else {
      return null;
    }
    if (i + len > end) return null;
    for (let k = 1; k < len; k++) {
      const b = bytes[i + k];
      if (k === 1 ? b < lo || b > hi : (b & 0xc0) !== 0x80) return null;
      cp = (cp << 6) | (b & 0x3f);
    }
    // A high surrogate followed by a low one is a pair and must have been one 4-byte sequence.
    if (afterHigh && cp >= 0xdc00 && cp <= 0xdfff) return null;
    afterHigh = cp >= 0xd800 && cp <= 0xdbff;
    out += String.fromCodePoint(cp);
    i += len;
  }
  return out;
}

/**
 * Orders strings by (generalized) code point, which is the byte order of their WTF-8 encodings. JS `<`
 * compares UTF-16 code units instead, and disagrees when an astral character meets U+E000..U+FFFF.
 */
export function compareStrings(a: string, b: string): -1 | 0 | 1 {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === n) return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
  let x = a.charCodeAt(i);
  let y = b.charCodeAt(i);
  if (x < 0xd800 && y < 0xd800) return x < y ? -1 : 1;
  // A surrogate is involved: compare whole code points. If the equal unit before `i` is a high surrogate,
  // the code point under comparison starts there (it may pair with the differing unit in one string only).
  let j = i;
  if (i > 0) {
    const p = a.charCodeAt(i - 1);
    if (p >= 0xd800 && p <= 0xdbff) j = i - 1;
  }
  x = a.codePointAt(j)!;
  y = b.codePointAt(j)!;
  if (x === y) {
    // Both are the same lone high surrogate; the code points that differ start at `i`.
    x = a.codePointAt(i)!;
    y = b.codePointAt(i)!;
  }
  return x < y ? -1 : 1;
}
