/**
 * fast-check arbitraries for syntax trees, for the printer/parser round-trip property (a test
 * helper that lives in `src` so that it type-checks with the project; it must not import
 * `node:test`).
 *
 * The trees respect the invariants the parser guarantees, and nothing more: a `Par` has two or
 * more members and none is a `Par`, tuples and `match`es are non-empty, a concurrent `let` has two
 * declarations or more, identifiers are not reserved words. Everything else (a send inside an
 * addition, a `for` as a map key) is fair game: the printer must cope.
 */

import fc from 'fast-check';
import type {
  BinaryOp,
  Bind,
  HyperParam,
  LetDecl,
  Name,
  NameDecl,
  Proc,
  ProcVar,
  Program,
  Receipt,
  Similarity,
  Source,
  Span,
} from './ast.js';
import { escapeString } from './string-literals.js';
import { KEYWORDS } from './tokens.js';

/** Spans are not compared; every generated node shares this one. */
const S: Span = { line: 1, column: 1, offset: 0, end: 0 };

export const identArb: fc.Arbitrary<string> = fc
  .oneof(
    fc.constantFrom('x', 'y', 'ch', 'stdout', 'ret', "x'", '_tmp', 'Nat', 'sp', 'P'),
    fc.stringMatching(/^(?:[a-zA-Z][a-zA-Z0-9_']{0,4}|_[a-zA-Z0-9_']{1,3})$/),
  )
  .filter((s) => !KEYWORDS.has(s));

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;

const stringValueArb = fc.oneof(
  fc.constantFrom(
    '',
    'hi',
    'a"b',
    'back\\slash',
    'line\nbreak',
    'tab\t',
    `Hi $${'{'}who}`, // a %% placeholder (written so that it is not mistaken for a template)
    '\u0000',
    '/* x */',
    '// y',
    '`',
  ),
  fc.string({ maxLength: 6 }),
  fc.string({ unit: 'binary', maxLength: 4 }),
);

const varArb = identArb.map((name): ProcVar => ({ kind: 'Var', span: S, name }));
const procVarArb: fc.Arbitrary<ProcVar> = fc.oneof(varArb, fc.constant<ProcVar>({ kind: 'Wildcard', span: S }));
const remainderArb = fc.option(procVarArb, { freq: 3 });

const leafArb: fc.Arbitrary<Proc> = fc.oneof(
  fc.constant<Proc>({ kind: 'Nil', span: S }),
  fc.boolean().map((value): Proc => ({ kind: 'Bool', span: S, value })),
  fc
    .oneof(fc.bigInt(-20n, 20n), fc.bigInt(INT64_MIN, INT64_MAX), fc.constantFrom(INT64_MIN, INT64_MAX))
    .map((value): Proc => ({ kind: 'Int', span: S, value })),
  stringValueArb.map((value): Proc => ({ kind: 'String', span: S, value, raw: escapeString(value) })),
  fc
    .string({ minLength: 1, maxLength: 8 })
    .filter((s) => !s.includes('`'))
    .map((value): Proc => ({ kind: 'Uri', span: S, value })),
  fc.constant<Proc>({ kind: 'Unit', span: S }),
  fc
    .constantFrom('Bool', 'Int', 'String', 'Uri', 'ByteArray' as const)
    .map((name): Proc => ({ kind: 'SimpleType', span: S, name })),
  varArb,
  fc.constant<Proc>({ kind: 'Wildcard', span: S }),
  fc.tuple(identArb, fc.boolean()).map(([name, deref]): Proc => ({ kind: 'VarRef', span: S, name, deref })),
  identArb.map((theory): Proc => ({ kind: 'Free', span: S, theory })),
);

const BINARY_OPS: BinaryOp[] = [
  'or',
  'and',
  '==',
  '!=',
  'matches',
  '<',
  '<=',
  '>',
  '>=',
  '+',
  '-',
  '++',
  '--',
  '*',
  '/',
  '%',
  '%%',
  '\\/',
  '/\\',
];

const some = <T>(arb: fc.Arbitrary<T>, min = 0): fc.Arbitrary<T[]> => fc.array(arb, { minLength: min, maxLength: 3 });

