import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { print } from '../../data/print.js';
import { tuple, type Value } from '../../data/value.js';
import { printTemplate } from './print-template.js';
import { compile } from './structural.js';
import { _, and, bind, is, not, or, partial, rest, type Template, tupleOf, where } from './template.js';

describe('Pattern#toString', () => {
  const cases: Array<[Template, string]> = [
    [[1, 'a', _], '[1, "a", _]'],
    [tupleOf('job', bind('id', is.number), rest('xs')), '("job", bind("id", is.number), rest("xs"))'],
    [tupleOf(bind('only')), '(bind("only"),)'],
    [{ a: 1, b: bind('x') }, '{"a": 1, "b": bind("x")}'],
    [new Map<Value, Template>([[2, [rest()]]]), '{2: [rest()]}'],
    [partial({ a: _ }, 'more'), 'partial({"a": _}, "more")'],
    [partial({ a: 1 }), 'partial({"a": 1})'],
    [where((v) => v !== null, 'non-null'), 'where(non-null)'],
    [
      where(function positive() {
        return true;
      }),
      'where(positive)',
    ],
    [and(is.integer, not(0)), 'and(is.integer, not(0))'],
    [or([_, rest()], is.null), 'or([_, rest()], is.null)'],
    [[{ k: new Set([2, 1]) }, _], '[{"k": Set(1, 2)}, _]'],
  ];
  for (const [t, text] of cases) {
    it(`prints ${text}`, () => assert.equal(compile(t).toString(), text));
  }

  it('prints a literal template exactly like its value', () => {
    const v: Value = { b: [1, tuple(2n, null)], a: new Map([[[1], 'x']]) };
    assert.equal(compile(v).toString(), print(v));
    assert.equal(String(compile(-0)), '0');
  });
});

describe('printTemplate', () => {
  it('never throws, even for malformed templates', () => {
    const cyclic: unknown[] = [_];
    cyclic.push(cyclic);
    assert.equal(printTemplate([_, undefined] as unknown as Template), '[_, <undefined>]');
    assert.equal(printTemplate(new Date(0) as unknown as Template), '<Date>');
    assert.equal(printTemplate([_, () => 1] as unknown as Template), '[_, <function anonymous>]');
    assert.equal(printTemplate(cyclic as Template), '[_, <cycle>]');
    assert.equal(printTemplate(where(() => true)), 'where(<predicate>)');
  });
});
