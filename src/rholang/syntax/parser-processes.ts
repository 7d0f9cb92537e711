/**
 * The keyword process forms and sends (§7.1): `new` (with URNs and `: space` annotations), `if`,
 * `let`, `match`, `contract`, `bundle`, `use`, sends with hyperparameters, synchronous sends, and
 * the `{ P }` bodies they share. `for` is in parser-receives.ts.
 *
 * The bodies of `new … in P`, `if`, `let` and the continuation of `x!?(…); P` are processes
 * without a top-level `|` (level 1 of §7.2): `new x in P | Q` is `(new x in P) | Q`.
 */

import type { BundleKind, HyperParam, LetDecl, MatchCase, Name, NameDecl, Proc } from './ast.js';
import type { Parser } from './parser-core.js';
import { parseExpr, parseProc0 } from './parser-expressions.js';
import { parseName, parseNames } from './parser-receives.js';
import { LEVEL } from './precedence.js';
import { isKeyword, T } from './tokens.js';

/**
 * The `{ P }` body of `for`, `contract`, `bundle` and `use`. `{}` is accepted as an empty body
 * (`Nil`). Without the brace the error is reported and a process is parsed anyway, so the rest of
 * the construct is still checked.
 */
export function parseBody(p: Parser): Proc {
  const start = p.pos;
  if (!p.at(T.LBrace)) {
    p.expected('`{`', 'the body is a block: `{ P }`');
    return parseExpr(p, LEVEL.par);
  }
  p.advance();
  if (p.eat(T.RBrace)) return { kind: 'Nil', span: p.spanFrom(start) };
  const body = parseProc0(p, true);
  p.close(T.RBrace);
  return body;
}

/** `ch!(…)`, `ch!!(…)`, `ch!?(…); P` and `ch!?(…).`, the channel already parsed. */
export function parseSend(p: Parser, channel: Name): Proc {
  const op = p.kind;
  p.advance();
  const { args, hyperparams } = parseSendInputs(p);
  if (op !== T.BangQuestion) {
    return {
      kind: 'Send',
      span: p.spanFromSpan(channel.span),
      channel,
      persistent: op === T.BangBang,
      args,
      hyperparams,
    };
  }
  let cont: Proc | null = null;
  if (p.eat(T.Semi)) cont = parseExpr(p, LEVEL.par);
  else if (!p.eat(T.Dot)) p.expected('`.` or `; P` after a synchronous send');
  return { kind: 'SendSync', span: p.spanFromSpan(channel.span), channel, args, hyperparams, cont };
}

/** `(data, …; hyper, key=value, …)`: either part may be empty; `hyperparams` is null without `;`. */
export function parseSendInputs(p: Parser): { args: Proc[]; hyperparams: HyperParam[] | null } {
  const args: Proc[] = [];
  let hyperparams: HyperParam[] | null = null;
  if (!p.expect(T.LParen)) return { args, hyperparams };
  while (!p.at(T.RParen) && !p.at(T.Semi) && !p.at(T.EOF)) {
    args.push(parseProc0(p, false));
    if (!p.eat(T.Comma)) break;
  }
  if (p.eat(T.Semi)) {
    hyperparams = [];
    while (!p.at(T.RParen) && !p.at(T.EOF)) {
      const start = p.pos;
      let key: string | null = null;
      if (p.at(T.Ident) && p.peek(1) === T.Eq) {
        key = p.text();
        p.advance();
        p.advance();
      }
      const value = parseProc0(p, false);
      hyperparams.push({ kind: 'HyperParam', span: p.spanFrom(start), key, value });
      if (!p.eat(T.Comma)) break;
    }
  }
  p.close(T.RParen, 'data are separated by `,`, hyperparameters follow a `;`');
  return { args, hyperparams };
}

