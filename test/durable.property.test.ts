/**
 * Property tests of durable spaces (hard checkpoints, reset, replay) over random operation
 * sequences, on several configurations:
 *
 * (a) reverting soft checkpoints (nested, some committed) restores a state whose checkpoint root is
 *     the root before them, and an incremental checkpoint always equals a full one;
 * (b) two operation orders give equal roots exactly when they give equal observable states;
 * (c) reset(root) after arbitrary further operations restores the state of that root;
 * (d) a recorded log replays from its starting root to the same final root, and a tampered log
 *     (an event dropped, two swapped, one altered) fails with ReplayError.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import fc from 'fast-check';
import type { Value } from '../src/data/value.js';
import type { DurableSpace } from '../src/durable/durable-space.js';
import { DurableSpace as Durable } from '../src/durable/durable-space.js';
import { ReplayError } from '../src/durable/errors.js';
import { encodeEvent, type ReplayEvent } from '../src/durable/events.js';
import { codec, durable, memoryHistory, observe, type P, type Types } from '../src/durable/test-support.js';
import { initHashing, toHex } from '../src/history/hash.js';
import type { History } from '../src/history/history.js';
import type { SpaceConfigInput } from '../src/spaces/config.js';
import { SpaceError } from '../src/spaces/errors.js';

interface Cfg {
  readonly name: string;
  readonly config: SpaceConfigInput;
  readonly channels: readonly Value[];
}

const letters = ['a', 'b', 'c', 'd'];
const CONFIGS: readonly Cfg[] = [
  { name: 'bag', config: { inner: 'bag' }, channels: letters },
  { name: 'queue', config: { inner: 'queue' }, channels: letters },
  { name: 'stack + queue continuations', config: { inner: 'stack', continuations: 'queue' }, channels: letters },
  { name: 'set', config: { inner: 'set' }, channels: letters },
  { name: 'cell', config: { inner: 'cell' }, channels: letters },
  { name: 'priorityqueue(3)', config: { inner: 'priorityqueue', levels: 3 }, channels: letters },
  { name: 'pathmap', config: { outer: 'pathmap' }, channels: [['a'], ['a', 'b'], ['a', 'c'], ['b']] },
  { name: 'array(6)', config: { outer: 'array', size: 6 }, channels: [0, 1, 2, 3] },
];

type Op =
  | { t: 'produce'; ch: number; v: number; persist: boolean; prio: number | undefined }
  | { t: 'consume'; chs: number[]; pats: P[]; k: string; persist: boolean; peeks: number[] }
  | { t: 'withdraw'; chs: number[]; k: string }
  | { t: 'gensym' }
  | { t: 'clear' };

function opArb(cfg: Cfg, extras: { gensym: boolean; clear: boolean }): fc.Arbitrary<Op> {
  const ch = fc.nat({ max: cfg.channels.length - 1 });
  const chs = fc.uniqueArray(ch, { minLength: 1, maxLength: 2 });
  const k = fc.constantFrom('k0', 'k1', 'k2');
  const produce = fc.record({
    t: fc.constant('produce' as const),
    ch,
    v: fc.nat({ max: 5 }),
    persist: fc.boolean(),
    prio:
      cfg.config.inner === 'priorityqueue' ? fc.option(fc.nat({ max: 2 }), { nil: undefined }) : fc.constant(undefined),
  });
  const consume = fc
    .record({
      chs,
      pats: fc.array(fc.constantFrom<P>(null, 0, 1, 2), { minLength: 2, maxLength: 2 }),
      k,
      persist: fc.boolean(),
      peek: fc.nat({ max: 3 }),
    })
    .map(
      ({ chs, pats, k, persist, peek }): Op => ({
        t: 'consume',
        chs,
        pats: pats.slice(0, chs.length),
        k,
        persist,
        peeks: peek < chs.length ? [peek] : [],
      }),
    );
  const withdraw = fc.record({ t: fc.constant('withdraw' as const), chs, k });
  return fc.oneof(
    { weight: 8, arbitrary: produce },
    { weight: 6, arbitrary: consume },
    { weight: 1, arbitrary: withdraw },
    { weight: extras.gensym ? 1 : 0, arbitrary: fc.constant<Op>({ t: 'gensym' }) },
    { weight: extras.clear ? 1 : 0, arbitrary: fc.constant<Op>({ t: 'clear' }) },
  );
}

/** Applies an operation; refusals (a full cell, say) are part of the run, but replay errors are not. */
function apply(s: DurableSpace<Types>, cfg: Cfg, op: Op): void {
  const c = (i: number) => cfg.channels[i];
  try {
    switch (op.t) {
      case 'produce':
        s.produce(c(op.ch), op.v, { persist: op.persist, priority: op.prio });
        return;
      case 'consume':
        s.consume(op.chs.map(c), op.pats, op.k, { persist: op.persist, peeks: op.peeks });
        return;
      case 'withdraw':
        s.withdraw(op.chs.map(c), op.k);
        return;
      case 'gensym':
        s.gensym();
        return;
      case 'clear':
        s.clear();
        return;
    }
  } catch (error) {
    if (error instanceof ReplayError || !(error instanceof SpaceError)) throw error;
  }
}

const runAll = (s: DurableSpace<Types>, cfg: Cfg, ops: readonly Op[]) => {
  for (const op of ops) apply(s, cfg, op);
};
const rootOf = (s: DurableSpace<Types>) => toHex(s.createCheckpoint().root);
const opsArb = (cfg: Cfg, max: number, extras = { gensym: false, clear: false }) =>
  fc.array(opArb(cfg, extras), { maxLength: max });
