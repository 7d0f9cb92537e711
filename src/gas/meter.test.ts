import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { costOf, PhlogistonOp, type PhlogistonOperation } from './costs.js';
import { InvalidPhlogistonAmountError, OutOfPhlogistonError, PhlogistonError } from './errors.js';
import { DEFAULT_PHLOGISTON_LIMIT, PhlogistonMeter } from './meter.js';

const MAX = Number.MAX_SAFE_INTEGER;

const opArb: fc.Arbitrary<PhlogistonOperation> = fc.oneof(
  fc.nat(10_000).map(PhlogistonOp.send),
  fc.constant(PhlogistonOp.receive),
  fc.nat(20).map(PhlogistonOp.match),
  fc.constant(PhlogistonOp.createChannel),
  fc.constant(PhlogistonOp.freeChannel),
  fc.constant(PhlogistonOp.checkpoint),
  fc.nat(100).map(PhlogistonOp.replay),
  fc.constant(PhlogistonOp.createSpace),
  fc.constant(PhlogistonOp.lookup),
  fc.nat(2048).map(PhlogistonOp.vectorDbSearch),
  fc.constant(PhlogistonOp.priorityQueueInsert),
  fc.constant(PhlogistonOp.priorityQueuePop),
  fc.nat(5000).map((c) => PhlogistonOp.custom('custom', c)),
);

const state = (m: PhlogistonMeter) => ({ balance: m.balance, consumed: m.consumed, refunded: m.refunded });

describe('PhlogistonMeter: charging', () => {
  test('a new meter holds its limit', () => {
    const m = new PhlogistonMeter(1000);
    assert.deepEqual(state(m), { balance: 1000, consumed: 0, refunded: 0 });
    assert.equal(m.limit, 1000);
    assert.equal(m.isUnlimited, false);
    assert.equal(m.multiplier, 1);
    assert.equal(new PhlogistonMeter().limit, DEFAULT_PHLOGISTON_LIMIT);
    assert.equal(DEFAULT_PHLOGISTON_LIMIT, 10_000_000);
  });

  test('charges deduct exactly what the table says and return it', () => {
    const m = new PhlogistonMeter(1000);
    assert.equal(m.charge(PhlogistonOp.send(12)), 112);
    assert.equal(m.charge(PhlogistonOp.receive), 100);
    assert.equal(m.charge(PhlogistonOp.match(2)), 70);
    assert.equal(m.chargeAmount(18, 'misc'), 18);
    assert.deepEqual(state(m), { balance: 700, consumed: 300, refunded: 0 });
    assert.equal(m.price(PhlogistonOp.createChannel), 200);
  });

  test('a balance can be spent to exactly zero; after that only free charges pass', () => {
    const m = new PhlogistonMeter(300);
    m.charge(PhlogistonOp.createChannel);
    m.charge(PhlogistonOp.receive);
    assert.equal(m.balance, 0);
    m.charge(PhlogistonOp.custom('free', 0));
    assert.throws(() => m.charge(PhlogistonOp.lookup), OutOfPhlogistonError);
  });

  test('a failed charge reports what it needed and changes nothing', () => {
    const m = new PhlogistonMeter(150);
    m.charge(PhlogistonOp.lookup);
    assert.throws(
      () => m.charge(PhlogistonOp.send(40)),
      (e: unknown) =>
        e instanceof OutOfPhlogistonError &&
        e instanceof PhlogistonError &&
        e.code === 'OutOfPhlogiston' &&
        e.name === 'OutOfPhlogistonError' &&
        e.required === 140 &&
        e.available === 130 &&
        e.operation === 'send(40 bytes)',
    );
    assert.throws(() => m.chargeAmount(131, 'thing'), { required: 131, available: 130, operation: 'thing' });
    assert.deepEqual(state(m), { balance: 130, consumed: 20, refunded: 0 });
  });

  test('invalid amounts and limits are refused without a change', () => {
    const m = new PhlogistonMeter(100);
    for (const bad of [-1, 0.5, Number.NaN, Number.POSITIVE_INFINITY, MAX + 1, '1']) {
      assert.throws(() => m.chargeAmount(bad as number, 'x'), InvalidPhlogistonAmountError);
      assert.throws(() => m.refund(bad as number), InvalidPhlogistonAmountError);
      assert.throws(() => m.canCharge(bad as number), InvalidPhlogistonAmountError);
      assert.throws(() => new PhlogistonMeter(bad as number), { code: 'InvalidPhlogistonAmount', subject: 'limit' });
    }
    assert.throws(() => m.charge(PhlogistonOp.send(-3)), { code: 'InvalidPhlogistonAmount' });
    assert.deepEqual(state(m), { balance: 100, consumed: 0, refunded: 0 });
  });

  test('canCharge answers whether chargeAmount would succeed', () => {
    const m = new PhlogistonMeter(100);
    assert.equal(m.canCharge(100), true);
    assert.equal(m.canCharge(101), false);
    assert.equal(m.canCharge(0), true);
    assert.equal(m.balance, 100);
  });

  test('the total of any permutation of a charge sequence is the same', () => {
    fc.assert(
      fc.property(
        fc
          .array(opArb, { maxLength: 40 })
          .chain((ops) => fc.tuple(fc.constant(ops), fc.shuffledSubarray(ops, { minLength: ops.length }))),
        fc.constantFrom(1, 0.1, 1.5, 3),
        ([ops, shuffled], multiplier) => {
          const a = PhlogistonMeter.unlimited({ multiplier });
          const b = PhlogistonMeter.unlimited({ multiplier });
          for (const op of ops) a.charge(op);
          for (const op of shuffled) b.charge(op);
          assert.equal(a.consumed, b.consumed);
          // With exactly that much, both orders succeed and leave nothing.
          const c = new PhlogistonMeter(a.consumed, { multiplier });
          for (const op of shuffled) c.charge(op);
          assert.equal(c.balance, 0);
        },
      ),
    );
  });
});

