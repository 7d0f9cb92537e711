import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Value } from '../data/value.js';
import { createSpace } from '../plain/create.js';
import type { SpaceConfigInput } from './config.js';
import { compile as p } from './matchers/structural.js';
import { _, bind, is } from './matchers/template.js';

const space = (config?: SpaceConfigInput) => createSpace<string>({ config });
const data = (s: ReturnType<typeof space>, ch: Value) => s.getData(ch).map((d) => d.datum);

describe('produce and consume', () => {
  test('a produce with nobody waiting stores the datum and fires nothing', () => {
    const s = space();
    assert.deepEqual(s.produce('a', 1), []);
    assert.deepEqual(s.getData('a'), [{ datum: 1, persistent: false }]);
  });

  test('a consume with no data stores the continuation', () => {
    const s = space();
    assert.deepEqual(s.consume(['a'], [p(_)], 'k'), []);
    const waiting = s.getWaiting(['a']);
    assert.equal(waiting.length, 1);
    assert.equal(waiting[0].continuation, 'k');
    assert.equal(waiting[0].persistent, false);
  });

  test('a produce fires a waiting continuation and removes it, returning the bindings', () => {
    const s = space();
    s.consume(['a'], [p(['job', bind('id')])], 'k');
    const firings = s.produce('a', ['job', 7]);
    assert.equal(firings.length, 1);
    const [f] = firings;
    assert.equal(f.continuation, 'k');
    assert.deepEqual(f.channels, ['a']);
    assert.deepEqual(f.matches[0].datum, ['job', 7]);
    assert.deepEqual({ ...f.matches[0].bindings }, { id: 7 });
    assert.deepEqual(s.getWaiting(['a']), []);
    assert.deepEqual(s.getData('a'), []);
  });

  test('a consume fires at once on stored data and removes it', () => {
    const s = space();
    s.produce('a', 1);
    s.produce('a', 2);
    const [f] = s.consume(['a'], [p(2)], 'k');
    assert.equal(f.matches[0].datum, 2);
    assert.deepEqual(data(s, 'a'), [1]);
    assert.deepEqual(s.getWaiting(['a']), []);
  });

  test('a datum that matches no waiting pattern is stored beside it', () => {
    const s = space();
    s.consume(['a'], [p(is.string)], 'k');
    assert.deepEqual(s.produce('a', 5), []);
    assert.deepEqual(data(s, 'a'), [5]);
    assert.equal(s.getWaiting(['a']).length, 1);
  });

  test('operations on other channels do not disturb a waiting continuation', () => {
    const s = space();
    s.consume(['a'], [p(_)], 'k');
    s.produce('b', 1);
    s.consume(['b'], [p(_)], 'k2');
    s.produce('c', 2);
    assert.equal(s.getWaiting(['a']).length, 1);
    assert.equal(s.produce('a', 3)[0].continuation, 'k');
  });
});