const RUNS = { numRuns: Number(process.env.DURABLE_RUNS ?? 60) };

describe('durable spaces: properties over random operations', () => {
  let history: History;
  before(async () => {
    await initHashing();
    history = await memoryHistory();
  });

  for (const cfg of CONFIGS) {
    describe(cfg.name, () => {
      test('(a) reverted soft checkpoints restore the root; incremental checkpoints equal full ones', () => {
        fc.assert(
          fc.property(
            opsArb(cfg, 15),
            opsArb(cfg, 10),
            opsArb(cfg, 10),
            opsArb(cfg, 10),
            fc.boolean(),
            (p, q1, q2, q3, commitInner) => {
              const s = durable(history, cfg.config);
              runAll(s, cfg, p);
              const r0 = rootOf(s);
              s.softCheckpoint();
              runAll(s, cfg, q1);
              s.softCheckpoint();
              runAll(s, cfg, q2);
              if (commitInner) s.commitSoftCheckpoint();
              else s.revertSoftCheckpoint();
              runAll(s, cfg, q3);
              s.revertSoftCheckpoint();
              assert.equal(rootOf(s), r0);
              runAll(s, cfg, q3);
              const incremental = rootOf(s);
              const full = new Durable(s.space, { history, codec });
              assert.equal(rootOf(full), incremental);
            },
          ),
          RUNS,
        );
      });

      test('(b) equal roots exactly when the observable states are equal, whatever the order', () => {
        fc.assert(
          fc.property(
            opsArb(cfg, 12).chain((ops) =>
              fc.tuple(fc.constant(ops), fc.shuffledSubarray(ops, { minLength: ops.length, maxLength: ops.length })),
            ),
            ([ops, shuffled]) => {
              const a = durable(history, cfg.config);
              const b = durable(history, cfg.config);
              runAll(a, cfg, ops);
              runAll(b, cfg, shuffled);
              assert.equal(rootOf(a) === rootOf(b), observe(a) === observe(b));
            },
          ),
          RUNS,
        );
      });

      test('(b) produces on distinct channels in any order give one root', () => {
        fc.assert(
          fc.property(
            fc.shuffledSubarray(
              cfg.channels.map((_, i) => i),
              { minLength: cfg.channels.length },
            ),
            (order) => {
              const a = durable(history, cfg.config);
              const b = durable(history, cfg.config);
              cfg.channels.forEach((ch, i) => {
                a.produce(ch, i);
              });
              for (const i of order) b.produce(cfg.channels[i], i);
              assert.equal(rootOf(a), rootOf(b));
            },
          ),
          { numRuns: 20 },
        );
      });

      test('(c) reset(root) after arbitrary further operations restores that state', () => {
        fc.assert(
          fc.property(
            opsArb(cfg, 20, { gensym: true, clear: true }),
            opsArb(cfg, 20, { gensym: true, clear: true }),
            (p, q) => {
              const s = durable(history, cfg.config);
              runAll(s, cfg, p);
              const seen = observe(s);
              const names = s.nameCount;
              const r = s.createCheckpoint().root;
              runAll(s, cfg, q);
              s.reset(r);
              assert.equal(observe(s), seen);
              assert.ok(s.nameCount >= names);
              if (!q.some((op) => op.t === 'gensym')) assert.equal(rootOf(s), toHex(r));
              const fresh = durable(history, cfg.config);
              fresh.reset(r);
              assert.equal(observe(fresh), seen);
            },
          ),
          RUNS,
        );
      });

      test('(d) a log replays to the same root; a tampered log fails with ReplayError', () => {
        fc.assert(
          fc.property(
            opsArb(cfg, 10),
            opsArb(cfg, 25, { gensym: true, clear: false }),
            fc.nat(),
            fc.constantFrom('drop', 'swap', 'alter'),
            (p, s1, at, how) => {
              const rec = durable(history, cfg.config);
              runAll(rec, cfg, p);
              const start = rec.createCheckpoint().root;
              runAll(rec, cfg, s1);
              const { root, log } = rec.createCheckpoint();
              const replay = (events: readonly ReplayEvent[]) => {
                const r = durable(history, cfg.config);
                r.rigAndReset(start, events);
                runAll(r, cfg, s1);
                r.checkReplayData();
                return rootOf(r);
              };
              assert.equal(replay(log), toHex(root));
              const tampered = tamper(log, at, how);
              if (tampered === null) return;
              assert.throws(() => replay(tampered), ReplayError);
            },
          ),
          RUNS,
        );
      });
    });
  }
});

/** A changed copy of `log`, or null when this tampering would not change it (an empty log, equal neighbours). */
function tamper(log: readonly ReplayEvent[], at: number, how: 'drop' | 'swap' | 'alter'): ReplayEvent[] | null {
  if (log.length === 0) return null;
  const i = at % log.length;
  const out = log.slice();
  if (how === 'drop') {
    out.splice(i, 1);
    return out;
  }
  if (how === 'swap') {
    if (i + 1 >= log.length || toHex(encodeEvent(log[i])) === toHex(encodeEvent(log[i + 1]))) return null;
    [out[i], out[i + 1]] = [out[i + 1], out[i]];
    return out;
  }
  const e = log[i];
  const flip = (h: Uint8Array) => {
    const c = h.slice();
    c[0] ^= 1;
    return c;
  };
  out[i] =
    e.kind === 'produce'
      ? { ...e, datum: flip(e.datum) }
      : e.kind === 'comm'
        ? { ...e, consume: flip(e.consume) }
        : { ...e, continuation: flip(e.continuation) };
  return out;
}
