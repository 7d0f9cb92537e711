/**
 * Model-based test: random sequences of register / own / push / pop / cleanup / checkpoint /
 * revert / commit run against the registry and against a model made of plain maps; after every
 * step the two must agree, and the registry's invariants must hold.
 */

import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { createSpaceFrom, type PlainSpace } from './factory.js';
import { SpaceRegistry } from './registry.js';

interface ModelState {
  spaces: Map<string, PlainSpace>;
  owners: Map<string, string>;
  blocks: Map<number, string[]>;
}

const copy = (m: ModelState): ModelState => ({
  spaces: new Map(m.spaces),
  owners: new Map(m.owners),
  blocks: new Map([...m.blocks].map(([t, s]) => [t, s.slice()])),
});

const SPACE_IDS = ['default', 's0', 's1', 's2', 's3'];
const CHANNELS = ['c0', 'c1', 'c2', 'c3', 'c4'];
const TASKS = [0, 1, 2];
// A few spaces made once (one of them Seq) and registered under many ids: building spaces is not under test.
const POOL = ['rho:space:HashMapBagSpace', 'rho:space:SeqSpace', 'rho:space:QueueSpace'].map((u) => createSpaceFrom(u));

type Op =
  | { op: 'register'; id: string; space: number }
  | { op: 'own'; channel: string; id: string }
  | { op: 'push'; task: number; id: string }
  | { op: 'pop'; task: number }
  | { op: 'cleanup'; task: number }
  | { op: 'checkpoint' }
  | { op: 'revert' }
  | { op: 'commit' };

const id = fc.constantFrom(...SPACE_IDS);
const task = fc.constantFrom(...TASKS);
const ops: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('register' as const), id, space: fc.nat(POOL.length - 1) }),
  fc.record({ op: fc.constant('own' as const), channel: fc.constantFrom(...CHANNELS), id }),
  fc.record({ op: fc.constant('push' as const), task, id }),
  fc.record({ op: fc.constant('pop' as const), task }),
  fc.record({ op: fc.constant('cleanup' as const), task }),
  fc.constant({ op: 'checkpoint' as const }),
  fc.constant({ op: 'revert' as const }),
  fc.constant({ op: 'commit' as const }),
);

function step(registry: SpaceRegistry, model: ModelState, saved: ModelState[], o: Op): ModelState {
  switch (o.op) {
    case 'register':
      if (model.spaces.has(o.id)) {
        assert.throws(() => registry.register(o.id, POOL[o.space]), { code: 'InvalidConfiguration' });
      } else {
        registry.register(o.id, POOL[o.space]);
        model.spaces.set(o.id, POOL[o.space]);
      }
      return model;
    case 'own': {
      const owner = model.owners.get(o.channel);
      if (!model.spaces.has(o.id)) assert.throws(() => registry.own(o.channel, o.id), { code: 'SpaceNotFound' });
      else if (owner !== undefined && owner !== o.id) {
        assert.throws(() => registry.own(o.channel, o.id), { code: 'InvalidConfiguration' });
      } else {
        registry.own(o.channel, o.id);
        model.owners.set(o.channel, o.id);
      }
      return model;
    }
    case 'push':
      if (!model.spaces.has(o.id)) assert.throws(() => registry.push(o.task, o.id), { code: 'SpaceNotFound' });
      else {
        registry.push(o.task, o.id);
        model.blocks.set(o.task, [...(model.blocks.get(o.task) ?? []), o.id]);
      }
      return model;
    case 'pop': {
      const stack = model.blocks.get(o.task) ?? [];
      assert.equal(registry.pop(o.task), stack.pop());
      if (stack.length === 0) model.blocks.delete(o.task);
      return model;
    }
    case 'cleanup':
      registry.cleanupTask(o.task);
      model.blocks.delete(o.task);
      return model;
    case 'checkpoint':
      assert.equal(registry.softCheckpoint(), saved.length + 1);
      saved.push(copy(model));
      return model;
    case 'revert': {
      const prior = saved.pop();
      if (prior === undefined) {
        assert.throws(() => registry.revert(), { code: 'CheckpointError' });
        return model;
      }
      registry.revert();
      return prior;
    }
    case 'commit':
      if (saved.pop() === undefined) assert.throws(() => registry.commit(), { code: 'CheckpointError' });
      else registry.commit();
      return model;
  }
}

function agree(registry: SpaceRegistry, model: ModelState, saved: readonly ModelState[]): void {
  assert.deepEqual(registry.ids(), [...model.spaces.keys()]);
  for (const [sid, space] of model.spaces) assert.equal(registry.get(sid), space);
  assert.deepEqual(registry.ownership(), [...model.owners]);
  assert.deepEqual(registry.useBlocks(), [...model.blocks]);
  assert.equal(registry.softCheckpointDepth, saved.length);
  for (const [channel, owner] of registry.ownership()) {
    assert.ok(registry.has(owner), `owned channel ${String(channel)} points at a missing space`);
    assert.equal(registry.isSeqChannel(channel), model.spaces.get(owner)?.config.qualifier === 'seq');
  }
  for (const t of TASKS) {
    const stack = model.blocks.get(t) ?? [];
    assert.equal(registry.depth(t), stack.length);
    assert.ok(registry.depth(t) >= 0);
    assert.equal(registry.current(t), stack[stack.length - 1]);
    for (const sid of stack) assert.ok(registry.has(sid));
    for (const c of CHANNELS) {
      assert.equal(registry.resolve(c, t), model.owners.get(c) ?? stack[stack.length - 1] ?? 'default');
    }
  }
}

test('property: the registry agrees with a model of maps under register/own/push/pop/checkpoint/revert/commit', () => {
  fc.assert(
    fc.property(fc.array(ops, { maxLength: 80 }), (sequence) => {
      const registry = new SpaceRegistry({ defaultSpace: POOL[0] });
      let model: ModelState = { spaces: new Map([['default', POOL[0]]]), owners: new Map(), blocks: new Map() };
      const saved: ModelState[] = [];
      for (const o of sequence) {
        model = step(registry, model, saved, o);
        agree(registry, model, saved);
      }
    }),
    { numRuns: 300 },
  );
});
