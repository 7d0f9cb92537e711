/**
 * Decoding of the canonical encoding (the inverse of `encodeTerm`). Decoding is strict: input that
 * `encodeTerm` would never produce — unknown tags, trailing bytes, unsorted sets, a `Par` of one
 * member, an integer out of range... — is refused with a `DecodeError`, so `decodeTerm` is a
 * bijection between terms and valid encodings.
 */

import { readUtf8 } from '../../data/utf8.js';
import { ByteReader, DecodeError } from '../../data/writer.js';
import { emap, epathmap, eset, par, receive } from './build.js';
import { keyOf } from './encode.js';
import {
  BINARY_OPERATORS,
  ConnAnd,
  ConnNot,
  ConnOr,
  ConnType,
  EBinary,
  EFree,
  EFunction,
  EMatches,
  EMethod,
  EUnary,
  SIMPLE_TYPES,
} from './nodes-expr.js';
import {
  BoundVar,
  EList,
  ETuple,
  FreeVar,
  GBool,
  GBytes,
  GInt,
  GString,
  GUri,
  NIL,
  type Remainder,
  Unforgeable,
  VarRef,
  WILDCARD,
} from './nodes-ground.js';
import {
  Bundle,
  HyperParam,
  Match,
  MatchCase,
  New,
  NewDecl,
  ReceiveBind,
  Send,
  Similarity,
  UseBlock,
} from './nodes-proc.js';
import { END, ITEM, NONE, TAG } from './tags.js';
import type { Term } from './term.js';

export { DecodeError };

const SIGN = 1n << 63n;
const KIND_OF_TAG = new Map<number, keyof typeof TAG>(
  (Object.keys(TAG) as (keyof typeof TAG)[]).map((k) => [TAG[k], k]),
);

/** Decodes a canonical encoding (bytes, or a key from `keyOf`). Throws `DecodeError` on anything else. */
export function decodeTerm(input: Uint8Array | string): Term {
  const bytes = typeof input === 'string' ? Uint8Array.from(Buffer.from(input, 'latin1')) : input;
  const r = new ByteReader(bytes);
  const t = readTerm(r);
  if (r.remaining > 0) r.fail('trailing bytes after the term');
  // Strictness: the smart constructors re-canonicalized what was read, so a non-canonical
  // input shows up as a different encoding.
  if (keyOf(t) !== Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1')) {
    throw new DecodeError('not a canonical encoding', 0);
  }
  return t;
}

function readTerm(r: ByteReader): Term {
  const at = r.pos;
  const kind = KIND_OF_TAG.get(r.readByte());
  if (kind === undefined) return r.fail('unknown term tag', at);
  switch (kind) {
    case 'Nil':
      return NIL;
    case 'Wildcard':
      return WILDCARD;
    case 'Bool': {
      const b = r.readByte();
      if (b > 1) r.fail('invalid boolean', at + 1);
      return new GBool(b === 1);
    }
    case 'Int':
      return new GInt(readInt64(r));
    case 'String':
      return new GString(readEscapedString(r));
    case 'Uri':
      return new GUri(readEscapedString(r));
    case 'Bytes':
      return new GBytes(readEscapedBytes(r));
    case 'Unforgeable':
      return new Unforgeable(readEscapedBytes(r));
    case 'List':
      return new EList(readTerms(r), readRemainder(r));
    case 'Tuple':
      return new ETuple(readTerms(r));
    case 'Set':
      return eset(readTerms(r), readRemainder(r));
    case 'PathMap':
      return epathmap(readTerms(r), readRemainder(r));
    case 'Map': {
      const keys: Term[] = [];
      const values: Term[] = [];
      while (peek(r) !== END) {
        keys.push(readTerm(r));
        values.push(readTerm(r));
      }
      r.readByte();
      return emap(keys, values, readRemainder(r));
    }
    case 'BoundVar':
      return new BoundVar(r.readVarint());
    case 'VarRef':
      return new VarRef(r.readVarint());
    case 'FreeVar':
      return new FreeVar(r.readVarint());
    case 'Unary': {
      const op = r.readByte();
      if (op > 1) r.fail('invalid unary operator', at + 1);
      return new EUnary(op === 0 ? 'neg' : 'not', readTerm(r));
    }
    case 'Binary': {
      const op = BINARY_OPERATORS[r.readByte()];
      if (op === undefined) r.fail('invalid binary operator', at + 1);
      return new EBinary(op, readTerm(r), readTerm(r));
    }
    case 'Matches':
      return new EMatches(readTerm(r), readTerm(r), r.readVarint());
    case 'Method': {
      const name = readEscapedString(r);
      return new EMethod(name, readTerm(r), readTerms(r));
    }
    case 'Function': {
      const name = readEscapedString(r);
      return new EFunction(name, readTerms(r));
    }
    case 'Free':
      return new EFree(readEscapedString(r));
    case 'ConnNot':
      return new ConnNot(readTerm(r));
    case 'ConnAnd':
      return new ConnAnd(readTerms(r));
    case 'ConnOr':
      return new ConnOr(readTerms(r));
    case 'ConnType': {
      const type = SIMPLE_TYPES[r.readByte()];
      if (type === undefined) r.fail('invalid simple type', at + 1);
      return new ConnType(type);
    }
    case 'Send': {
      const persistent = readFlag(r);
      const channel = readTerm(r);
      const data = readTerms(r);
      const hs: HyperParam[] = [];
      while (readItem(r)) {
        const key = readOptionalString(r);
        hs.push(new HyperParam(key, readTerm(r)));
      }
      return new Send(channel, data, persistent, hs);
    }
    case 'Receive': {
      const persistent = readFlag(r);
      const bindCount = r.readVarint();
      const binds: ReceiveBind[] = [];
      while (readItem(r)) binds.push(readBind(r));
      const t = receive(binds, readTerm(r), persistent);
      if (t.bindCount !== bindCount) r.fail('bind count does not match the binds', at);
      return t;
    }
    case 'New': {
      const decls: NewDecl[] = [];
      while (readItem(r)) {
        const uri = readOptionalString(r);
        decls.push(new NewDecl(uri, readItem(r) ? readTerm(r) : null));
      }
      return new New(decls, readTerm(r));
    }
    case 'Match': {
      const target = readTerm(r);
      const cases: MatchCase[] = [];
      while (readItem(r)) {
        const pattern = readTerm(r);
        const freeCount = r.readVarint();
        cases.push(new MatchCase(pattern, readTerm(r), freeCount));
      }
      return new Match(target, cases);
    }
    case 'Bundle': {
      const flags = r.readByte();
      if (flags > 3) r.fail('invalid bundle flags', at + 1);
      return new Bundle(readTerm(r), (flags & 2) !== 0, (flags & 1) !== 0);
    }
    case 'Use':
      return new UseBlock(readTerm(r), readTerm(r));
    case 'Par':
      return par(readTerms(r));
  }
}

