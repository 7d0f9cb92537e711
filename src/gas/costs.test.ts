import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { costOf, describeOperation, PHLOGISTON_COSTS, PhlogistonOp, type PhlogistonOperation } from './costs.js';
import { InvalidPhlogistonAmountError, PhlogistonError } from './errors.js';

const MAX = Number.MAX_SAFE_INTEGER;

describe('cost table', () => {
  // [operation, cost, description]: one row per kind, with the reference's numbers.
  const table: [PhlogistonOperation, number, string][] = [
    [PhlogistonOp.send(0), 100, 'send(0 bytes)'],
    [PhlogistonOp.send(12), 112, 'send(12 bytes)'],
    [PhlogistonOp.receive, 100, 'receive'],
    [PhlogistonOp.match(0), 50, 'match(0 elements)'],
    [PhlogistonOp.match(3), 80, 'match(3 elements)'],
    [PhlogistonOp.createChannel, 200, 'create_channel'],
    [PhlogistonOp.freeChannel, 50, 'free_channel'],
    [PhlogistonOp.checkpoint, 500, 'checkpoint'],
    [PhlogistonOp.replay(1), 110, 'replay(1 ops)'],
    [PhlogistonOp.replay(7), 170, 'replay(7 ops)'],
    [PhlogistonOp.createSpace, 1000, 'create_space'],
    [PhlogistonOp.lookup, 20, 'lookup'],
    [PhlogistonOp.vectorDbSearch(384), 2120, 'vector_search(384 dims)'],
    [PhlogistonOp.priorityQueueInsert, 50, 'priority_queue_insert'],
    [PhlogistonOp.priorityQueuePop, 30, 'priority_queue_pop'],
    [PhlogistonOp.custom('my_op', 42), 42, 'my_op'],
    [PhlogistonOp.custom('free', 0), 0, 'free'],
  ];

  for (const [op, cost, description] of table) {
    test(`${description} costs ${cost}`, () => {
      assert.equal(costOf(op), cost);
      assert.equal(describeOperation(op), description);
    });
  }

  test('every kind is covered by the table above', () => {
    const kinds = new Set(table.map(([op]) => op.kind));
    assert.equal(kinds.size, 13);
  });

  test('plain object literals are operations too', () => {
    assert.equal(costOf({ kind: 'Send', dataSize: 5 }), 105);
    assert.equal(costOf({ kind: 'Receive' }), 100);
    assert.equal(describeOperation({ kind: 'VectorDbSearch', dimensions: 3 }), 'vector_search(3 dims)');
  });

  test('parameterless builders are shared frozen objects; parameterised ones carry their size', () => {
    assert.equal(PhlogistonOp.receive, PhlogistonOp.receive);
    assert.ok(Object.isFrozen(PhlogistonOp.receive));
    assert.ok(Object.isFrozen(PhlogistonOp));
    assert.deepEqual(PhlogistonOp.send(3), { kind: 'Send', dataSize: 3 });
    assert.deepEqual(PhlogistonOp.match(2), { kind: 'Match', patternCount: 2 });
    assert.deepEqual(PhlogistonOp.replay(4), { kind: 'Replay', operationCount: 4 });
    assert.deepEqual(PhlogistonOp.vectorDbSearch(8), { kind: 'VectorDbSearch', dimensions: 8 });
    assert.deepEqual(PhlogistonOp.custom('x', 9), { kind: 'Custom', name: 'x', cost: 9 });
  });

  test('PHLOGISTON_COSTS is frozen and agrees with costOf', () => {
    const c = PHLOGISTON_COSTS;
    assert.ok(Object.isFrozen(c));
    assert.equal(costOf(PhlogistonOp.send(10)), c.send + 10 * c.sendPerByte);
    assert.equal(costOf(PhlogistonOp.match(10)), c.match + 10 * c.matchPerPattern);
    assert.equal(costOf(PhlogistonOp.replay(10)), c.replay + 10 * c.replayPerOperation);
    assert.equal(costOf(PhlogistonOp.vectorDbSearch(10)), c.vectorDbSearch + 10 * c.vectorDbSearchPerDimension);
    assert.equal(costOf(PhlogistonOp.receive), c.receive);
    assert.equal(costOf(PhlogistonOp.createChannel), c.createChannel);
    assert.equal(costOf(PhlogistonOp.freeChannel), c.freeChannel);
    assert.equal(costOf(PhlogistonOp.checkpoint), c.checkpoint);
    assert.equal(costOf(PhlogistonOp.createSpace), c.createSpace);
    assert.equal(costOf(PhlogistonOp.lookup), c.lookup);
    assert.equal(costOf(PhlogistonOp.priorityQueueInsert), c.priorityQueueInsert);
    assert.equal(costOf(PhlogistonOp.priorityQueuePop), c.priorityQueuePop);
  });
});

