import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { equivalentPairArb, valueArb } from './arbitrary.js';
import { encode, encodedLength } from './encode.js';
import { print } from './print.js';
import { isRecord, kindOf, Tuple, type Value, ValueKind } from './value.js';

/** Visits `v` and everything nested in it. */
function walk(v: Value, visit: (x: Value) => void): void {
  visit(v);
  let children: Iterable<Value> = [];
  if (Array.isArray(v)) children = v as readonly Value[];
  else if (v instanceof Tuple) children = v.items;
  else if (v instanceof Set) children = v;
  else if (v instanceof Map) children = [...v].flat();
  else if (isRecord(v)) children = Object.values(v);
  for (const x of children) walk(x, visit);
}

describe('valueArb', () => {
  test('is deterministic for a seed', () => {
    const a = fc.sample(valueArb, { seed: 42, numRuns: 50 }).map(print);
    const b = fc.sample(valueArb, { seed: 42, numRuns: 50 }).map(print);
    assert.deepEqual(a, b);
  });

  test('covers every kind and the tricky representations', () => {
    const seen = new Set<string>();
    for (const v of fc.sample(valueArb, { seed: 7, numRuns: 1000 })) {
      walk(v, (x) => {
        seen.add(`kind:${kindOf(x)}`);
        if (Object.is(x, -0)) seen.add('-0');
        if (Number.isNaN(x)) seen.add('NaN');
        if (x instanceof Map) seen.add('Map');
        if (isRecord(x)) seen.add(Object.getPrototypeOf(x) === null ? 'null-proto record' : 'record');
        if (typeof x === 'bigint' && (x > 2n ** 64n || x < -(2n ** 64n))) seen.add('big bigint');
        if (typeof x === 'string' && /[\ud800-\udfff]/.test(x)) seen.add('surrogates');
      });
    }
    for (const kind of Object.values(ValueKind)) assert.ok(seen.has(`kind:${kind}`), `kind ${kind} never generated`);
    for (const what of ['-0', 'NaN', 'Map', 'record', 'null-proto record', 'big bigint', 'surrogates']) {
      assert.ok(seen.has(what), `${what} never generated`);
    }
  });

  test('values stay small', () => {
    const sizes = fc.sample(valueArb, { seed: 3, numRuns: 500 }).map(encodedLength);
    const mean = sizes.reduce((s, n) => s + n, 0) / sizes.length;
    assert.ok(mean < 400, `mean encoded size ${mean}`);
  });

  test('equivalentPairArb sometimes changes the representation', () => {
    let differentShape = 0;
    for (const [a, b] of fc.sample(equivalentPairArb, { seed: 5, numRuns: 300 })) {
      assert.deepEqual(encode(a), encode(b));
      if (a !== b) differentShape++;
    }
    assert.ok(differentShape > 50);
  });
});
