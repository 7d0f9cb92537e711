/**
 * fast-check arbitraries for terms (a test helper that lives in `src` so that it type-checks with
 * the project; it must not import `node:test`).
 *
 * `valueArb` makes closed values: ground values, collections, and a few processes holding them.
 * `termArb` also makes open terms and patterns: variables, var-refs, connectives, operators and
 * every process kind, with binders — well-formed enough for encoding, ordering and substitution
 * (not necessarily well scoped: a `BoundVar` may point past every binder).
 */

import fc from 'fast-check';
import {
  bundle,
  emap,
  epathmap,
  eset,
  gbool,
  gbytes,
  gint,
  gstring,
  guri,
  par,
  receive,
  unforgeable,
} from './build.js';
import {
  BINARY_OPERATORS,
  ConnAnd,
  ConnNot,
  ConnOr,
  ConnType,
  EBinary,
  EFree,
  EFunction,
  EMatches,
  EMethod,
  EUnary,
  SIMPLE_TYPES,
} from './nodes-expr.js';
import { BoundVar, EList, ETuple, FreeVar, NIL, type Remainder, VarRef, WILDCARD } from './nodes-ground.js';
import { HyperParam, Match, MatchCase, New, NewDecl, ReceiveBind, Send, Similarity, UseBlock } from './nodes-proc.js';
import type { Term } from './term.js';

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;

const stringArb = fc.oneof(
  fc.constantFrom('', 'a', 'ab', 'b', 'A', 'a\u0000', '\u0000', 'é', '\u{1F600}', '\uE000', '\uD800', 'x y'),
  fc.string({ maxLength: 5 }),
  fc.string({ unit: 'binary', maxLength: 4 }),
);

const bytesArb = fc.uint8Array({ maxLength: 5 }).map((b) => b);

const groundArb: fc.Arbitrary<Term> = fc.oneof(
  fc.constant<Term>(NIL),
  fc.boolean().map(gbool),
  fc
    .oneof(fc.bigInt(-300n, 300n), fc.bigInt(INT64_MIN, INT64_MAX), fc.constantFrom(INT64_MIN, INT64_MAX, 0n, -1n))
    .map((v) => gint(v)),
  stringArb.map(gstring),
  stringArb.map(guri),
  bytesArb.map(gbytes),
  fc.uint8Array({ minLength: 1, maxLength: 4 }).map(unforgeable),
);

const some = <T>(arb: fc.Arbitrary<T>, min = 0): fc.Arbitrary<T[]> => fc.array(arb, { minLength: min, maxLength: 3 });

/** Closed, evaluated values of nesting depth at most `depth`. */
export const valueArb: (depth?: number) => fc.Arbitrary<Term> = fc.memo((depth: number): fc.Arbitrary<Term> => {
  if (depth <= 1) return groundArb;
  const v = valueArb(depth - 1);
  return fc.oneof(
    { weight: 4, arbitrary: groundArb },
    some(v).map((es): Term => new EList(es, null)),
    some(v).map((es): Term => new ETuple(es)),
    some(v).map((es): Term => eset(es)),
    some(fc.tuple(v, v)).map(
      (kvs): Term =>
        emap(
          kvs.map((e) => e[0]),
          kvs.map((e) => e[1]),
        ),
    ),
    fc.tuple(v, some(v), fc.boolean()).map(([c, d, p]): Term => new Send(c, d, p, [])),
    some(v, 2).map(par),
  );
});

const remainderArb: fc.Arbitrary<Remainder | null> = fc.option(
  fc.oneof(
    fc.nat(3).map((l): Remainder => new FreeVar(l)),
    fc.constant<Remainder>(WILDCARD),
  ),
  { freq: 3 },
);

