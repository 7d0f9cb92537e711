/**
 * Literals and bracketed forms: `()`, `(P)`, tuples, lists, `Set(…)`, maps, `{ P }` blocks and
 * `{| … |}` PathMap literals, with their `...rest` remainders (§7.1, §7.3).
 *
 * The bracket decides the form, except for two spec'd ambiguities (§7.3): `(x)` groups while
 * `(x,)` is a one-tuple, and `{}` is the empty map while `{ P }` is a block and `{ k: v }` a map
 * (the `:` after the first element decides). Groups and blocks leave no node.
 */

import type { MapEntry, Proc, ProcVar, SimpleTypeName } from './ast.js';
import type { Parser } from './parser-core.js';
import { parseProc0, parseProcVar } from './parser-expressions.js';
import { decodeString } from './string-literals.js';
import { T } from './tokens.js';

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;

const SIMPLE_TYPES: Readonly<Record<number, SimpleTypeName>> = {
  [T.TBool]: 'Bool',
  [T.TInt]: 'Int',
  [T.TString]: 'String',
  [T.TUri]: 'Uri',
  [T.TByteArray]: 'ByteArray',
};

/** A literal, a simple type, `Nil`, or a negative integer literal (`-` touching the digits). */
export function parseLiteral(p: Parser): Proc {
  const start = p.pos;
  const k = p.kind;
  switch (k) {
    case T.Minus:
    case T.Int: {
      if (k === T.Minus) p.advance();
      const digits = p.text();
      p.advance();
      let value = BigInt(digits);
      if (k === T.Minus) value = -value;
      const span = p.spanFrom(start);
      if (value < INT64_MIN || value > INT64_MAX) {
        p.report(
          'IntegerOutOfRange',
          `integer ${value} does not fit in 64 bits`,
          span,
          'integers range from -9223372036854775808 to 9223372036854775807',
        );
      }
      return { kind: 'Int', span, value };
    }
    case T.String: {
      const raw = p.literalText(start);
      p.advance();
      return { kind: 'String', span: p.spanFrom(start), value: decodeString(raw), raw };
    }
    case T.Uri: {
      const value = p.literalText(start);
      p.advance();
      return { kind: 'Uri', span: p.spanFrom(start), value };
    }
    case T.True:
    case T.False:
      p.advance();
      return { kind: 'Bool', span: p.spanFrom(start), value: k === T.True };
    case T.Nil:
      p.advance();
      return { kind: 'Nil', span: p.spanFrom(start) };
    default: {
      p.advance();
      return { kind: 'SimpleType', span: p.spanFrom(start), name: SIMPLE_TYPES[k] ?? 'Bool' };
    }
  }
}

/** Dispatches on the opening bracket (or `Set`). */
export function parseCollectionOrParen(p: Parser): Proc {
  switch (p.kind) {
    case T.LParen:
      return parseParen(p);
    case T.LBracket: {
      const start = p.pos;
      p.advance();
      const { elements, remainder } = parseElements(p, T.RBracket);
      return { kind: 'List', span: p.spanFrom(start), elements, remainder };
    }
    case T.LPathMap: {
      const start = p.pos;
      p.advance();
      const { elements, remainder } = parseElements(p, T.RPathMap);
      return { kind: 'PathMap', span: p.spanFrom(start), elements, remainder };
    }
    case T.Set: {
      const start = p.pos;
      p.advance();
      if (!p.expect(T.LParen, 'a set is written `Set(a, b, ...)`')) {
        return { kind: 'Set', span: p.spanFrom(start), elements: [], remainder: null };
      }
      const { elements, remainder } = parseElements(p, T.RParen);
      return { kind: 'Set', span: p.spanFrom(start), elements, remainder };
    }
    default:
      return parseBraced(p);
  }
}

/** `()`, `(P)` (no node), `(P,)` and `(P, Q, ...)`. */
function parseParen(p: Parser): Proc {
  const start = p.pos;
  p.advance(); // (
  if (p.eat(T.RParen)) return { kind: 'Unit', span: p.spanFrom(start) };
  const first = parseProc0(p, false);
  if (!p.at(T.Comma)) {
    p.close(T.RParen);
    return first;
  }
  const elements: Proc[] = [first];
  while (p.eat(T.Comma)) {
    if (p.at(T.RParen)) break;
    elements.push(parseProc0(p, false));
  }
  p.close(T.RParen, 'separate tuple elements with `,`');
  return { kind: 'Tuple', span: p.spanFrom(start), elements };
}

/** `{}`, `{ ...rest }`, `{ k: v, ... }` or the block `{ P }`. */
function parseBraced(p: Parser): Proc {
  const start = p.pos;
  p.advance(); // {
  if (p.eat(T.RBrace)) return { kind: 'Map', span: p.spanFrom(start), entries: [], remainder: null };
  if (p.at(T.Ellipsis)) {
    const remainder = parseRemainder(p);
    p.close(T.RBrace);
    return { kind: 'Map', span: p.spanFrom(start), entries: [], remainder };
  }
  let keyStart = p.pos;
  const first = parseProc0(p, true);
  if (!p.at(T.Colon)) {
    p.close(T.RBrace);
    return first;
  }
  const entries: MapEntry[] = [];
  let key = first;
  let remainder: ProcVar | null = null;
  while (true) {
    p.expect(T.Colon, 'map entries are written `key: value`');
    const value = parseProc0(p, false);
    entries.push({ kind: 'MapEntry', span: p.spanFrom(keyStart), key, value });
    if (p.at(T.Ellipsis)) {
      remainder = parseRemainder(p);
      break;
    }
    if (!p.eat(T.Comma) || p.at(T.RBrace)) break;
    if (p.at(T.Ellipsis)) {
      remainder = parseRemainder(p);
      break;
    }
    keyStart = p.pos;
    key = parseProc0(p, false);
  }
  p.close(T.RBrace, 'separate map entries with `,`');
  return { kind: 'Map', span: p.spanFrom(start), entries, remainder };
}

/** Comma-separated elements (a trailing comma allowed), an optional `...rest`, then `closer`. */
function parseElements(p: Parser, closer: number): { elements: Proc[]; remainder: ProcVar | null } {
  const elements: Proc[] = [];
  let remainder: ProcVar | null = null;
  while (!p.at(closer) && !p.at(T.EOF)) {
    if (p.at(T.Ellipsis)) {
      remainder = parseRemainder(p);
      break;
    }
    elements.push(parseProc0(p, false));
    if (!p.eat(T.Comma)) {
      if (p.at(T.Ellipsis)) remainder = parseRemainder(p);
      break;
    }
  }
  p.close(closer, 'separate elements with `,`');
  return { elements, remainder };
}

/** `...rest` or `..._`. */
function parseRemainder(p: Parser): ProcVar {
  p.advance(); // ...
  return parseProcVar(p);
}
