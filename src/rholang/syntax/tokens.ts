/**
 * Token kinds of the Rholang lexer. Kinds are small integers (the parser compares them in its hot
 * loop and the lexer stores them in a typed array); `describeToken` gives the spelling used in
 * diagnostics.
 */

export const T = {
  EOF: 0,
  Ident: 1,
  Wildcard: 2,
  Int: 3,
  String: 4,
  Uri: 5,
  // keywords
  New: 10,
  In: 11,
  If: 12,
  Else: 13,
  Let: 14,
  Match: 15,
  Select: 16,
  Contract: 17,
  For: 18,
  Or: 19,
  And: 20,
  Matches: 21,
  Not: 22,
  Bundle: 23,
  BundleRead: 24,
  BundleWrite: 25,
  Bundle0: 26,
  True: 27,
  False: 28,
  Use: 29,
  Free: 30,
  Nil: 31,
  Set: 32,
  TBool: 33,
  TInt: 34,
  TString: 35,
  TUri: 36,
  TByteArray: 37,
  Sim: 38,
  Rank: 39,
  // punctuation
  LParen: 50,
  RParen: 51,
  LBracket: 52,
  RBracket: 53,
  LBrace: 54,
  RBrace: 55,
  LPathMap: 56,
  RPathMap: 57,
  Comma: 58,
  Semi: 59,
  Colon: 60,
  Dot: 61,
  Ellipsis: 62,
  Bar: 63,
  Amp: 64,
  At: 65,
  Star: 66,
  Bang: 67,
  BangBang: 68,
  BangQuestion: 69,
  QuestionBang: 70,
  Lt: 71,
  LeftArrow: 72,
  LtEq: 73,
  PeekArrow: 74,
  Gt: 75,
  GtEq: 76,
  Eq: 77,
  EqEq: 78,
  NotEq: 79,
  FatArrow: 80,
  Plus: 81,
  PlusPlus: 82,
  Minus: 83,
  MinusMinus: 84,
  Slash: 85,
  Percent: 86,
  PercentPercent: 87,
  Tilde: 88,
  Conj: 89,
  Disj: 90,
} as const;

export type TokenKind = (typeof T)[keyof typeof T];

/** Reserved words (§7.3: the grammar's reserved list plus the literal words tree-sitter extracts as keywords). */
export const KEYWORDS: ReadonlyMap<string, TokenKind> = new Map<string, TokenKind>([
  ['new', T.New],
  ['in', T.In],
  ['if', T.If],
  ['else', T.Else],
  ['let', T.Let],
  ['match', T.Match],
  ['select', T.Select],
  ['contract', T.Contract],
  ['for', T.For],
  ['or', T.Or],
  ['and', T.And],
  ['matches', T.Matches],
  ['not', T.Not],
  ['bundle', T.Bundle],
  ['bundle0', T.Bundle0],
  ['true', T.True],
  ['false', T.False],
  ['use', T.Use],
  ['free', T.Free],
  ['Nil', T.Nil],
  ['Set', T.Set],
  ['Bool', T.TBool],
  ['Int', T.TInt],
  ['String', T.TString],
  ['Uri', T.TUri],
  ['ByteArray', T.TByteArray],
  ['sim', T.Sim],
  ['rank', T.Rank],
]);

/** True for the kinds whose text is a reserved word (used to say "reserved word" rather than "unexpected token"). */
export function isKeyword(kind: number): boolean {
  return kind >= T.New && kind <= T.Rank;
}

