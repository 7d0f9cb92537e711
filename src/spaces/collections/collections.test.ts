import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { CellAlreadyFullError, InvalidPriorityError } from '../errors.js';
import { NO_CLAIMS } from './claims.js';
import { ContinuationCollection } from './continuations.js';
import type { DataCollection } from './data-collection.js';
import { OrderedCollection } from './ordered.js';
import { PriorityQueueCollection } from './priority-queue.js';

const describeChannel = (c: string) => c;
const put = <A>(c: DataCollection<A>, datum: A, persist = false, priority?: number) => {
  c.checkPut(datum, persist, priority, 'ch', describeChannel);
  return c.put(datum, persist, priority);
};
/** Eligible data in matching order. */
const eligible = <A>(c: DataCollection<A>): A[] => {
  const out: A[] = [];
  for (let h = c.first(NO_CLAIMS); h >= 0; h = c.next(h, NO_CLAIMS)) out.push(c.datum(h));
  return out;
};
const contents = <A>(c: DataCollection<A>) => c.items().map((i) => i.datum);
/** Takes the first eligible item that equals `v`; returns whether one was found. */
const takeEqual = <A>(c: DataCollection<A>, v: A): boolean => {
  for (let h = c.first(NO_CLAIMS); h >= 0; h = c.next(h, NO_CLAIMS)) {
    if (c.datum(h) === v) {
      c.take(h);
      return true;
    }
  }
  return false;
};

describe('bag', () => {
  test('keeps duplicates, offers every item oldest first, removes one at a time', () => {
    const bag = new OrderedCollection<number>('bag');
    for (const v of [3, 1, 3, 2]) put(bag, v);
    assert.deepEqual(eligible(bag), [3, 1, 3, 2]);
    assert.ok(takeEqual(bag, 3));
    assert.deepEqual(contents(bag), [1, 3, 2]);
    assert.equal(bag.size, 3);
  });

  test('a persistent item is returned by take but stays', () => {
    const bag = new OrderedCollection<string>('bag');
    const h = put(bag, 'p', true);
    assert.equal(bag.take(h), -1);
    assert.deepEqual(bag.items(), [{ datum: 'p', persistent: true }]);
  });
});

describe('queue', () => {
  test('only the head is eligible; taking it exposes the next', () => {
    const q = new OrderedCollection<number>('queue');
    const h1 = put(q, 1);
    const h2 = put(q, 2);
    assert.deepEqual(eligible(q), [1]);
    assert.equal(q.isEligible(h2), false);
    assert.equal(q.take(h1), h2);
    assert.deepEqual(eligible(q), [2]);
  });

  test('a persistent head blocks forever', () => {
    const q = new OrderedCollection<number>('queue');
    const h = put(q, 1, true);
    put(q, 2);
    q.take(h);
    assert.deepEqual(eligible(q), [1]);
  });

  test('property: items leave in FIFO order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { maxLength: 50 }), (xs) => {
        const q = new OrderedCollection<number>('queue');
        for (const x of xs) put(q, x);
        const out: number[] = [];
        for (let h = q.first(NO_CLAIMS); h >= 0; h = q.first(NO_CLAIMS)) {
          out.push(q.datum(h));
          q.take(h);
        }
        assert.deepEqual(out, xs);
      }),
      { numRuns: 200 },
    );
  });
});

describe('stack', () => {
  test('only the top is eligible; taking it exposes the one below', () => {
    const s = new OrderedCollection<number>('stack');
    const h1 = put(s, 1);
    const h2 = put(s, 2);
    assert.deepEqual(eligible(s), [2]);
    assert.equal(s.take(h2), h1);
    assert.deepEqual(eligible(s), [1]);
  });

  test('property: items leave in LIFO order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { maxLength: 50 }), (xs) => {
        const s = new OrderedCollection<number>('stack');
        for (const x of xs) put(s, x);
        const out: number[] = [];
        for (let h = s.first(NO_CLAIMS); h >= 0; h = s.first(NO_CLAIMS)) {
          out.push(s.datum(h));
          s.take(h);
        }
        assert.deepEqual(out, [...xs].reverse());
      }),
      { numRuns: 200 },
    );
  });
});

describe('set', () => {
  const key = (v: number) => v;
  test('an equal item is ignored, persistent or not', () => {
    const s = new OrderedCollection<number>('set', key);
    assert.ok(put(s, 1) >= 0);
    assert.equal(put(s, 1), -1);
    assert.equal(put(s, 1, true), -1);
    assert.equal(s.size, 1);
  });

  test('after removal an equal item can be stored again', () => {
    const s = new OrderedCollection<number>('set', key);
    const h = put(s, 1);
    s.take(h);
    assert.ok(put(s, 1) >= 0);
  });

  test('property: contents are the distinct items in first-seen order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { maxLength: 60 }), (xs) => {
        const s = new OrderedCollection<number>('set', key);
        for (const x of xs) put(s, x);
        assert.deepEqual(contents(s), [...new Set(xs)]);
      }),
      { numRuns: 200 },
    );
  });

  test('needs a key function', () => {
    assert.throws(() => new OrderedCollection<number>('set'), TypeError);
  });
});

