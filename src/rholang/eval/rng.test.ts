import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { Rng } from './rng.js';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

test('the same seed and the same path give the same names', () => {
  fc.assert(
    fc.property(
      fc.bigInt({ min: -(1n << 63n), max: (1n << 64n) - 1n }),
      fc.array(fc.nat(300), { maxLength: 6 }),
      (seed, path) => {
        const walk = () => {
          let r = Rng.fromSeed(seed);
          for (const i of path) r = r.split(i);
          return [hex(r.next()), hex(r.next())];
        };
        assert.deepEqual(walk(), walk());
      },
    ),
  );
});

test('names are 32 bytes and distinct across draws, splits, merges and seeds', () => {
  const seen = new Set<string>();
  const add = (b: Uint8Array) => {
    assert.equal(b.length, 32);
    const h = hex(b);
    assert.ok(!seen.has(h), `repeated name ${h}`);
    seen.add(h);
  };
  for (let seed = 0; seed < 20; seed++) {
    const root = Rng.fromSeed(seed);
    for (let i = 0; i < 20; i++) {
      const child = root.split(i);
      add(child.next());
      add(child.next());
      add(child.split(0).next());
      add(child.mergeOne(root.split(i + 1)).next());
    }
    add(root.next());
  }
  assert.equal(seen.size, 20 * (20 * 4 + 1));
});

test('merge depends on every generator and on their order; mergeOne is merge of one', () => {
  const a = Rng.fromSeed(1);
  const b = Rng.fromSeed(2);
  const c = Rng.fromSeed(3);
  assert.equal(hex(a.mergeOne(b).next()), hex(a.merge([b]).next()));
  assert.notEqual(hex(a.merge([b, c]).next()), hex(a.merge([c, b]).next()));
  assert.notEqual(hex(a.merge([b]).next()), hex(a.merge([c]).next()));
  assert.notEqual(hex(a.merge([b]).next()), hex(b.merge([a]).next()));
});

test('bits of names are balanced (a coarse check of the mixing)', () => {
  let ones = 0;
  const r = Rng.fromSeed(7);
  const draws = 2000;
  for (let i = 0; i < draws; i++)
    for (const byte of r.split(i).next()) for (let k = 0; k < 8; k++) ones += (byte >> k) & 1;
  const ratio = ones / (draws * 256);
  assert.ok(Math.abs(ratio - 0.5) < 0.01, `ratio of one bits ${ratio}`);
});