const PUNCTUATION: ReadonlyMap<number, string> = new Map<number, string>([
  [T.LParen, '('],
  [T.RParen, ')'],
  [T.LBracket, '['],
  [T.RBracket, ']'],
  [T.LBrace, '{'],
  [T.RBrace, '}'],
  [T.LPathMap, '{|'],
  [T.RPathMap, '|}'],
  [T.Comma, ','],
  [T.Semi, ';'],
  [T.Colon, ':'],
  [T.Dot, '.'],
  [T.Ellipsis, '...'],
  [T.Bar, '|'],
  [T.Amp, '&'],
  [T.At, '@'],
  [T.Star, '*'],
  [T.Bang, '!'],
  [T.BangBang, '!!'],
  [T.BangQuestion, '!?'],
  [T.QuestionBang, '?!'],
  [T.Lt, '<'],
  [T.LeftArrow, '<-'],
  [T.LtEq, '<='],
  [T.PeekArrow, '<<-'],
  [T.Gt, '>'],
  [T.GtEq, '>='],
  [T.Eq, '='],
  [T.EqEq, '=='],
  [T.NotEq, '!='],
  [T.FatArrow, '=>'],
  [T.Plus, '+'],
  [T.PlusPlus, '++'],
  [T.Minus, '-'],
  [T.MinusMinus, '--'],
  [T.Slash, '/'],
  [T.Percent, '%'],
  [T.PercentPercent, '%%'],
  [T.Tilde, '~'],
  [T.Conj, '/\\'],
  [T.Disj, '\\/'],
  [T.BundleRead, 'bundle-'],
  [T.BundleWrite, 'bundle+'],
]);

const KEYWORD_SPELLING = new Map<number, string>([...KEYWORDS].map(([word, kind]) => [kind, word]));

/** The fixed spelling of a punctuation token or keyword, for "expected `)`" messages. */
export function spellingOf(kind: number): string | undefined {
  return PUNCTUATION.get(kind) ?? KEYWORD_SPELLING.get(kind);
}

/** How a token is named in a diagnostic: its text in backticks, or a description for literals and the end. */
export function describeToken(kind: number, text: string): string {
  switch (kind) {
    case T.EOF:
      return 'end of input';
    case T.Int:
      return `integer \`${text}\``;
    case T.String:
      return text.length > 24 ? 'a string literal' : `string ${text}`;
    case T.Uri:
      return text.length > 40 ? 'a URI literal' : `URI ${text}`;
    case T.Ident:
      return `identifier \`${text}\``;
    default:
      return `\`${text}\``;
  }
}

/** `kind | length << 8` of the punctuation token starting with `c`, `next`, `third`; -1 if none does. */
const one = (k: number): number => k | (1 << 8);
const two = (k: number): number => k | (2 << 8);

export function punctuationToken(c: number, next: number, third: number): number {
  switch (c) {
    case 40:
      return one(T.LParen);
    case 41:
      return one(T.RParen);
    case 91:
      return one(T.LBracket);
    case 93:
      return one(T.RBracket);
    case 123:
      return next === 124 ? two(T.LPathMap) : one(T.LBrace);
    case 125:
      return one(T.RBrace);
    case 124:
      return next === 125 ? two(T.RPathMap) : one(T.Bar);
    case 44:
      return one(T.Comma);
    case 59:
      return one(T.Semi);
    case 58:
      return one(T.Colon);
    case 46:
      return next === 46 && third === 46 ? T.Ellipsis | (3 << 8) : one(T.Dot);
    case 38:
      return one(T.Amp);
    case 64:
      return one(T.At);
    case 42:
      return one(T.Star);
    case 33:
      if (next === 33) return two(T.BangBang);
      if (next === 63) return two(T.BangQuestion);
      return next === 61 ? two(T.NotEq) : one(T.Bang);
    case 63:
      return next === 33 ? two(T.QuestionBang) : -1;
    case 60:
      if (next === 45) return two(T.LeftArrow);
      if (next === 61) return two(T.LtEq);
      return next === 60 && third === 45 ? T.PeekArrow | (3 << 8) : one(T.Lt);
    case 62:
      return next === 61 ? two(T.GtEq) : one(T.Gt);
    case 61:
      if (next === 61) return two(T.EqEq);
      return next === 62 ? two(T.FatArrow) : one(T.Eq);
    case 43:
      return next === 43 ? two(T.PlusPlus) : one(T.Plus);
    case 45:
      return next === 45 ? two(T.MinusMinus) : one(T.Minus);
    case 47:
      return next === 92 ? two(T.Conj) : one(T.Slash);
    case 92:
      return next === 47 ? two(T.Disj) : -1;
    case 37:
      return next === 37 ? two(T.PercentPercent) : one(T.Percent);
    case 126:
      return one(T.Tilde);
    default:
      return -1;
  }
}
