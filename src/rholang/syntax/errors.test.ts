import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SpaceError } from '../../spaces/errors.js';
import { ParseError, renderDiagnostic, renderDiagnostics } from './errors.js';
import { parse, parseOrThrow } from './parse.js';
import { MAX_DEPTH } from './parser-core.js';
import { codesOf, whereAndWhat } from './testing.js';

describe('rendering', () => {
  test('a caret excerpt where the missing token belongs, with the file name, line and column', () => {
    const source = 'new stdout(`rho:io:stdout`) in {\n  stdout!("hi") |\n  stdout!("hi" ; Nil\n}';
    const { diagnostics } = parse(source, 'program.rho');
    assert.equal(diagnostics.length, 1);
    assert.equal(
      renderDiagnostic(diagnostics[0], source),
      [
        'error[UnexpectedToken]: expected `)` but found `}`',
        ' --> program.rho:3:21',
        '  |',
        '3 |   stdout!("hi" ; Nil',
        '  |                     ^',
        '  = help: data are separated by `,`, hyperparameters follow a `;`',
      ].join('\n'),
    );
  });

  test('carets span the token; tabs are kept so the carets line up', () => {
    const source = '\tfoo!(1) bar';
    const [d] = parse(source, 'tab.rho').diagnostics;
    assert.equal(d.code, 'MissingPar');
    const lines = renderDiagnostic(d, source).split('\n');
    assert.equal(lines[1], ' --> tab.rho:1:10');
    assert.equal(lines[3], '1 | \tfoo!(1) bar');
    assert.equal(lines[4], '  | \t        ^^^');
  });

  test('the gutter grows with the line number', () => {
    const source = `${'Nil |\n'.repeat(11)}Nil ]`;
    const [d] = parse(source).diagnostics;
    assert.deepEqual(renderDiagnostic(d, source).split('\n').slice(0, 5), [
      'error[UnexpectedToken]: unexpected `]`',
      '  --> <input>:12:5',
      '   |',
      '12 | Nil ]',
      '   |     ^',
    ]);
  });

  test('a token missing at the end of a line is shown there, even when the next token is far below', () => {
    const source = 'x!("a\nb"\n\n\n';
    const [d] = parse(source).diagnostics;
    assert.deepEqual(renderDiagnostic(d, source).split('\n').slice(0, 5), [
      'error[UnexpectedToken]: expected `)` but found end of input',
      ' --> <input>:2:3',
      '  |',
      '2 | b"',
      '  |   ^',
    ]);
  });

  test('the end of input gets one caret after the last character', () => {
    const source = 'for (x <- y) {';
    const [d] = parse(source).diagnostics;
    assert.equal(d.message, 'expected a process but found end of input');
    assert.deepEqual(renderDiagnostic(d, source).split('\n').slice(3), ['1 | for (x <- y) {', '  |               ^']);
  });
});

describe('several errors in one file', () => {
  test('each independent error is reported once, in source order', () => {
    const source = [
      'new stdout(`rho:io:stdout`) in {', //  1
      '  stdout!("a") |', //                   2
      '  for (x <- ) { stdout!(x) } |', //    3
      '  contract foo(x = { Nil } |', //      4
      '  match x { 1 => Nil  2 => } |', //    5
      '  stdout!(1 +) |', //                   6
      '  if (x) { Nil } else { Nil } }', //    7
      '}', //                                  8
    ].join('\n');
    assert.deepEqual(whereAndWhat(source), [
      [3, 13, 'expected a name (a variable, `_` or `@P`) but found `)`'],
      [4, 18, 'expected `)` but found `=`'],
      [5, 28, 'expected a process but found `}`'],
      [6, 14, 'expected a process but found `)`'],
      [8, 1, 'unexpected `}`'],
    ]);
  });

  test('a forgotten `|` between statements is reported where the next one starts', () => {
    const source = 'new x in {\n  x!(1)\n  x!(2)\n  for (y <- x) { Nil }\n}';
    assert.deepEqual(whereAndWhat(source), [
      [3, 3, 'expected `|` before identifier `x`'],
      [4, 3, 'expected `|` before `for`'],
    ]);
    assert.equal(parse(source).diagnostics[0].hint, 'processes that run side by side are separated by `|`');
  });

  test('after a skipped bracket the next error is reported again', () => {
    assert.deepEqual(whereAndWhat('x!(1 2)\ny!(3)'), [
      [1, 6, 'expected `)` but found integer `2`'],
      [2, 1, 'expected `|` before identifier `y`'],
    ]);
  });

  test('a missing `)` stops at the next statement instead of swallowing it', () => {
    const source = 'new x in {\n  x!(1, 2\n  for (y <- x) { Nil }\n}';
    assert.deepEqual(whereAndWhat(source), [[2, 10, 'expected `)` but found `for`']]);
  });

  test('lexical and syntax errors together, in source order', () => {
    const source = 'x!("a\\q") |\n y!(#) |\n z!(99999999999999999999) |\n "open';
    assert.deepEqual(codesOf(source), [
      'InvalidEscape',
      'UnexpectedCharacter',
      'IntegerOutOfRange',
      'UnterminatedString',
    ]);
  });

  test('a stray closing bracket is reported and the rest still parsed', () => {
    const { diagnostics, ast } = parse('x!(1) } | y!(2) )');
    assert.deepEqual(
      diagnostics.map((d) => [d.message, d.hint]),
      [
        ['unexpected `}`', 'this closes nothing: is there an extra closing bracket, or a missing opening one?'],
        ['unexpected `)`', 'this closes nothing: is there an extra closing bracket, or a missing opening one?'],
      ],
    );
    assert.equal(ast.body.kind === 'Par' && ast.body.procs.length, 2);
  });
});

