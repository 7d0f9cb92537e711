import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { termArb, valueArb } from './arbitrary.js';
import {
  BoundVar,
  compareTerms,
  DecodeError,
  decodeTerm,
  EList,
  ETuple,
  emap,
  encodedLength,
  encodeTerm,
  eset,
  gbool,
  gbytes,
  gint,
  gstring,
  guri,
  INT64_MAX,
  INT64_MIN,
  keyOf,
  NIL,
  par,
  Send,
  type Term,
  termEquals,
  unforgeable,
} from './index.js';

const hex = (t: Term): string => Buffer.from(encodeTerm(t)).toString('hex');
const sorted = (ts: Term[]): Term[] => [...ts].sort(compareTerms);

describe('canonical encoding: exact bytes', () => {
  test('ground values', () => {
    assert.equal(hex(NIL), '10');
    assert.equal(hex(gbool(false)), '1100');
    assert.equal(hex(gbool(true)), '1101');
    assert.equal(hex(gint(0)), '128000000000000000');
    assert.equal(hex(gint(-1)), '127fffffffffffffff');
    assert.equal(hex(gint(INT64_MIN)), '120000000000000000');
    assert.equal(hex(gint(INT64_MAX)), '12ffffffffffffffff');
    assert.equal(hex(gstring('ab')), '1361620000');
    assert.equal(hex(gstring('a\u0000')), '136100ff0000');
    assert.equal(hex(guri('x')), '14780000');
    assert.equal(hex(gbytes(Uint8Array.of(0, 7))), '1500ff070000');
    assert.equal(hex(unforgeable(Uint8Array.of(0xab))), '16ab0000');
  });

  test('collections end their elements with 0x00, then the remainder marker', () => {
    assert.equal(hex(new EList([gint(0)], null)), `17${'128000000000000000'}0000`);
    assert.equal(hex(new ETuple([])), '1800');
    assert.equal(hex(eset([])), '190000');
    assert.equal(hex(emap([gstring('k')], [NIL])), '1a136b0000100000');
  });

  test('encodedLength is the byte length, keys are latin1 strings of the bytes', () => {
    const t = emap([gstring('k')], [new EList([gint(3), gbool(true)], null)]);
    assert.equal(encodedLength(t), encodeTerm(t).length);
    assert.equal(keyOf(t), Buffer.from(encodeTerm(t)).toString('latin1'));
    assert.equal(encodedLength(t), encodeTerm(t).length, 'also once the key is memoized');
  });
});

describe('canonical order', () => {
  test('integers numerically, negatives first', () => {
    const ints = [5n, -1n, INT64_MAX, 0n, INT64_MIN, 256n, -256n].map((v) => gint(v));
    assert.deepEqual(
      sorted(ints).map((t) => (t.kind === 'Int' ? t.value : null)),
      [INT64_MIN, -256n, -1n, 0n, 5n, 256n, INT64_MAX],
    );
  });

  test('strings lexicographically by code point, a prefix first', () => {
    const strs = ['b', 'ab', 'a', '', 'a\u0000', '\uE000', '\u{1F600}', 'B', 'é'];
    assert.deepEqual(
      sorted(strs.map(gstring)).map((t) => (t.kind === 'String' ? t.value : null)),
      ['', 'B', 'a', 'a\u0000', 'ab', 'b', 'é', '\uE000', '\u{1F600}'],
    );
  });

  test('mixed kinds by kind: Nil, Bool, Int, String, Uri, ByteArray, Unforgeable, List, Tuple, Set, Map, processes', () => {
    const ts: Term[] = [
      new Send(NIL, [], false, []),
      emap([], []),
      eset([]),
      new ETuple([]),
      new EList([], null),
      unforgeable(Uint8Array.of(1)),
      gbytes(Uint8Array.of(1)),
      guri('a'),
      gstring('a'),
      gint(1),
      gbool(true),
      NIL,
    ];
    assert.deepEqual(
      sorted(ts).map((t) => t.kind),
      ['Nil', 'Bool', 'Int', 'String', 'Uri', 'Bytes', 'Unforgeable', 'List', 'Tuple', 'Set', 'Map', 'Send'],
    );
  });

  test('false before true; lists lexicographically, a prefix first', () => {
    assert.equal(compareTerms(gbool(false), gbool(true)), -1);
    const l = (...ns: number[]): Term => new EList(ns.map(gint), null);
    assert.deepEqual(sorted([l(2), l(1, 2), l(1), l()]).map(keyOf), [l(), l(1), l(1, 2), l(2)].map(keyOf));
  });

  test('property: compare is a total order consistent with equality', () => {
    fc.assert(
      fc.property(termArb(3), termArb(3), termArb(3), (a, b, c) => {
        const ab = compareTerms(a, b);
        assert.equal(compareTerms(b, a) + ab, 0, 'antisymmetric');
        assert.equal(ab === 0, termEquals(a, b), 'zero exactly on equal terms');
        assert.equal(compareTerms(a, a), 0, 'reflexive');
        if (ab <= 0 && compareTerms(b, c) <= 0) assert.ok(compareTerms(a, c) <= 0, 'transitive');
      }),
      { numRuns: 2000 },
    );
  });

  test('property: sorting is independent of the input order (and sorting values is deterministic)', () => {
    fc.assert(
      fc.property(fc.array(valueArb(3), { maxLength: 8 }), (vs) => {
        const a = sorted(vs).map(keyOf);
        const b = sorted([...vs].reverse()).map(keyOf);
        assert.deepEqual(a, b);
        for (let i = 1; i < a.length; i++) assert.ok(a[i - 1] <= a[i]);
      }),
    );
  });
});

