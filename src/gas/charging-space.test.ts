import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { encodedLength } from '../data/encode.js';
import type { Value } from '../data/value.js';
import type { ValueTypes } from '../plain/adapter.js';
import { createSpace } from '../plain/create.js';
import type { SpaceConfigInput } from '../spaces/config.js';
import { compile, type Pattern } from '../spaces/matchers/structural.js';
import { _, bind } from '../spaces/matchers/template.js';
import type { Space } from '../spaces/space.js';
import type { SpaceLike } from '../spaces/space-like.js';
import { ChargingSpace } from './charging-space.js';
import { OutOfPhlogistonError } from './errors.js';
import { PhlogistonMeter } from './meter.js';

type T = ValueTypes<Pattern, string>;
const ANY = compile(_);
const space = (config?: SpaceConfigInput) => createSpace<string>({ config });

/** Everything observable about a space's state. */
function snapshot(s: SpaceLike<T>, channels: readonly Value[], joins: readonly (readonly Value[])[]) {
  return {
    channels: s.channels(),
    nameCount: s.nameCount,
    depth: s.softCheckpointDepth,
    data: channels.map((c) => s.getData(c)),
    waiting: joins.map((j) => s.getWaiting(j)),
    joins: channels.map((c) => s.getJoins(c)),
  };
}

describe('ChargingSpace: what each operation costs', () => {
  test('gensym pays CreateChannel; produce pays Send{encoded size}; consume and install pay Receive + Match', () => {
    const c = new ChargingSpace(space(), { limit: 100_000 });
    c.gensym();
    assert.equal(c.meter.consumed, 200);
    c.produce('a', 'hi');
    assert.equal(c.meter.consumed, 200 + 100 + encodedLength('hi'));
    assert.equal(encodedLength('hi'), 4);
    const before = c.meter.consumed;
    c.consume(['a', 'b'], [ANY, ANY], 'k');
    assert.equal(c.meter.consumed - before, 100 + 50 + 2 * 10);
    c.install(['c'], [ANY], 'k2');
    assert.equal(c.meter.consumed - before, 170 + 160);
  });

  test('the send size is the byte length of the canonical encoding, whatever the datum', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const c = new ChargingSpace(space(), { meter: PhlogistonMeter.unlimited() });
        c.produce('ch', v as Value);
        assert.equal(c.meter.consumed, 100 + encodedLength(v as Value));
      }),
      { numRuns: 50 },
    );
  });

  test('withdraw, clear and the getters are free', () => {
    const c = new ChargingSpace(space(), { limit: 1000 });
    c.consume(['a'], [ANY], 'k');
    const spent = c.meter.consumed;
    c.getData('a');
    c.getWaiting(['a']);
    c.getJoins('a');
    c.channels();
    void c.nameCount;
    void c.config;
    assert.equal(c.withdraw(['a'], 'k').length, 0);
    c.clear();
    assert.equal(c.meter.consumed, spent);
  });

  test('soft checkpoints are free and forwarded; reverting one does not give phlogiston back', () => {
    const c = new ChargingSpace(space(), { limit: 1000 });
    assert.equal(c.softCheckpoint(), 1);
    assert.equal(c.softCheckpointDepth, 1);
    c.produce('a', 1);
    const spent = c.meter.consumed;
    c.revertSoftCheckpoint(1);
    assert.deepEqual(c.getData('a'), []);
    assert.equal(c.meter.consumed, spent);
    c.softCheckpoint();
    c.commitSoftCheckpoint();
    assert.equal(c.softCheckpointDepth, 0);
    assert.equal(c.meter.consumed, spent);
  });

  test('results are the inner space’s: firings come back unchanged', () => {
    const c = new ChargingSpace(space());
    c.consume(['jobs'], [compile(['job', bind('id')])], 'worker');
    const [f] = c.produce('jobs', ['job', 7]);
    assert.equal(f.continuation, 'worker');
    assert.equal(f.matches[0].bindings.id, 7);
    assert.deepEqual(c.getWaiting(['jobs']), []);
  });

  test('a custom size function replaces encodedLength', () => {
    const c = new ChargingSpace(space(), { limit: 1000, dataSize: () => 7 });
    c.produce('a', 'a much longer string than seven bytes');
    assert.equal(c.meter.consumed, 107);
  });

  test('a multiplier given with a limit scales every charge', () => {
    const c = new ChargingSpace(space(), { limit: 1000, multiplier: 0.5 });
    c.gensym();
    c.consume(['a'], [ANY], 'k');
    assert.equal(c.meter.consumed, 100 + 80);
  });

  test('defaults: a fresh meter of 10,000,000; a meter and a limit together are refused', () => {
    assert.equal(new ChargingSpace(space()).meter.limit, 10_000_000);
    const loose = { meter: new PhlogistonMeter(5), limit: 5 } as unknown as { meter: PhlogistonMeter };
    assert.throws(() => new ChargingSpace(space(), loose), { code: 'InvalidPhlogistonAmount' });
  });
});

