/** Durable spaces: hard checkpoints of a space into a history, reset, event logs and replay. */

export { type Codec, patternCodec, type StateCodec, valueCodec, valueStateCodec } from './codec.js';
export { DurableSpace, type DurableSpaceOptions } from './durable-space.js';
export { DurableError, type DurableErrorCode, ReplayError, type ReplayErrorCode } from './errors.js';
export {
  type CommEvent,
  type CommMatch,
  type ConsumeEvent,
  decodeEventLog,
  describeEvent,
  type EventLog,
  encodeEventLog,
  type Hash,
  type ProduceEvent,
  type ReplayEvent,
  type WithdrawEvent,
} from './events.js';
export {
  type HardCheckpoint,
  type HardCheckpointable,
  isHardCheckpointable,
  type PreparedCheckpoint,
  type PreparedReset,
} from './two-phase.js';
