import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tuple, type Value } from '../../data/value.js';
import { compileTemplate } from './compile.js';
import { MapNode } from './map-node.js';
import { BindNode, EqualNode, ListNode, NaNNode, SameNode } from './nodes.js';
import { compile } from './structural.js';
import { _, and, bind, not, or, partial, rest, type Template, TemplateError, tupleOf, where } from './template.js';

/** Asserts that compiling `t` fails with a TemplateError at `path` whose message contains `text`. */
function rejects(t: unknown, path: string, text: string | RegExp): void {
  assert.throws(
    () => compile(t as Template),
    (e: unknown) => {
      assert.ok(e instanceof TemplateError, `expected a TemplateError, got ${String(e)}`);
      assert.ok(e instanceof TypeError);
      assert.equal(e.code, 'InvalidTemplate');
      assert.equal(e.name, 'TemplateError');
      assert.equal(e.path, path);
      assert.ok(e.message.startsWith(`invalid template at ${path}: `), e.message);
      if (typeof text === 'string') assert.ok(e.message.includes(text), e.message);
      else assert.match(e.message, text);
      return true;
    },
  );
}

describe('template errors', () => {
  it('rest must be the last item of a list or tuple', () => {
    rejects([rest(), 1], '$[0]', 'rest() must be the last item');
    rejects(tupleOf(1, rest('xs'), 2), '$[1]', 'rest() must be the last item');
    rejects(rest(), '$', 'rest() is only allowed as the last item');
    rejects({ a: rest() }, '$.a', 'rest() is only allowed');
    rejects([or(rest(), 1)], '$[0]/or[0]', 'rest() is only allowed');
    rejects([bind('x', [1, rest(), 2])], '$[0]/bind("x")[1]', 'last item');
  });

  it('capture names must be non-empty strings', () => {
    rejects(bind(''), '$', 'bind() needs a non-empty capture name');
    rejects([1, bind(3 as unknown as string)], '$[1]', 'bind() needs a non-empty capture name');
    rejects([rest('')], '$[0]', 'rest() needs a non-empty capture name');
    rejects(partial({}, ''), '$', 'partial() needs a non-empty capture name');
  });

  it('literals must be values', () => {
    rejects([1, undefined], '$[1]', 'not a space value: undefined');
    // biome-ignore lint/suspicious/noSparseArray: a hole is an undefined item
    rejects([1, , 3], '$[1]', 'undefined');
    rejects({ when: new Date(0) }, '$.when', 'instance of Date');
    rejects({ 'odd key': () => 1 }, '$["odd key"]', 'function');
    rejects(new Map([['k', Symbol('s')]]), '$.get("k")', 'Symbol(s)');
    rejects(tupleOf(1, new Int16Array(1) as unknown as Value), '$[1]', 'Int16Array');
  });

  it('sets and map keys are literal', () => {
    rejects(new Set([1, _]), '$<set item 1>', 'set items in a template must be literal values');
    rejects(new Map([[bind('k'), 1]]), '$.get(bind("k"))', 'map keys must be literal values');
    rejects(new Map([[[_], 1]]), '$.get([_])', 'map keys must be literal');
    rejects(new Map([[undefined, 1]]), '$.get(<undefined>)', 'not a space value');
  });

  it('cyclic templates are rejected', () => {
    const a: unknown[] = [1];
    a.push(a);
    rejects(a, '$[1]', 'the template contains itself');
    const r: Record<string, Template> = {};
    r.self = [bind('x', r)];
    rejects(r, '$.self[0]/bind("x")', 'contains itself');
  });

  it('combinator arguments are checked', () => {
    rejects(and(), '$', 'and() needs at least one template');
    rejects([or()], '$[0]', 'or() needs at least one template');
    rejects(not(undefined as unknown as Template), '$/not', 'undefined');
    rejects(partial(5 as unknown as Record<string, Template>), '$/partial', 'partial() takes a record or a Map');
    rejects(partial({ a: [rest(), 1] }), '$/partial.a[0]', 'last item');
    rejects(where('x' as unknown as () => boolean), '$', 'where() takes a predicate function');
  });

  it('a combinator of one literal is still a marker', () => {
    assert.notEqual(compile([and(1), or('a')]).match([1, 'a']), null);
    assert.equal(compile([and(1), or('a')]).match([1, 'b']), null);
    rejects(new Set([or(1)]), '$<set item 0>', 'set items in a template must be literal');
    rejects(new Map([[[and(1)], 1]]), '$.get([and(1)])', 'map keys must be literal');
  });

  it('a sub-template used twice (not a cycle) is fine', () => {
    const shared = [bind('x')];
    assert.notEqual(compile([shared, shared]).match([[1], [1]]), null);
  });
});

describe('compileTemplate', () => {
  it('collapses marker-free parts to literal nodes', () => {
    assert.ok(compileTemplate('a').root instanceof SameNode);
    assert.ok(compileTemplate(Number.NaN).root instanceof NaNNode);
    assert.ok(compileTemplate([1, { a: new Set([2]) }, tuple()]).root instanceof EqualNode);
    assert.ok(compileTemplate([1, _]).root instanceof ListNode);
    assert.ok(compileTemplate({ a: _ }).root instanceof MapNode);
    assert.ok(compileTemplate(bind('x', _)).root instanceof BindNode);
  });

  it('gives each capture name one slot, and names inside not slots of their own', () => {
    assert.deepEqual(compileTemplate([bind('x'), bind('y'), bind('x')]).names, ['x', 'y']);
    assert.deepEqual(compileTemplate([bind('x'), rest('r')]).names, ['x', 'r']);
    assert.deepEqual(compileTemplate([bind('x'), not(bind('x'))]).names, ['x', 'x']);
    assert.deepEqual(compileTemplate(partial({ a: bind('a') }, 'more')).names, ['a', 'more']);
    assert.deepEqual(compileTemplate([1, _]).names, []);
  });

  it('keeps the later of structurally equal Map template keys', () => {
    const t = new Map<Value, Template>([
      [[1], bind('first')],
      [[1], bind('second')],
    ]);
    assert.deepEqual(compile(t).match(new Map([[[1], 'v']])), { second: 'v' });
  });
});
