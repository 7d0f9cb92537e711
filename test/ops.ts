/**
 * Configurations and random operation sequences for `engine.property.test.ts`. Operations are
 * plain records with a readable `toString` (fast-check prints counterexamples with it).
 */
import fc from 'fast-check';
import type { SpaceConfigInput } from '../src/spaces/config.js';
import { type ContKind, type DataKind, type Pat, showPat } from './model.js';

export interface Cfg {
  readonly name: string;
  readonly config: SpaceConfigInput;
  readonly kind: DataKind;
  readonly contKind: ContKind;
  readonly store: 'hashmap' | 'array' | 'vector';
  /** Priority-queue level count (the default priority is the last level). */
  readonly levels?: number;
  /** Array store size: gensym runs out of names after this many. */
  readonly arraySize?: number;
}

const hashmap = (kind: DataKind, contKind: ContKind, config: SpaceConfigInput = { inner: kind }): Cfg => ({
  name: `${kind}/hashmap${config.continuations === undefined ? '' : ` + ${contKind} continuations`}`,
  config,
  kind,
  contKind,
  store: 'hashmap',
});

export const CONFIGS: readonly Cfg[] = [
  hashmap('bag', 'bag'),
  hashmap('queue', 'queue'),
  hashmap('stack', 'stack'),
  hashmap('set', 'set'),
  hashmap('cell', 'bag'),
  {
    ...hashmap('priorityqueue', 'bag', { inner: 'priorityqueue', levels: 3 }),
    name: 'priorityqueue(3)/hashmap',
    levels: 3,
  },
  {
    name: 'bag/array(6)',
    config: { outer: 'array', inner: 'bag', size: 6 },
    kind: 'bag',
    contKind: 'bag',
    store: 'array',
    arraySize: 6,
  },
  { name: 'bag/vector', config: { outer: 'vector', inner: 'bag' }, kind: 'bag', contKind: 'bag', store: 'vector' },
  hashmap('bag', 'queue', { inner: 'bag', continuations: 'queue' }),
  hashmap('bag', 'stack', { inner: 'bag', continuations: 'stack' }),
];

/**
 * Channel refs 0..3 are the integers 0..3; refs 4 and 5 (`g0`, `g1`) are the first two gensym
 * names, or the integers 0 and 1 before those names exist. `v` is a small offset: the test
 * turns it into a unique datum (a Set space uses it as the datum itself, so duplicates occur).
 */
export type Op =
  | { t: 'produce'; ch: number; v: number; persist: boolean; prio: number | undefined }
  | { t: 'consume'; chs: number[]; pats: Pat[]; persist: boolean; peeks: number[] }
  | { t: 'install'; chs: number[]; pats: Pat[] }
  | { t: 'gensym' }
  | { t: 'clear' }
  /** A call the engine must refuse without changing anything (see `Run.invalid`). */
  | { t: 'invalid'; what: Invalid; ch: number };

export type Invalid = 'peek' | 'arity' | 'empty' | 'priority' | 'channel';

export type ConsumeOp = Extract<Op, { t: 'consume' | 'install' }>;

export function showRef(ref: number): string {
  return ref < 4 ? `${ref}` : `g${ref - 4}`;
}

export function showOp(op: Op): string {
  switch (op.t) {
    case 'gensym':
    case 'clear':
      return `${op.t}()`;
    case 'invalid':
      return `invalid ${op.what} on ${showRef(op.ch)}`;
    case 'produce': {
      const prio = op.prio === undefined ? '' : ` @${op.prio}`;
      return `produce(${showRef(op.ch)}, v${op.v}${op.persist ? ', persist' : ''}${prio})`;
    }
    default: {
      const peeks = op.t === 'consume' ? op.peeks : [];
      const pos = op.chs.map((ch, i) => `${showRef(ch)}:${showPat(op.pats[i])}${peeks.includes(i) ? '(peek)' : ''}`);
      return `${op.t}(${pos.join(' & ')}${op.t === 'consume' && op.persist ? ', persist' : ''})`;
    }
  }
}

const printable = (op: Op): Op => Object.assign(op, { [fc.toStringMethod]: () => showOp(op) });

/** True one time in four. */
const sometimes = fc.oneof({ weight: 3, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) });

