import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { print } from '../data/print.js';
import type { Value } from '../data/value.js';
import type { ValueTypes } from '../plain/adapter.js';
import { createSpace } from '../plain/create.js';
import type { SpaceConfigInput } from './config.js';
import { CheckpointError } from './errors.js';
import { predicateMatcher } from './matchers/basic.js';
import type { Space } from './space.js';

/** Patterns for these tests: null matches anything, a number matches data ≡ it (mod 3). */
type P = number | null;
const matcher = predicateMatcher<P, Value>((p, d) => p === null || (typeof d === 'number' && d % 3 === p), 'Mod3');
type S = Space<ValueTypes<P, string>>;
const space = (config?: SpaceConfigInput): S => createSpace<P, string>({ config, matcher });

/** Everything observable except the name counter (names are never taken back). */
function state(s: S): string {
  const out: string[] = [];
  for (const c of s.channels()) {
    const data = s.getData(c).map((d) => `${print(d.datum)}${d.persistent ? '!' : ''}${d.priority ?? ''}`);
    const joins = s.getJoins(c).map((j) => {
      const waiting = s.getWaiting(j).map((w) => `${w.continuation}${w.persistent ? '!' : ''}[${w.peeks}]`);
      return `${j.map((x) => print(x)).join('&')}:${waiting.join(',')}`;
    });
    out.push(`${print(c)}=${data.join(',')} ${joins.join(' ')}`);
  }
  return out.join('\n');
}

describe('soft checkpoints', () => {
  test('revert restores data and waiting continuations; names are not taken back', () => {
    const s = space();
    s.produce('a', 1);
    s.consume(['b', 'c'], [null, null], 'join');
    const before = state(s);
    const names = s.nameCount;
    s.softCheckpoint();
    s.consume(['a'], [null], 'k');
    s.produce('b', 2);
    s.produce('c', 3);
    s.produce('d', 4, { persist: true });
    s.gensym();
    assert.notEqual(state(s), before);
    s.revertSoftCheckpoint();
    assert.equal(state(s), before);
    assert.equal(s.nameCount, names + 1);
    // The space works on after a revert.
    assert.equal(s.produce('b', 5).length, 0);
    assert.equal(s.produce('c', 6)[0].continuation, 'join');
  });

  test('nested checkpoints revert innermost first; commit keeps work for the enclosing one to revert', () => {
    const s = space();
    s.produce('a', 1);
    const outer = state(s);
    assert.equal(s.softCheckpoint(), 1);
    s.produce('a', 2);
    const middle = state(s);
    assert.equal(s.softCheckpoint(), 2);
    s.produce('a', 3);
    s.revertSoftCheckpoint(2);
    assert.equal(state(s), middle);
    s.softCheckpoint();
    s.produce('a', 4);
    s.commitSoftCheckpoint();
    assert.equal(s.getData('a').length, 3);
    s.revertSoftCheckpoint(1);
    assert.equal(state(s), outer);
    assert.equal(s.softCheckpointDepth, 0);
  });

  test('revert or commit with no open checkpoint, or out of order, is a CheckpointError', () => {
    const s = space();
    assert.throws(() => s.revertSoftCheckpoint(), { code: 'CheckpointError', message: 'no soft checkpoint to revert' });
    assert.throws(() => s.commitSoftCheckpoint(), CheckpointError);
    s.softCheckpoint();
    s.softCheckpoint();
    assert.throws(() => s.revertSoftCheckpoint(1), /innermost is 2/);
    assert.equal(s.softCheckpointDepth, 2);
  });

  test('clear inside a checkpoint is reverted', () => {
    const s = space({ outer: 'pathmap' });
    s.produce(['x', 'y'], 1);
    s.consume([['q']], [null], 'k');
    const before = state(s);
    s.softCheckpoint();
    s.clear();
    assert.equal(state(s), '');
    s.revertSoftCheckpoint();
    assert.equal(state(s), before);
    // The trie is back: a prefix consume finds the descendant.
    assert.equal(s.consume([['x']], [null], 'k2')[0].matches[0].datum, 1);
  });

  test('priority-queue growth, set membership and a cyclic wrap are reverted', () => {
    const pq = space({ inner: 'priorityqueue', levels: 2 });
    pq.softCheckpoint();
    pq.produce('q', 1, { priority: 7 });
    pq.revertSoftCheckpoint();
    pq.produce('q', 2);
    assert.deepEqual(pq.getData('q'), [{ datum: 2, persistent: false, priority: 1 }]);

    const set = space({ inner: 'set' });
    set.produce('s', 1);
    set.softCheckpoint();
    set.consume(['s'], [null], 'k');
    set.produce('s', 2);
    set.revertSoftCheckpoint();
    assert.deepEqual(set.produce('s', 1), []);
    assert.equal(set.getData('s').length, 1);

    const ring = space({ outer: 'array', size: 1, cyclic: true });
    const n = ring.gensym();
    ring.produce(n, 'kept');
    ring.softCheckpoint();
    ring.gensym();
    assert.deepEqual(ring.getData(n), []);
    ring.revertSoftCheckpoint();
    assert.equal(ring.getData(n).length, 1);
  });
});