/** Terms of every kind (open terms and patterns included) of nesting depth at most `depth`. */
export const termArb: (depth?: number) => fc.Arbitrary<Term> = fc.memo((depth: number): fc.Arbitrary<Term> => {
  const leaf: fc.Arbitrary<Term> = fc.oneof(
    { weight: 3, arbitrary: groundArb },
    fc.nat(4).map((i): Term => new BoundVar(i)),
    fc.nat(3).map((l): Term => new FreeVar(l)),
    fc.constant<Term>(WILDCARD),
    fc.nat(3).map((i): Term => new VarRef(i)),
    fc.constantFrom(...SIMPLE_TYPES).map((t): Term => new ConnType(t)),
    fc.constantFrom('Nat', 'Any').map((t): Term => new EFree(t)),
  );
  if (depth <= 1) return leaf;
  const t = termArb(depth - 1);
  const bind = fc
    .tuple(
      some(t),
      remainderArb,
      t,
      fc.nat(3),
      fc.boolean(),
      fc.option(fc.tuple(fc.option(some(t, 1)), fc.option(some(t, 1)), t)),
    )
    .map(
      ([ps, r, src, n, peek, sim]) =>
        new ReceiveBind(ps, r, src, n, peek, sim === null ? null : new Similarity(sim[0], sim[1], sim[2])),
    );
  return fc.oneof(
    { weight: 4, arbitrary: leaf },
    fc.tuple(some(t), remainderArb).map(([es, r]): Term => new EList(es, r)),
    some(t).map((es): Term => new ETuple(es)),
    fc.tuple(some(t), remainderArb).map(([es, r]): Term => eset(es, r)),
    fc.tuple(some(t), remainderArb).map(([es, r]): Term => epathmap(es, r)),
    fc.tuple(some(fc.tuple(t, t)), remainderArb).map(
      ([kvs, r]): Term =>
        emap(
          kvs.map((e) => e[0]),
          kvs.map((e) => e[1]),
          r,
        ),
    ),
    fc.tuple(fc.constantFrom('neg' as const, 'not' as const), t).map(([op, o]): Term => new EUnary(op, o)),
    fc.tuple(fc.constantFrom(...BINARY_OPERATORS), t, t).map(([op, l, r]): Term => new EBinary(op, l, r)),
    fc.tuple(t, t, fc.nat(2)).map(([a, p, n]): Term => new EMatches(a, p, n)),
    fc.tuple(fc.constantFrom('nth', 'get', 'length'), t, some(t)).map(([n, r, as]): Term => new EMethod(n, r, as)),
    some(t).map((as): Term => new EFunction('getSpaceAgent', as)),
    t.map((b): Term => new ConnNot(b)),
    some(t, 2).map((ps): Term => new ConnAnd(ps)),
    some(t, 2).map((ps): Term => new ConnOr(ps)),
    fc.tuple(t, some(t), fc.boolean(), some(fc.tuple(fc.option(fc.constantFrom('priority', 'k')), t))).map(
      ([c, d, p, hs]): Term =>
        new Send(
          c,
          d,
          p,
          hs.map(([k, v]) => new HyperParam(k, v)),
        ),
    ),
    fc.tuple(some(bind, 1), t, fc.boolean()).map(([bs, b, p]): Term => receive(bs, b, p)),
    fc.tuple(some(fc.tuple(fc.option(fc.constantFrom('rho:io:stdout', 'rho:a')), fc.option(t))), t).map(
      ([ds, b]): Term =>
        new New(
          ds.map(([u, s]) => new NewDecl(u, s)),
          b,
        ),
    ),
    fc.tuple(t, some(fc.tuple(t, t, fc.nat(2)), 1)).map(
      ([target, cs]): Term =>
        new Match(
          target,
          cs.map(([p, b, n]) => new MatchCase(p, b, n)),
        ),
    ),
    fc.tuple(t, fc.boolean(), fc.boolean()).map(([b, r, w]): Term => bundle(b, r, w)),
    fc.tuple(t, t).map(([s, b]): Term => new UseBlock(s, b)),
    some(t, 2).map(par),
  );
});