describe('cell', () => {
  test('holds one item; a second put is refused with CellAlreadyFull; reusable after a take', () => {
    const c = new OrderedCollection<number>('cell');
    const h = put(c, 1);
    assert.throws(
      () => put(c, 2),
      (e: unknown) => e instanceof CellAlreadyFullError && e.code === 'CellAlreadyFull',
    );
    assert.deepEqual(contents(c), [1]);
    c.take(h);
    assert.equal(c.size, 0);
    put(c, 3);
    assert.deepEqual(contents(c), [3]);
  });

  test('a persistent cell never frees', () => {
    const c = new OrderedCollection<number>('cell');
    const h = put(c, 1, true);
    c.take(h);
    assert.throws(() => put(c, 2), CellAlreadyFullError);
  });
});

describe('priority queue', () => {
  test('fronts are tried from the highest level down; FIFO within a level', () => {
    const pq = new PriorityQueueCollection<string>(3);
    put(pq, 'low-1', false, 2);
    put(pq, 'high-1', false, 0);
    put(pq, 'high-2', false, 0);
    put(pq, 'mid', false, 1);
    assert.deepEqual(eligible(pq), ['high-1', 'mid', 'low-1']);
    const h = pq.first(NO_CLAIMS);
    pq.take(h);
    assert.deepEqual(eligible(pq), ['high-2', 'mid', 'low-1']);
  });

  test('grows on demand: counts by priority', () => {
    const pq = new PriorityQueueCollection<number>(3);
    put(pq, 1, false, 0);
    put(pq, 2, false, 1);
    put(pq, 3, false, 5);
    assert.deepEqual(pq.countsByPriority(), [1, 1, 0, 0, 0, 1]);
  });

  test('a put without priority uses the default level (the lowest), which can be changed', () => {
    const pq = new PriorityQueueCollection<number>(3);
    put(pq, 1);
    assert.deepEqual(pq.countsByPriority(), [0, 0, 1]);
    pq.setDefaultPriority(0);
    put(pq, 2);
    assert.deepEqual(pq.countsByPriority(), [1, 0, 1]);
  });

  test('a lower level is served when the fronts above do not match', () => {
    const pq = new PriorityQueueCollection<string>(2);
    put(pq, 'a', false, 0);
    put(pq, 'b', false, 1);
    let h = pq.first(NO_CLAIMS);
    while (h >= 0 && pq.datum(h) !== 'b') h = pq.next(h, NO_CLAIMS);
    assert.equal(pq.datum(h), 'b');
  });

  test('bad priorities are refused before anything changes', () => {
    const pq = new PriorityQueueCollection<number>(2);
    for (const bad of [-1, 1.5, Number.NaN, 5000]) {
      assert.throws(() => put(pq, 1, false, bad), InvalidPriorityError);
    }
    assert.equal(pq.size, 0);
  });

  test('property: with one level per priority, items leave by priority then arrival', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer(), fc.integer({ min: 0, max: 4 })), { maxLength: 40 }), (xs) => {
        const pq = new PriorityQueueCollection<number>(5);
        for (const [v, pr] of xs) put(pq, v, false, pr);
        const out: number[] = [];
        for (let h = pq.first(NO_CLAIMS); h >= 0; h = pq.first(NO_CLAIMS)) {
          out.push(pq.datum(h));
          pq.take(h);
        }
        const expected = xs
          .map(([v, pr], i) => ({ v, pr, i }))
          .sort((a, b) => a.pr - b.pr || a.i - b.i)
          .map((x) => x.v);
        assert.deepEqual(out, expected);
      }),
      { numRuns: 200 },
    );
  });
});

describe('continuation collections', () => {
  const w = (name: string, setKey?: string) => ({ name, setKey });
  const order = (c: ContinuationCollection<ReturnType<typeof w>>) => {
    const out: string[] = [];
    for (let h = c.first(); h >= 0; h = c.next(h)) out.push(c.get(h).name);
    return out;
  };

  test('bag offers all, oldest first; queue only the oldest; stack only the newest', () => {
    for (const [kind, expected] of [
      ['bag', ['a', 'b', 'c']],
      ['queue', ['a']],
      ['stack', ['c']],
    ] as const) {
      const c = new ContinuationCollection<ReturnType<typeof w>>(kind);
      for (const n of ['a', 'b', 'c']) c.put(w(n));
      assert.deepEqual(order(c), expected, kind);
    }
  });

  test('a stack fires and removes the same (newest) entry, exposing the one below', () => {
    const c = new ContinuationCollection<ReturnType<typeof w>>('stack');
    const ha = c.put(w('a'));
    const hb = c.put(w('b'));
    assert.equal(c.first(), hb);
    assert.equal(c.take(hb), ha);
    assert.deepEqual(order(c), ['a']);
  });

  test('a set ignores an entry with an equal key', () => {
    const c = new ContinuationCollection<ReturnType<typeof w>>('set');
    c.put(w('a', 'k1'));
    assert.equal(c.put(w('b', 'k1')), -1);
    assert.ok(c.holds('k1'));
    assert.deepEqual(order(c), ['a']);
  });

  test('a queue accepts an eligible entry only when empty', () => {
    const c = new ContinuationCollection<ReturnType<typeof w>>('queue');
    assert.ok(c.acceptsEligible());
    c.put(w('a'));
    assert.equal(c.acceptsEligible(), false);
  });
});
