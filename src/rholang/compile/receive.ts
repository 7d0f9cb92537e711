/**
 * `for` comprehensions (and, through desugaring, contracts, concurrent `let`s, `!?` sends and the
 * `?!` / `!?` sources): normalized to one `Receive` whose binds form a single join.
 *
 * Each bind's patterns are a pattern of their own (variables numbered from 0 per bind); its source
 * and similarity arguments are ordinary processes of the enclosing scope. The binds are put in
 * canonical order *before* the body is normalized, and the body sees the binds' variables in that
 * order, so the order binds were written in does not show in the term.
 */

import type { Bind, For, Span } from '../syntax/ast.js';
import { bindKey, keyOf, ReceiveBind, type Remainder, receive, Similarity, type Term } from '../term/index.js';
import { desugarComplexSources, hasComplexSource } from './desugar.js';
import { all } from './expressions.js';
import { normalizeName, normalizeProc } from './normalize.js';
import { type Binding, bodyCtx, type Ctx, patternCtx } from './scope.js';
import { fail, remainder } from './variables.js';

interface NormalizedBind {
  readonly bind: ReceiveBind;
  readonly key: string;
  readonly vars: readonly Binding[];
  readonly sourceSpan: Span;
  readonly persistent: boolean;
}

export function normalizeFor(p: For, ctx: Ctx): Term {
  if (hasComplexSource(p)) return normalizeProc(desugarComplexSources(p), ctx);
  const written = p.receipts.flatMap((r) => r.binds);
  const persistent = written[0].kind === 'RepeatedBind';
  const binds = written.map((b) => normalizeBind(b, ctx));
  for (const b of binds) {
    if (b.persistent !== persistent) {
      fail(
        ctx,
        'MixedPersistence',
        'a join cannot mix persistent binds (`<=`) with other binds',
        b.sourceSpan,
        'make every bind of this `for` persistent, or none',
      );
    }
  }
  // Checked in the written order, so the error points at the later occurrence.
  const seen = new Map<string, Binding>();
  for (const b of binds) {
    for (const v of b.vars) {
      const first = seen.get(v.name);
      if (first !== undefined) {
        fail(
          ctx,
          'DuplicateBinder',
          `\`${v.name}\` is bound by two binds of one join (first at ${first.span.line}:${first.span.column})`,
          v.span,
        );
      }
      seen.set(v.name, v);
    }
  }
  checkChannels(ctx, binds);
  binds.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const vars = binds.flatMap((b) => b.vars);
  const body = normalizeProc(p.body, bodyCtx(ctx, vars));
  return receive(
    binds.map((b) => b.bind),
    body,
    persistent,
  );
}

function normalizeBind(b: Bind, ctx: Ctx): NormalizedBind {
  const pctx = patternCtx(ctx);
  const patterns = b.names.map((n) => normalizeName(n, pctx));
  const rest: Remainder | null = remainder(pctx, b.remainder);
  const sourceName = b.kind === 'LinearBind' ? (b.source.kind === 'SimpleSource' ? b.source.name : null) : b.source;
  if (sourceName === null) throw new Error('complex sources are desugared before binds are normalized');
  const source = normalizeName(sourceName, ctx);
  let similarity: Similarity | null = null;
  if (b.kind === 'LinearBind' && b.similarity !== null) {
    const s = b.similarity;
    similarity = new Similarity(
      s.sim === null ? null : all(s.sim, ctx),
      s.rank === null ? null : all(s.rank, ctx),
      normalizeProc(s.query, ctx),
    );
  }
  const free = pctx.free!;
  const bind = new ReceiveBind(patterns, rest, source, free.count, b.kind === 'PeekBind', similarity);
  return {
    bind,
    key: bindKey(bind),
    vars: free.bindings(ctx.frame),
    sourceSpan: sourceName.span,
    persistent: b.kind === 'RepeatedBind',
  };
}

/** A join listing one channel twice could never fire as the programmer means: refuse it. */
function checkChannels(ctx: Ctx, binds: readonly NormalizedBind[]): void {
  // `binds` are in the written order: the later of two is reported.
  const seen = new Map<string, Span>();
  for (const b of binds) {
    const k = keyOf(b.bind.source);
    const first = seen.get(k);
    if (first !== undefined) {
      fail(
        ctx,
        'RepeatedJoinChannel',
        `this channel is already read by this join (at ${first.line}:${first.column})`,
        b.sourceSpan,
        'receive twice from one channel with a pattern of two names, or with two nested `for`s',
      );
    }
    seen.set(k, b.sourceSpan);
  }
}
