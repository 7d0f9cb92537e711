import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tuple } from '../../data/value.js';
import { MatchState } from './match-state.js';
import {
  ANY,
  AndNode,
  BindNode,
  EqualNode,
  isLiteralNode,
  ListNode,
  NaNNode,
  NotNode,
  OrNode,
  SameNode,
  TupleNode,
} from './nodes.js';

describe('match nodes', () => {
  it('literal nodes compare structurally', () => {
    const s = new MatchState(0);
    assert.ok(new SameNode(0).match(-0, s));
    assert.ok(!new SameNode(1).match(1n, s));
    assert.ok(new NaNNode().match(Number.NaN, s));
    assert.ok(!new NaNNode().match('NaN', s));
    assert.ok(new EqualNode({ a: [1] }).match(new Map([['a', [1]]]), s));
    assert.ok(isLiteralNode(new EqualNode(null)) && !isLiteralNode(ANY));
  });

  it('or undoes the captures of a failed alternative', () => {
    const s = new MatchState(2);
    const failing = new AndNode([new BindNode(0, null), new SameNode('never')]);
    const or = new OrNode([failing, new BindNode(1, null)]);
    assert.ok(or.match('x', s));
    assert.deepEqual(s.take(['a', 'b']), { b: 'x' });
  });

  it('not undoes its captures', () => {
    const s = new MatchState(1);
    assert.ok(!new NotNode(new BindNode(0, null)).match(1, s));
    assert.equal(s.top, 0);
  });

  it('list and tuple nodes check the kind, the length and the rest', () => {
    const s = new MatchState(1);
    const list = new ListNode([new SameNode(1)], true, 0);
    assert.ok(!list.match(tuple(1, 2), s));
    assert.ok(list.match([1, 2, 3], s));
    assert.deepEqual(s.take(['rest']), { rest: [2, 3] });
    const tup = new TupleNode([ANY, ANY], false, -1);
    assert.ok(tup.match(tuple(1, 2), s));
    assert.ok(!tup.match(tuple(1), s));
    assert.ok(!tup.match([1, 2], s));
  });
});
