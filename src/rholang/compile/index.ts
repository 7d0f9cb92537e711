/**
 * The normalizer: syntax trees to terms, with scope checking and the desugarings of
 * rholang-surface §4.6.
 */

export { NormalizeError, type NormalizeErrorCode } from './errors.js';
export { type NormalizeOptions, normalize, normalizeSource } from './normalize.js';
