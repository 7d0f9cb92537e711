/**
 * Errors of the reducer. An evaluation error stops the process that raised it and nothing else
 * (its siblings and every other process go on); the runtime collects them all. Each has a stable
 * `code`; the message names the offending value.
 */

import { SpaceError } from '../../spaces/errors.js';

/** The stable codes of {@link RhoRuntimeError}. */
export type RhoRuntimeErrorCode =
  /** `new x(\`rho:...\`)` with a URN that names no system process. */
  | 'UnknownUrn'
  /** A send on a read-only bundle (`bundle-`, `bundle0`). */
  | 'BundleNotWritable'
  /** A receive on a write-only bundle (`bundle+`, `bundle0`, and every system process). */
  | 'BundleNotReadable'
  /** A system process called with the wrong number of arguments, or with a reply channel that is not a name. */
  | 'SystemProcessArguments'
  /** A pattern construct where a value is needed (it cannot be evaluated). */
  | 'NotAValue'
  /** `use`, `new x : sp` or `getSpaceAgent` given something that is not a space made by a factory. */
  | 'NotASpace'
  /** A join whose channels live in different spaces. */
  | 'CrossSpaceJoin'
  /** Send hyperparameters a space does not take (only priority queues take a priority), or a bad priority. */
  | 'InvalidHyperparameter'
  /** A similarity receive on a space that is not a vectordb space, or with malformed modifiers. */
  | 'InvalidSimilarity'
  /** A space factory called with arguments it cannot read (rholang-surface §2.4). */
  | 'InvalidFactoryArguments'
  /** A user space's own phlogiston ran out: the operation on it failed, the run goes on. */
  | 'SpaceOutOfPhlogiston'
  /** A send whose data carry a name made in a `seq` space (such names may not travel). */
  | 'SeqChannelNotMobile'
  /** A `seed` option that is not an integer. */
  | 'InvalidSeed';

export class RhoRuntimeError extends SpaceError<RhoRuntimeErrorCode> {}
