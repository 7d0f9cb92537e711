/**
 * How the reducer drives the engine: the type bundle (channels are terms, data are the evaluated
 * arguments of a send, patterns are the compiled patterns of a receive's bind, continuations are
 * closures or system processes), the spatial matcher over it, and the adapter the engine needs.
 */

import { embeddingOf } from '../../plain/embedding.js';
import type { Matcher } from '../../spaces/matchers/matcher.js';
import type { ChannelKey, NameSource, PathCodec, SpaceAdapter } from '../../spaces/types.js';
import { type MatchOptions, matchTerm, type TermBindings } from '../match/match.js';
import { encodedLength, keyOf } from '../term/encode.js';
import { EList, type Remainder, Unforgeable } from '../term/nodes-ground.js';
import type { ReceiveBind } from '../term/nodes-proc.js';
import type { Term } from '../term/term.js';
import { show } from '../values/value.js';
import { close, type Env } from './env.js';
import { termToPlain } from './plain.js';
import { Rng } from './rng.js';
import type { RhoSpace } from './spaces.js';

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

/** Compiled patterns of binds whose patterns are closed (the usual case), made once per bind. */
const closedPatterns = new WeakMap<ReceiveBind, BindPattern>();

/** The compiled patterns of a bind: made once for closed patterns, per evaluation for open ones. */
export function bindPatternOf(b: ReceiveBind, env: Env): BindPattern {
  let p = closedPatterns.get(b);
  if (p !== undefined) return p;
  let open = false;
  for (const q of b.patterns) if (q.open > 0) open = true;
  if (!open) {
    p = new BindPattern(b.patterns, b.remainder, b.freeCount);
    closedPatterns.set(b, p);
    return p;
  }
  return new BindPattern(
    b.patterns.map((q) => close(q, env)),
    b.remainder,
    b.freeCount,
  );
}

