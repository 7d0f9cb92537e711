/**
 * The desugarings of rholang-surface §4.6, as rewrites of the syntax tree into core syntax that
 * the normalizer then handles like hand-written code (so a desugared form and the core form a
 * programmer would write normalize to the same term).
 *
 * The rewrites introduce variables whose names start with `#`, which no identifier can: they can
 * neither capture nor be captured by the program's variables. Synthetic nodes carry the span of
 * the construct they replace, so errors inside point at what the programmer wrote.
 */

import type {
  Bind,
  Contract,
  For,
  HyperParam,
  IfElse,
  Let,
  LetDecl,
  LinearBind,
  Match,
  Name,
  NameDecl,
  New,
  Proc,
  ProcVar,
  Receipt,
  SendSync,
  Span,
} from '../syntax/ast.js';

const nil = (span: Span): Proc => ({ kind: 'Nil', span });
const nameVar = (name: string, span: Span): Name => ({ kind: 'Var', span, name });
const evalOf = (name: Name, span: Span): Proc => ({ kind: 'Eval', span, name });
const newOf = (names: readonly string[], body: Proc, span: Span): New => ({
  kind: 'New',
  span,
  decls: names.map((name): NameDecl => ({ kind: 'NameDecl', span, name, space: null, uri: null })),
  body,
});
const parOf = (procs: readonly Proc[], span: Span): Proc => ({ kind: 'Par', span, procs });
const send = (channel: Name, args: readonly Proc[], hyperparams: readonly HyperParam[] | null, span: Span): Proc => ({
  kind: 'Send',
  span,
  channel,
  persistent: false,
  args,
  hyperparams,
});
const linear = (names: readonly Name[], remainder: ProcVar | null, source: Name, span: Span): LinearBind => ({
  kind: 'LinearBind',
  span,
  names,
  remainder,
  source: { kind: 'SimpleSource', span, name: source },
  similarity: null,
});
const forOf = (binds: readonly Bind[], body: Proc, span: Span): For => ({
  kind: 'For',
  span,
  receipts: [{ kind: 'Receipt', span, binds }],
  body,
});

/** `contract c(formals) = { P }` is `for (formals <= c) { P }`. */
export function desugarContract(c: Contract): For {
  const bind: Bind = { kind: 'RepeatedBind', span: c.span, names: c.formals, remainder: c.remainder, source: c.name };
  return forOf([bind], c.body, c.span);
}

/** `if (c) P else Q` is `match c { true => P  false => Q }`; without `else`, Q is `Nil`. */
export function desugarIf(node: IfElse): Match {
  const span = node.span;
  return {
    kind: 'Match',
    span,
    target: node.condition,
    cases: [
      { kind: 'MatchCase', span, pattern: { kind: 'Bool', span, value: true }, body: node.then },
      { kind: 'MatchCase', span, pattern: { kind: 'Bool', span, value: false }, body: node.otherwise ?? nil(span) },
    ],
  };
}

/**
 * `ch!?(args); P` is `new r in { ch!(*r, args) | for (_ <- r) { P } }` (P is `Nil` after `.`):
 * the reply name goes first, and the reply itself is discarded.
 */
export function desugarSendSync(node: SendSync): New {
  const span = node.span;
  const r = '#sync';
  const wait = forOf(
    [linear([{ kind: 'Wildcard', span }], null, nameVar(r, span), span)],
    node.cont ?? nil(span),
    span,
  );
  const out = send(node.channel, [evalOf(nameVar(r, span), span), ...node.args], node.hyperparams, span);
  return newOf([r], parOf([out, wait], span), span);
}

/** True if a `for` has a `?!` or `!?` source (it must be rewritten first). */
export function hasComplexSource(node: For): boolean {
  return node.receipts.some((r) => r.binds.some((b) => b.kind === 'LinearBind' && b.source.kind !== 'SimpleSource'));
}