/** `new x, y(`uri`), z : sp, w : sp(`uri`) in P`. */
export function parseNew(p: Parser): Proc {
  const start = p.pos;
  p.advance(); // new
  const decls: NameDecl[] = [parseNameDecl(p)];
  while (p.eat(T.Comma)) decls.push(parseNameDecl(p));
  p.expect(T.In, 'declarations end with `in`: `new x in { P }`');
  const body = parseExpr(p, LEVEL.par);
  return { kind: 'New', span: p.spanFrom(start), decls, body };
}

function parseNameDecl(p: Parser): NameDecl {
  const start = p.pos;
  let name = '';
  if (p.at(T.Ident) || (isKeyword(p.kind) && !p.at(T.In))) {
    if (!p.at(T.Ident)) p.reportHere('ReservedWord', `\`${p.text()}\` is a reserved word and cannot be declared`);
    name = p.text();
    p.advance();
  } else {
    p.expected('a name to declare');
  }
  const space = p.eat(T.Colon) ? parseName(p) : null;
  let uri: string | null = null;
  if (p.eat(T.LParen)) {
    if (p.at(T.Uri)) {
      const i = p.pos;
      uri = p.literalText(i);
      p.advance();
    } else {
      p.expected('a URI such as `rho:io:stdout`', 'URIs are written in backticks');
    }
    p.close(T.RParen);
  }
  return { kind: 'NameDecl', span: p.spanFrom(start), name, space, uri };
}

/** `if (c) P [else Q]`; an `else` belongs to the nearest `if`. */
export function parseIf(p: Parser): Proc {
  const start = p.pos;
  p.advance(); // if
  let condition: Proc;
  if (p.at(T.LParen)) {
    p.advance();
    condition = parseProc0(p, false);
    p.close(T.RParen);
  } else {
    p.expected('`(`', 'the condition is written in parentheses: `if (c) P`');
    condition = parseExpr(p, LEVEL.send);
  }
  const then = parseExpr(p, LEVEL.par);
  const otherwise = p.eat(T.Else) ? parseExpr(p, LEVEL.par) : null;
  return { kind: 'IfElse', span: p.spanFrom(start), condition, then, otherwise };
}

/** `let d; d in P` or `let d & d in P`, where `d` is `x = P` or `names <- P, Q`. */
export function parseLet(p: Parser): Proc {
  const start = p.pos;
  p.advance(); // let
  const decls: LetDecl[] = [parseLetDecl(p)];
  let separator = 0;
  while (p.at(T.Semi) || p.at(T.Amp)) {
    if (separator === 0) separator = p.kind;
    else if (p.kind !== separator) {
      p.reportHere(
        'UnexpectedToken',
        `expected \`${separator === T.Semi ? ';' : '&'}\` but found \`${p.text()}\``,
        'a `let` is either sequential (`;`) or concurrent (`&`), not both',
      );
    }
    p.advance();
    decls.push(parseLetDecl(p));
  }
  p.expect(T.In, 'declarations end with `in`: `let x = 1 in { P }`');
  const body = parseExpr(p, LEVEL.par);
  return { kind: 'Let', span: p.spanFrom(start), concurrent: separator === T.Amp, decls, body };
}

const endsLetValues = (k: number): boolean => k === T.In || k === T.Semi || k === T.Amp;

function parseLetDecl(p: Parser): LetDecl {
  const start = p.pos;
  if (p.at(T.Ident) && p.peek(1) === T.Eq) {
    const name = p.text();
    p.advance();
    p.advance();
    const value = parseProc0(p, false);
    return { kind: 'LetAssign', span: p.spanFrom(start), name, value };
  }
  const { names, remainder } = parseNames(p, (k) => k === T.LeftArrow);
  if (names.length === 0 && remainder === null) p.expected('a declaration `x = P` or `names <- P`');
  const values: Proc[] = [];
  if (p.expect(T.LeftArrow, 'a let declaration is `x = P` or `names <- P`')) {
    values.push(parseProc0(p, false));
    while (p.eat(T.Comma) && !endsLetValues(p.kind)) values.push(parseProc0(p, false));
  } else {
    p.synchronize();
  }
  return { kind: 'LetBind', span: p.spanFrom(start), names, remainder, values };
}

