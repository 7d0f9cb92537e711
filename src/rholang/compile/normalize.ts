/**
 * The normalizer: syntax tree → term. It checks scopes (see `scope.ts`, `variables.ts`), applies
 * the desugarings (`desugar.ts`) and builds canonical terms through the smart constructors, so
 * alpha-equivalent programs give identical terms.
 */

import { compareStrings } from '../../data/utf8.js';
import type { HyperParam as HyperParamAst, Let, Match, Name, New, Proc, Program } from '../syntax/ast.js';
import { parseOrThrow } from '../syntax/parse.js';
import {
  bundle,
  HyperParam,
  MatchCase,
  Match as MatchTerm,
  NewDecl,
  New as NewTerm,
  NIL,
  par,
  Send as SendTerm,
  type Term,
  UseBlock,
} from '../term/index.js';
import {
  desugarConcurrentLet,
  desugarContract,
  desugarIf,
  desugarSendSync,
  desugarSequentialLet,
  letParts,
} from './desugar.js';
import {
  all,
  normalizeBinary,
  normalizeData,
  normalizeFunction,
  normalizeMethod,
  normalizeSimpleType,
  normalizeUnary,
} from './expressions.js';
import { normalizeFor } from './receive.js';
import { bodyCtx, type Ctx, Env, patternCtx } from './scope.js';
import { checkDistinct, fail, variable, varRef, wildcard } from './variables.js';

/** Options of {@link normalize}. */
export interface NormalizeOptions {
  /** The file name errors mention (default `<input>`). */
  readonly fileName?: string;
  /** The source text, so that errors show the offending line with carets. */
  readonly source?: string;
}

/**
 * Normalizes a parsed program (from `parseOrThrow`, or a `parse` without diagnostics) into a
 * closed term. Throws a `NormalizeError` for a program that is not well scoped.
 */
export function normalize(program: Program | Proc, options: NormalizeOptions = {}): Term {
  const ctx: Ctx = {
    env: Env.EMPTY,
    frame: 0,
    free: null,
    canBind: true,
    fileName: options.fileName ?? '<input>',
    source: options.source,
  };
  return normalizeProc(program.kind === 'Program' ? program.body : program, ctx);
}

/** A process (or a pattern, when `ctx` is in one). */
export function normalizeProc(p: Proc, ctx: Ctx): Term {
  const data = normalizeData(p, ctx);
  if (data !== null) return data;
  switch (p.kind) {
    case 'Nil':
      return NIL;
    case 'Var':
      return variable(ctx, p.name, 'proc', p.span);
    case 'Wildcard':
      return wildcard(ctx, p.span);
    case 'VarRef':
      return varRef(ctx, p.name, p.deref, p.span);
    case 'SimpleType':
      return normalizeSimpleType(p, ctx);
    case 'Eval':
      return normalizeName(p.name, ctx);
    case 'Binary':
      return normalizeBinary(p, ctx);
    case 'Unary':
      return normalizeUnary(p, ctx);
    case 'Method':
      return normalizeMethod(p, ctx);
    case 'FunctionCall':
      return normalizeFunction(p, ctx);
    case 'Par':
      return par(all(p.procs, ctx));
    case 'Send':
      return new SendTerm(
        normalizeName(p.channel, ctx),
        all(p.args, ctx),
        p.persistent,
        hyperparams(p.hyperparams, ctx),
      );
    case 'SendSync':
      return normalizeProc(desugarSendSync(p), ctx);
    case 'New':
      return normalizeNew(p, ctx);
    case 'IfElse':
      return normalizeProc(desugarIf(p), ctx);
    case 'Let':
      return normalizeLet(p, ctx);
    case 'Match':
      return normalizeMatch(p, ctx);
    case 'Contract':
      return normalizeFor(desugarContract(p), ctx);
    case 'For':
      return normalizeFor(p, ctx);
    case 'Bundle':
      return normalizeBundle(p, ctx);
    case 'Use':
      return new UseBlock(normalizeName(p.space, ctx), normalizeProc(p.body, ctx));
    case 'Error':
      return fail(ctx, 'InvalidSyntaxTree', 'the program has syntax errors; normalize only a clean parse', p.span);
    default:
      // normalizeData handled the literals and collections.
      return fail(ctx, 'InvalidSyntaxTree', `unexpected ${p.kind} node`, p.span);
  }
}

