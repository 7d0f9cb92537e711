import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Value } from '../../data/value.js';
import { MapNode } from './map-node.js';
import { MatchState } from './match-state.js';
import { ANY, BindNode, SameNode } from './nodes.js';

const entry = (key: Value, node = ANY) => ({ key, primitive: key === null || typeof key !== 'object', node });

describe('MapNode', () => {
  it('matches records and Maps with exactly its keys', () => {
    const s = new MatchState(0);
    const node = new MapNode([entry('a'), entry('b', new SameNode(2))], false, -1);
    assert.ok(node.match({ a: 1, b: 2 }, s));
    assert.ok(
      node.match(
        new Map<Value, Value>([
          ['b', 2],
          ['a', 0],
        ]),
        s,
      ),
    );
    assert.ok(!node.match({ a: 1, b: 2, c: 3 }, s));
    assert.ok(!node.match({ a: 1 }, s));
    assert.ok(!node.match(Object.assign(Object.create({ a: 1 }), { b: 2 }), s), 'inherited keys do not count');
  });

  it('never matches a record when a key is not a string', () => {
    const s = new MatchState(0);
    assert.ok(!new MapNode([entry(1)], true, -1).match({ 1: 'x' }, s));
    assert.ok(new MapNode([entry(1)], true, -1).match(new Map([[1, 'x']]), s));
  });

  it('finds compound keys structurally; of duplicate keys the later wins', () => {
    const s = new MatchState(1);
    const node = new MapNode([entry([1], new BindNode(0, null))], false, -1);
    const dup = new Map<Value, Value>([
      [[1], 'earlier'],
      [[1], 'later'],
    ]);
    assert.ok(node.match(dup, s), 'two equal keys are one key');
    assert.deepEqual(s.take(['v']), { v: 'later' });
    assert.ok(
      !node.match(
        new Map<Value, Value>([
          [[1], 'x'],
          [[2], 'y'],
        ]),
        s,
      ),
    );
  });

  it('binds the other entries in the kind of the datum', () => {
    const s = new MatchState(1);
    const node = new MapNode([entry('a')], true, 0);
    assert.ok(node.match({ a: 1, b: 2 }, s));
    assert.deepEqual(s.take(['more']), { more: { b: 2 } });
    assert.ok(
      node.match(
        new Map<Value, Value>([
          ['a', 1],
          [[2], 3],
        ]),
        s,
      ),
    );
    const more = s.take(['more']).more;
    assert.ok(more instanceof Map);
    assert.deepEqual([...more], [[[2], 3]]);
  });
});