/** `match e { pattern => P ... }`: at least one case, no separators. */
export function parseMatch(p: Parser): Proc {
  const start = p.pos;
  p.advance(); // match
  const target = parseExpr(p, LEVEL.send);
  const cases: MatchCase[] = [];
  if (p.expect(T.LBrace, 'the cases are written in braces: `match e { p => P }`')) {
    while (!p.at(T.RBrace) && !p.at(T.EOF)) {
      const before = p.pos;
      cases.push(parseCase(p));
      if (p.pos === before) break;
    }
    if (cases.length === 0) p.expected('a match case `pattern => P`');
    p.close(T.RBrace);
  }
  return { kind: 'Match', span: p.spanFrom(start), target, cases };
}

function parseCase(p: Parser): MatchCase {
  const start = p.pos;
  const pattern = parseProc0(p, false);
  let body: Proc;
  if (p.expect(T.FatArrow, 'a case is written `pattern => P`')) {
    body = parseProc0(p, false);
  } else {
    p.synchronize();
    if (p.eat(T.FatArrow)) body = parseProc0(p, false);
    else body = p.errorNode(p.pos);
  }
  return { kind: 'MatchCase', span: p.spanFrom(start), pattern, body };
}

/** `contract name(formals) = { P }`. */
export function parseContract(p: Parser): Proc {
  const start = p.pos;
  p.advance(); // contract
  const name = parseName(p);
  let formals: Name[] = [];
  let remainder = null;
  if (p.expect(T.LParen, 'a contract is written `contract name(args) = { P }`')) {
    ({ names: formals, remainder } = parseNames(p, (k) => k === T.RParen));
    p.close(T.RParen, 'separate formals with `,`');
  } else {
    // Read formals written without parentheses, so the rest of the contract is still checked.
    ({ names: formals, remainder } = parseNames(p, (k) => k === T.Eq || k === T.LBrace));
  }
  p.expect(T.Eq, 'a contract is written `contract name(args) = { P }`');
  const body = parseBody(p);
  return { kind: 'Contract', span: p.spanFrom(start), name, formals, remainder, body };
}

const BUNDLES: Readonly<Record<number, BundleKind>> = {
  [T.Bundle]: 'readWrite',
  [T.BundleRead]: 'read',
  [T.BundleWrite]: 'write',
  [T.Bundle0]: 'equiv',
};

/** `bundle+ { P }`, `bundle- { P }`, `bundle0 { P }`, `bundle { P }`. */
export function parseBundle(p: Parser): Proc {
  const start = p.pos;
  const bundle = BUNDLES[p.kind] ?? 'readWrite';
  p.advance();
  const body = parseBody(p);
  return { kind: 'Bundle', span: p.spanFrom(start), bundle, body };
}

/** `use sp { P }`. */
export function parseUse(p: Parser): Proc {
  const start = p.pos;
  p.advance(); // use
  const space = parseName(p);
  const body = parseBody(p);
  return { kind: 'Use', span: p.spanFrom(start), space, body };
}

/** `select { … }` is in the grammar but not in the language we run (§1.1): report it, skip it whole. */
export function parseSelect(p: Parser): Proc {
  const start = p.pos;
  p.reportHere('Unsupported', '`select` is not supported', 'the reference normalizer rejects it too; use `for`');
  p.advance();
  if (p.at(T.LBrace)) {
    let depth = 0;
    do {
      if (p.at(T.LBrace) || p.at(T.LPathMap)) depth++;
      else if (p.at(T.RBrace)) depth--;
      p.advance();
    } while (depth > 0 && !p.at(T.EOF));
  }
  return p.errorNode(start);
}
