/**
 * Processes and expressions: parallel composition and the Pratt loop over the precedence ladder of
 * §7.2 (precedence.ts), with the primary and prefix forms.
 *
 * Every construct is a process, as in the reference grammar, so the Pratt loop's primaries include
 * the keyword forms (`new`, `for`, ...) and sends. Two primaries depend on the level being parsed,
 * mirroring how the reference grammar resolves its conflicts: `x!(…)` is a send only below the
 * send level (so `@x!(1)` sends on `@x`, and `1 + x!(2)` is an error), and `f(args)` is a function
 * call only below the postfix level (so `contract @c(x)` quotes `c` instead of calling it).
 */

import type { Name, Par, Proc, ProcVar, Var } from './ast.js';
import { parseCollectionOrParen, parseLiteral } from './parser-collections.js';
import type { Parser } from './parser-core.js';
import {
  parseBundle,
  parseContract,
  parseIf,
  parseLet,
  parseMatch,
  parseNew,
  parseSelect,
  parseSend,
  parseUse,
} from './parser-processes.js';
import { parseArgs, parseFor, parseName } from './parser-receives.js';
import { INFIX_LEVEL, INFIX_OP, LEVEL } from './precedence.js';
import { isKeyword, T } from './tokens.js';

/** Tokens that can begin a process: after a complete process at statement level they mean a missing `|`. */
const STARTS_PROCESS = new Uint8Array(128);
for (const k of [
  T.Ident,
  T.Wildcard,
  T.Int,
  T.String,
  T.Uri,
  T.True,
  T.False,
  T.Nil,
  T.Set,
  T.TBool,
  T.TInt,
  T.TString,
  T.TUri,
  T.TByteArray,
  T.LParen,
  T.LBracket,
  T.LBrace,
  T.LPathMap,
  T.At,
  T.Not,
  T.Tilde,
  T.Free,
  T.New,
  T.If,
  T.Let,
  T.Match,
  T.Contract,
  T.For,
  T.Bundle,
  T.BundleRead,
  T.BundleWrite,
  T.Bundle0,
  T.Use,
  T.Select,
]) {
  STARTS_PROCESS[k] = 1;
}

export function startsProcess(kind: number): boolean {
  return STARTS_PROCESS[kind] === 1;
}

/**
 * A parallel composition `P | Q | ...` (level 0), flattened. At statement level (a program or a
 * `{ }` body) a process that follows another without `|` is reported as a missing `|` and kept,
 * so that one forgotten bar does not hide every later error.
 */
export function parseProc0(p: Parser, statementLevel: boolean): Proc {
  const start = p.pos;
  const first = parseExpr(p, LEVEL.par);
  const k = p.kind;
  if (k !== T.Bar && !(statementLevel && STARTS_PROCESS[k] === 1)) return first;
  const procs: Proc[] = [];
  pushFlat(procs, first);
  while (true) {
    if (p.eat(T.Bar)) {
      pushFlat(procs, parseExpr(p, LEVEL.par));
    } else if (statementLevel && STARTS_PROCESS[p.kind] === 1) {
      p.reportHere(
        'MissingPar',
        `expected \`|\` before ${p.describe()}`,
        'processes that run side by side are separated by `|`',
      );
      pushFlat(procs, parseExpr(p, LEVEL.par));
    } else {
      break;
    }
  }
  const par: Par = { kind: 'Par', span: p.spanFrom(start), procs };
  return par;
}

function pushFlat(into: Proc[], proc: Proc): void {
  if (proc.kind === 'Par') for (const q of proc.procs) into.push(q);
  else into.push(proc);
}

/**
 * A process at a level above `min` (so `parseExpr(p, 0)` is any process but a parallel
 * composition). Left-associative operators parse their right operand above their own level;
 * `matches`, right-associative, at its own level.
 */