function peek(r: ByteReader): number {
  if (r.remaining === 0) r.fail('unexpected end of input');
  return r.bytes[r.pos];
}

function readFlag(r: ByteReader): boolean {
  const b = r.readByte();
  if (b > 1) r.fail('invalid flag', r.pos - 1);
  return b === 1;
}

/** Reads ITEM (true) or END/NONE (false). */
function readItem(r: ByteReader): boolean {
  const b = r.readByte();
  if (b === ITEM) return true;
  if (b === END) return false;
  return r.fail('expected an item marker', r.pos - 1);
}

function readTerms(r: ByteReader): Term[] {
  const out: Term[] = [];
  while (peek(r) !== END) out.push(readTerm(r));
  r.readByte();
  return out;
}

function readRemainder(r: ByteReader): Remainder | null {
  if (peek(r) === NONE) {
    r.readByte();
    return null;
  }
  const at = r.pos;
  const t = readTerm(r);
  if (t.kind !== 'FreeVar' && t.kind !== 'Wildcard') return r.fail('a remainder must be a free variable or _', at);
  return t;
}

function readOptionalString(r: ByteReader): string | null {
  return readItem(r) ? readEscapedString(r) : null;
}

function readOptionalTerms(r: ByteReader): Term[] | null {
  return readItem(r) ? readTerms(r) : null;
}

function readBind(r: ByteReader): ReceiveBind {
  const source = readTerm(r);
  const patterns = readTerms(r);
  const remainder = readRemainder(r);
  const freeCount = r.readVarint();
  const peekFlag = readFlag(r);
  let similarity: Similarity | null = null;
  if (readItem(r)) {
    const sim = readOptionalTerms(r);
    const rank = readOptionalTerms(r);
    similarity = new Similarity(sim, rank, readTerm(r));
  }
  return new ReceiveBind(patterns, remainder, source, freeCount, peekFlag, similarity);
}

function readInt64(r: ByteReader): bigint {
  let u = 0n;
  for (let i = 0; i < 8; i++) u = (u << 8n) | BigInt(r.readByte());
  return BigInt.asIntN(64, u ^ SIGN);
}

function readEscapedBytes(r: ByteReader): Uint8Array {
  const out: number[] = [];
  for (;;) {
    const b = r.readByte();
    if (b !== 0) {
      out.push(b);
      continue;
    }
    const next = r.readByte();
    if (next === 0) break;
    if (next !== 0xff) r.fail('invalid escape in a byte string', r.pos - 1);
    out.push(0);
  }
  return Uint8Array.from(out);
}

function readEscapedString(r: ByteReader): string {
  const at = r.pos;
  const raw = readEscapedBytes(r);
  const s = readUtf8(raw, 0, raw.length);
  if (s === null) r.fail('invalid UTF-8 in a string', at);
  return s;
}
