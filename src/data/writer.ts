/**
 * Byte-level building blocks of the canonical encoding: a reusable growable writer and a small reader.
 *
 * Varints are unsigned LEB128 (7 bits per byte, least significant group first, high bit = "more follows")
 * for integers 0 .. 2^53 - 1. Floats are IEEE 754 float64, big-endian. Strings are WTF-8 (see `utf8.ts`).
 */

import { readUtf8, utf8Length, writeUtf8 } from './utf8.js';

/** Thrown by {@link ByteReader} (and so by `decode`) for malformed input; the message names the byte offset. */
export class DecodeError extends Error {
  readonly code = 'DecodeError';
  /** Byte offset in the input at which the problem was found. */
  readonly offset: number;
  constructor(message: string, offset: number) {
    super(`${message} at offset ${offset}`);
    this.name = 'DecodeError';
    this.offset = offset;
  }
}

/** A writer that grew beyond this is shrunk back on `reset`, so one huge value does not pin memory forever. */
const MAX_RETAINED_CAPACITY = 1 << 20;

/** A growable byte buffer, meant to be reused: `reset()`, write, `finish()` (or `length`), repeat. */
export class ByteWriter {
  private buf: Uint8Array;
  private view: DataView;
  private pos = 0;
  private readonly initialCapacity: number;
  /** A Buffer view of `buf` for latin1 conversion, made on first use and dropped when `buf` is replaced. */
  private latin1View: Buffer | null = null;

  constructor(initialCapacity = 256) {
    this.initialCapacity = Math.max(16, initialCapacity);
    this.buf = new Uint8Array(this.initialCapacity);
    this.view = new DataView(this.buf.buffer);
  }

  /** Number of bytes written since the last reset. */
  get length(): number {
    return this.pos;
  }

  /** Forgets the written bytes, keeping the buffer for the next use. */
  reset(): void {
    this.pos = 0;
    if (this.buf.length > MAX_RETAINED_CAPACITY) {
      this.buf = new Uint8Array(this.initialCapacity);
      this.view = new DataView(this.buf.buffer);
      this.latin1View = null;
    }
  }

  /** Makes room for `n` more bytes. */
  private ensure(n: number): void {
    const need = this.pos + n;
    if (need <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < need) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
    this.view = new DataView(next.buffer);
    this.latin1View = null;
  }

  /** Writes one byte (0..255). */
  writeByte(b: number): void {
    if (this.pos >= this.buf.length) this.ensure(1);
    this.buf[this.pos++] = b;
  }

