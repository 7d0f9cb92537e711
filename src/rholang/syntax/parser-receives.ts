/**
 * Names and receives: names (`x`, `_`, `@P`), name lists with `...@rest`, argument lists, and
 * `for` with its receipts, binds (`<-`, `<=` persistent, `<<-` peek), sources (`ch`, `ch?!`,
 * `ch!?(args)`) and the similarity modifiers `~ sim(…) ~ rank(…) ~ query` (§7.1, §2.7).
 */

import type { Bind, Name, Proc, ProcVar, Receipt, Similarity, Source } from './ast.js';
import type { Parser } from './parser-core.js';
import { parseExpr, parseProc0, parseProcVar } from './parser-expressions.js';
import { parseBody, parseSendInputs } from './parser-processes.js';
import { LEVEL } from './precedence.js';
import { isKeyword, T } from './tokens.js';

/**
 * A name: a variable, `_`, or `@P` with `P` parsed at the quote level (12), so `@x \/ y` quotes
 * the disjunction while `@x.m()` would apply `.m()` to the name; wrap compound processes in braces.
 */
export function parseName(p: Parser): Name {
  const start = p.pos;
  const k = p.kind;
  if (k === T.Ident) {
    p.advance();
    return { kind: 'Var', span: p.spanFrom(start), name: p.text(start) };
  }
  if (k === T.Wildcard) {
    p.advance();
    return { kind: 'Wildcard', span: p.spanFrom(start) };
  }
  if (k === T.At) {
    p.advance();
    const proc = parseExpr(p, LEVEL.quote);
    return { kind: 'Quote', span: p.spanFrom(start), proc };
  }
  // A reserved word is reported and read as the variable it was meant to be, unless it is a
  // keyword starting a line: then the name is missing and the next statement begins.
  if (isKeyword(k) && k !== T.In && k !== T.Else && !p.atStatementStart()) {
    p.reportHere('ReservedWord', `\`${p.text()}\` is a reserved word and cannot be used as a name`);
    p.advance();
    return { kind: 'Var', span: p.spanFrom(start), name: p.text(start) };
  }
  p.expected('a name (a variable, `_` or `@P`)');
  return { kind: 'Quote', span: p.spanFrom(start), proc: p.errorNode(start) };
}

/** `a, b, ...@rest` (possibly empty), stopping before a token for which `stop` holds. */
export function parseNames(p: Parser, stop: (kind: number) => boolean): { names: Name[]; remainder: ProcVar | null } {
  const names: Name[] = [];
  let remainder: ProcVar | null = null;
  while (true) {
    if (p.at(T.Ellipsis)) {
      p.advance();
      p.expect(T.At, 'a name-list remainder is written `...@rest`');
      remainder = parseProcVar(p);
      break;
    }
    if (stop(p.kind)) break;
    names.push(parseName(p));
    if (!p.eat(T.Comma)) break;
  }
  return { names, remainder };
}

/** `(P, Q, ...)`, a trailing comma allowed. */
export function parseArgs(p: Parser): Proc[] {
  const args: Proc[] = [];
  if (!p.expect(T.LParen)) return args;
  while (!p.at(T.RParen) && !p.at(T.EOF)) {
    args.push(parseProc0(p, false));
    if (!p.eat(T.Comma)) break;
  }
  p.close(T.RParen, 'separate arguments with `,`');
  return args;
}

/** `for (receipts) { P }`: receipts separated by `;`, binds within one by `&`. */
export function parseFor(p: Parser): Proc {
  const start = p.pos;
  p.advance(); // for
  const receipts: Receipt[] = [];
  if (p.expect(T.LParen, 'a receive is written `for (x <- ch) { P }`')) {
    receipts.push(parseReceipt(p));
    while (p.eat(T.Semi)) receipts.push(parseReceipt(p));
    p.close(T.RParen, 'separate receipts with `;` and joined binds with `&`');
  } else {
    p.synchronize();
  }
  const body = parseBody(p);
  return { kind: 'For', span: p.spanFrom(start), receipts, body };
}

function parseReceipt(p: Parser): Receipt {
  const start = p.pos;
  const binds: Bind[] = [parseBind(p)];
  while (p.eat(T.Amp)) binds.push(parseBind(p));
  return { kind: 'Receipt', span: p.spanFrom(start), binds };
}

const isArrow = (k: number): boolean => k === T.LeftArrow || k === T.LtEq || k === T.PeekArrow;

function parseBind(p: Parser): Bind {
  const start = p.pos;
  const { names, remainder } = parseNames(p, isArrow);
  const arrow = p.kind;
  if (!isArrow(arrow)) {
    p.expected('`<-`, `<=` or `<<-`');
    p.synchronize();
    const name: Name = { kind: 'Quote', span: p.spanFrom(start), proc: p.errorNode(start) };
    const source: Source = { kind: 'SimpleSource', span: name.span, name };
    return { kind: 'LinearBind', span: p.spanFrom(start), names, remainder, source, similarity: null };
  }
  p.advance();
  if (arrow === T.LtEq) {
    return { kind: 'RepeatedBind', names, remainder, source: parseName(p), span: p.spanFrom(start) };
  }
  if (arrow === T.PeekArrow) {
    return { kind: 'PeekBind', names, remainder, source: parseName(p), span: p.spanFrom(start) };
  }
  const source = parseSource(p);
  const similarity = p.at(T.Tilde) ? parseSimilarity(p) : null;
  return { kind: 'LinearBind', span: p.spanFrom(start), names, remainder, source, similarity };
}

function parseSource(p: Parser): Source {
  const start = p.pos;
  const name = parseName(p);
  if (p.eat(T.QuestionBang)) return { kind: 'ReceiveSendSource', span: p.spanFrom(start), name };
  if (p.eat(T.BangQuestion)) {
    const { args, hyperparams } = parseSendInputs(p);
    return { kind: 'SendReceiveSource', span: p.spanFrom(start), name, args, hyperparams };
  }
  return { kind: 'SimpleSource', span: p.spanFrom(start), name };
}

/** `[~ sim(args)] [~ rank(args)] ~ query`, in that order (the reference grammar's order). */
function parseSimilarity(p: Parser): Similarity {
  const start = p.pos;
  let sim: Proc[] | null = null;
  let rank: Proc[] | null = null;
  let query: Proc | null = null;
  while (query === null && p.at(T.Tilde)) {
    const next = p.peek(1);
    if (next === T.Sim || next === T.Rank) {
      p.advance();
      if (next === T.Sim ? sim !== null || rank !== null : rank !== null) {
        p.reportHere(
          'UnexpectedToken',
          `unexpected \`${p.text()}\` modifier`,
          'a bind takes at most one `~ sim(...)`, then at most one `~ rank(...)`, then `~ query`',
        );
      }
      p.advance();
      const args = parseModifierArgs(p);
      if (next === T.Sim) sim = args;
      else rank = args;
    } else {
      p.advance();
      query = parseExpr(p, LEVEL.par);
    }
  }
  if (query === null) {
    p.expected('`~ query` after the similarity modifiers');
    query = p.errorNode(p.pos);
  }
  return { kind: 'Similarity', span: p.spanFrom(start), sim, rank, query };
}

function parseModifierArgs(p: Parser): Proc[] {
  const at = p.pos;
  const args = parseArgs(p);
  if (args.length === 0 && p.pos > at) {
    p.report('UnexpectedToken', 'a `sim(...)` or `rank(...)` modifier needs at least one argument', p.spanFrom(at));
  }
  return args;
}
