import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { parseOrThrow } from '../syntax/parse.js';
import { print } from '../syntax/print.js';
import { keyOf } from '../term/index.js';
import { distinctNaming, poolNaming, scopedProgramArb } from './arbitrary.js';
import { normalize } from './normalize.js';

describe('alpha-equivalence', () => {
  test('property: renaming bound variables does not change the term', () => {
    fc.assert(
      fc.property(scopedProgramArb(4), fc.array(fc.nat(50), { maxLength: 8 }), (program, choices) => {
        const a = program.render(distinctNaming);
        const b = program.render(poolNaming(choices));
        assert.equal(keyOf(normalize(a)), keyOf(normalize(b)), `${print(a)}\n  vs\n${print(b)}`);
      }),
      { numRuns: 800 },
    );
  });

  test('property: the generated programs are well scoped and survive printing and parsing', () => {
    fc.assert(
      fc.property(scopedProgramArb(4), (program) => {
        const ast = program.render(distinctNaming);
        const t = normalize(ast);
        assert.equal(t.open, 0, 'a program normalizes to a closed term');
        assert.equal(t.pattern, false, 'and not to a pattern');
        assert.equal(keyOf(normalize(parseOrThrow(print(ast)))), keyOf(t));
      }),
      { numRuns: 400 },
    );
  });

  test('renaming examples: shadowing, joins, patterns', () => {
    const same = (a: string, b: string): void => {
      assert.equal(keyOf(normalize(parseOrThrow(a))), keyOf(normalize(parseOrThrow(b))), `${a}\n${b}`);
    };
    same('new x in { x!(1) }', 'new y in { y!(1) }');
    same('new x in { new x in { x!(1) } }', 'new a in { new b in { b!(1) } }');
    same('for (@a <- @"c" & b <- @"d") { b!(a) }', 'for (@p <- @"c" & q <- @"d") { q!(p) }');
    same('match [1] { [h ...t] => @"o"!(h, t) }', 'match [1] { [x ...y] => @"o"!(x, y) }');
    same('new r in { contract r(@n, ret) = { ret!(n) } }', 'new s in { contract s(@m, k) = { k!(m) } }');
    // ...and different binding structure is a different term.
    const differ = (a: string, b: string): void => {
      assert.notEqual(keyOf(normalize(parseOrThrow(a))), keyOf(normalize(parseOrThrow(b))), `${a}\n${b}`);
    };
    differ('new x, y in { x!(1) }', 'new x, y in { y!(1) }');
    differ('for (@a, @b <- @"c") { @"o"!(a) }', 'for (@a, @b <- @"c") { @"o"!(b) }');
  });
});
