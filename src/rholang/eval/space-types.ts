/**
 * How the reducer drives the engine: the type bundle (channels are terms, data are the evaluated
 * arguments of a send, patterns are the compiled patterns of a receive's bind, continuations are
 * closures or system processes), the spatial matcher over it, and the adapter the engine needs.
 */

import type { Matcher } from '../../spaces/matchers/matcher.js';
import type { ChannelKey, NameSource, SpaceAdapter } from '../../spaces/types.js';
import { type MatchOptions, matchTerm, type TermBindings } from '../match/match.js';
import { encodedLength, keyOf } from '../term/encode.js';
import { EList, type Remainder, Unforgeable } from '../term/nodes-ground.js';
import type { Term } from '../term/term.js';
import { show } from '../values/value.js';
import type { Env } from './env.js';
import type { Rng } from './rng.js';

/** The patterns of one bind, ready for the matcher: `[p1, ..., pn ...rest]` and its variable count. */
export class BindPattern {
  readonly list: EList;
  readonly options: MatchOptions;
  /** The encoded size of the patterns (for phlogiston charges). */
  readonly size: number;
  constructor(patterns: readonly Term[], remainder: Remainder | null, freeCount: number) {
    this.list = new EList(patterns, remainder);
    this.options = { freeCount };
    this.size = encodedLength(this.list);
  }
}

/** The arguments of one send, evaluated, with the generator of the process that sent them. */
export class RhoDatum {
  readonly list: EList;
  readonly rng: Rng;
  /** What storing it cost (refunded when a COMM takes it out of the space). */
  readonly storedSize: number;
  constructor(values: readonly Term[], rng: Rng, storedSize: number) {
    this.list = new EList(values, null);
    this.rng = rng;
    this.storedSize = storedSize;
  }
}

/** A receive's body waiting in a space, with the environment and generator it was written in. */
export class Closure {
  readonly kind = 'closure' as const;
  readonly body: Term;
  readonly env: Env;
  readonly rng: Rng;
  /** What storing it cost (refunded when it fires and leaves the space). */
  readonly storedSize: number;
  constructor(body: Term, env: Env, rng: Rng, storedSize: number) {
    this.body = body;
    this.env = env;
    this.rng = rng;
    this.storedSize = storedSize;
  }
}

/** A system process's handler: called with the arguments of each send that reaches it. */
export type SystemHandler = (args: readonly Term[], rng: Rng) => void;

/** A system process (`rho:io:stdout`, ...) installed as a persistent continuation. */
export class SystemProcess {
  readonly kind = 'system' as const;
  readonly urn: string;
  readonly handler: SystemHandler;
  /** Installed, never charged: nothing to refund. */
  readonly storedSize = 0;
  constructor(urn: string, handler: SystemHandler) {
    this.urn = urn;
    this.handler = handler;
  }
}

export type RhoContinuation = Closure | SystemProcess;

/** The engine's type bundle for Rholang. */
export interface RhoTypes {
  channel: Term;
  pattern: BindPattern;
  datum: RhoDatum;
  continuation: RhoContinuation;
  bindings: TermBindings;
}

/** The spatial matcher on binds: the arguments of a send against the patterns of a bind. */
export const bindMatcher: Matcher<BindPattern, RhoDatum, TermBindings> = {
  name: 'RholangSpatialMatch',
  match: (pattern, datum) => matchTerm(pattern.list, datum.list, pattern.options),
};

/** Names a space hands out itself (`gensym`): the space id followed by the index, 8 bytes big-endian. */
class TermNames implements NameSource<Term> {
  private readonly spaceId: Uint8Array;
  constructor(spaceId: Uint8Array) {
    this.spaceId = spaceId;
  }
  make(index: number): Term {
    const bytes = new Uint8Array(this.spaceId.length + 8);
    bytes.set(this.spaceId, 0);
    new DataView(bytes.buffer).setBigUint64(this.spaceId.length, BigInt(index));
    return new Unforgeable(bytes);
  }
  indexOf(channel: Term): number | undefined {
    if (channel.kind === 'Int')
      return channel.value >= 0n && channel.value <= 2n ** 53n ? Number(channel.value) : undefined;
    if (!this.isOwn(channel)) return undefined;
    const id = (channel as Unforgeable).id;
    const index = new DataView(id.buffer, id.byteOffset, id.length).getBigUint64(this.spaceId.length);
    return index <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(index) : undefined;
  }
  isOwn(channel: Term): boolean {
    if (channel.kind !== 'Unforgeable') return false;
    const id = channel.id;
    if (id.length !== this.spaceId.length + 8) return false;
    for (let i = 0; i < this.spaceId.length; i++) if (id[i] !== this.spaceId[i]) return false;
    return true;
  }
}

/** The adapter for spaces holding Rholang terms. */
export function termAdapter(spaceId: Uint8Array): SpaceAdapter<RhoTypes> {
  return {
    channelKey: (channel): ChannelKey => keyOf(channel),
    describeChannel: show,
    describeDatum: (datum) => show(datum.list),
    names: new TermNames(spaceId),
    datumKey: (datum) => keyOf(datum.list),
  };
}
