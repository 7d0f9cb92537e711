/**
 * The spaces of a Rholang session (rholang-surface §2; DECISIONS 20–22): the default space and
 * every space a `rho:space:` factory made, and the routing of channels to them.
 *
 * A user space's id is 16 bytes drawn from the generator of the process that called the factory;
 * the factory replies with the name `Unforgeable(id)`, which is how programs refer to the space.
 * Every name made in a space (by `new` inside `use`, by `new x : sp`, or as a result channel) is
 * the space's id followed by 8 bytes — an index for array and vector spaces, random otherwise —
 * so a channel's space is read off the channel itself, with no table to keep:
 *
 * - an unforgeable name with a space's prefix goes to that space, wherever it is used;
 * - any other unforgeable name (made outside every `use`, or a system process's) goes to the
 *   default space;
 * - a quoted process (`@"inbox"`, `@[0, 1]`) goes to the `use` space around the code (captured
 *   lexically: it travels with stored continuations), else to the default space.
 */

import { ChargingSpace } from '../../gas/charging-space.js';
import { PhlogistonMeter } from '../../gas/meter.js';
import { resolveSpaceSpec, type SpaceSpec } from '../../registry/factory.js';
import { urnOf } from '../../registry/urn.js';
import type { SpaceConfig } from '../../spaces/config.js';
import { Space } from '../../spaces/space.js';
import type { SpaceLike } from '../../spaces/space-like.js';
import type { Theory } from '../../spaces/theory.js';
import { Unforgeable } from '../term/nodes-ground.js';
import type { Term } from '../term/term.js';
import { printValue } from '../values/print.js';
import { show } from '../values/value.js';
import { RhoRuntimeError } from './errors.js';
import { termToPlain } from './plain.js';
import type { Rng } from './rng.js';
import { bindMatcher, type RhoDatum, type RhoTypes, termAdapter } from './space-types.js';

/** Bytes of a user space's id, and of the part of a name after it. */
export const SPACE_ID_BYTES = 16;
const NAME_SUFFIX_BYTES = 8;

/** Each user space's own budget, as the reference gives it (rholang-surface §5). */
export const SPACE_PHLOGISTON_LIMIT = 10_000_000;

/** One space of the session. */
export class RhoSpace {
  /** The space as the reducer drives it (charging its own meter, for user spaces). */
  readonly space: SpaceLike<RhoTypes>;
  readonly config: SpaceConfig;
  /** The name that refers to the space (`Unforgeable(id)`); null for the default space. */
  readonly name: Unforgeable | null;
  readonly urn: string;
  /** The space's own budget; null for the default space, which charges the run's meter. */
  readonly meter: PhlogistonMeter | null;
  readonly theory: Theory | undefined;
  constructor(
    space: SpaceLike<RhoTypes>,
    config: SpaceConfig,
    name: Unforgeable | null,
    urn: string,
    meter: PhlogistonMeter | null,
    theory: Theory | undefined,
  ) {
    this.space = space;
    this.config = config;
    this.name = name;
    this.urn = urn;
    this.meter = meter;
    this.theory = theory;
  }

  /** For messages: `the default space`, or the space's URN and name. */
  describe(): string {
    return this.name === null ? 'the default space' : `the ${this.urn} space ${printValue(this.name)}`;
  }

  /** True for array and vector spaces, whose names are slot indices handed out by the space. */
  get indexedNames(): boolean {
    return this.config.outer === 'array' || this.config.outer === 'vector';
  }
}

export class RhoSpaces {
  readonly defaultSpace: RhoSpace;
  /** User spaces in creation order. */
  private readonly all: RhoSpace[] = [];
  /**
   * User spaces by the first four bytes of their id (as a number): routing runs on every send and
   * receive, and this finds a name's space without slicing or allocating.
   */
  private readonly byPrefix = new Map<number, RhoSpace[]>();
  /** True once a `seq` space exists: only then do sends look for its names in their data. */
  hasSeq = false;

  constructor(defaultSpace: Space<RhoTypes>) {
    this.defaultSpace = new RhoSpace(defaultSpace, defaultSpace.config, null, urnOf(defaultSpace), null, undefined);
  }

  /** User spaces in creation order. */
  userSpaces(): RhoSpace[] {
    return this.all.slice();
  }

