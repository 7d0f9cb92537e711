import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Name, type Value } from '../../data/value.js';
import { valueAdapter } from '../../plain/adapter.js';
import { createSpace } from '../../plain/create.js';
import { ContinuationCollection } from '../collections/continuations.js';
import { OrderedCollection } from '../collections/ordered.js';
import type { SpaceConfigInput } from '../config.js';
import { JoinGroup } from '../entries.js';
import { InvalidChannelError, InvalidConfigurationError, OutOfNamesError } from '../errors.js';
import { Journal } from '../journal.js';
import { compile as p } from '../matchers/structural.js';
import { _, bind } from '../matchers/template.js';
import { PathMapStore } from './pathmap.js';

const space = (config?: SpaceConfigInput) => createSpace<string>({ config });
const indexOf = (n: Value) => Number(new DataView((n as Name).bytes.buffer).getBigUint64(32));

describe('array store', () => {
  test('gensym hands out slots in order, then OutOfNames when not cyclic', () => {
    const s = space({ outer: 'array', size: 3 });
    assert.deepEqual([s.gensym(), s.gensym(), s.gensym()].map(indexOf), [0, 1, 2]);
    assert.throws(
      () => s.gensym(),
      (e: unknown) => e instanceof OutOfNamesError && e.code === 'OutOfNames' && e.maxSize === 3,
    );
    assert.equal(s.nameCount, 3);
  });

  test('a cyclic array wraps (0, 1, 2, 0) and clears the reused slot', () => {
    const s = space({ outer: 'array', size: 3, cyclic: true });
    const [n0, n1, n2] = [s.gensym(), s.gensym(), s.gensym()];
    assert.deepEqual([n0, n1, n2].map(indexOf), [0, 1, 2]);
    s.produce(n0, 'old data');
    s.produce(n1, 'kept');
    s.consume([n0, n2], [p(_), p('never')], 'old join');
    const again = s.gensym();
    assert.equal(indexOf(again), 0);
    assert.deepEqual(s.getData(again), []);
    assert.deepEqual(s.getWaiting([again, n2]), []);
    assert.deepEqual(s.getJoins(n2), []);
    assert.equal(s.getData(n1).length, 1);
  });

  test('gensym skips slots already in use through their index', () => {
    const s = space({ outer: 'array', size: 3 });
    s.produce(0, 'direct');
    assert.equal(indexOf(s.gensym()), 1);
    assert.equal(s.nameCount, 1);
  });

  test('integer indices and names address the same slot; results report the slot name', () => {
    const s = space({ outer: 'array', size: 4 });
    const n = s.gensym();
    s.produce(0, 'via index');
    const [f] = s.consume([n], [p(_)], 'k');
    assert.ok(f.matches[0].channel instanceof Name);
    assert.equal(indexOf(f.matches[0].channel), 0);
  });

  test('an out-of-range index is InvalidConfiguration (non-cyclic) and wraps (cyclic)', () => {
    const s = space({ outer: 'array', size: 4 });
    assert.throws(() => s.produce(4, 'x'), InvalidConfigurationError);
    assert.deepEqual(s.channels(), []);
    const c = space({ outer: 'array', size: 4, cyclic: true });
    c.produce(5, 'x');
    assert.deepEqual(
      c.getData(1).map((d) => d.datum),
      ['x'],
    );
  });

  test('a channel that addresses no slot is InvalidChannel', () => {
    const s = space({ outer: 'array', size: 4 });
    assert.throws(() => s.produce('a string', 1), InvalidChannelError);
    assert.throws(() => s.consume([-1], [p(_)], 'k'), InvalidChannelError);
  });

  test('clear keeps the name counter (names are never reused)', () => {
    const s = space({ outer: 'array', size: 2 });
    s.gensym();
    s.gensym();
    s.clear();
    assert.throws(() => s.gensym(), OutOfNamesError);
  });
});

describe('vector store', () => {
  test('grows without bound; gensym skips slots already used directly', () => {
    const s = space({ outer: 'vector' });
    assert.equal(indexOf(s.gensym()), 0);
    s.produce(10, 'x');
    assert.equal(indexOf(s.gensym()), 11);
  });

  test('clear keeps the counter', () => {
    const s = space({ outer: 'vector' });
    s.gensym();
    s.clear();
    assert.equal(indexOf(s.gensym()), 1);
  });
});

describe('hashmap and hashset stores', () => {
  for (const outer of ['hashmap', 'hashset'] as const) {
    test(`${outer}: no prefix matching between list channels`, () => {
      const s = space({ outer });
      s.produce(['a', 'b'], 1);
      assert.deepEqual(s.consume([['a']], [p(_)], 'k'), []);
      assert.equal(s.getData(['a', 'b']).length, 1);
    });
  }
});

