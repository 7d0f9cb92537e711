/**
 * The WebAssembly SIMD kernels and the TypeScript fallback give the same bits, on every input:
 * any float32 values (subnormals, −0, huge values whose sums overflow), any length (multiples of 4
 * and 16 or not), single pairs and matrix rows. These tests run from dist/, where the build put
 * kernels.wasm, so the WebAssembly side really is there.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { COS_PARTS_FLOATS, type KernelHeap, padded, TypeScriptHeap } from './heap.js';
import { forceKernelBackend, kernelBackend, kernelBackendInfo } from './kernel-backend.js';
import {
  cosineSimilarity,
  dotProduct,
  l2Norm,
  l2Normalize,
  manhattanDistance,
  squaredEuclideanDistance,
} from './kernels.js';
import { absdistLanes, dotLanes, sqdistLanes } from './lanes.js';
import { WasmHeap } from './wasm.js';

/** Any float32 at all (NaN and infinities included: Object.is compares them as equal). */
const anyVector = (maxLength = 80) => fc.float32Array({ maxLength });
/** A pair of vectors of one length. */
const pairArb = fc
  .nat(80)
  .chain((n) =>
    fc.tuple(fc.float32Array({ minLength: n, maxLength: n }), fc.float32Array({ minLength: n, maxLength: n })),
  );

function loadInto(h: KernelHeap, off: number, v: Float32Array): void {
  h.reserve(off + padded(v.length));
  h.f32.set(v, off);
  h.f32.fill(0, off + v.length, off + padded(v.length));
}

/** l2Normalize's components, or its error code (a norm that overflows is refused on both sides). */
function normalizedOrError(a: Float32Array): (number | string)[] {
  try {
    return Array.from(l2Normalize(a));
  } catch (error) {
    return [(error as { code: string }).code];
  }
}

function same(a: number | string, b: number | string, what: string): void {
  assert.ok(Object.is(a, b), `${what}: wasm ${a} vs typescript ${b}`);
}

describe('kernel backends', () => {
  test('the WebAssembly kernels load when running from the build', () => {
    const info = kernelBackendInfo();
    assert.equal(info.wasmAvailable, true, `kernels.wasm should load from dist: ${info.unavailableReason}`);
    assert.equal(info.unavailableReason, null);
    assert.equal(info.active, 'wasm-simd');
    assert.equal(info.forced, false);
  });

  test('forceKernelBackend switches to the fallback and back', () => {
    try {
      assert.equal(forceKernelBackend('typescript'), 'typescript');
      assert.equal(kernelBackend(), 'typescript');
      assert.equal(kernelBackendInfo().forced, true);
    } finally {
      assert.equal(forceKernelBackend('auto'), 'wasm-simd');
    }
    assert.throws(() => forceKernelBackend('wasm' as 'auto'), { code: 'InvalidVectorOption' });
  });
});

