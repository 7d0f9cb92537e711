import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MatchState } from './match-state.js';
import { EMPTY_BINDINGS } from './matcher.js';

describe('MatchState', () => {
  it('binds free slots and checks bound ones structurally', () => {
    const s = new MatchState(2);
    assert.ok(s.bind(0, [1]));
    assert.ok(s.bind(0, [1]), 'an equal value is accepted');
    assert.ok(!s.bind(0, [2]));
    assert.equal(s.top, 1);
  });

  it('undo frees the slots bound after a mark', () => {
    const s = new MatchState(3);
    s.bind(0, 'a');
    const mark = s.top;
    s.bind(1, 'b');
    s.bind(2, 'c');
    s.undo(mark);
    assert.equal(s.top, 1);
    assert.ok(s.bind(1, 'other'), 'slot 1 is free again');
    assert.deepEqual(s.take(['x', 'y', 'z']), { x: 'a', y: 'other' });
  });

  it('take builds the bindings in binding order and resets', () => {
    const s = new MatchState(3);
    s.bind(2, 1);
    s.bind(0, 2);
    const b = s.take(['first', 'unused', '__proto__']);
    assert.deepEqual(Object.keys(b), ['__proto__', 'first']);
    assert.equal(Object.getOwnPropertyDescriptor(b, '__proto__')?.value, 1);
    assert.equal(Object.getPrototypeOf(b), Object.prototype);
    assert.equal(s.top, 0);
    assert.equal(s.take(['first']), EMPTY_BINDINGS);
  });
});