describe('round trip and injectivity', () => {
  test('property: decode(encode(t)) is t, for terms of every kind', () => {
    fc.assert(
      fc.property(termArb(4), (t) => {
        const bytes = encodeTerm(t);
        const back = decodeTerm(bytes);
        assert.ok(termEquals(back, t));
        assert.deepEqual(encodeTerm(back), bytes);
      }),
      { numRuns: 1500 },
    );
  });

  test('property: equal terms ⇔ equal bytes (terms rebuilt from parts in another order)', () => {
    fc.assert(
      fc.property(fc.array(valueArb(3), { minLength: 1, maxLength: 5 }), (vs) => {
        const a = par(vs.map((v) => new Send(v, [v], false, [])));
        const b = par([...vs].reverse().map((v) => new Send(v, [v], false, [])));
        assert.deepEqual(encodeTerm(a), encodeTerm(b));
        const s1 = eset(vs);
        const s2 = eset([...vs, ...vs].reverse());
        assert.deepEqual(encodeTerm(s1), encodeTerm(s2));
      }),
    );
  });

  test('property: different terms ⇔ different bytes', () => {
    fc.assert(
      fc.property(termArb(3), termArb(3), (a, b) => {
        const same = Buffer.from(encodeTerm(a)).equals(Buffer.from(encodeTerm(b)));
        assert.equal(same, termEquals(decodeTerm(encodeTerm(a)), b));
      }),
      { numRuns: 1500 },
    );
  });

  test('strings with lone surrogates and NULs stay distinct and round-trip', () => {
    const strs = ['\uD800', '\uFFFD', '\uDC00', '\u0000', '\u0000\u0000', '', '\uD83D\uDE00', '\uD83D'];
    const keys = new Set(strs.map((s) => keyOf(gstring(s))));
    assert.equal(keys.size, strs.length);
    for (const s of strs) {
      const back = decodeTerm(encodeTerm(gstring(s)));
      assert.equal(back.kind === 'String' ? back.value : null, s);
    }
  });
});

describe('decoding is strict', () => {
  const bad = (bytes: number[], why: string): void => {
    assert.throws(() => decodeTerm(Uint8Array.from(bytes)), DecodeError, why);
  };

  test('unknown tags, truncation and trailing bytes', () => {
    bad([0x05], 'unknown tag');
    bad([0x12, 0x80], 'truncated integer');
    bad([0x10, 0x10], 'trailing bytes');
    bad([0x13, 0x61, 0x00], 'unterminated string');
    bad([0x13, 0x00, 0x07, 0x00, 0x00], 'invalid escape');
    bad([0x11, 0x02], 'invalid boolean');
  });

  test('non-canonical forms: an unsorted or repeated set, a Par of one member', () => {
    const one = [...encodeTerm(gint(1))];
    const two = [...encodeTerm(gint(2))];
    bad([0x19, ...two, ...one, 0x00, 0x00], 'unsorted set');
    bad([0x19, ...one, ...one, 0x00, 0x00], 'repeated element');
    bad([0x60, ...one, 0x00], 'Par of one member');
    bad([0x60, ...[...encodeTerm(NIL)], ...one, 0x00], 'Par with Nil');
    assert.ok(termEquals(decodeTerm(Uint8Array.from([0x19, ...one, ...two, 0x00, 0x00])), eset([gint(1), gint(2)])));
  });

  test('a bound variable index survives (LEB128 varint)', () => {
    const t = new BoundVar(300);
    assert.equal(hex(t), '20ac02');
    assert.ok(termEquals(decodeTerm(encodeTerm(t)), t));
  });
});