describe('diagnostic codes', () => {
  test('an empty program', () => {
    assert.deepEqual(codesOf(''), ['EmptyProgram']);
    assert.deepEqual(codesOf('  // only a comment\n'), ['EmptyProgram']);
  });

  test('nesting too deep for a recursive walk is refused once, not by overflowing the stack', () => {
    assert.deepEqual(codesOf(`${'['.repeat(MAX_DEPTH + 10)}${']'.repeat(MAX_DEPTH + 10)}`), ['NestingTooDeep']);
    assert.deepEqual(codesOf(`${'for (x <- y) {'.repeat(100_000)}`), ['NestingTooDeep']);
    assert.deepEqual(codesOf(Array.from({ length: 100_000 }, () => 'x').join(' + ')), ['NestingTooDeep']);
    assert.deepEqual(codesOf(`${'@{'.repeat(MAX_DEPTH)}x${'}!(1)'.repeat(MAX_DEPTH)}`), ['NestingTooDeep']);
    assert.deepEqual(codesOf(`${'['.repeat(MAX_DEPTH - 10)}${']'.repeat(MAX_DEPTH - 10)}`), []);
  });
});

describe('parseOrThrow', () => {
  test('returns the tree of a correct program', () => {
    assert.equal(parseOrThrow('Nil').body.kind, 'Nil');
  });

  test('throws a ParseError with every diagnostic, rendered in its message', () => {
    const source = 'x!(1 2) |\ny!(';
    let caught: unknown;
    try {
      parseOrThrow(source, 'bad.rho');
    } catch (e) {
      caught = e;
    }
    assert.ok(caught instanceof ParseError);
    assert.ok(caught instanceof SpaceError);
    assert.equal(caught.code, 'UnexpectedToken');
    assert.equal(caught.fileName, 'bad.rho');
    assert.equal(caught.diagnostics.length, 2);
    assert.equal(caught.message, `2 syntax errors in bad.rho\n\n${renderDiagnostics(caught.diagnostics, source)}`);
    assert.match(caught.message, /--> bad\.rho:1:6\n/);
    assert.match(caught.message, /--> bad\.rho:2:4\n/);
  });
});

test('a long line is excerpted as a window around the error, with the carets under it', () => {
  const source = `${'@"x"!(1) | '.repeat(40)}@"y"!(1 +) | ${'@"z"!(2) | '.repeat(40)}Nil`;
  const { diagnostics } = parse(source);
  const [, , , text, carets] = renderDiagnostic(diagnostics[0], source).split('\n');
  const shown = text.slice(text.indexOf('| ') + 2);
  assert.ok(shown.length <= 122, `excerpt of ${shown.length} characters`);
  assert.ok(shown.startsWith('…') && shown.endsWith('…'));
  const at = carets.indexOf('^') - (carets.indexOf('| ') + 2);
  assert.equal(shown.slice(at, at + 1), ')');
  assert.ok(shown.includes('@"y"!(1 +)'));
});
