/** The reducer and the runtime around it (rholang-surface §4–5). */

export { RHO_COSTS } from './costs.js';
export { RhoRuntimeError, type RhoRuntimeErrorCode } from './errors.js';
export type { RhoError } from './reducer.js';
export { Rng } from './rng.js';
export { type RunOptions, type RunResult, runSource, runTerm } from './run.js';
export { SYSTEM_PROCESSES } from './system.js';
