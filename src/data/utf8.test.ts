import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { stringArb } from './arbitrary.js';
import { compareStrings, readUtf8, utf8Length, writeUtf8 } from './utf8.js';

function wtf8(s: string): Uint8Array {
  const buf = new Uint8Array(utf8Length(s));
  const end = writeUtf8(s, buf, 0);
  assert.equal(end, buf.length);
  return buf;
}

function byteOrder(a: Uint8Array, b: Uint8Array): number {
  return Math.sign(Buffer.compare(a, b));
}

/** Code point order, lone surrogates as their own code points: the reference for `compareStrings`. */
function codePointOrder(a: string, b: string): number {
  const x = Array.from(a, (c) => c.codePointAt(0)!);
  const y = Array.from(b, (c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  return Math.sign(x.length - y.length);
}

describe('utf8', () => {
  test('well-formed strings encode exactly as UTF-8', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 20 }), (s) => {
        assert.deepEqual(wtf8(s), new Uint8Array(Buffer.from(s, 'utf8')));
      }),
      { numRuns: 300 },
    );
  });

  test('lone surrogates get their own 3-byte sequence, pairs one 4-byte sequence', () => {
    assert.deepEqual([...wtf8('\ud800')], [0xed, 0xa0, 0x80]);
    assert.deepEqual([...wtf8('\udfff')], [0xed, 0xbf, 0xbf]);
    assert.deepEqual([...wtf8('\ud800\udc00')], [0xf0, 0x90, 0x80, 0x80]);
    assert.deepEqual([...wtf8('a\udc00\ud800')], [0x61, 0xed, 0xb0, 0x80, 0xed, 0xa0, 0x80]);
    assert.notDeepEqual(wtf8('\ud800'), wtf8('\ufffd'));
  });

  test('every string round-trips', () => {
    fc.assert(
      fc.property(stringArb, (s) => {
        const b = wtf8(s);
        assert.equal(readUtf8(b, 0, b.length), s);
      }),
      { numRuns: 500 },
    );
    const long = `${'x'.repeat(40)}\ud800é\u{1f600}`;
    const b = wtf8(long);
    assert.equal(readUtf8(b, 0, b.length), long);
  });

  test('reads a sub-range and keeps a leading BOM', () => {
    const b = new Uint8Array([0x7a, 0xef, 0xbb, 0xbf, 0x61, 0x7a]);
    assert.equal(readUtf8(b, 1, 5), '\ufeffa');
    assert.equal(readUtf8(b, 0, 0), '');
  });

  test('rejects bytes that are not canonical WTF-8', () => {
    const bad = [
      [0x80], // stray continuation
      [0xc0, 0x80], // overlong
      [0xe0, 0x80, 0x80], // overlong
      [0xf0, 0x80, 0x80, 0x80], // overlong
      [0xf4, 0x90, 0x80, 0x80], // above U+10FFFF
      [0xe2, 0x82], // truncated
      [0xff],
      [0xed, 0xa0, 0x80, 0xed, 0xb0, 0x80], // a pair written as two surrogates
    ];
    for (const bytes of bad) {
      const b = new Uint8Array(bytes);
      assert.equal(readUtf8(b, 0, b.length), null, `accepted ${Buffer.from(b).toString('hex')}`);
    }
    // A low surrogate followed by a high one is two lone surrogates, which is fine.
    const ok = new Uint8Array([0xed, 0xb0, 0x80, 0xed, 0xa0, 0x80]);
    assert.equal(readUtf8(ok, 0, ok.length), '\udc00\ud800');
  });

  test('compareStrings is code point order, not UTF-16 order', () => {
    assert.equal(compareStrings('\u{10000}', '\uffff'), 1);
    assert.ok('\u{10000}' < '\uffff'); // what JS `<` says
    assert.equal(compareStrings('\ud800', '\u{10000}'), -1);
    assert.equal(compareStrings('\udc00', '\ud800\udc00'), -1);
    assert.equal(compareStrings('\ud800a', '\ud800\udc00'), -1);
    assert.equal(compareStrings('\ud800\ue000', '\ud800\udc00'), -1);
    assert.equal(compareStrings('a', 'ab'), -1);
    assert.equal(compareStrings('ab', 'ab'), 0);
    assert.equal(compareStrings('b', 'ab'), 1);
  });

  test('compareStrings agrees with code points and with encoded byte order', () => {
    fc.assert(
      fc.property(stringArb, stringArb, (a, b) => {
        const c = compareStrings(a, b);
        assert.equal(c, codePointOrder(a, b));
        assert.equal(c, byteOrder(wtf8(a), wtf8(b)));
        assert.equal(compareStrings(b, a), 0 - c);
      }),
      { numRuns: 500 },
    );
  });
});