type Op =
  | { t: 'produce'; ch: number; v: number; persist: boolean; priority: number }
  | { t: 'consume'; chs: number[]; pats: P[]; persist: boolean; peek: boolean; k: string }
  | { t: 'clear' }
  | { t: 'checkpoint' }
  | { t: 'revert' }
  | { t: 'commit' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      t: fc.constant('produce' as const),
      ch: fc.integer({ min: 0, max: 3 }),
      v: fc.integer({ min: 0, max: 20 }),
      persist: fc.boolean(),
      priority: fc.integer({ min: 0, max: 3 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant('consume' as const),
      chs: fc.uniqueArray(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 3 }),
      pats: fc.array(fc.constantFrom<P>(null, 0, 1, 2), { minLength: 3, maxLength: 3 }),
      persist: fc.boolean(),
      peek: fc.boolean(),
      k: fc.constantFrom('k1', 'k2'),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ t: 'clear' as const }) },
  { weight: 2, arbitrary: fc.constant({ t: 'checkpoint' as const }) },
  { weight: 2, arbitrary: fc.constant({ t: 'revert' as const }) },
  { weight: 1, arbitrary: fc.constant({ t: 'commit' as const }) },
);

/** Applies a state-changing op; cell refusals are part of the behaviour, not failures. */
function apply(s: S, op: Op): void {
  try {
    if (op.t === 'produce') s.produce(op.ch, op.v, { persist: op.persist, priority: op.priority });
    else if (op.t === 'consume') {
      const pats = op.chs.map((_, i) => op.pats[i]);
      s.consume(op.chs, pats, op.k, { persist: op.persist, peeks: op.peek ? [0] : [] });
    } else if (op.t === 'clear') s.clear();
  } catch (e) {
    if ((e as { code?: string }).code !== 'CellAlreadyFull') throw e;
  }
}

const CONFIGS: SpaceConfigInput[] = [
  {},
  { inner: 'queue' },
  { inner: 'stack' },
  { inner: 'set' },
  { inner: 'cell' },
  { inner: 'priorityqueue', levels: 2 },
  { outer: 'array', size: 8 },
  { outer: 'pathmap' },
  { continuations: 'queue' },
];

describe('soft checkpoints: property', () => {
  for (const config of CONFIGS) {
    test(`${JSON.stringify(config)}: a revert gives the state of a fresh space replaying only the kept operations`, () => {
      fc.assert(
        fc.property(fc.array(opArb, { maxLength: 60 }), (ops) => {
          const s = space(config);
          // Operations kept so far, and for each open checkpoint how many were kept when it opened.
          const kept: Op[] = [];
          const marks: number[] = [];
          for (const op of ops) {
            if (op.t === 'checkpoint') {
              s.softCheckpoint();
              marks.push(kept.length);
            } else if (op.t === 'revert' || op.t === 'commit') {
              const mark = marks.pop();
              if (mark === undefined) continue;
              if (op.t === 'commit') {
                s.commitSoftCheckpoint();
                continue;
              }
              s.revertSoftCheckpoint();
              kept.length = mark;
              const replay = space(config);
              for (const k of kept) apply(replay, k);
              assert.equal(state(s), state(replay));
            } else {
              apply(s, op);
              kept.push(op);
            }
          }
        }),
        { numRuns: 150 },
      );
    });
  }
});