describe('ChargingSpace: out of phlogiston', () => {
  test('every charged operation refused for lack of phlogiston leaves the space exactly as it was', () => {
    const inner = space();
    const c = new ChargingSpace(inner, { limit: 2000 });
    c.produce('a', 1);
    c.produce('b', [1, 2]);
    c.consume(['a', 'c'], [ANY, ANY], 'join');
    c.gensym();
    c.softCheckpoint();
    const channels = ['a', 'b', 'c', 'd'];
    const joins = [['a', 'c'], ['a'], ['d']];
    c.meter.chargeAmount(c.meter.balance - 99, 'drain'); // 99 left: less than any operation here costs
    const before = snapshot(inner, channels, joins);
    const balance = c.meter.balance;
    const attempts: (() => unknown)[] = [
      () => c.produce('a', 2),
      () => c.produce('d', null),
      () => c.consume(['a'], [ANY], 'k'),
      () => c.consume(['b', 'a'], [ANY, ANY], 'k', { peeks: [0] }),
      () => c.install(['d'], [ANY], 'k'),
      () => c.gensym(),
    ];
    for (const attempt of attempts) {
      assert.throws(attempt, OutOfPhlogistonError);
      assert.deepEqual(snapshot(inner, channels, joins), before);
      assert.equal(c.meter.balance, balance);
    }
  });

  test('Receive and Match are paid together: enough for Receive alone charges nothing', () => {
    const c = new ChargingSpace(space(), { limit: 150 });
    assert.throws(() => c.consume(['a'], [ANY], 'k'), {
      code: 'OutOfPhlogiston',
      required: 160,
      available: 150,
      operation: 'receive + match(1 elements)',
    });
    assert.equal(c.meter.balance, 150);
    assert.deepEqual(c.getWaiting(['a']), []);
  });

  test('random programs: a refused operation changes nothing, and the rest act as on an uncharged space', () => {
    const op = fc.oneof(
      fc.tuple(fc.constant('produce' as const), fc.constantFrom('a', 'b', 'c'), fc.oneof(fc.nat(9), fc.string())),
      fc.tuple(fc.constant('consume' as const), fc.subarray(['a', 'b', 'c'], { minLength: 1 }), fc.boolean()),
      fc.tuple(fc.constant('gensym' as const)),
    );
    fc.assert(
      fc.property(fc.nat(3000), fc.array(op, { maxLength: 30 }), (limit, ops) => {
        const charged = new ChargingSpace(space(), { limit });
        const twin = space();
        const channels = ['a', 'b', 'c'];
        const joins = [['a'], ['b'], ['c'], ['a', 'b'], ['a', 'c'], ['b', 'c'], ['a', 'b', 'c']];
        ops.forEach((o, i) => {
          const run = (s: SpaceLike<T>) => {
            if (o[0] === 'produce') s.produce(o[1], o[2]);
            else if (o[0] === 'consume')
              s.consume(
                o[1],
                o[1].map(() => ANY),
                `k${i}`,
                { persist: o[2] },
              );
            else s.gensym();
          };
          const before = snapshot(charged.space, channels, joins);
          const balance = charged.meter.balance;
          try {
            run(charged);
          } catch (e) {
            assert.ok(e instanceof OutOfPhlogistonError);
            assert.deepEqual(snapshot(charged.space, channels, joins), before);
            assert.equal(charged.meter.balance, balance);
            return;
          }
          run(twin);
        });
        assert.deepEqual(snapshot(charged, channels, joins), snapshot(twin, channels, joins));
        assert.equal(charged.meter.balance + charged.meter.consumed, limit);
      }),
    );
  });
});