describe('joins', () => {
  test('a join waits until every channel has a match and fires with one datum per channel', () => {
    const s = space();
    assert.deepEqual(s.consume(['a', 'b'], [p(bind('x')), p(bind('y'))], 'k'), []);
    assert.deepEqual(s.produce('a', 1), []);
    assert.deepEqual(data(s, 'a'), [1]);
    const [f] = s.produce('b', 2);
    assert.deepEqual(
      f.matches.map((m) => [m.channel, m.datum]),
      [
        ['a', 1],
        ['b', 2],
      ],
    );
    assert.deepEqual(data(s, 'a'), []);
    assert.deepEqual(s.getJoins('a'), []);
  });

  test('continuations keep their own channel order and patterns', () => {
    const s = space();
    s.consume(['a', 'b'], [p('A1'), p('B1')], 'ab');
    s.consume(['b', 'a'], [p('B2'), p('A2')], 'ba');
    s.produce('a', 'A2');
    const [f] = s.produce('b', 'B2');
    assert.equal(f.continuation, 'ba');
    assert.deepEqual(f.channels, ['b', 'a']);
    assert.deepEqual(
      f.matches.map((m) => m.datum),
      ['B2', 'A2'],
    );
    assert.equal(s.getWaiting(['a', 'b'])[0].continuation, 'ab');
  });

  test('a failed join changes nothing: queue order and persistent data stay as they were', () => {
    const s = space({ inner: 'queue' });
    s.produce('a', 1);
    s.produce('a', 2);
    s.produce('p', 'P', { persist: true });
    assert.deepEqual(s.consume(['a', 'p', 'missing'], [p(_), p(_), p(_)], 'k'), []);
    assert.deepEqual(data(s, 'a'), [1, 2]);
    assert.deepEqual(s.getData('p'), [{ datum: 'P', persistent: true }]);
  });

  test('a channel named twice in a join needs two data', () => {
    const s = space();
    s.produce('a', 1);
    assert.deepEqual(s.consume(['a', 'a'], [p(_), p(_)], 'k'), []);
    const [f] = s.produce('a', 2);
    assert.deepEqual(f.matches.map((m) => m.datum).sort(), [1, 2]);
    assert.deepEqual(data(s, 'a'), []);
  });

  test('a repeated channel backtracks to find a working assignment', () => {
    const s = space();
    s.produce('a', 'x');
    s.produce('a', 'y');
    const [f] = s.consume(['a', 'a'], [p(_), p('x')], 'k');
    assert.deepEqual(
      f.matches.map((m) => m.datum),
      ['y', 'x'],
    );
  });

  test('positions on one channel need different data even when one of them peeks', () => {
    const s = space();
    s.produce('a', 1);
    assert.deepEqual(s.consume(['a', 'a'], [p(_), p(_)], 'k', { peeks: [0] }), []);
    assert.deepEqual(data(s, 'a'), [1]);
    // The new datum takes the first position it can (here the peek), the other position takes 1.
    const [f] = s.produce('a', 2);
    assert.deepEqual(
      f.matches.map((m) => [m.datum, m.peeked]),
      [
        [2, true],
        [1, false],
      ],
    );
    assert.deepEqual(data(s, 'a'), [2]);
  });

  test('a persistent datum may serve several positions on its channel', () => {
    const s = space();
    s.produce('a', 'p', { persist: true });
    const [f] = s.consume(['a', 'a'], [p(_), p(_)], 'k');
    assert.deepEqual(
      f.matches.map((m) => m.datum),
      ['p', 'p'],
    );
  });

  test('stored continuations keep their own copies of the channel and pattern lists', () => {
    const s = space();
    const channels: Value[] = ['a'];
    const patterns = [p(_)];
    s.consume(channels, patterns, 'k');
    channels[0] = 'b';
    patterns[0] = p('nothing');
    assert.deepEqual(s.getWaiting(['a'])[0].channels, ['a']);
    assert.deepEqual(s.produce('a', 1)[0].channels, ['a']);
  });

  test('getJoins lists each channel set once, in registration order', () => {
    const s = space();
    s.consume(['a', 'b'], [p(_), p(_)], 'k1');
    s.consume(['b', 'a'], [p(_), p(_)], 'k2');
    s.consume(['a'], [p(_)], 'k3');
    assert.deepEqual(s.getJoins('a'), [['a', 'b'], ['a']]);
    assert.deepEqual(s.getJoins('b'), [['a', 'b']]);
  });
});

describe('persistence', () => {
  test('a persistent continuation survives any number of firings', () => {
    const s = space();
    s.consume(['a'], [p(bind('x'))], 'k', { persist: true });
    for (let i = 0; i < 3; i++) assert.equal(s.produce('a', i).length, 1);
    assert.equal(s.getWaiting(['a']).length, 1);
    assert.deepEqual(s.getData('a'), []);
  });

  test('a persistent datum survives any number of consumes', () => {
    const s = space();
    s.produce('a', 'forever', { persist: true });
    for (let i = 0; i < 3; i++) {
      const [f] = s.consume(['a'], [p(_)], 'k');
      assert.equal(f.matches[0].persistent, true);
    }
    assert.deepEqual(s.getData('a'), [{ datum: 'forever', persistent: true }]);
  });

  test('a persistent produce fires every matching waiter, then is stored', () => {
    const s = space();
    s.consume(['a'], [p(_)], 'k1');
    s.consume(['a'], [p(is.string)], 'k2');
    s.consume(['a'], [p(_)], 'k3');
    const firings = s.produce('a', 5, { persist: true });
    assert.deepEqual(
      firings.map((f) => f.continuation),
      ['k1', 'k3'],
    );
    assert.equal(s.getWaiting(['a']).length, 1);
    assert.deepEqual(s.getData('a'), [{ datum: 5, persistent: true }]);
  });

  test('a persistent consume fires once per matching datum, consuming non-persistent data, then waits', () => {
    const s = space();
    s.produce('a', 1);
    s.produce('a', 'p', { persist: true });
    s.produce('a', 2);
    const firings = s.consume(['a'], [p(_)], 'k', { persist: true });
    assert.deepEqual(
      firings.map((f) => f.matches[0].datum),
      [1, 'p', 2],
    );
    assert.deepEqual(data(s, 'a'), ['p']);
    assert.equal(s.getWaiting(['a']).length, 1);
    // A later produce still reaches it.
    assert.equal(s.produce('a', 3)[0].continuation, 'k');
  });

  test('persistent send meets persistent receive once per operation (no endless loop)', () => {
    const s = space();
    s.consume(['a'], [p(_)], 'k', { persist: true });
    assert.equal(s.produce('a', 1, { persist: true }).length, 1);
    assert.equal(s.produce('a', 2, { persist: true }).length, 1);
    assert.equal(s.consume(['a'], [p(_)], 'k2', { persist: true }).length, 2);
  });

  test('install stores a persistent continuation and fires it with what is there', () => {
    const s = space();
    s.produce('a', 1);
    const firings = s.install(['a'], [p(_)], 'sys');
    assert.equal(firings.length, 1);
    assert.equal(s.getWaiting(['a'])[0].persistent, true);
    assert.equal(s.produce('a', 2).length, 1);
  });
});

