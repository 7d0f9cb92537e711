/**
 * The value layer: the runtime value model, the pretty printer, operators and methods.
 */

export { ValueError, type ValueErrorCode } from './errors.js';
export * as int64 from './int64.js';
export { interpolate } from './interpolate.js';
export { callMethod, METHODS } from './methods.js';
export { applyBinary, applyUnary } from './operators.js';
export { printValue, toHex } from './print.js';
export { compareValues, show, typeName, type Value } from './value.js';