/**
 * Rewrites the `?!` and `!?` sources of a `for`:
 * - `x <- ch?!` receives one extra trailing name `k` on `ch`, and the body runs `k!()` (the
 *   acknowledgement) beside itself;
 * - `x <- ch!?(args)` sends `ch!(*r, args)` on a fresh `r` and receives `x <- r`.
 * The fresh `r`s are declared by one `new` around the sends and the rewritten `for`.
 */
export function desugarComplexSources(node: For): Proc {
  const span = node.span;
  const fresh: string[] = [];
  const sends: Proc[] = [];
  const acks: Proc[] = [];
  const receipts: Receipt[] = node.receipts.map((receipt) => ({
    ...receipt,
    binds: receipt.binds.map((b): Bind => {
      if (b.kind !== 'LinearBind' || b.source.kind === 'SimpleSource') return b;
      const s = b.source;
      if (s.kind === 'ReceiveSendSource') {
        const k = `#ack${acks.length}`;
        acks.push(send(nameVar(k, s.span), [], null, s.span));
        return {
          ...b,
          names: [...b.names, nameVar(k, s.span)],
          source: { kind: 'SimpleSource', span: s.span, name: s.name },
        };
      }
      const r = `#reply${fresh.length}`;
      fresh.push(r);
      sends.push(send(s.name, [evalOf(nameVar(r, s.span), s.span), ...s.args], s.hyperparams, s.span));
      return { ...b, source: { kind: 'SimpleSource', span: s.span, name: nameVar(r, s.span) } };
    }),
  }));
  const body = acks.length === 0 ? node.body : parOf([...acks, node.body], node.body.span);
  const rewritten: For = { ...node, receipts, body };
  return fresh.length === 0 ? rewritten : newOf(fresh, parOf([...sends, rewritten], span), span);
}

/** The names a `let` declaration binds and the values it binds them to. */
interface LetParts {
  readonly names: readonly Name[];
  readonly remainder: ProcVar | null;
  readonly values: readonly Proc[];
}

/** `x = e` is `@x <- e`. */
export function letParts(d: LetDecl): LetParts {
  if (d.kind === 'LetAssign') {
    const x: Proc = { kind: 'Var', span: d.span, name: d.name };
    return { names: [{ kind: 'Quote', span: d.span, proc: x }], remainder: null, values: [d.value] };
  }
  return { names: d.names, remainder: d.remainder, values: d.values };
}

/**
 * Sequential `let d1; d2 in P` is `match [v1...] { [*n1...] => let d2 in P }` (a name `x` is
 * matched as `*x`, so it binds a name; `@x` binds a process; `...rest` binds the other values).
 */
export function desugarSequentialLet(node: Let): Match {
  const [first, ...rest] = node.decls;
  const { names, remainder, values } = letParts(first);
  const span = first.span;
  const pattern: Proc = {
    kind: 'List',
    span,
    elements: names.map((n): Proc => (n.kind === 'Quote' ? n.proc : n.kind === 'Wildcard' ? n : evalOf(n, n.span))),
    remainder,
  };
  const body: Proc = rest.length === 0 ? node.body : { ...node, decls: rest };
  return {
    kind: 'Match',
    span: node.span,
    target: { kind: 'List', span, elements: values, remainder: null },
    cases: [{ kind: 'MatchCase', span, pattern, body }],
  };
}

/**
 * Concurrent `let d1 & d2 in P` is `new c1, c2 in { c1!(v1...) | c2!(v2...) | for (n1... <- c1 & n2... <- c2) { P } }`:
 * the values are computed concurrently and the body waits for all of them.
 */
export function desugarConcurrentLet(node: Let): New {
  const span = node.span;
  const fresh = node.decls.map((_, i) => `#let${i}`);
  const sends: Proc[] = [];
  const binds: Bind[] = [];
  node.decls.forEach((d, i) => {
    const { names, remainder, values } = letParts(d);
    sends.push(send(nameVar(fresh[i], d.span), values, null, d.span));
    binds.push(linear(names, remainder, nameVar(fresh[i], d.span), d.span));
  });
  return newOf(fresh, parOf([...sends, forOf(binds, node.body, span)], span), span);
}