  /** Writes an unsigned LEB128 varint; `n` must be an integer in 0 .. 2^53 - 1. */
  writeVarint(n: number): void {
    if (n < 0x80 && n >= 0 && (n | 0) === n) {
      this.writeByte(n);
      return;
    }
    if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`varint out of range: ${n}`);
    this.ensure(8);
    const buf = this.buf;
    let p = this.pos;
    // Bitwise operators truncate to 32 bits, so peel off the high groups arithmetically first.
    while (n > 0x7fffffff) {
      buf[p++] = (n % 0x80) | 0x80;
      n = Math.floor(n / 0x80);
    }
    while (n > 0x7f) {
      buf[p++] = (n & 0x7f) | 0x80;
      n >>>= 7;
    }
    buf[p++] = n;
    this.pos = p;
  }

  /** Writes a float64, big-endian, with whatever bits the engine gives `x` (callers canonicalise NaN / -0). */
  writeFloat64(x: number): void {
    this.ensure(8);
    this.view.setFloat64(this.pos, x, false);
    this.pos += 8;
  }

  /** Writes raw bytes. */
  writeBytes(bytes: Uint8Array): void {
    this.ensure(bytes.length);
    this.buf.set(bytes, this.pos);
    this.pos += bytes.length;
  }

  /** Writes the UTF-8 (WTF-8, see `utf8.ts`) bytes of `s` with no length prefix; returns the byte count. */
  writeUtf8(s: string): number {
    const start = this.pos;
    this.ensure(utf8Length(s));
    this.pos = writeUtf8(s, this.buf, this.pos);
    return this.pos - start;
  }

  /** Writes `s` as a varint byte length followed by its UTF-8 (WTF-8) bytes. */
  writeString(s: string): void {
    const n = s.length;
    const start = this.pos;
    // Optimistic ASCII path: byte length = s.length, so the prefix can be written before scanning.
    this.writeVarint(n);
    this.ensure(n);
    const buf = this.buf;
    const p = this.pos;
    let i = 0;
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) break;
      buf[p + i] = c;
    }
    if (i === n) {
      this.pos = p + n;
      return;
    }
    this.pos = start;
    const len = utf8Length(s);
    this.writeVarint(len);
    this.ensure(len);
    this.pos = writeUtf8(s, this.buf, this.pos);
  }

  /**
   * The bytes written since the last reset, as a view of the writer's buffer: valid only until the
   * next write or reset, so for immediate use (hashing), never to keep.
   */
  written(): Uint8Array {
    return this.buf.subarray(0, this.pos);
  }

  /** A copy of the bytes written since the last reset (the writer's buffer is reused, so never hand it out). */
  finish(): Uint8Array {
    return this.buf.slice(0, this.pos);
  }

  /** The written bytes as a latin1 string (one char per byte), e.g. for use as a JS Map key. */
  toLatin1(): string {
    // Reusing one Buffer view halves the cost for short keys compared with wrapping the bytes on every call.
    this.latin1View ??= Buffer.from(this.buf.buffer, this.buf.byteOffset, this.buf.length);
    return this.latin1View.toString('latin1', 0, this.pos);
  }
}

/** Reads what {@link ByteWriter} writes; every read throws {@link DecodeError} rather than running past the end. */
export class ByteReader {
  readonly bytes: Uint8Array;
  /** Offset of the next unread byte. */
  pos = 0;
  private view: DataView | null = null;

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
  }

  /** Number of unread bytes. */
  get remaining(): number {
    return this.bytes.length - this.pos;
  }

  /** Throws a {@link DecodeError} at `offset` (default: the current position). */
  fail(message: string, offset: number = this.pos): never {
    throw new DecodeError(message, offset);
  }

  readByte(): number {
    if (this.pos >= this.bytes.length) this.fail('unexpected end of input');
    return this.bytes[this.pos++];
  }

  /** Reads a varint written by `writeVarint`; rejects overlong (non-minimal) forms and values above 2^53 - 1. */
  readVarint(): number {
    const start = this.pos;
    const bytes = this.bytes;
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 8; i++) {
      if (this.pos >= bytes.length) this.fail('truncated varint', start);
      const b = bytes[this.pos++];
      // The 8th group sits at bit 49; more than 4 bits there would exceed 2^53 - 1.
      if (i === 7 && b > 0x0f) this.fail('varint exceeds 2^53 - 1', start);
      result += (b & 0x7f) * scale;
      if (b < 0x80) {
        if (b === 0 && i > 0) this.fail('non-minimal varint', start);
        return result;
      }
      scale *= 0x80;
    }
    return this.fail('varint exceeds 2^53 - 1', start);
  }

  /** Reads a big-endian float64. */
  readFloat64(): number {
    if (this.remaining < 8) this.fail('truncated float64');
    this.view ??= new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.length);
    const x = this.view.getFloat64(this.pos, false);
    this.pos += 8;
    return x;
  }

  /** Reads `n` bytes into a fresh array (a copy, so decoded values never alias the input). */
  readBytes(n: number): Uint8Array {
    if (n > this.remaining) this.fail(`length ${n} runs past the end of input`);
    const out = this.bytes.slice(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  /** Reads `n` bytes of UTF-8 (WTF-8) as a string. */
  readString(n: number): string {
    if (n > this.remaining) this.fail(`length ${n} runs past the end of input`);
    const s = readUtf8(this.bytes, this.pos, this.pos + n);
    if (s === null) this.fail('invalid UTF-8 in string');
    this.pos += n;
    return s;
  }
}