describe('PhlogistonMeter: refunds, reset and the invariant', () => {
  test('a refund raises the balance (past the limit if need be) and leaves consumed', () => {
    const m = new PhlogistonMeter(100);
    m.charge(PhlogistonOp.lookup);
    m.refund(50);
    assert.deepEqual(state(m), { balance: 130, consumed: 20, refunded: 50 });
    assert.equal(m.limit, 100);
    m.refund(0);
    assert.equal(m.balance, 130);
  });

  test('refunds that would take limit + refunded past the safe range are refused', () => {
    const m = new PhlogistonMeter(MAX - 10);
    m.refund(10);
    assert.throws(() => m.refund(1), { code: 'InvalidPhlogistonAmount' });
    assert.deepEqual(state(m), { balance: MAX, consumed: 0, refunded: 10 });
  });

  test('reset restores the limit and zeroes the counters', () => {
    const m = new PhlogistonMeter(500);
    m.charge(PhlogistonOp.receive);
    m.refund(7);
    m.reset();
    assert.deepEqual(state(m), { balance: 500, consumed: 0, refunded: 0 });
  });

  test('balance + consumed − refunded = limit after any mix of charges, refunds, failures and resets', () => {
    const cmd = fc.oneof(
      opArb.map((op) => ({ t: 'charge' as const, op })),
      fc.nat(5000).map((n) => ({ t: 'amount' as const, n })),
      fc.nat(500).map((n) => ({ t: 'refund' as const, n })),
      fc.array(opArb, { maxLength: 3 }).map((ops) => ({ t: 'all' as const, ops })),
      fc.constant({ t: 'reset' as const }),
    );
    fc.assert(
      fc.property(
        fc.nat(20_000),
        fc.constantFrom(1, 0.25, 2.5),
        fc.array(cmd, { maxLength: 60 }),
        (limit, mult, cmds) => {
          const m = new PhlogistonMeter(limit, { multiplier: mult });
          for (const c of cmds) {
            const before = state(m);
            try {
              if (c.t === 'charge') m.charge(c.op);
              else if (c.t === 'amount') m.chargeAmount(c.n, 'n');
              else if (c.t === 'refund') m.refund(c.n);
              else if (c.t === 'all') m.chargeAll(c.ops);
              else m.reset();
            } catch (e) {
              assert.ok(e instanceof OutOfPhlogistonError);
              assert.deepEqual(state(m), before);
              assert.ok(e.required > e.available && e.available === before.balance);
            }
            assert.equal(m.balance + m.consumed - m.refunded, limit);
            assert.ok(m.balance >= 0);
          }
        },
      ),
    );
  });
});

