/** Phlogiston (gas): the cost table, the meter, and a decorator that charges a space's operations. */

export {
  ChargingSpace,
  type ChargingSpaceArgs,
  type ChargingSpaceOptions,
  type DatumSize,
  type MeterChoice,
} from './charging-space.js';
export {
  costOf,
  describeOperation,
  PHLOGISTON_COSTS,
  PhlogistonOp,
  type PhlogistonOperation,
  type PhlogistonOperationKind,
} from './costs.js';
export {
  InvalidPhlogistonAmountError,
  OutOfPhlogistonError,
  PhlogistonError,
  type PhlogistonErrorCode,
} from './errors.js';
export { DEFAULT_PHLOGISTON_LIMIT, PhlogistonMeter, type PhlogistonMeterOptions } from './meter.js';
