/** The reducer and the runtime around it (rholang-surface §4–5). */

export { RHO_COSTS } from './costs.js';
export { RhoRuntimeError, type RhoRuntimeErrorCode } from './errors.js';
export { type PendingSpace, pendingLines } from './pending.js';
export type { RhoError } from './reducer.js';
export { Rng } from './rng.js';
export { runSource, runTerm } from './run.js';
export { RhoRuntime, type RunOptions, type RunResult } from './runtime.js';
export { SYSTEM_PROCESSES } from './system.js';