describe('ChargingSpace: charges stay spent', () => {
  test('a produce the space refuses (a full cell) is still paid for', () => {
    const c = new ChargingSpace(space({ inner: 'cell' }), { limit: 1000 });
    c.produce('x', 1);
    assert.throws(() => c.produce('x', 2), { code: 'CellAlreadyFull' });
    assert.equal(c.meter.consumed, 2 * (100 + encodedLength(1)));
    assert.deepEqual(
      c.getData('x').map((d) => d.datum),
      [1],
    );
  });

  test('a consume the space refuses is still paid for; Match only when there are patterns', () => {
    const c = new ChargingSpace(space(), { limit: 1000 });
    assert.throws(() => c.consume(['a', 'b'], [ANY], 'k'), { code: 'ArityMismatch' });
    assert.equal(c.meter.consumed, 100 + 60);
    assert.throws(() => c.consume([], [], 'k'), { code: 'ArityMismatch' });
    assert.equal(c.meter.consumed, 160 + 100);
  });
});

describe('ChargingSpace: sharing and composition', () => {
  test('two spaces on one meter draw from one balance', () => {
    const meter = new PhlogistonMeter(500);
    const one = new ChargingSpace(space(), { meter });
    const two = new ChargingSpace(space(), { meter });
    one.gensym();
    two.gensym();
    assert.equal(meter.balance, 100);
    assert.throws(() => one.produce('a', 1), OutOfPhlogistonError);
    assert.throws(() => two.consume(['a'], [ANY], 'k'), OutOfPhlogistonError); // 160 > 100
    meter.refund(60);
    two.consume(['a'], [ANY], 'k');
    assert.equal(meter.balance, 0);
    assert.equal(meter.consumed, 560);
  });

  test('a space and a charging space are both SpaceLike, and charging spaces nest', () => {
    const inner: Space<T> = space();
    const like: SpaceLike<T> = inner;
    const outer = new ChargingSpace(new ChargingSpace(like, { limit: 1000 }), { limit: 1000 });
    outer.produce('a', 1);
    assert.equal(outer.meter.consumed, 109);
    assert.equal((outer.space as ChargingSpace<T>).meter.consumed, 109);
    assert.equal(outer.config.inner, 'bag');
  });

  test('a space whose data are not Values must be given a size function', () => {
    interface DateTypes {
      channel: string;
      pattern: null;
      datum: Date;
      continuation: string;
      bindings: null;
    }
    const produced: Date[] = [];
    const fake = {
      produce: (_c: string, d: Date) => {
        produced.push(d);
        return [];
      },
    } as unknown as SpaceLike<DateTypes>;
    // @ts-expect-error: no dataSize for non-Value data
    assert.ok(new ChargingSpace(fake));
    const c = new ChargingSpace(fake, { limit: 1000, dataSize: (d) => String(d.getTime()).length });
    c.produce('t', new Date(1000));
    assert.equal(c.meter.consumed, 104);
    assert.equal(produced.length, 1);
  });
});
