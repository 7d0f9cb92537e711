/**
 * Expressions: ground literals, collections, operators, connectives, method and function calls.
 */

import type { Binary, FunctionCall, Proc, Unary } from '../syntax/ast.js';
import {
  ConnAnd,
  ConnNot,
  ConnOr,
  ConnType,
  EBinary,
  EFree,
  EFunction,
  EList,
  EMatches,
  EMethod,
  ETuple,
  EUnary,
  emap,
  epathmap,
  eset,
  gbool,
  gint,
  gstring,
  guri,
  type Term,
} from '../term/index.js';
import { normalizeProc } from './normalize.js';
import { type Ctx, patternCtx } from './scope.js';
import { fail, remainder } from './variables.js';

/** The built-in functions and their arities (rholang-surface §2.5). */
const FUNCTIONS: ReadonlyMap<string, number> = new Map([['getSpaceAgent', 1]]);

/** Literals and collections; `null` for any other kind. */
export function normalizeData(p: Proc, ctx: Ctx): Term | null {
  switch (p.kind) {
    case 'Bool':
      return gbool(p.value);
    case 'Int':
      return gint(p.value);
    case 'String':
      // The decoded value, not the raw text the reference keeps (§7.3): "a\n" is two characters.
      return gstring(p.value);
    case 'Uri':
      return guri(p.value);
    case 'Unit':
      return new ETuple([]);
    case 'List':
      return new EList(all(p.elements, ctx), remainder(ctx, p.remainder));
    case 'Tuple':
      return new ETuple(all(p.elements, ctx));
    case 'Set':
      return eset(all(p.elements, ctx), remainder(ctx, p.remainder));
    case 'PathMap':
      return epathmap(all(p.elements, ctx), remainder(ctx, p.remainder));
    case 'Map': {
      const keys: Term[] = [];
      const values: Term[] = [];
      for (const e of p.entries) {
        keys.push(normalizeProc(e.key, ctx));
        values.push(normalizeProc(e.value, ctx));
      }
      return emap(keys, values, remainder(ctx, p.remainder));
    }
    case 'Free':
      return new EFree(p.theory);
    default:
      return null;
  }
}

export function all(ps: readonly Proc[], ctx: Ctx): Term[] {
  return ps.map((p) => normalizeProc(p, ctx));
}

export function normalizeBinary(p: Binary, ctx: Ctx): Term {
  switch (p.op) {
    case '\\/':
      return connective(p, ctx, 'or');
    case '/\\':
      return connective(p, ctx, 'and');
    case 'matches': {
      const target = normalizeProc(p.left, ctx);
      const pctx = patternCtx(ctx);
      const pattern = normalizeProc(p.right, pctx);
      return new EMatches(target, pattern, pctx.free?.count ?? 0);
    }
    default:
      return new EBinary(p.op, normalizeProc(p.left, ctx), normalizeProc(p.right, ctx));
  }
}

/** `P \/ Q` and `P /\ Q`, flattened left to right; a disjunction cannot bind variables. */
function connective(p: Binary, ctx: Ctx, which: 'or' | 'and'): Term {
  if (ctx.free === null) {
    return fail(ctx, 'ConnectiveOutsidePattern', `\`${p.op}\` is only allowed in patterns`, p.span);
  }
  const inner: Ctx = which === 'or' ? { ...ctx, canBind: false } : ctx;
  const parts: Term[] = [];
  const add = (q: Proc): void => {
    if (q.kind === 'Binary' && q.op === p.op) {
      add(q.left);
      add(q.right);
    } else {
      parts.push(normalizeProc(q, inner));
    }
  };
  add(p);
  return which === 'or' ? new ConnOr(parts) : new ConnAnd(parts);
}

export function normalizeUnary(p: Unary, ctx: Ctx): Term {
  if (p.op === '~') {
    if (ctx.free === null) return fail(ctx, 'ConnectiveOutsidePattern', '`~` is only allowed in patterns', p.span);
    return new ConnNot(normalizeProc(p.operand, { ...ctx, canBind: false }));
  }
  return new EUnary(p.op === '-' ? 'neg' : 'not', normalizeProc(p.operand, ctx));
}

export function normalizeSimpleType(p: Proc & { kind: 'SimpleType' }, ctx: Ctx): Term {
  if (ctx.free === null) {
    return fail(ctx, 'ConnectiveOutsidePattern', `the type \`${p.name}\` is only allowed in patterns`, p.span);
  }
  return new ConnType(p.name);
}

export function normalizeMethod(p: Proc & { kind: 'Method' }, ctx: Ctx): Term {
  return new EMethod(p.name, normalizeProc(p.receiver, ctx), all(p.args, ctx));
}

export function normalizeFunction(p: FunctionCall, ctx: Ctx): Term {
  const arity = FUNCTIONS.get(p.name);
  if (arity === undefined) {
    const known = [...FUNCTIONS.keys()].join(', ');
    return fail(ctx, 'UnknownFunction', `unknown function \`${p.name}\` (built-in functions: ${known})`, p.span);
  }
  if (p.args.length !== arity) {
    return fail(
      ctx,
      'FunctionArity',
      `\`${p.name}\` takes ${arity} argument${arity === 1 ? '' : 's'}, got ${p.args.length}`,
      p.span,
    );
  }
  return new EFunction(p.name, all(p.args, ctx));
}
