import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { _, and, any, bind, is, Marker, not, or, partial, rest, tupleOf, where } from './template.js';

describe('template builders', () => {
  it('make frozen markers', () => {
    for (const m of [_, bind('x'), is.string, rest(), partial({}), where(() => true), and(1), or(1), not(1)]) {
      assert.ok(m instanceof Marker);
      assert.ok(Object.isFrozen(m));
    }
    assert.equal(any, _);
    assert.ok(Object.isFrozen(is));
    assert.notEqual(is.number, is.integer);
  });

  it('tupleOf builds a tuple whose items are the templates', () => {
    const t = tupleOf('a', _);
    assert.deepEqual(t.items, ['a', _]);
  });
});