describe('wasm and TypeScript loops agree bit for bit', () => {
  test('dot, squared distance, absolute distance and cosine parts of one pair', () => {
    const wasm = new WasmHeap(64);
    const ts = new TypeScriptHeap(64);
    fc.assert(
      fc.property(pairArb, ([a, b]) => {
        const n = a.length;
        const p = padded(n);
        for (const h of [wasm, ts]) {
          loadInto(h, 0, a);
          loadInto(h, p, b);
          h.reserve(2 * p + COS_PARTS_FLOATS);
          h.cosParts(0, p, n, 2 * p);
        }
        same(wasm.dot(0, p, n), ts.dot(0, p, n), 'dot');
        same(wasm.sqdist(0, p, n), ts.sqdist(0, p, n), 'sqdist');
        same(wasm.absdist(0, p, n), ts.absdist(0, p, n), 'absdist');
        for (let i = 0; i < 3; i++) same(wasm.f32[2 * p + i], ts.f32[2 * p + i], `cosParts[${i}]`);
        // The fused pass equals three separate dots, and the loops on unpadded arrays equal both.
        same(wasm.f32[2 * p], wasm.dot(0, p, n), 'cosParts dot');
        same(wasm.f32[2 * p + 1], wasm.dot(0, 0, n), 'cosParts ‖a‖²');
        same(wasm.f32[2 * p + 2], wasm.dot(p, p, n), 'cosParts ‖b‖²');
        same(dotLanes(a, 0, b, 0, n), wasm.dot(0, p, n), 'unpadded dot');
        same(sqdistLanes(a, 0, b, 0, n), wasm.sqdist(0, p, n), 'unpadded sqdist');
        same(absdistLanes(a, 0, b, 0, n), wasm.absdist(0, p, n), 'unpadded absdist');
      }),
      { numRuns: 500 },
    );
  });

  test('the row kernels over a matrix, row by row equal to the single-pair kernels', () => {
    const arb = fc
      .record({ dims: fc.integer({ min: 1, max: 40 }), rows: fc.integer({ min: 0, max: 12 }) })
      .chain(({ dims, rows }) =>
        fc.record({
          dims: fc.constant(dims),
          matrix: fc.array(fc.float32Array({ minLength: dims, maxLength: dims }), { minLength: rows, maxLength: rows }),
          q: fc.float32Array({ minLength: dims, maxLength: dims }),
        }),
      );
    fc.assert(
      fc.property(arb, ({ dims, matrix, q }) => {
        const p = padded(dims);
        const rows = matrix.length;
        const qOff = rows * p;
        const out = qOff + p;
        const heaps = [new WasmHeap(16), new TypeScriptHeap(16)];
        const results = heaps.map((h) => {
          for (const [r, row] of matrix.entries()) loadInto(h, r * p, row);
          loadInto(h, qOff, q);
          h.reserve(out + 4 * rows);
          h.dotRows(0, rows, p, qOff, dims, out);
          h.sqdistRows(0, rows, p, qOff, dims, out + rows);
          h.absdistRows(0, rows, p, qOff, dims, out + 2 * rows);
          h.sqnormRows(0, rows, p, dims, out + 3 * rows);
          return Array.from(h.f32.subarray(out, out + 4 * rows));
        });
        for (const [i, x] of results[0].entries()) same(x, results[1][i], `row output ${i}`);
        matrix.forEach((row, r) => {
          same(results[0][r], dotLanes(row, 0, q, 0, dims), `dot row ${r}`);
          same(results[0][rows + r], sqdistLanes(row, 0, q, 0, dims), `sqdist row ${r}`);
          same(results[0][2 * rows + r], absdistLanes(row, 0, q, 0, dims), `absdist row ${r}`);
          same(results[0][3 * rows + r], dotLanes(row, 0, row, 0, dims), `sqnorm row ${r}`);
        });
      }),
      { numRuns: 200 },
    );
  });

  test('the public kernels give the same bits under either backend', () => {
    fc.assert(
      fc.property(pairArb, ([a, b]) => {
        const run = () => [
          dotProduct(a, b),
          cosineSimilarity(a, b),
          squaredEuclideanDistance(a, b),
          manhattanDistance(a, b),
          l2Norm(a),
          ...normalizedOrError(a),
        ];
        const wasm = run();
        forceKernelBackend('typescript');
        try {
          const ts = run();
          for (const [i, x] of wasm.entries()) same(x, ts[i], `result ${i}`);
        } finally {
          forceKernelBackend('auto');
        }
      }),
      { numRuns: 300 },
    );
  });

  test('lengths around the block sizes, with values that stress rounding', () => {
    // Mixed magnitudes make the summation order visible in the last bits.
    const wasm = new WasmHeap(16);
    const ts = new TypeScriptHeap(16);
    for (let n = 0; n <= 67; n++) {
      const a = new Float32Array(n).map((_, i) => (i % 3 === 0 ? 1e7 : 1) * Math.sin(i + 1));
      const b = new Float32Array(n).map((_, i) => (i % 5 === 0 ? 1e-7 : 3) * Math.cos(i * 7));
      const p = padded(n);
      for (const h of [wasm, ts]) {
        loadInto(h, 0, a);
        loadInto(h, p, b);
      }
      same(wasm.dot(0, p, n), ts.dot(0, p, n), `dot n=${n}`);
      same(wasm.sqdist(0, p, n), ts.sqdist(0, p, n), `sqdist n=${n}`);
      same(wasm.absdist(0, p, n), ts.absdist(0, p, n), `absdist n=${n}`);
    }
  });

  test('the lane order is the documented one: 16 lanes by i % 16, then a fixed tree', () => {
    // An independent, obviously-correct model of the documented order.
    const model = (a: Float32Array, b: Float32Array): number => {
      const f = Math.fround;
      const lanes = new Array<number>(16).fill(0);
      for (let i = 0; i < a.length; i++) lanes[i % 16] = f(lanes[i % 16] + f(a[i] * b[i]));
      const w = [0, 1, 2, 3].map((j) => f(f(lanes[j] + lanes[j + 4]) + f(lanes[j + 8] + lanes[j + 12])));
      return f(f(w[0] + w[1]) + f(w[2] + w[3]));
    };
    fc.assert(
      fc.property(pairArb, ([a, b]) => {
        same(dotProduct(a, b), model(a, b), 'dot vs model');
      }),
    );
    // 2^24 followed by sixteen 1s: a sequential float32 sum loses every 1 (2^24 + 1 rounds back to
    // 2^24), the lanes keep fourteen of them (lane 0 loses its 1, and so does the first add of the tree).
    const a = new Float32Array(17).fill(1);
    a[0] = 2 ** 24;
    const ones = new Float32Array(17).fill(1);
    let sequential = 0;
    for (let i = 0; i < 17; i++) sequential = Math.fround(sequential + a[i]);
    assert.equal(sequential, 2 ** 24);
    assert.equal(dotProduct(a, ones), model(a, ones));
    assert.equal(dotProduct(a, ones), 2 ** 24 + 14);
  });

  test('norms of any float32 vector agree (NaN, infinities and overflow included)', () => {
    fc.assert(
      fc.property(anyVector(), (a) => {
        const wasm = l2Norm(a);
        forceKernelBackend('typescript');
        try {
          same(wasm, l2Norm(a), 'l2Norm');
        } finally {
          forceKernelBackend('auto');
        }
      }),
    );
  });
});
