import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse } from './parse.js';
import { codesOf, show } from './testing.js';

describe('collections', () => {
  test('lists, with trailing commas and remainders', () => {
    assert.equal(show('[]'), '[]');
    assert.equal(show('[1, "a", [2],]'), '[1 "a" [2]]');
    assert.equal(show('[h ...t]'), '[h ...t]');
    assert.equal(show('[1, 2, ...t]'), '[1 2 ...t]');
    assert.equal(show('[...t]'), '[...t]');
    assert.equal(show('[x ..._]'), '[x ..._]');
  });

  test('`(x)` groups, `(x,)` is a one-tuple, `()` is unit', () => {
    assert.equal(show('(1)'), '1');
    assert.equal(show('(1,)'), '(tuple 1)');
    assert.equal(show('(1, 2)'), '(tuple 1 2)');
    assert.equal(show('(1, 2,)'), '(tuple 1 2)');
    assert.equal(show('()'), '()');
  });

  test('sets', () => {
    assert.equal(show('Set()'), '(set)');
    assert.equal(show('Set(1, 2)'), '(set 1 2)');
    assert.equal(show('Set(1, 2 ...r)'), '(set 1 2 ...r)');
  });

  test('`{}` is the empty map, `{ k: v }` a map, `{ P }` a block (no node)', () => {
    assert.equal(show('{}'), '(map)');
    assert.equal(show('{"a": 1}'), '(map ("a" 1))');
    assert.equal(show('{"a": 1, "b": [2], ...r}'), '(map ("a" 1) ("b" [2]) ...r)');
    assert.equal(show('{"a": 1,}'), '(map ("a" 1))');
    assert.equal(show('{...r}'), '(map ...r)');
    assert.equal(show('{ x }'), 'x');
    assert.equal(show('{ {} }'), '(map)');
    assert.equal(show('{ x | y }'), '(| x y)');
    assert.equal(show('{ {"k": v} }'), '(map ("k" v))');
  });

  test('map keys and values are any process', () => {
    assert.equal(show('{x!(1): y, [1]: Set()}'), '(map ((! x 1) y) ([1] (set)))');
  });

  test('PathMap literals', () => {
    assert.equal(show('{| |}'), '(pathmap)');
    assert.equal(show('{| [0, 1], "a" ...rest |}'), '(pathmap [0 1] "a" ...rest)');
    assert.equal(show('{|1|}'), '(pathmap 1)');
  });

  test('nested collections', () => {
    assert.equal(show('[{"a": (1, Set([]))}]'), '[(map ("a" (tuple 1 (set []))))]');
  });
});

describe('literals', () => {
  test('strings keep the raw text and decode escapes into the value', () => {
    const { ast } = parse('"a\\n\\t\\\\\\"\\65\\0z"');
    assert.equal(ast.body.kind, 'String');
    if (ast.body.kind !== 'String') return;
    assert.equal(ast.body.raw, 'a\\n\\t\\\\\\"\\65\\0z');
    assert.equal(ast.body.value, 'a\n\t\\"A\u0000z');
  });

  test('strings may span lines; URIs keep their text', () => {
    assert.equal(show('"a\nb"'), '"a\\nb"');
    assert.equal(show('`rho:io:stdout`'), '`rho:io:stdout`');
    assert.equal(show('`rho:space:queue:hashmap:default`'), '`rho:space:queue:hashmap:default`');
  });

  test('integers, booleans and Nil', () => {
    assert.equal(show('[0, 42, true, false, Nil]'), '[0 42 true false Nil]');
  });
});

describe('collection errors', () => {
  test('a missing comma', () => {
    assert.deepEqual(codesOf('[1 2]'), ['UnexpectedToken']);
    assert.deepEqual(codesOf('(1, 2 3)'), ['UnexpectedToken']);
    assert.deepEqual(codesOf('Set(1 2)'), ['UnexpectedToken']);
  });

  test('a map entry without its value, a remainder that is not last', () => {
    assert.deepEqual(codesOf('{"a": 1, "b"}'), ['UnexpectedToken']);
    assert.deepEqual(codesOf('[...t, 1]'), ['UnexpectedToken']);
    assert.deepEqual(codesOf('Set 1'), ['UnexpectedToken']);
  });

  test('an unclosed bracket is reported and the rest of the program still parses', () => {
    const { diagnostics, ast } = parse('x!([1, 2) | y!(3)');
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['UnexpectedToken'],
    );
    assert.equal(ast.body.kind, 'Par');
  });
});