const patArb: fc.Arbitrary<Pat> = fc.oneof(
  { weight: 2, arbitrary: fc.constant(null) },
  {
    weight: 3,
    arbitrary: fc.constantFrom<Pat>({ mod: 2, rem: 0 }, { mod: 2, rem: 1 }, { mod: 3, rem: 0 }, { mod: 3, rem: 1 }),
  },
);

/**
 * How operations are drawn: `distinct` joins name 1–3 distinct channels among 0..3, g0, g1;
 * `repeated` joins may name one of 0..3 several times; `long` uses only channels 0 and 1 in
 * sequences of up to 300 operations, so collections grow, shrink and compact.
 */
export type Mode = 'distinct' | 'repeated' | 'long';

/** One operation. */
export function opArb(cfg: Cfg, mode: Mode): fc.Arbitrary<Op> {
  const ref = fc.nat({ max: mode === 'long' ? 1 : 5 });
  const produce = fc
    .record({
      ch: ref,
      v: fc.nat({ max: 7 }),
      persist: sometimes,
      prio: cfg.kind === 'priorityqueue' ? fc.option(fc.nat({ max: 3 }), { nil: undefined }) : fc.constant(undefined),
    })
    .map((r): Op => printable({ t: 'produce', ...r }));
  const join = fc.record({
    chs:
      mode === 'repeated'
        ? fc.array(fc.nat({ max: 3 }), { minLength: 1, maxLength: 3 })
        : fc.uniqueArray(ref, { minLength: 1, maxLength: 3 }),
    pats: fc.array(patArb, { minLength: 3, maxLength: 3 }),
  });
  const consume = fc
    .record({ join, persist: sometimes, peekMask: fc.array(sometimes, { minLength: 3, maxLength: 3 }) })
    .map(({ join: { chs, pats }, persist, peekMask }): Op => {
      const peeks = chs.flatMap((_, i) => (peekMask[i] ? [i] : []));
      return printable({ t: 'consume', chs, pats: pats.slice(0, chs.length), persist, peeks });
    });
  const install = join.map(({ chs, pats }): Op => printable({ t: 'install', chs, pats: pats.slice(0, chs.length) }));
  const simple = (t: 'gensym' | 'clear') => fc.constant(null).map((): Op => printable({ t }));
  const invalid = fc
    .record({ what: fc.constantFrom<Invalid>('peek', 'arity', 'empty', 'priority', 'channel'), ch: ref })
    .map((r): Op => printable({ t: 'invalid', ...r }));
  return fc.oneof(
    { weight: 10, arbitrary: produce },
    { weight: 8, arbitrary: consume },
    { weight: 1, arbitrary: install },
    { weight: mode === 'long' ? 0 : 2, arbitrary: simple('gensym') },
    { weight: mode === 'long' ? 0 : 1, arbitrary: simple('clear') },
    { weight: 1, arbitrary: invalid },
  );
}

/** Sequences of up to 40 operations (300 in `long` mode), lengths spread over the whole range. */
export const opsArb = (cfg: Cfg, mode: Mode): fc.Arbitrary<Op[]> =>
  fc.array(opArb(cfg, mode), { maxLength: mode === 'long' ? 300 : 40, size: 'max' });

const P = (v: number, persist = false): Op => printable({ t: 'produce', ch: 0, v, persist, prio: undefined });
const C = (pat: Pat): Op => printable({ t: 'consume', chs: [0], pats: [pat], persist: false, peeks: [] });
const EVEN: Pat = { mod: 2, rem: 0 };
const ODD: Pat = { mod: 2, rem: 1 };

/**
 * Sequences that leave many interior holes in one collection of channel 0 (a bag's data behind
 * a persistent odd head, or continuations behind one that never fires), so its log compacts,
 * with random operations mixed in every eighth step.
 */
export function compactionArb(cfg: Cfg): fc.Arbitrary<Op[]> {
  return fc
    .tuple(
      cfg.kind === 'set' ? fc.constant('conts') : fc.constantFrom('data', 'conts'),
      fc.integer({ min: 40, max: 70 }),
      fc.array(opArb(cfg, 'long')),
    )
    .map(([what, n, noise]) => {
      const ops = what === 'data' ? [P(1, true), P(0), P(0)] : [C(ODD), C(EVEN), C(EVEN)];
      for (let i = 0; i < n; i++) {
        ops.push(...(what === 'data' ? [C(EVEN), P(0)] : [P(0), C(EVEN)]));
        if (i % 8 === 7 && noise.length > 0) ops.push(noise.pop()!);
      }
      return ops;
    });
}