  /** Builds and registers a space from a resolved factory call; its id comes from `rng`. */
  create(spec: SpaceSpec, rng: Rng): RhoSpace {
    let id = rng.next().subarray(0, SPACE_ID_BYTES);
    // Ids are random; a repeat is astronomically unlikely but must not alias two spaces.
    while (this.find(id, SPACE_ID_BYTES) !== undefined) id = rng.next().subarray(0, SPACE_ID_BYTES);
    const v = spec.vector;
    const config =
      v === undefined
        ? spec.config
        : { ...spec.config, metric: v.metric, threshold: v.threshold, embeddingType: v.embeddingType };
    const theory = spec.theory === undefined ? undefined : termTheory(spec.theory);
    const engine = new Space<RhoTypes>({ adapter: termAdapter(id), matcher: bindMatcher, config, theory });
    const meter = new PhlogistonMeter(SPACE_PHLOGISTON_LIMIT);
    // DECISIONS 10: a send costs 100 + the byte length of the datum's canonical encoding.
    const space = new ChargingSpace<RhoTypes>(engine, { meter, dataSize: (d: RhoDatum) => d.dataSize });
    const entry = new RhoSpace(space, engine.config, new Unforgeable(id), urnOf(engine), meter, spec.theory);
    this.all.push(entry);
    const prefix = prefixOf(id);
    const same = this.byPrefix.get(prefix);
    if (same === undefined) this.byPrefix.set(prefix, [entry]);
    else same.push(entry);
    if (entry.config.qualifier === 'seq') this.hasSeq = true;
    return entry;
  }

  /** Resolves a factory's URN and arguments; throws the registry's errors for bad ones. */
  resolve(urn: string, options: Parameters<typeof resolveSpaceSpec>[1]): SpaceSpec {
    return resolveSpaceSpec(urn, options);
  }

  /** The space a name refers to (a factory's reply), or undefined. */
  byName(name: Term): RhoSpace | undefined {
    if (name.kind !== 'Unforgeable' || name.id.length !== SPACE_ID_BYTES) return undefined;
    return this.find(name.id, SPACE_ID_BYTES);
  }

  /** The space a name refers to, or a typed error naming the value and what it was used for. */
  spaceNamed(name: Term, what: string): RhoSpace {
    const s = this.byName(name);
    if (s === undefined) {
      throw new RhoRuntimeError(
        'NotASpace',
        `${what} needs a space made by a rho:space: factory, got ${printValue(name)}`,
      );
    }
    return s;
  }

  /** The space a channel lives in (see the module comment); `use` is the lexically enclosing `use` space. */
  route(channel: Term, use: RhoSpace | null): RhoSpace {
    if (channel.kind === 'Unforgeable') {
      const id = channel.id;
      if (id.length === SPACE_ID_BYTES + NAME_SUFFIX_BYTES && this.byPrefix.size > 0) {
        return this.find(id, SPACE_ID_BYTES + NAME_SUFFIX_BYTES) ?? this.defaultSpace;
      }
      return this.defaultSpace;
    }
    return use ?? this.defaultSpace;
  }

  /** A fresh name in `space` (a user space): its next slot in array and vector spaces, else random. */
  newName(space: RhoSpace, rng: Rng): Term {
    if (space.indexedNames) return space.space.gensym();
    const id = (space.name as Unforgeable).id;
    const bytes = new Uint8Array(SPACE_ID_BYTES + NAME_SUFFIX_BYTES);
    bytes.set(id, 0);
    bytes.set(rng.next().subarray(0, NAME_SUFFIX_BYTES), SPACE_ID_BYTES);
    return new Unforgeable(bytes);
  }

  /** True if `channel` was made in a space whose qualifier is `seq` (such names may not travel in data). */
  isSeqName(channel: Term): boolean {
    if (channel.kind !== 'Unforgeable' || channel.id.length !== SPACE_ID_BYTES + NAME_SUFFIX_BYTES) return false;
    return this.find(channel.id, SPACE_ID_BYTES + NAME_SUFFIX_BYTES)?.config.qualifier === 'seq';
  }

  /** The user space whose id starts `bytes` (which is `length` bytes long), if any. */
  private find(bytes: Uint8Array, length: number): RhoSpace | undefined {
    if (bytes.length !== length) return undefined;
    const candidates = this.byPrefix.get(prefixOf(bytes));
    if (candidates === undefined) return undefined;
    for (const s of candidates) {
      const id = (s.name as Unforgeable).id;
      let i = 4;
      while (i < SPACE_ID_BYTES && id[i] === bytes[i]) i++;
      if (i === SPACE_ID_BYTES) return s;
    }
    return undefined;
  }
}

/** The first four bytes of an id, as one number. */
function prefixOf(id: Uint8Array): number {
  return ((id[0] << 24) | (id[1] << 16) | (id[2] << 8) | id[3]) >>> 0;
}

/** What the builtin theories expect, in Rholang's words (the plain-data ones speak of JavaScript types). */
const EXPECTED: Readonly<Record<string, string>> = {
  Nat: 'expected an Int that is not negative',
  Int: 'expected an Int',
  String: 'expected a String',
  Bool: 'expected a Bool',
};

/** A theory over plain data, applied to each value a send carries. */
function termTheory(theory: Theory): Theory {
  return {
    name: theory.name,
    validate(datum: unknown): string | null {
      const values = (datum as RhoDatum).list.elements;
      for (const v of values) {
        // A process has no plain form: only theories that take anything (Any) accept one.
        let reason = theory.validate(termToPlain(v));
        if (reason === null) continue;
        reason = EXPECTED[theory.name] ?? reason;
        // The message shows the whole datum; with several values, say which one failed.
        return values.length === 1 ? reason : `${show(v)}: ${reason}`;
      }
      return null;
    },
  };
}