describe('pathmap store', () => {
  test('a consume on a prefix takes data stored at a descendant, reporting the descendant and the suffix', () => {
    const s = space({ outer: 'pathmap' });
    s.produce(['jobs', 'build', 7], 'payload');
    const [f] = s.consume([['jobs', 'build']], [p(bind('x'))], 'k');
    assert.deepEqual(f.channels, [['jobs', 'build']]);
    assert.deepEqual(f.matches[0].channel, ['jobs', 'build', 7]);
    assert.equal(f.matches[0].suffix, 7);
    assert.deepEqual(s.getData(['jobs', 'build', 7]), []);
  });

  test('a suffix of several elements is reported as a list', () => {
    const s = space({ outer: 'pathmap' });
    s.produce(['a', 'b', 'c'], 1);
    const [f] = s.consume([['a']], [p(_)], 'k');
    assert.deepEqual(f.matches[0].suffix, ['b', 'c']);
  });

  test('exact data is preferred over descendants', () => {
    const s = space({ outer: 'pathmap' });
    s.produce(['a', 'x'], 'child');
    s.produce(['a'], 'exact');
    const [f] = s.consume([['a']], [p(_)], 'k');
    assert.equal(f.matches[0].datum, 'exact');
    assert.equal(f.matches[0].suffix, undefined);
  });

  test('of several descendants, exactly one is consumed: the smallest path in canonical order', () => {
    const s = space({ outer: 'pathmap' });
    s.produce(['a', 'c'], 'c');
    s.produce(['a', 'b', 'z'], 'bz');
    s.produce(['a', 'b'], 'b');
    const [f] = s.consume([['a']], [p(_)], 'k');
    assert.equal(f.matches[0].datum, 'b');
    const remaining = [
      ['a', 'c'],
      ['a', 'b', 'z'],
      ['a', 'b'],
    ].map((ch) => s.getData(ch).length);
    assert.deepEqual(remaining, [1, 1, 0]);
  });

  test('no data anywhere below: the continuation is stored', () => {
    const s = space({ outer: 'pathmap' });
    s.produce(['b', 'x'], 1);
    assert.deepEqual(s.consume([['a']], [p(_)], 'k'), []);
    assert.equal(s.getWaiting([['a']]).length, 1);
  });

  test('a produce on a child fires a continuation waiting on a prefix, shortest prefix first, and removes it', () => {
    const s = space({ outer: 'pathmap' });
    s.consume([['a', 'b']], [p(_)], 'on-ab');
    s.consume([['a']], [p(_)], 'on-a');
    const [f] = s.produce(['a', 'b', 'c'], 'd');
    assert.equal(f.continuation, 'on-a');
    assert.deepEqual(f.matches[0].suffix, ['b', 'c']);
    assert.deepEqual(s.getWaiting([['a']]), []);
    assert.equal(s.getWaiting([['a', 'b']]).length, 1);
  });

  test('continuations on the exact channel come before prefixes', () => {
    const s = space({ outer: 'pathmap' });
    s.consume([['a']], [p(_)], 'on-a');
    s.consume([['a', 'b']], [p(_)], 'on-ab');
    assert.equal(s.produce(['a', 'b'], 1)[0].continuation, 'on-ab');
  });

  test('an unrelated prefix does not match', () => {
    const s = space({ outer: 'pathmap' });
    s.consume([['x']], [p(_)], 'k');
    assert.deepEqual(s.produce(['a', 'x'], 1), []);
  });

  test('a prefix-fired join applies the all-channels check', () => {
    const s = space({ outer: 'pathmap' });
    s.consume([['a'], 'other'], [p(_), p(_)], 'join');
    assert.deepEqual(s.produce(['a', 'b'], 1), []);
    assert.equal(s.getData(['a', 'b']).length, 1);
    const [f] = s.produce('other', 2);
    assert.deepEqual(f.matches[0].channel, ['a', 'b']);
  });

  test('after a prefix consume takes the only datum, an overlapping prefix consume waits', () => {
    const s = space({ outer: 'pathmap' });
    s.produce(['a', 'b', 'c'], 1);
    assert.equal(s.consume([['a']], [p(_)], 'k1').length, 1);
    assert.deepEqual(s.consume([['a', 'b']], [p(_)], 'k2'), []);
  });

  test('non-path channels are exact-only in a pathmap space', () => {
    const s = space({ outer: 'pathmap' });
    s.produce('plain', 1);
    assert.equal(s.consume(['plain'], [p(_)], 'k').length, 1);
  });
});

describe('pathmap store internals', () => {
  const store = () => new PathMapStore(valueAdapter<unknown, string>());
  const entry = (s: ReturnType<typeof store>, ch: Value) => s.get(s.keyOf(ch)) ?? s.create(ch, s.keyOf(ch));

  test('ancestors are the proper, non-empty prefixes that have waiting joins, shortest first', () => {
    const s = store();
    const leaf = entry(s, [0, 1, 2]);
    const withJoin = (ch: Value) => {
      const e = entry(s, ch);
      e.addGroup(new JoinGroup(s.keyOf(ch), [e], new ContinuationCollection('bag')), new Journal());
      return e;
    };
    entry(s, [0, 1, 2, 3]);
    const e01 = withJoin([0, 1]);
    const e0 = withJoin([0]);
    entry(s, [0, 5]);
    withJoin([9]);
    assert.deepEqual(s.ancestors(leaf), [e0, e01]);
    assert.deepEqual(s.ancestors(e0), []);
  });

  test('descendants with data come in canonical path order; the entry itself is excluded', () => {
    const s = store();
    const root = entry(s, ['a']);
    for (const ch of [['a', 'c'], ['a', 'b', 'z'], ['a', 'b'], ['b'], ['a']] as Value[]) {
      const e = entry(s, ch);
      e.data = new OrderedCollection<Value>('bag');
      e.data.put('x', false, undefined);
    }
    assert.deepEqual(
      s.descendants(root).map((e) => e.channel),
      [
        ['a', 'b'],
        ['a', 'b', 'z'],
        ['a', 'c'],
      ],
    );
    assert.deepEqual(s.suffix(root, entry(s, ['a', 'b', 'z'])), ['b', 'z']);
    assert.equal(s.suffix(root, entry(s, ['a', 'c'])), 'c');
  });

  test('released entries prune the trie', () => {
    const s = store();
    const root = entry(s, ['a']);
    const child = entry(s, ['a', 'b', 'c']);
    child.data = new OrderedCollection<Value>('bag');
    child.data.put(1, false, undefined);
    assert.equal(s.descendants(root).length, 1);
    child.data.clear();
    s.release(child);
    assert.deepEqual(s.descendants(root), []);
    assert.equal(s.get(s.keyOf(['a', 'b', 'c'])), undefined);
  });
});