describe('cost formulas over the whole safe range', () => {
  const size = fc.oneof(fc.nat(), fc.integer({ min: 0, max: MAX }));

  test('send = 100 + dataSize; match = 50 + 10·n; replay = 100 + 10·n; vector search = 200 + 5·n, exactly', () => {
    fc.assert(
      fc.property(size, (n) => {
        const big = BigInt(n);
        const check = (op: PhlogistonOperation, exact: bigint) => {
          if (exact > BigInt(MAX)) assert.throws(() => costOf(op), InvalidPhlogistonAmountError);
          else assert.equal(costOf(op), Number(exact));
        };
        check(PhlogistonOp.send(n), 100n + big);
        check(PhlogistonOp.match(n), 50n + 10n * big);
        check(PhlogistonOp.replay(n), 100n + 10n * big);
        check(PhlogistonOp.vectorDbSearch(n), 200n + 5n * big);
      }),
    );
  });

  test('descriptions print the size', () => {
    fc.assert(
      fc.property(fc.nat(), (n) => {
        assert.equal(describeOperation(PhlogistonOp.send(n)), `send(${n} bytes)`);
        assert.equal(describeOperation(PhlogistonOp.match(n)), `match(${n} elements)`);
        assert.equal(describeOperation(PhlogistonOp.replay(n)), `replay(${n} ops)`);
        assert.equal(describeOperation(PhlogistonOp.vectorDbSearch(n)), `vector_search(${n} dims)`);
      }),
    );
  });

  test('the largest sizes that still fit', () => {
    assert.equal(costOf(PhlogistonOp.send(MAX - 100)), MAX);
    assert.throws(() => costOf(PhlogistonOp.send(MAX - 99)), { code: 'InvalidPhlogistonAmount' });
    assert.throws(() => costOf(PhlogistonOp.match(MAX)), { code: 'InvalidPhlogistonAmount' });
    assert.equal(costOf(PhlogistonOp.custom('all', MAX)), MAX);
  });
});

describe('invalid operations', () => {
  const bad: unknown[] = [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, MAX + 1, 2 ** 60, '3', undefined, null, 3n];

  for (const v of bad) {
    test(`size ${String(v)} is refused with InvalidPhlogistonAmount`, () => {
      const n = v as number;
      for (const op of [
        PhlogistonOp.send(n),
        PhlogistonOp.match(n),
        PhlogistonOp.replay(n),
        PhlogistonOp.vectorDbSearch(n),
        PhlogistonOp.custom('c', n),
      ]) {
        assert.throws(
          () => costOf(op),
          (e: unknown) =>
            e instanceof InvalidPhlogistonAmountError && e instanceof PhlogistonError && Object.is(e.amount, v),
        );
      }
    });
  }

  test('an unknown kind is refused', () => {
    const op = { kind: 'Teleport' } as unknown as PhlogistonOperation;
    assert.throws(() => costOf(op), { code: 'InvalidPhlogistonAmount', name: 'InvalidPhlogistonAmountError' });
    assert.throws(() => describeOperation(op), { code: 'InvalidPhlogistonAmount' });
  });

  test('the message renders any input without calling it', () => {
    const e = new InvalidPhlogistonAmountError('amount', Object.create(null));
    assert.match(e.message, /amount must be a non-negative safe integer, got \[object Object\]/);
    assert.match(new InvalidPhlogistonAmountError('amount', 'x').message, /got "x"/);
  });
});