export function parseExpr(p: Parser, min: number): Proc {
  if (!p.enter()) return p.errorNode(p.pos);
  // Spans of operator nodes start at the first token of the left operand, `(` included.
  const start = p.pos;
  let left = parsePrimary(p, min);
  // `a + b + c ...` and `x.f().g() ...` are built by this loop, but nest on the left all the same.
  let chain = 0;
  while (true) {
    const k = p.kind;
    if (k === T.Dot) {
      if (LEVEL.postfix <= min) break;
      if (!p.hasRoom(++chain)) break;
      left = parseMethod(p, left, start);
      continue;
    }
    const level = INFIX_LEVEL[k];
    if (level === 0 || level <= min) break;
    // `P -1 => Q` inside a match: the `-1` is the next case's pattern, not a subtraction.
    if (k === T.Minus && p.peek(1) === T.Int && p.touchesNext(p.pos) && p.peek(2) === T.FatArrow) break;
    if (!p.hasRoom(++chain)) break;
    const op = INFIX_OP[k] ?? 'or';
    p.advance();
    const right = parseExpr(p, op === 'matches' ? level - 1 : level);
    left = { kind: 'Binary', span: p.spanFrom(start), op, left, right };
  }
  p.leave();
  return left;
}

/** `receiver.name(args)`; a reserved word is accepted as a method name (`.set(...)`-style names stay usable). */
function parseMethod(p: Parser, receiver: Proc, start: number): Proc {
  p.advance(); // .
  let name = '';
  if (p.at(T.Ident) || isKeyword(p.kind)) {
    name = p.text();
    p.advance();
  } else {
    p.expected('a method name after `.`');
  }
  const args = parseArgs(p);
  return { kind: 'Method', span: p.spanFrom(start), receiver, name, args };
}

const isSendOp = (k: number): boolean => k === T.Bang || k === T.BangBang || k === T.BangQuestion;

function parsePrimary(p: Parser, min: number): Proc {
  const start = p.pos;
  switch (p.kind) {
    case T.Int:
    case T.String:
    case T.Uri:
    case T.True:
    case T.False:
    case T.Nil:
    case T.TBool:
    case T.TInt:
    case T.TString:
    case T.TUri:
    case T.TByteArray:
      return parseLiteral(p);
    case T.Minus:
      // `-5` written without a space is one literal (§7.3), so `-9223372036854775808` fits.
      if (p.peek(1) === T.Int && p.touchesNext(start)) return parseLiteral(p);
      p.advance();
      return unary(p, start, '-', parseExpr(p, LEVEL.prefix));
    case T.Not:
      p.advance();
      return unary(p, start, 'not', parseExpr(p, LEVEL.prefix));
    case T.Tilde:
      p.advance();
      return unary(p, start, '~', parseExpr(p, LEVEL.negation));
    case T.Star: {
      p.advance();
      const name = parseName(p);
      return { kind: 'Eval', span: p.spanFrom(start), name };
    }
    case T.Eq:
      return parseVarRef(p);
    case T.Free:
      return parseFree(p);
    case T.LParen:
    case T.LBracket:
    case T.LBrace:
    case T.LPathMap:
    case T.Set:
      return parseCollectionOrParen(p);
    case T.Ident:
      return parseIdentifier(p, min);
    case T.Wildcard:
      if (isSendOp(p.peek(1)) && min < LEVEL.send) return parseSend(p, parseName(p));
      p.advance();
      return { kind: 'Wildcard', span: p.spanFrom(start) };
    case T.At:
      return parseQuotedChannel(p, min);
    case T.New:
      return parseNew(p);
    case T.If:
      return parseIf(p);
    case T.Let:
      return parseLet(p);
    case T.Match:
      return parseMatch(p);
    case T.Contract:
      return parseContract(p);
    case T.For:
      return parseFor(p);
    case T.Bundle:
    case T.BundleRead:
    case T.BundleWrite:
    case T.Bundle0:
      return parseBundle(p);
    case T.Use:
      return parseUse(p);
    case T.Select:
      return parseSelect(p);
    case T.Sim:
    case T.Rank:
      // Reserved only for similarity modifiers: report, then read it as the identifier it was meant to be.
      p.reportHere('ReservedWord', `\`${p.text()}\` is a reserved word and cannot be used as a variable`);
      return parseIdentifier(p, min);
    case T.In:
    case T.Else:
      p.expected('a process');
      return p.errorNode(start);
    default:
      p.expected('a process');
      p.synchronize();
      return p.errorNode(start);
  }
}

