import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { DurableSpace } from '../durable/durable-space.js';
import { codec, observe, plainSpace, type Types } from '../durable/test-support.js';
import type { HardCheckpointable, PreparedCheckpoint } from '../durable/two-phase.js';
import { BoundedHistoryStore } from '../history/bounded-store.js';
import { initHashing, toHex } from '../history/hash.js';
import { History } from '../history/history.js';
import { MemoryHistoryStore } from '../history/stores.js';
import type { SpaceConfig } from '../spaces/config.js';
import { resolveConfig } from '../spaces/config.js';
import { SpaceRegistry } from './registry.js';

type Member = DurableSpace<Types> | Failing;

/** A space that takes part in hard checkpoints and fails on purpose, in the phase asked for. */
class Failing implements HardCheckpointable {
  readonly config: SpaceConfig = resolveConfig({});
  committed = 0;
  constructor(private readonly failIn: 'prepare' | 'commit' | 'never') {}
  prepareCheckpoint(): PreparedCheckpoint {
    if (this.failIn === 'prepare') throw new Error('refused on purpose');
    return {
      commit: () => {
        if (this.failIn === 'commit') throw new Error('disk full on purpose');
        this.committed++;
        return { root: new Uint8Array(32).fill(this.committed), log: [] };
      },
      rollback: () => {
        this.committed--;
      },
    };
  }
  prepareReset() {
    return { commit: () => {} };
  }
}

describe('registry hard checkpoints', () => {
  let history: History;
  before(async () => {
    await initHashing();
    history = await History.create(new MemoryHistoryStore());
  });
  const durable = () => new DurableSpace(plainSpace(), { history, codec });
  const registry = () => new SpaceRegistry<Member>({ defaultSpace: durable() });
  const space = (r: SpaceRegistry<Member>, id: string) => r.get(id) as DurableSpace<Types>;

  test('checkpoint records every durable space; restore brings back spaces, ownership and contents', () => {
    const r = registry();
    r.register('a', durable());
    r.own('x', 'a');
    space(r, 'a').produce('x', 1);
    space(r, 'default').produce('y', 2);
    const cp = r.checkpoint();
    assert.deepEqual([...cp.roots.keys()], ['default', 'a']);
    assert.equal(cp.height, 0);
    assert.equal(cp.logs.get('a')?.length, 1);
    const seenA = observe(space(r, 'a'));

    space(r, 'a').produce('x', 3);
    space(r, 'default').consume(['y'], [null], 'k');
    r.register('b', durable());
    r.own('z', 'b');
    r.restore(cp);
    assert.equal(observe(space(r, 'a')), seenA);
    assert.deepEqual(space(r, 'default').getData('y'), [{ datum: 2, persistent: false }]);
    assert.equal(r.has('b'), false);
    assert.equal(r.ownerOf('z'), undefined);
    assert.equal(r.ownerOf('x'), 'a');
    assert.equal(r.checkpointHeight, 1);
  });

  test('the registry root names the whole state: equal states, equal roots; ownership counts', () => {
    const build = (owner: string) => {
      const r = registry();
      r.register('a', durable());
      r.register('b', durable());
      r.own('x', owner);
      space(r, 'a').produce('x', 1);
      return r.checkpoint();
    };
    assert.equal(toHex(build('a').root), toHex(build('a').root));
    assert.notEqual(toHex(build('a').root), toHex(build('b').root));
  });

  test('a space that refuses to prepare: no space gets a new root, nothing is lost', () => {
    const r = registry();
    r.register('a', durable());
    const failing = new Failing('prepare');
    r.register('bad', failing);
    space(r, 'a').produce('x', 1);
    const before = toHex(space(r, 'a').lastRoot);
    assert.throws(() => r.checkpoint(), /refused on purpose/);
    assert.equal(toHex(space(r, 'a').lastRoot), before);
    assert.equal(space(r, 'a').log.length, 1);
    assert.equal(r.checkpointHeight, 0);
  });

  test('a commit that fails after others committed rolls those back', () => {
    const r = registry();
    r.register('a', durable());
    r.register('ok', new Failing('never'));
    r.register('bad', new Failing('commit'));
    space(r, 'a').produce('x', 1);
    const rootBefore = toHex(space(r, 'a').lastRoot);
    assert.throws(() => r.checkpoint(), /disk full on purpose/);
    assert.equal(toHex(space(r, 'a').lastRoot), rootBefore);
    assert.equal(space(r, 'a').log.length, 1);
    assert.equal((r.get('ok') as Failing).committed, 0);
    // The change is still pending: once the failing space is gone, the next checkpoint records it.
    const fresh = new SpaceRegistry<Member>({ defaultSpace: space(r, 'a') });
    const cp = fresh.checkpoint();
    const check = durable();
    check.reset(cp.roots.get('default') as Uint8Array);
    assert.deepEqual(check.getData('x'), [{ datum: 1, persistent: false }]);
  });

  test('restore is all or nothing: a root gone from one history changes no space', async () => {
    const small = await History.create(new BoundedHistoryStore(1));
    const r = registry();
    r.register('forgetful', new DurableSpace(plainSpace(), { history: small, codec }));
    space(r, 'forgetful').produce('f', 1);
    space(r, 'default').produce('d', 1);
    const cp = r.checkpoint();
    space(r, 'forgetful').produce('f', 2);
    space(r, 'default').produce('d', 2);
    r.checkpoint(); // evicts the forgetful space's first root from its bounded store
    const before = [observe(space(r, 'default')), observe(space(r, 'forgetful'))];
    assert.throws(() => r.restore(cp), { code: 'UnknownRoot' });
    assert.deepEqual([observe(space(r, 'default')), observe(space(r, 'forgetful'))], before);
  });
});