/** Processes of nesting depth at most `depth` (leaves have depth 1). */
export const procArb: (depth?: number) => fc.Arbitrary<Proc> = fc.memo((depth: number): fc.Arbitrary<Proc> => {
  if (depth <= 1) return leafArb;
  const p = procArb(depth - 1);
  const n = nameArb(depth - 1);
  const hyper = fc.option(
    some(
      fc.tuple(fc.option(identArb), p).map(([key, value]): HyperParam => ({ kind: 'HyperParam', span: S, key, value })),
    ),
    { freq: 2 },
  );
  const nonPar = p.map((q) => (q.kind === 'Par' ? q.procs[0] : q));
  return fc.oneof(
    { weight: 3, arbitrary: leafArb },
    fc
      .tuple(fc.constantFrom(...BINARY_OPS), p, p)
      .map(([op, left, right]): Proc => ({ kind: 'Binary', span: S, op, left, right })),
    fc
      .tuple(fc.constantFrom('not', '-', '~' as const), p)
      .map(([op, operand]): Proc => ({ kind: 'Unary', span: S, op, operand })),
    n.map((name): Proc => ({ kind: 'Eval', span: S, name })),
    fc
      .tuple(p, identArb, some(p))
      .map(([receiver, name, args]): Proc => ({ kind: 'Method', span: S, receiver, name, args })),
    fc.tuple(identArb, some(p)).map(([name, args]): Proc => ({ kind: 'FunctionCall', span: S, name, args })),
    fc
      .tuple(some(p), remainderArb)
      .map(([elements, remainder]): Proc => ({ kind: 'List', span: S, elements, remainder })),
    some(p, 1).map((elements): Proc => ({ kind: 'Tuple', span: S, elements })),
    fc
      .tuple(some(p), remainderArb)
      .map(([elements, remainder]): Proc => ({ kind: 'Set', span: S, elements, remainder })),
    fc
      .tuple(some(p), remainderArb)
      .map(([elements, remainder]): Proc => ({ kind: 'PathMap', span: S, elements, remainder })),
    fc.tuple(some(fc.tuple(p, p)), remainderArb).map(
      ([pairs, remainder]): Proc => ({
        kind: 'Map',
        span: S,
        entries: pairs.map(([key, value]) => ({ kind: 'MapEntry', span: S, key, value })),
        remainder,
      }),
    ),
    fc.array(nonPar, { minLength: 2, maxLength: 3 }).map((procs): Proc => ({ kind: 'Par', span: S, procs })),
    fc.tuple(n, fc.boolean(), some(p), hyper).map(
      ([channel, persistent, args, hyperparams]): Proc => ({
        kind: 'Send',
        span: S,
        channel,
        persistent,
        args,
        hyperparams,
      }),
    ),
    fc
      .tuple(n, some(p), hyper, fc.option(p))
      .map(
        ([channel, args, hyperparams, cont]): Proc => ({ kind: 'SendSync', span: S, channel, args, hyperparams, cont }),
      ),
    fc.tuple(some(nameDeclArb(n), 1), p).map(([decls, body]): Proc => ({ kind: 'New', span: S, decls, body })),
    fc
      .tuple(p, p, fc.option(p))
      .map(([condition, then, otherwise]): Proc => ({ kind: 'IfElse', span: S, condition, then, otherwise })),
    fc
      .tuple(fc.boolean(), some(letDeclArb(p, n), 1), p)
      .filter(([concurrent, decls]) => !concurrent || decls.length >= 2)
      .map(([concurrent, decls, body]): Proc => ({ kind: 'Let', span: S, concurrent, decls, body })),
    fc.tuple(p, some(fc.tuple(p, p), 1)).map(
      ([target, cases]): Proc => ({
        kind: 'Match',
        span: S,
        target,
        cases: cases.map(([pattern, body]) => ({ kind: 'MatchCase', span: S, pattern, body })),
      }),
    ),
    fc
      .tuple(n, some(n), remainderArb, p)
      .map(([name, formals, remainder, body]): Proc => ({ kind: 'Contract', span: S, name, formals, remainder, body })),
    fc.tuple(some(receiptArb(p, n), 1), p).map(([receipts, body]): Proc => ({ kind: 'For', span: S, receipts, body })),
    fc
      .tuple(fc.constantFrom('read', 'write', 'equiv', 'readWrite' as const), p)
      .map(([bundle, body]): Proc => ({ kind: 'Bundle', span: S, bundle, body })),
    fc.tuple(n, p).map(([space, body]): Proc => ({ kind: 'Use', span: S, space, body })),
  );
});