/** A variable, the channel of a send (`x!(…)`), or a function call (`f(…)`). */
function parseIdentifier(p: Parser, min: number): Proc {
  const next = p.peek(1);
  if (next === T.LParen && min < LEVEL.postfix) return parseFunctionCall(p);
  const start = p.pos;
  p.advance();
  const v: Var = { kind: 'Var', span: p.spanFrom(start), name: p.text(start) };
  return isSendOp(next) && min < LEVEL.send ? parseSend(p, v) : v;
}

function unary(p: Parser, start: number, op: '-' | 'not' | '~', operand: Proc): Proc {
  return { kind: 'Unary', span: p.spanFrom(start), op, operand };
}

/** A quote in process position: only the channel of a send, `@x!(…)`. */
function parseQuotedChannel(p: Parser, min: number): Proc {
  const start = p.pos;
  const name: Name = parseName(p);
  if (isSendOp(p.kind) && min < LEVEL.send) return parseSend(p, name);
  if (p.inRecovery) return p.errorNode(start);
  p.report(
    'NameInProcessPosition',
    'a quoted name `@P` is not a process',
    p.spanFrom(start),
    'dereference the name with `*@P`, or write the process `P` itself',
  );
  return p.errorNode(start);
}

/** `=x` or `=*x`. */
function parseVarRef(p: Parser): Proc {
  const start = p.pos;
  p.advance(); // =
  const deref = p.eat(T.Star);
  let name = '';
  if (p.at(T.Ident)) {
    name = p.text();
    p.advance();
  } else {
    p.expected(deref ? 'a variable after `=*`' : 'a variable after `=`');
  }
  return { kind: 'VarRef', span: p.spanFrom(start), name, deref };
}

/** `free Name()`: the theory names include the simple-type words (`free Int()`, spec §2.4). */
function parseFree(p: Parser): Proc {
  const start = p.pos;
  p.advance(); // free
  let theory = '';
  const k = p.kind;
  if (k === T.Ident || (k >= T.TBool && k <= T.TByteArray)) {
    theory = p.text();
    p.advance();
  } else {
    p.expected('a theory name after `free`', 'write e.g. `free Nat()`');
  }
  if (p.expect(T.LParen)) p.close(T.RParen, 'a theory takes no arguments: `free Nat()`');
  return { kind: 'Free', span: p.spanFrom(start), theory };
}

function parseFunctionCall(p: Parser): Proc {
  const start = p.pos;
  const name = p.text();
  p.advance();
  const args = parseArgs(p);
  return { kind: 'FunctionCall', span: p.spanFrom(start), name, args };
}

/** A remainder binder after `...`: a variable or `_`. */
export function parseProcVar(p: Parser): ProcVar {
  const start = p.pos;
  if (p.at(T.Wildcard)) {
    p.advance();
    return { kind: 'Wildcard', span: p.spanFrom(start) };
  }
  if (p.at(T.Ident) || isKeyword(p.kind)) {
    if (!p.at(T.Ident))
      p.reportHere('ReservedWord', `\`${p.text()}\` is a reserved word and cannot be used as a variable`);
    p.advance();
    const v: Var = { kind: 'Var', span: p.spanFrom(start), name: p.text(start) };
    return v;
  }
  p.expected('a variable or `_`');
  return { kind: 'Wildcard', span: p.spanFrom(start) };
}
