/**
 * The benchmark tables look seed figures and targets up by case id: an id that names no case
 * (a renamed row, a typo) would silently print no figure and no verdict. Every id must name a
 * registered case.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { caseId } from '../bench/harness.js';
import { GROUPS } from '../bench/registry.js';
import { SEED_NS, TARGET_NS } from '../bench/seed.js';

const ids = new Set(GROUPS.flatMap((g) => g.cases.map((c) => caseId(g.name, c))));

test('every seed figure names a benchmark case', () => {
  const unknown = Object.keys(SEED_NS).filter((id) => !ids.has(id));
  assert.deepEqual(unknown, []);
});

test('every target names a benchmark case', () => {
  const unknown = Object.keys(TARGET_NS).filter((id) => !ids.has(id));
  assert.deepEqual(unknown, []);
  // The issues' targets of phlogiston, registry and vectors are among them.
  for (const id of [
    'phlogiston/charge_operations/10000',
    'registry_lookup/sequential_lookup/1000',
    'vector_similarity/batch_cosine_100x1000',
  ]) {
    assert.ok(id in TARGET_NS, id);
  }
});