/**
 * A name in channel position, or under `*` (`*name` is the process the name quotes): a name
 * variable, `_` in a pattern, or `@P`, which is the term of `P` itself.
 */
export function normalizeName(n: Name, ctx: Ctx): Term {
  switch (n.kind) {
    case 'Var':
      return variable(ctx, n.name, 'name', n.span);
    case 'Wildcard':
      return wildcard(ctx, n.span);
    case 'Quote':
      return normalizeProc(n.proc, ctx);
  }
}

function hyperparams(hs: readonly HyperParamAst[] | null, ctx: Ctx): HyperParam[] {
  // `ch!(x;)` and `ch!(x)` are the same send: no hyperparameters.
  return (hs ?? []).map((h) => new HyperParam(h.key, normalizeProc(h.value, ctx)));
}

/**
 * `new`: names without a URN first in source order, then the others by URN (so the term does not
 * depend on where URN names were written); space annotations are outside the new scope.
 */
function normalizeNew(p: New, ctx: Ctx): Term {
  checkDistinct(ctx, p.decls);
  const order = p.decls
    .map((d, i) => ({ d, i }))
    .sort((a, b) => {
      const ua = a.d.uri;
      const ub = b.d.uri;
      if (ua === null || ub === null) return ua === ub ? a.i - b.i : ua === null ? -1 : 1;
      return compareStrings(ua, ub) || a.i - b.i;
    })
    .map((x) => x.d);
  const decls = order.map((d) => {
    const space = d.space === null || d.space.kind === 'Wildcard' ? null : normalizeName(d.space, ctx);
    return new NewDecl(d.uri, space);
  });
  const inner = bodyCtx(
    ctx,
    order.map((d) => ({ name: d.name, sort: 'name' as const, span: d.span, frame: ctx.frame })),
  );
  return new NewTerm(decls, normalizeProc(p.body, inner));
}

function normalizeMatch(p: Match, ctx: Ctx): Term {
  const target = normalizeProc(p.target, ctx);
  const cases = p.cases.map((c) => {
    const pctx = patternCtx(ctx);
    const pattern = normalizeProc(c.pattern, pctx);
    const free = pctx.free!;
    const body = normalizeProc(c.body, bodyCtx(ctx, free.bindings(ctx.frame)));
    return new MatchCase(pattern, body, free.count);
  });
  return new MatchTerm(target, cases);
}

function normalizeLet(p: Let, ctx: Ctx): Term {
  for (const d of p.decls) {
    const { names, remainder, values } = letParts(d);
    const ok = remainder === null ? names.length === values.length : names.length <= values.length;
    if (!ok) {
      fail(
        ctx,
        'LetArityMismatch',
        `this declaration binds ${names.length} name${names.length === 1 ? '' : 's'}${remainder === null ? '' : ' and a remainder'} to ${values.length} value${values.length === 1 ? '' : 's'}`,
        d.span,
      );
    }
  }
  return normalizeProc(p.concurrent ? desugarConcurrentLet(p) : desugarSequentialLet(p), ctx);
}

function normalizeBundle(p: Proc & { kind: 'Bundle' }, ctx: Ctx): Term {
  const body = normalizeProc(p.body, ctx);
  if (body.pattern) {
    fail(ctx, 'PatternInBundle', 'a bundle cannot contain free variables, wildcards or connectives', p.span);
  }
  return bundle(
    body,
    p.bundle === 'read' || p.bundle === 'readWrite',
    p.bundle === 'write' || p.bundle === 'readWrite',
  );
}

/** Parses `source` (throwing a `ParseError` on syntax errors) and normalizes it. */
export function normalizeSource(source: string, fileName = '<input>'): Term {
  return normalize(parseOrThrow(source, fileName), { fileName, source });
}