/** Names of depth at most `depth`. */
export function nameArb(depth: number): fc.Arbitrary<Name> {
  const simple: fc.Arbitrary<Name> = fc.oneof(varArb, fc.constant<Name>({ kind: 'Wildcard', span: S }));
  if (depth < 1) return simple;
  return fc.oneof(
    simple,
    procArb(depth).map((proc): Name => ({ kind: 'Quote', span: S, proc })),
  );
}

function nameDeclArb(n: fc.Arbitrary<Name>): fc.Arbitrary<NameDecl> {
  return fc
    .tuple(identArb, fc.option(n), fc.option(fc.constantFrom('rho:io:stdout', 'rho:space:queue:hashmap:default')))
    .map(([name, space, uri]) => ({ kind: 'NameDecl', span: S, name, space, uri }));
}

function letDeclArb(p: fc.Arbitrary<Proc>, n: fc.Arbitrary<Name>): fc.Arbitrary<LetDecl> {
  return fc.oneof(
    fc.tuple(identArb, p).map(([name, value]): LetDecl => ({ kind: 'LetAssign', span: S, name, value })),
    fc
      .tuple(some(n, 1), remainderArb, some(p, 1))
      .map(([names, remainder, values]): LetDecl => ({ kind: 'LetBind', span: S, names, remainder, values })),
  );
}

function receiptArb(p: fc.Arbitrary<Proc>, n: fc.Arbitrary<Name>): fc.Arbitrary<Receipt> {
  const source: fc.Arbitrary<Source> = fc.oneof(
    n.map((name): Source => ({ kind: 'SimpleSource', span: S, name })),
    n.map((name): Source => ({ kind: 'ReceiveSendSource', span: S, name })),
    fc
      .tuple(
        n,
        some(p),
        fc.option(some(p.map((value): HyperParam => ({ kind: 'HyperParam', span: S, key: null, value })))),
      )
      .map(([name, args, hyperparams]): Source => ({ kind: 'SendReceiveSource', span: S, name, args, hyperparams })),
  );
  const similarity: fc.Arbitrary<Similarity | null> = fc.option(
    fc
      .tuple(fc.option(some(p, 1)), fc.option(some(p, 1)), p)
      .map(([sim, rank, query]): Similarity => ({ kind: 'Similarity', span: S, sim, rank, query })),
    { freq: 3 },
  );
  const bind: fc.Arbitrary<Bind> = fc.oneof(
    fc.tuple(some(n), remainderArb, source, similarity).map(
      ([names, remainder, src, sim]): Bind => ({
        kind: 'LinearBind',
        span: S,
        names,
        remainder,
        source: src,
        similarity: sim,
      }),
    ),
    fc
      .tuple(some(n), remainderArb, n, fc.boolean())
      .map(
        ([names, remainder, src, peek]): Bind =>
          peek
            ? { kind: 'PeekBind', span: S, names, remainder, source: src }
            : { kind: 'RepeatedBind', span: S, names, remainder, source: src },
      ),
  );
  return some(bind, 1).map((binds): Receipt => ({ kind: 'Receipt', span: S, binds }));
}

/** Whole programs. */
export const programArb = (depth = 4): fc.Arbitrary<Program> =>
  procArb(depth).map((body): Program => ({ kind: 'Program', span: S, body }));

/**
 * Expression trees only (operators, prefix forms, method calls, quotes under `*`), deeper than
 * `procArb` reaches: where the precedence ladder and the printer's wrapping rules are exercised.
 */
export const exprArb: (depth?: number) => fc.Arbitrary<Proc> = fc.memo((depth: number): fc.Arbitrary<Proc> => {
  if (depth <= 1) return leafArb;
  const p = exprArb(depth - 1);
  return fc.oneof(
    leafArb,
    fc
      .tuple(fc.constantFrom(...BINARY_OPS), p, p)
      .map(([op, left, right]): Proc => ({ kind: 'Binary', span: S, op, left, right })),
    fc
      .tuple(fc.constantFrom('not', '-', '~' as const), p)
      .map(([op, operand]): Proc => ({ kind: 'Unary', span: S, op, operand })),
    p.map((proc): Proc => ({ kind: 'Eval', span: S, name: { kind: 'Quote', span: S, proc } })),
    fc
      .tuple(p, identArb, some(p))
      .map(([receiver, name, args]): Proc => ({ kind: 'Method', span: S, receiver, name, args })),
    fc.tuple(identArb, some(p)).map(([name, args]): Proc => ({ kind: 'FunctionCall', span: S, name, args })),
  );
});
