/**
 * Every refused call throws a typed error with a stable code and a message naming the offending
 * value, and leaves the space exactly as it was.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { print } from '../data/print.js';
import { InvalidValueError, type Value } from '../data/value.js';
import type { ValueTypes } from '../plain/adapter.js';
import { createSpace } from '../plain/create.js';
import type { SpaceConfigInput } from './config.js';
import { SpaceError } from './errors.js';
import { type Pattern, compile as p } from './matchers/structural.js';
import { _ } from './matchers/template.js';
import type { Space } from './space.js';

type TestSpace = Space<ValueTypes<Pattern, string>>;

/** A printable snapshot of everything observable in a space. */
function snapshot(s: TestSpace): string {
  const channels = s.channels();
  return JSON.stringify({
    channels: channels.map((c) => print(c)),
    data: channels.map((c) => s.getData(c).map((d) => [print(d.datum), d.persistent, d.priority ?? null])),
    joins: channels.map((c) => s.getJoins(c).map((j) => j.map((x) => print(x)))),
    waiting: channels.map((c) => s.getWaiting([c]).map((w) => [w.continuation, w.persistent, w.peeks])),
    names: s.nameCount,
  });
}

/** Runs `call` on a space populated by `setup`, expecting `code`, and checks nothing changed. */
function refused(
  config: SpaceConfigInput,
  setup: (s: TestSpace) => void,
  call: (s: TestSpace) => unknown,
  code: string,
  mentions?: string,
) {
  const s = createSpace<string>({ config });
  setup(s);
  const before = snapshot(s);
  assert.throws(
    () => call(s),
    (e: unknown) => {
      assert.ok(e instanceof SpaceError || e instanceof InvalidValueError, `unexpected error ${String(e)}`);
      assert.equal(e.code, code);
      if (mentions !== undefined) assert.match(e.message, new RegExp(mentions.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
      return true;
    },
  );
  assert.equal(snapshot(s), before, 'the space changed although the call was refused');
}

const populated = (s: TestSpace) => {
  s.produce('a', 1);
  s.produce('b', 'x', { persist: true });
  s.consume(['c', 'd'], [p(_), p(_)], 'join');
};

describe('refused calls', () => {
  test('CellAlreadyFull names the channel', () => {
    refused(
      { inner: 'cell' },
      (s) => s.produce('lock', 'held'),
      (s) => s.produce('lock', 'again'),
      'CellAlreadyFull',
      '"lock"',
    );
  });

  test('ArityMismatch: channels and patterns differ in length, or no channel', () => {
    refused({}, populated, (s) => s.consume(['a', 'b'], [p(_)], 'k'), 'ArityMismatch', '2 channel(s) and 1 pattern(s)');
    refused({}, populated, (s) => s.consume([], [], 'k'), 'ArityMismatch', 'at least one channel');
  });

  test('InvalidPeek names the bad index', () => {
    for (const bad of [1, -1, 0.5]) {
      refused({}, populated, (s) => s.consume(['a'], [p(_)], 'k', { peeks: [bad] }), 'InvalidPeek', String(bad));
    }
  });

  test('InvalidPriority in a priority-queue space', () => {
    refused(
      { inner: 'priorityqueue' },
      (s) => s.produce('q', 1, { priority: 0 }),
      (s) => s.produce('q', 2, { priority: -3 }),
      'InvalidPriority',
      '-3',
    );
  });

  test('OutOfNames on a full non-cyclic array', () => {
    refused(
      { outer: 'array', size: 1 },
      (s) => s.gensym(),
      (s) => s.gensym(),
      'OutOfNames',
      'at most 1 channels',
    );
  });

  test('an out-of-range array index is InvalidConfiguration; a non-slot channel is InvalidChannel', () => {
    refused(
      { outer: 'array', size: 2 },
      (s) => s.produce(0, 'x'),
      (s) => s.produce(2, 'y'),
      'InvalidConfiguration',
      '2',
    );
    refused(
      { outer: 'array', size: 2 },
      (s) => s.produce(0, 'x'),
      (s) => s.consume(['name'], [p(_)], 'k'),
      'InvalidChannel',
      '"name"',
    );
  });

  test('a channel that is not a value is refused with InvalidValue', () => {
    const notAValue = (() => 1) as unknown as Value;
    refused({}, populated, (s) => s.produce(notAValue, 1), 'InvalidValue', 'function');
    refused({}, populated, (s) => s.consume(['a', notAValue], [p(_), p(_)], 'k'), 'InvalidValue');
  });

  test('a set space refuses data it cannot key', () => {
    refused(
      { inner: 'set' },
      populated,
      (s) => s.produce('a', undefined as unknown as Value),
      'InvalidValue',
      'undefined',
    );
  });

  test('a seq space: a second waiting consume on a channel is SeqChannelConcurrency', () => {
    refused(
      { outer: 'hashset', inner: 'set', qualifier: 'seq' },
      (s) => s.consume(['jobs'], [p(_)], 'first'),
      (s) => s.consume(['jobs', 'other'], [p(_), p(_)], 'second'),
      'SeqChannelConcurrency',
      '"jobs"',
    );
  });

  test('a seq space: its own names may not be sent as data (SeqChannelNotMobile)', () => {
    let name: Value = null;
    refused(
      { outer: 'hashset', inner: 'set', qualifier: 'seq' },
      (s) => {
        name = s.gensym();
      },
      (s) => s.produce('out', ['reply-to', name]),
      'SeqChannelNotMobile',
      'Name(',
    );
  });

  test('a datum the space theory rejects is refused with TheoryValidationError and not stored', () => {
    const even = { name: 'Even', validate: (d: unknown) => (typeof d === 'number' && d % 2 === 0 ? null : 'not even') };
    const s = createSpace<string>({ theory: even });
    s.produce('n', 2);
    s.consume(['w'], [p(_)], 'waiter');
    const before = snapshot(s);
    assert.throws(() => s.produce('w', 3), {
      code: 'TheoryValidationError',
      theory: 'Even',
      term: '3',
      reason: 'not even',
      message: 'theory Even rejects 3: not even',
    });
    assert.equal(snapshot(s), before);
    assert.equal(s.produce('w', 4).length, 1);
  });

  test('errors are instances of their classes and of SpaceError, with stable names', () => {
    const s = createSpace({ config: { inner: 'cell' } });
    s.produce('c', 1);
    try {
      s.produce('c', 2);
      assert.fail('expected an error');
    } catch (e) {
      assert.ok(e instanceof SpaceError);
      assert.equal(e.name, 'CellAlreadyFullError');
    }
  });
});

describe('qualifiers', () => {
  test('default and temp spaces accept what seq refuses', () => {
    for (const qualifier of ['default', 'temp'] as const) {
      const s = createSpace<string>({ config: { qualifier } });
      const n = s.gensym();
      s.consume(['jobs'], [p(_)], 'first');
      s.consume(['jobs'], [p(_)], 'second');
      s.produce('out', [n]);
      assert.equal(s.getWaiting(['jobs']).length, 2);
    }
  });

  test('a seq channel admits a new consume once the previous one fired', () => {
    const s = createSpace<string>({ config: { outer: 'hashset', inner: 'set', qualifier: 'seq' } });
    s.consume(['jobs'], [p(_)], 'first');
    s.produce('jobs', 1);
    assert.deepEqual(s.consume(['jobs'], [p(_)], 'second'), []);
  });

  test('spaces with different qualifiers are isolated', () => {
    const a = createSpace<string>({ config: { qualifier: 'temp' } });
    const b = createSpace<string>({ config: { qualifier: 'seq' } });
    a.produce('ch', 1);
    assert.deepEqual(b.getData('ch'), []);
    assert.equal(b.consume(['ch'], [p(_)], 'k').length, 0);
    assert.equal(a.getData('ch').length, 1);
  });
});

describe('one error hierarchy', () => {
  test('gas, registry and history errors are SpaceErrors with their own stable codes', async () => {
    const { OutOfPhlogistonError } = await import('../gas/errors.js');
    const { SpaceNotFoundError } = await import('../registry/errors.js');
    const { HistoryError } = await import('../history/errors.js');
    const errors = [
      new OutOfPhlogistonError(10, 5, 'receive'),
      new SpaceNotFoundError('nope'),
      new HistoryError('UnknownRoot', 'Checkpoint root not found: 00'),
    ];
    assert.deepEqual(
      errors.map((e) => [e instanceof SpaceError, e.code, e.name]),
      [
        [true, 'OutOfPhlogiston', 'OutOfPhlogistonError'],
        [true, 'SpaceNotFound', 'SpaceNotFoundError'],
        [true, 'UnknownRoot', 'HistoryError'],
      ],
    );
  });
});
