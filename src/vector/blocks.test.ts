/**
 * The kernels added for speed give the bits of the simple ones: the block kernel (rows × queries)
 * equals the single-pair dot of each pair, the cosine score kernel equals scores.ts's function,
 * and the division kernel equals JavaScript's division, under WebAssembly and TypeScript alike,
 * on any float32 input (NaN, infinities, subnormals and −0 included).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  COS_PARTS_FLOATS,
  cosScoresScratch,
  DOT_BLOCK_TMP_FLOATS,
  type KernelHeap,
  padded,
  TypeScriptHeap,
} from './heap.js';
import { dotLanes } from './lanes.js';
import { cosineScore } from './scores.js';
import { WasmHeap } from './wasm.js';

function same(a: number, b: number, what: string): void {
  assert.ok(Object.is(a, b), `${what}: ${a} vs ${b}`);
}

const heaps = (): KernelHeap[] => [new WasmHeap(16), new TypeScriptHeap(16)];

describe('block kernels', () => {
  test('dotBlock: every pair is the single-pair dot, tails and any output stride included', () => {
    const arb = fc
      .record({
        dims: fc.integer({ min: 0, max: 40 }),
        rows: fc.integer({ min: 0, max: 9 }),
        nq: fc.integer({ min: 0, max: 7 }),
        gap: fc.integer({ min: 0, max: 3 }),
      })
      .chain(({ dims, rows, nq, gap }) =>
        fc.record({
          dims: fc.constant(dims),
          gap: fc.constant(gap),
          vectors: fc.array(fc.float32Array({ minLength: dims, maxLength: dims }), {
            minLength: rows + nq,
            maxLength: rows + nq,
          }),
          rows: fc.constant(rows),
        }),
      );
    fc.assert(
      fc.property(arb, ({ dims, gap, vectors, rows }) => {
        const p = padded(dims);
        const nq = vectors.length - rows;
        const ostride = rows + gap;
        const out = vectors.length * p;
        const tmp = out + nq * ostride;
        const results = heaps().map((h) => {
          h.reserve(tmp + DOT_BLOCK_TMP_FLOATS);
          h.f32.fill(0);
          for (const [i, v] of vectors.entries()) h.f32.set(v, i * p);
          h.f32.fill(-7, out, tmp); // untouched outputs keep this
          h.dotBlock(0, rows, p, rows * p, nq, p, dims, out, ostride, tmp);
          return Array.from(h.f32.subarray(out, tmp));
        });
        for (let j = 0; j < nq; j++) {
          for (let r = 0; r < ostride; r++) {
            const want = r < rows ? dotLanes(vectors[r], 0, vectors[rows + j], 0, dims) : -7;
            same(results[0][j * ostride + r], want, `wasm query ${j} row ${r}`);
            same(results[1][j * ostride + r], want, `typescript query ${j} row ${r}`);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  test('cosScores: scores.ts cosineScore of each entry, zeros, NaN and infinities included', () => {
    const value = fc.oneof(
      fc.float({ noNaN: false }),
      fc.constantFrom(0, -0, 1, -1, Number.POSITIVE_INFINITY, Number.NaN),
      fc.float({ min: 0, max: 4, noNaN: true }),
    );
    const arb = fc.record({
      m: fc.integer({ min: 0, max: 9 }),
      n: fc.integer({ min: 0, max: 4 }),
      gap: fc.integer({ min: 0, max: 2 }),
      values: fc.array(value, { minLength: 60, maxLength: 60 }),
    });
    fc.assert(
      fc.property(arb, ({ m, n, gap, values }) => {
        const s = m + gap;
        const dots = 0;
        const norms = n * s;
        const qnorms = norms + m;
        const scratch = qnorms + n + 1; // odd on purpose: the kernel aligns its doubles itself
        for (const h of heaps()) {
          h.reserve(scratch + cosScoresScratch(n * s));
          for (let i = 0; i < scratch; i++) h.f32[i] = values[i % values.length];
          const got = h.cosScores(dots, norms, m, qnorms, n, s, scratch);
          assert.equal(got.length, n * s);
          for (let i = 0; i < n; i++) {
            for (let r = 0; r < m; r++) {
              const want = cosineScore(h.f32[dots + i * s + r], h.f32[norms + r], h.f32[qnorms + i]);
              same(got[i * s + r], want, `${h.backend} query ${i} row ${r}`);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  test('divide: each quotient in double, rounded to float32, the padding left zero', () => {
    fc.assert(
      fc.property(fc.float32Array({ maxLength: 40 }), fc.double({ min: 1e-30, max: 1e30, noNaN: true }), (v, d) => {
        for (const h of heaps()) {
          const p = padded(v.length);
          h.reserve(p + 16);
          h.f32.fill(0);
          h.f32.set(v, 0);
          h.divide(0, v.length, d);
          for (let i = 0; i < v.length; i++) same(h.f32[i], Math.fround(v[i] / d), `${h.backend} component ${i}`);
          for (let i = v.length; i < p + 16; i++) same(h.f32[i], 0, `${h.backend} padding ${i}`);
        }
      }),
      { numRuns: 300 },
    );
  });

  test('cosParts writes three results and keeps to its scratch', () => {
    for (const h of heaps()) {
      h.reserve(64 + COS_PARTS_FLOATS + 16);
      h.f32.fill(0);
      for (let i = 0; i < 20; i++) {
        h.f32[i] = i;
        h.f32[32 + i] = 20 - i;
      }
      h.f32.fill(5, 64 + COS_PARTS_FLOATS, 64 + COS_PARTS_FLOATS + 16);
      h.cosParts(0, 32, 20, 64);
      same(h.f32[64], dotLanes(h.f32, 0, h.f32, 32, 20), `${h.backend} dot`);
      same(h.f32[65], dotLanes(h.f32, 0, h.f32, 0, 20), `${h.backend} ‖a‖²`);
      same(h.f32[66], dotLanes(h.f32, 32, h.f32, 32, 20), `${h.backend} ‖b‖²`);
      for (let i = 64 + COS_PARTS_FLOATS; i < 64 + COS_PARTS_FLOATS + 16; i++)
        same(h.f32[i], 5, `${h.backend} past the scratch`);
    }
  });
});