describe('PhlogistonMeter: unlimited mode', () => {
  test('never runs out, counts consumption, and reports an infinite balance', () => {
    const m = PhlogistonMeter.unlimited();
    assert.equal(m.isUnlimited, true);
    assert.equal(m.limit, Number.POSITIVE_INFINITY);
    m.chargeAmount(MAX - 300, 'huge');
    m.charge(PhlogistonOp.createChannel);
    m.charge(PhlogistonOp.receive);
    assert.equal(m.consumed, MAX);
    assert.equal(m.balance, Number.POSITIVE_INFINITY);
    assert.equal(m.canCharge(0), true);
    m.refund(5);
    assert.equal(m.consumed, MAX);
    assert.equal(m.refunded, 5);
  });

  test('consumption past the safe range is refused as an invalid amount, not as out of phlogiston', () => {
    const m = PhlogistonMeter.unlimited();
    m.chargeAmount(MAX, 'all');
    assert.equal(m.canCharge(1), false);
    assert.throws(() => m.charge(PhlogistonOp.lookup), { code: 'InvalidPhlogistonAmount', subject: 'consumed total' });
    assert.equal(m.consumed, MAX);
    m.reset();
    assert.equal(m.consumed, 0);
    assert.equal(m.canCharge(MAX), true);
  });

  test('any sequence of charges succeeds and the consumed total is their sum', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 50 }), (ops) => {
        const m = PhlogistonMeter.unlimited();
        for (const op of ops) m.charge(op);
        assert.equal(
          m.consumed,
          ops.reduce((s, op) => s + costOf(op), 0),
        );
      }),
    );
  });
});

describe('PhlogistonMeter: chargeAll', () => {
  test('charges all or nothing, reporting the total and every operation', () => {
    const m = new PhlogistonMeter(150);
    assert.throws(() => m.chargeAll([PhlogistonOp.receive, PhlogistonOp.match(2)]), {
      code: 'OutOfPhlogiston',
      required: 170,
      available: 150,
      operation: 'receive + match(2 elements)',
    });
    assert.deepEqual(state(m), { balance: 150, consumed: 0, refunded: 0 });
    assert.equal(m.chargeAll([PhlogistonOp.receive, PhlogistonOp.match(0)]), 150);
    assert.equal(m.chargeAll([]), 0);
    assert.equal(m.balance, 0);
  });

  test('rounds each operation on its own, so it deducts what separate charges would', () => {
    const a = new PhlogistonMeter(1000, { multiplier: 0.15 });
    const b = new PhlogistonMeter(1000, { multiplier: 0.15 });
    a.chargeAll([PhlogistonOp.send(1), PhlogistonOp.send(1)]); // ceil(15.15) twice
    b.charge(PhlogistonOp.send(1));
    b.charge(PhlogistonOp.send(1));
    assert.equal(a.consumed, 32);
    assert.equal(b.consumed, 32);
  });
});

describe('PhlogistonMeter: multiplier', () => {
  test('applies to charges, prices and canCharge, not to refunds', () => {
    const m = new PhlogistonMeter(1000, { multiplier: 1.5 });
    assert.equal(m.multiplier, 1.5);
    assert.equal(m.price(PhlogistonOp.match(1)), 90);
    assert.equal(m.charge(PhlogistonOp.send(1)), 152); // ceil(151.5)
    assert.equal(m.chargeAmount(3, 'three'), 5);
    assert.equal(m.canCharge(562), true); // 843 ≤ 843
    assert.equal(m.canCharge(563), false);
    m.refund(10);
    assert.deepEqual(state(m), { balance: 853, consumed: 157, refunded: 10 });
  });

  test('the decimal reading: 0.1 × 100 is 10', () => {
    const m = PhlogistonMeter.unlimited({ multiplier: 0.1 });
    assert.equal(m.charge(PhlogistonOp.receive), 10);
    assert.equal(m.charge(PhlogistonOp.send(1)), 11);
  });

  test('multiplier 0 makes every charge free', () => {
    const m = new PhlogistonMeter(0, { multiplier: 0 });
    assert.equal(m.charge(PhlogistonOp.createSpace), 0);
  });

  test('a scaled amount beyond the safe range is refused without a change', () => {
    const m = PhlogistonMeter.unlimited({ multiplier: 1e20 });
    assert.throws(() => m.charge(PhlogistonOp.receive), { code: 'InvalidPhlogistonAmount' });
    assert.equal(m.canCharge(1), false);
    assert.equal(m.consumed, 0);
  });

  test('non-finite or negative multipliers are refused', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, -0.5]) {
      assert.throws(() => new PhlogistonMeter(10, { multiplier: bad }), { subject: 'multiplier' });
      assert.throws(() => PhlogistonMeter.unlimited({ multiplier: bad }), { subject: 'multiplier' });
    }
  });
});
