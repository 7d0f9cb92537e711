/**
 * Variables, wildcards, remainders and var-refs: where scope checking happens.
 */

import type { ProcVar, Span } from '../syntax/ast.js';
import { BoundVar, FreeVar, type Remainder, type Term, VarRef, WILDCARD } from '../term/index.js';
import { NormalizeError, type NormalizeErrorCode } from './errors.js';
import type { Ctx, Sort } from './scope.js';

/** Throws a {@link NormalizeError} located in `ctx`'s file. */
export function fail(ctx: Ctx, code: NormalizeErrorCode, message: string, span: Span, hint?: string): never {
  throw new NormalizeError(code, message, span, ctx.fileName, ctx.source, hint);
}

/**
 * A variable `name` used with `sort`: a bound variable of the current frame, or — in a pattern —
 * a fresh pattern variable.
 */
export function variable(ctx: Ctx, name: string, sort: Sort, span: Span): Term {
  const found = ctx.env.lookupInFrame(name, ctx.frame);
  if (found !== null) {
    checkSort(ctx, name, found.binding.sort, sort, span);
    return new BoundVar(found.index);
  }
  const free = ctx.free;
  if (free === null) {
    return fail(
      ctx,
      'UnboundVariable',
      `unbound variable \`${name}\``,
      span,
      'free variables are only allowed in patterns; declare it with `new`, or bind it in a `for`, `match` or `let`',
    );
  }
  const previous = free.get(name);
  if (previous !== undefined) {
    return fail(
      ctx,
      'DuplicateBinder',
      `\`${name}\` is bound twice in one pattern (first at ${previous.span.line}:${previous.span.column})`,
      span,
      'a pattern variable can appear only once; use `=x` elsewhere, or another name',
    );
  }
  if (!ctx.canBind) {
    return fail(
      ctx,
      'FreeVariableNotAllowed',
      `\`${name}\` would be bound under \`~\` or \`\\/\`, which cannot bind variables`,
      span,
      'use `_` there, or bind the variable outside the connective',
    );
  }
  return new FreeVar(free.add(name, sort, span));
}

function checkSort(ctx: Ctx, name: string, actual: Sort, wanted: Sort, span: Span): void {
  if (actual === wanted) return;
  if (actual === 'name') {
    fail(
      ctx,
      'NameUsedAsProcess',
      `\`${name}\` is a name, used here as a process`,
      span,
      `write \`*${name}\` for the process it names`,
    );
  }
  fail(
    ctx,
    'ProcessUsedAsName',
    `\`${name}\` is a process, used here as a name`,
    span,
    `write \`@${name}\` for the name that quotes it`,
  );
}

/** `_`: a wildcard in a pattern, an error elsewhere. */
export function wildcard(ctx: Ctx, span: Span): Term {
  if (ctx.free === null) {
    return fail(ctx, 'WildcardOutsidePattern', '`_` is only allowed in patterns', span);
  }
  return WILDCARD;
}

/** The `...rest` of a collection or of a receive's names: a fresh pattern variable or `_`. */
export function remainder(ctx: Ctx, r: ProcVar | null): Remainder | null {
  if (r === null) return null;
  const free = ctx.free;
  if (free === null) {
    return fail(ctx, 'RemainderOutsidePattern', 'a remainder `...` is only allowed in patterns', r.span);
  }
  if (r.kind === 'Wildcard') return WILDCARD;
  // A remainder always binds: it is never a reference to an outer variable.
  const previous = free.get(r.name);
  if (previous !== undefined) {
    return fail(ctx, 'DuplicateBinder', `\`${r.name}\` is bound twice in one pattern`, r.span);
  }
  if (!ctx.canBind) {
    return fail(ctx, 'FreeVariableNotAllowed', `\`${r.name}\` would be bound under \`~\` or \`\\/\``, r.span);
  }
  return new FreeVar(free.add(r.name, 'proc', r.span));
}

/** `=x` (a process variable) or `=*x` (a name variable) in a pattern: the value of `x` in scope. */
export function varRef(ctx: Ctx, name: string, deref: boolean, span: Span): Term {
  const written = `=${deref ? '*' : ''}${name}`;
  if (ctx.free === null) {
    return fail(ctx, 'ConnectiveOutsidePattern', `\`${written}\` is only allowed in patterns`, span);
  }
  const found = ctx.env.lookupAny(name);
  if (found === null) return fail(ctx, 'UnboundVariable', `\`${written}\` refers to an unbound variable`, span);
  const actual = found.binding.sort;
  if (deref && actual === 'proc') {
    return fail(ctx, 'ProcessUsedAsName', `\`${name}\` is a process: write \`=${name}\``, span);
  }
  if (!deref && actual === 'name') {
    return fail(ctx, 'NameUsedAsProcess', `\`${name}\` is a name: write \`=*${name}\``, span);
  }
  return new VarRef(found.index);
}

/** Checks that `names` (of one `new`, say) are pairwise distinct. */
export function checkDistinct(ctx: Ctx, names: readonly { name: string; span: Span }[]): void {
  const seen = new Map<string, Span>();
  for (const n of names) {
    const first = seen.get(n.name);
    if (first !== undefined) {
      fail(ctx, 'DuplicateBinder', `\`${n.name}\` is declared twice (first at ${first.line}:${first.column})`, n.span);
    }
    seen.set(n.name, n.span);
  }
}
