import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { SyntaxErrorCode } from './errors.js';
import { tokenize } from './lexer.js';
import { decodeString, escapeString } from './string-literals.js';
import { T } from './tokens.js';

interface Lexed {
  kinds: number[];
  texts: string[];
  positions: [number, number][];
  errors: [SyntaxErrorCode, number, number][];
}

function lex(source: string): Lexed {
  const errors: [SyntaxErrorCode, number, number][] = [];
  const s = tokenize(source, (code, _message, span) => errors.push([code, span.line, span.column]));
  const out: Lexed = { kinds: [], texts: [], positions: [], errors };
  for (let i = 0; i < s.count - 1; i++) {
    out.kinds.push(s.kinds[i]);
    out.texts.push(source.slice(s.starts[i], s.ends[i]));
    out.positions.push([s.lines[i], s.columns[i]]);
  }
  assert.equal(s.kinds[s.count - 1], T.EOF);
  return out;
}

describe('tokens', () => {
  test('every punctuation token, longest match first', () => {
    const source =
      '( ) [ ] { {| } |} , ; : . ... | & @ * ! !! !? ?! < <- <= <<- > >= = == != => + ++ - -- / % %% ~ /\\ \\/';
    assert.deepEqual(lex(source).texts, source.split(' '));
    const names =
      'LParen RParen LBracket RBracket LBrace LPathMap RBrace RPathMap Comma Semi Colon Dot Ellipsis Bar Amp At Star Bang BangBang BangQuestion QuestionBang Lt LeftArrow LtEq PeekArrow Gt GtEq Eq EqEq NotEq FatArrow Plus PlusPlus Minus MinusMinus Slash Percent PercentPercent Tilde Conj Disj';
    assert.deepEqual(
      lex(source).kinds,
      names.split(' ').map((n) => T[n as keyof typeof T]),
    );
  });

  test('adjacent operators split as the grammar expects', () => {
    assert.deepEqual(lex('x<-y').texts, ['x', '<-', 'y']);
    assert.deepEqual(lex('a!=b').texts, ['a', '!=', 'b']);
    assert.deepEqual(lex('=*x').texts, ['=', '*', 'x']);
    assert.deepEqual(lex('1-2').texts, ['1', '-', '2']);
    assert.deepEqual(lex('[1...r]').texts, ['[', '1', '...', 'r', ']']);
  });

  test('identifiers, the wildcard and keywords', () => {
    const { kinds, texts } = lex("new newer _ _x x' a_1 Nil Nile Set sim rank in bundle0 free use");
    assert.deepEqual(texts, [
      'new',
      'newer',
      '_',
      '_x',
      "x'",
      'a_1',
      'Nil',
      'Nile',
      'Set',
      'sim',
      'rank',
      'in',
      'bundle0',
      'free',
      'use',
    ]);
    const names = 'New Ident Wildcard Ident Ident Ident Nil Ident Set Sim Rank In Bundle0 Free Use';
    assert.deepEqual(
      kinds,
      names.split(' ').map((n) => T[n as keyof typeof T]),
    );
  });

  test('`bundle+` and `bundle-` are single tokens only without a space', () => {
    assert.deepEqual(lex('bundle+{').kinds, [T.BundleWrite, T.LBrace]);
    assert.deepEqual(lex('bundle- {').kinds, [T.BundleRead, T.LBrace]);
    assert.deepEqual(lex('bundle + 1').kinds, [T.Bundle, T.Plus, T.Int]);
  });

  test('comments and white space are skipped, lines and columns kept', () => {
    const { texts, positions } = lex('a // line comment\n  /* block\n comment */ b\u00a0c\ufeff\r\n\td');
    assert.deepEqual(texts, ['a', 'b', 'c', 'd']);
    assert.deepEqual(positions, [
      [1, 1],
      [3, 13],
      [3, 15],
      [4, 2],
    ]);
  });

  test('multi-line strings and URIs advance the line count', () => {
    const { positions } = lex('"a\nb" `x\ny` z');
    assert.deepEqual(positions, [
      [1, 1],
      [2, 4],
      [3, 4],
    ]);
  });
});

describe('lexical errors', () => {
  test('unexpected characters, once per code point', () => {
    assert.deepEqual(lex('a # b \u{1f600} ?').errors, [
      ['UnexpectedCharacter', 1, 3],
      ['UnexpectedCharacter', 1, 7],
      ['UnexpectedCharacter', 1, 10],
    ]);
    assert.deepEqual(lex('a # b').texts, ['a', 'b']);
  });

  test('escapes in strings', () => {
    assert.deepEqual(lex('"ok \\n \\t \\r \\\\ \\" \\0 \\128512"').errors, []);
    assert.deepEqual(lex('"\\q"').errors, [['InvalidEscape', 1, 2]]);
    assert.deepEqual(lex('"\\1114112 \\55296"').errors, [
      ['InvalidCodePoint', 1, 2],
      ['InvalidCodePoint', 1, 11],
    ]);
    assert.deepEqual(lex('"a\\\nb"').errors, [['InvalidEscape', 1, 3]]);
  });

  test('an unterminated string or URI ends at the end of its line, so later lines are still lexed', () => {
    const s = lex('x!("abc) |\ny!(`rho:io |\nz');
    assert.deepEqual(s.errors, [
      ['UnterminatedString', 1, 4],
      ['UnterminatedUri', 2, 4],
    ]);
    assert.deepEqual(s.texts, ['x', '!', '(', '"abc) |', 'y', '!', '(', '`rho:io |', 'z']);
  });

  test('an unterminated block comment, an empty URI, a float', () => {
    assert.deepEqual(lex('a /* b').errors, [['UnterminatedComment', 1, 3]]);
    assert.deepEqual(lex('``').errors, [['EmptyUri', 1, 1]]);
    assert.deepEqual(lex('x 0.75 y').errors, [['Unsupported', 1, 3]]);
    assert.deepEqual(lex('x 0.75 y').texts, ['x', '0', 'y']);
  });
});

describe('string literal codec', () => {
  test('decodes the escapes and decimal code points', () => {
    assert.equal(decodeString('a\\nb\\tc\\rd\\\\e\\"f'), 'a\nb\tc\rd\\e"f');
    assert.equal(decodeString('\\65\\66 \\0 \\128512'), 'AB \u0000 \u{1f600}');
    assert.equal(decodeString('bad \\q'), 'bad \\q');
    assert.equal(decodeString('plain'), 'plain');
  });

  test('decode(escape(s)) is s for every string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        assert.equal(decodeString(escapeString(s)), s);
      }),
    );
  });

  test('escaped text contains no bare quote and no line break', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const e = escapeString(s);
        assert.ok(!/(^|[^\\])(\\\\)*"/.test(e));
        assert.ok(!e.includes('\n'));
      }),
    );
  });
});
