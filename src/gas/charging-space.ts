/**
 * `ChargingSpace`: a decorator that makes every state-changing space operation pay phlogistons
 * before it runs (reference §6.3, DECISIONS 11).
 *
 * - `gensym` pays CreateChannel; `produce` pays Send{size of the datum}; `consume` and `install`
 *   pay Receive and Match{number of patterns} together: both or neither.
 * - The charge comes first. If the meter cannot pay, {@link OutOfPhlogistonError} is thrown and
 *   the inner space is never called, so it is exactly as it was.
 * - A charge that succeeded stays spent if the inner operation then throws (a full cell, a bad
 *   arity, ...): refunding failed work would let a caller probe the space for free.
 * - `withdraw`, `clear`, soft checkpoints and the getters are free. Reverting a soft checkpoint
 *   restores the space but not the meter: work done and undone was still done.
 */

import { encodedLength } from '../data/encode.js';
import type { Value } from '../data/value.js';
import { SpaceDecorator, type SpaceLike } from '../spaces/space-like.js';
import type { ConsumeOptions, Firing, ProduceOptions, SpaceTypes } from '../spaces/types.js';
import { PhlogistonOp, type PhlogistonOperation } from './costs.js';
import { InvalidPhlogistonAmountError } from './errors.js';
import { DEFAULT_PHLOGISTON_LIMIT, PhlogistonMeter } from './meter.js';

/** The byte size a send of `datum` pays for: a non-negative safe integer. */
export type DatumSize<D> = (datum: D) => number;

/** Where the phlogistons come from: a meter (possibly shared by several spaces), or a new one. */
export type MeterChoice =
  | { meter: PhlogistonMeter; limit?: undefined; multiplier?: undefined }
  | {
      meter?: undefined;
      /** The new meter's limit (default {@link DEFAULT_PHLOGISTON_LIMIT}). */
      limit?: number;
      /** The new meter's multiplier (default 1). */
      multiplier?: number;
    };

/**
 * Options of {@link ChargingSpace}. `dataSize` may be left out only when the space's data are
 * plain `Value`s: it then defaults to the length of their canonical encoding (`encodedLength`).
 */
export type ChargingSpaceOptions<T extends SpaceTypes> = MeterChoice &
  (T['datum'] extends Value ? { dataSize?: DatumSize<T['datum']> } : { dataSize: DatumSize<T['datum']> });

/** The constructor's options argument: optional exactly when `dataSize` is. */
export type ChargingSpaceArgs<T extends SpaceTypes> = T['datum'] extends Value
  ? [options?: ChargingSpaceOptions<T>]
  : [options: ChargingSpaceOptions<T>];

export class ChargingSpace<T extends SpaceTypes> extends SpaceDecorator<T> {
  /** The meter every operation is charged to. */
  readonly meter: PhlogistonMeter;
  private readonly dataSize: DatumSize<T['datum']>;

  constructor(space: SpaceLike<T>, ...[options]: ChargingSpaceArgs<T>) {
    // One loose view of the union: plain JavaScript callers may pass both a meter and a limit.
    const o = (options ?? {}) as {
      meter?: PhlogistonMeter;
      limit?: number;
      multiplier?: number;
      dataSize?: DatumSize<T['datum']>;
    };
    if (o.meter !== undefined && (o.limit !== undefined || o.multiplier !== undefined)) {
      throw new InvalidPhlogistonAmountError('limit', o.limit ?? o.multiplier, 'left out when a meter is given');
    }
    super(space);
    this.meter = o.meter ?? new PhlogistonMeter(o.limit ?? DEFAULT_PHLOGISTON_LIMIT, { multiplier: o.multiplier });
    // Without a size function the data must be Values; encodedLength throws InvalidValueError otherwise.
    this.dataSize = o.dataSize ?? (encodedLength as DatumSize<T['datum']>);
  }

  /** Pays Send{dataSize(datum)}, then produces. */
  override produce(channel: T['channel'], datum: T['datum'], options?: ProduceOptions): readonly Firing<T>[] {
    // A literal, not the builder: a send's size changes every call, so stamping a price would not pay off.
    this.meter.charge({ kind: 'Send', dataSize: this.dataSize(datum) });
    return this.space.produce(channel, datum, options);
  }

  /** Pays Receive and Match{patterns.length} (both or neither), then consumes. */
  override consume(
    channels: readonly T['channel'][],
    patterns: readonly T['pattern'][],
    continuation: T['continuation'],
    options?: ConsumeOptions,
  ): readonly Firing<T>[] {
    this.chargeReceive(patterns.length);
    return this.space.consume(channels, patterns, continuation, options);
  }

  /** Pays Receive and Match{patterns.length} (both or neither), then installs. */
  override install(
    channels: readonly T['channel'][],
    patterns: readonly T['pattern'][],
    continuation: T['continuation'],
  ): readonly Firing<T>[] {
    this.chargeReceive(patterns.length);
    return this.space.install(channels, patterns, continuation);
  }

  /** Pays CreateChannel, then makes a fresh name. */
  override gensym(): T['channel'] {
    this.meter.charge(PhlogistonOp.createChannel);
    return this.space.gensym();
  }

  /**
   * A receive is two charges that must not be split: checking only the first would let a consume
   * pay Receive and then fail on Match, leaving the meter charged for nothing. As in the reference,
   * Match is charged only when there are patterns (a consume without any is then refused by the space).
   */
  private chargeReceive(patternCount: number): void {
    let ops = RECEIVE_CHARGES[patternCount];
    if (ops === undefined) {
      ops = patternCount === 0 ? [PhlogistonOp.receive] : [PhlogistonOp.receive, PhlogistonOp.match(patternCount)];
      // Joins are small: keep the charges of the usual arities, build the rare big ones each time.
      if (patternCount < 16) RECEIVE_CHARGES[patternCount] = ops;
    }
    this.meter.chargeAll(ops);
  }
}

/** The charges of a receive, by pattern count, built once (built operations charge fastest). */
const RECEIVE_CHARGES: (readonly PhlogistonOperation[] | undefined)[] = [];