describe('set continuations', () => {
  test('an equal waiting continuation is ignored; one that differs in its peeks is not', () => {
    // Patterns are identified by identity (or by value when they are plain values).
    const s = space({ inner: 'set' });
    const any = p(_);
    s.consume(['a'], [any], 'k', { peeks: [0] });
    s.consume(['a'], [any], 'k', { peeks: [0] });
    assert.equal(s.getWaiting(['a']).length, 1);
    s.consume(['a'], [any], 'k');
    assert.equal(s.getWaiting(['a']).length, 2);
    const firings = s.produce('a', 1);
    assert.deepEqual(
      firings.map((f) => f.peek),
      [true, false],
    );
    assert.deepEqual(s.getData('a'), []);
  });
});

describe('peeks', () => {
  test('a peeking consume reads without removing', () => {
    const s = space();
    s.produce('a', 1);
    const [f] = s.consume(['a'], [p(_)], 'k', { peeks: [0] });
    assert.equal(f.peek, true);
    assert.equal(f.matches[0].peeked, true);
    assert.deepEqual(data(s, 'a'), [1]);
  });

  test('peeks are stored: a produce that fires a waiting peek leaves the datum for further waiters', () => {
    const s = space();
    s.consume(['a'], [p(_)], 'peeker', { peeks: [0] });
    s.consume(['a'], [p(_)], 'taker');
    const firings = s.produce('a', 1);
    assert.deepEqual(
      firings.map((f) => f.continuation),
      ['peeker', 'taker'],
    );
    assert.deepEqual(data(s, 'a'), []);
    assert.deepEqual(s.getWaiting(['a'])[0]?.peeks ?? [], []);
  });

  test('a stored peek on one channel of a join removes only the other channels', () => {
    const s = space();
    s.consume(['a', 'b'], [p(_), p(_)], 'k', { peeks: [1] });
    s.produce('a', 1);
    s.produce('b', 2);
    assert.deepEqual(data(s, 'a'), []);
    assert.deepEqual(data(s, 'b'), [2]);
  });
});

describe('cascades keep the no-pending-match invariant', () => {
  test('taking a queue head exposes the next datum to waiting continuations', () => {
    const s = space({ inner: 'queue' });
    s.produce('b', 'first');
    s.produce('b', 'second');
    s.consume(['b'], [p('second')], 'waits-for-second');
    s.consume(['a', 'b'], [p(_), p('first')], 'join');
    const firings = s.produce('a', 'go');
    assert.deepEqual(
      firings.map((f) => f.continuation),
      ['join', 'waits-for-second'],
    );
    assert.deepEqual(data(s, 'b'), []);
  });

  test('firing the head of a continuation queue exposes the next continuation', () => {
    const s = space({ inner: 'queue' });
    s.produce('a', 'x');
    s.consume(['a', 'b'], [p(_), p(_)], 'head');
    s.consume(['a', 'b'], [p(_), p(_)], 'second');
    assert.deepEqual(
      s.produce('b', 1).map((f) => f.continuation),
      ['head'],
    );
    s.produce('a', 'y');
    assert.deepEqual(
      s.produce('b', 2).map((f) => f.continuation),
      ['second'],
    );
  });
});

describe('gensym and clear', () => {
  test('gensym names are unique and the counter is monotonic', () => {
    const s = space();
    const names = Array.from({ length: 50 }, () => s.gensym());
    const keys = new Set(names.map((n) => Buffer.from((n as { bytes: Uint8Array }).bytes).toString('hex')));
    assert.equal(keys.size, 50);
    assert.equal(s.nameCount, 50);
  });

  test('clear empties data and continuations but keeps the name counter', () => {
    const s = space();
    s.produce('a', 1);
    s.consume(['b'], [p(_)], 'k');
    s.gensym();
    s.clear();
    assert.deepEqual(s.getData('a'), []);
    assert.deepEqual(s.getWaiting(['b']), []);
    assert.deepEqual(s.channels(), []);
    assert.equal(s.nameCount, 1);
    s.gensym();
    assert.equal(s.nameCount, 2);
  });

  test('idle channels are dropped', () => {
    const s = space();
    s.produce('a', 1);
    s.consume(['a'], [p(_)], 'k');
    s.consume(['b'], [p(_)], 'k');
    s.produce('b', 2);
    assert.deepEqual(s.channels(), []);
  });
});
