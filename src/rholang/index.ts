/**
 * The Rholang front end and term model: the parser (`syntax/`), the normalizer (`compile/`), the
 * normalized term representation (`term/`, exported as the namespace `ir` because its node names
 * — `Send`, `New`, `Par`, ... — are also syntax-tree names) and the value layer (`values/`).
 */

export * from './compile/index.js';
export * from './eval/index.js';
export * from './match/index.js';
export * from './syntax/index.js';
export * as ir from './term/index.js';
export {
  compareTerms,
  decodeTerm,
  encodedLength,
  encodeTerm,
  instantiate,
  keyOf,
  substitute,
  type Term,
  termEquals,
} from './term/index.js';
export * from './values/index.js';