/** The arguments of one send, evaluated, with the generator of the process that sent them. */
export class RhoDatum {
  readonly list: EList;
  readonly rng: Rng;
  /** What storing it cost (refunded when a COMM takes it out of the space). */
  readonly storedSize: number;
  /** The byte length of the values' canonical encoding as a list (what a user space charges a send for). */
  readonly dataSize: number;
  constructor(values: readonly Term[], rng: Rng, storedSize: number, dataSize: number) {
    this.list = new EList(values, null);
    this.rng = rng;
    this.storedSize = storedSize;
    this.dataSize = dataSize;
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
  /** The `use` space around the receive in the source, which its body runs in (DECISIONS 21). */
  readonly use: RhoSpace | null;
  constructor(body: Term, env: Env, rng: Rng, storedSize: number, use: RhoSpace | null) {
    this.body = body;
    this.env = env;
    this.rng = rng;
    this.storedSize = storedSize;
    this.use = use;
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

const MAX_INDEX = BigInt(Number.MAX_SAFE_INTEGER);

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
    if (channel.kind === 'Int') {
      return channel.value >= 0n && channel.value <= MAX_INDEX ? Number(channel.value) : undefined;
    }
    if (!this.isOwn(channel)) return undefined;
    // The 8-byte big-endian index as two 32-bit words: no DataView, no bigint on this hot path.
    const id = (channel as Unforgeable).id;
    const at = this.spaceId.length;
    const hi = ((id[at] << 24) | (id[at + 1] << 16) | (id[at + 2] << 8) | id[at + 3]) >>> 0;
    const lo = ((id[at + 4] << 24) | (id[at + 5] << 16) | (id[at + 6] << 8) | id[at + 7]) >>> 0;
    return hi <= 0x1f_ffff ? hi * 0x1_0000_0000 + lo : undefined;
  }
  isOwn(channel: Term): boolean {
    if (channel.kind !== 'Unforgeable') return false;
    const id = channel.id;
    if (id.length !== this.spaceId.length + 8) return false;
    for (let i = 0; i < this.spaceId.length; i++) if (id[i] !== this.spaceId[i]) return false;
    return true;
  }
}

/** The generator of the data a space makes itself (result channels): they come from no process. */
const SPACE_RNG = Rng.fromSeed(0x5350_4143);

/**
 * Paths of PathMap spaces (rholang-surface §2.8): a list of integers and strings, or a single
 * integer or string. Other channels are plain channels there.
 */
const termPaths: PathCodec<Term> = {
  elements: (channel) => {
    if (channel.kind === 'Int' || channel.kind === 'String') return [channel];
    if (channel.kind !== 'List' || channel.elements.length === 0) return undefined;
    for (const e of channel.elements) if (e.kind !== 'Int' && e.kind !== 'String') return undefined;
    return channel.elements;
  },
  orderKey: (element) => keyOf(element as Term),
  suffix: (elements) => (elements.length === 1 ? (elements[0] as Term) : new EList(elements as Term[], null)),
};

/** Identity of a continuation for Set continuation collections: equal bodies over equal values are equal. */
function continuationKey(k: RhoContinuation): string {
  if (k.kind === 'system') return `S${k.urn}`;
  let key = `C${keyOf(k.body)}`;
  for (const v of k.env) key += `|${keyOf(v)}`;
  return key;
}

/** The adapter for spaces holding Rholang terms; `spaceId` prefixes the names the space makes. */
export function termAdapter(spaceId: Uint8Array): SpaceAdapter<RhoTypes> {
  return {
    channelKey: (channel): ChannelKey => keyOf(channel),
    describeChannel: show,
    describeDatum: (datum) => show(datum.list),
    names: new TermNames(spaceId),
    datumKey: (datum) => keyOf(datum.list),
    waitingKey: (channelKeys, patterns, continuation, persistent, peeks) => {
      let key = persistent ? 'P' : 'E';
      if (peeks !== null) for (const p of peeks) key += p ? '1' : '0';
      for (const c of channelKeys) key += typeof c === 'number' ? `|n${c}` : `|s${c.length}:${c}`;
      for (const p of patterns) key += `|${keyOf(p.list)}`;
      return `${key}|${continuationKey(continuation)}`;
    },
    paths: termPaths,
    channelsIn: (datum, visit) => {
      for (const v of datum.list.elements) visitNames(v, visit);
    },
    embedding: (datum, type, dimensions) => {
      const values = datum.list.elements;
      if (values.length !== 1) return null;
      const plain = termToPlain(values[0]);
      return plain === undefined ? null : embeddingOf(plain, type, dimensions);
    },
    nameAsDatum: (channel) => new RhoDatum([channel], SPACE_RNG, 0, 0),
  };
}

/** Calls `visit` on every unforgeable name in a value, processes included. */
export function visitNames(t: Term, visit: (name: Term) => void): void {
  switch (t.kind) {
    case 'Unforgeable':
      visit(t);
      return;
    case 'List':
    case 'Tuple':
    case 'Set':
    case 'PathMap':
      for (const e of t.elements) visitNames(e, visit);
      return;
    case 'Map':
      for (const k of t.keys) visitNames(k, visit);
      for (const v of t.values) visitNames(v, visit);
      return;
    case 'Par':
      for (const m of t.members) visitNames(m, visit);
      return;
    case 'Send':
      visitNames(t.channel, visit);
      for (const d of t.data) visitNames(d, visit);
      return;
    case 'Receive':
      for (const b of t.binds) visitNames(b.source, visit);
      visitNames(t.body, visit);
      return;
    case 'New':
    case 'Bundle':
      visitNames(t.body, visit);
      return;
    case 'Match':
      visitNames(t.target, visit);
      for (const c of t.cases) visitNames(c.body, visit);
      return;
    case 'Use':
      visitNames(t.space, visit);
      visitNames(t.body, visit);
      return;
    default:
      return;
  }
}
