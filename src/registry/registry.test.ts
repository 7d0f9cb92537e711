import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { resolveConfig, type SpaceConfig } from '../spaces/config.js';
import { createSpaceFrom } from './factory.js';
import { DEFAULT_SPACE, SpaceRegistry } from './registry.js';
import { urnOf } from './urn.js';

describe('spaces', () => {
  test('a PathMap default space is registered as "default" at construction', () => {
    const registry = new SpaceRegistry();
    assert.equal(DEFAULT_SPACE, 'default');
    assert.deepEqual(registry.ids(), ['default']);
    assert.equal(registry.get('default'), registry.defaultSpace);
    assert.equal(urnOf(registry.defaultSpace), 'rho:space:PathMapSpace');
    const own = createSpaceFrom('rho:space:QueueSpace');
    assert.equal(new SpaceRegistry({ defaultSpace: own }).defaultSpace, own);
  });

  test('register, get, has, ids; a duplicate id is refused naming it', () => {
    const registry = new SpaceRegistry();
    const jobs = registry.register('jobs', createSpaceFrom('rho:space:QueueSpace'));
    assert.equal(registry.get('jobs'), jobs);
    assert.ok(registry.has('jobs'));
    assert.ok(!registry.has('nope'));
    assert.equal(registry.get('nope'), undefined);
    assert.throws(() => registry.register('jobs', createSpaceFrom()), {
      code: 'InvalidConfiguration',
      message: 'space "jobs" is already registered',
    });
    assert.throws(() => registry.register('default', createSpaceFrom()), {
      message: /"default" is already registered/,
    });
    assert.throws(() => registry.create('jobs', 'rho:space:StackSpace'), { message: /"jobs" is already registered/ });
    const cells = registry.create('cells', 'rho:space:CellSpace');
    assert.deepEqual(registry.ids(), ['default', 'jobs', 'cells']);
    assert.equal(registry.size, 3);
    assert.equal(cells.config.inner, 'cell');
  });

  test('registries of other space types need their own default space', () => {
    interface Fake {
      readonly config: SpaceConfig;
      readonly label: string;
    }
    const fake = (label: string): Fake => ({ config: resolveConfig({ qualifier: 'seq' }), label });
    const registry = new SpaceRegistry<Fake>({ defaultSpace: fake('d') });
    registry.register('x', fake('x'));
    assert.equal(registry.get('x')?.label, 'x');
    registry.own('c', 'x');
    assert.ok(registry.isSeqChannel('c'));
  });
});

describe('ownership and routing', () => {
  test('own / ownerOf; owning a channel in an unknown space or a second space is refused', () => {
    const registry = new SpaceRegistry();
    const jobs = registry.create('jobs', 'rho:space:QueueSpace');
    const name = jobs.gensym();
    registry.own(name, 'jobs');
    registry.own(name, 'jobs');
    registry.own(['path', 1], 'default');
    assert.equal(registry.ownerOf(name), 'jobs');
    assert.equal(registry.ownerOf(['path', 1]), 'default');
    assert.equal(registry.ownerOf('other'), undefined);
    assert.deepEqual(registry.ownership(), [
      [name, 'jobs'],
      [['path', 1], 'default'],
    ]);
    assert.throws(() => registry.own('x', 'nope'), { code: 'SpaceNotFound', message: /"nope"/ });
    assert.throws(() => registry.own(name, 'default'), {
      code: 'InvalidConfiguration',
      message: /owned by space "jobs"/,
    });
  });

  test("resolve: owner, else the task's innermost use block, else the default space", () => {
    const registry = new SpaceRegistry();
    registry.create('a', 'rho:space:QueueSpace');
    registry.create('b', 'rho:space:StackSpace');
    registry.own('owned', 'a');
    assert.equal(registry.resolve('loose', 1), 'default');
    assert.equal(registry.resolve(undefined, 1), 'default');
    registry.push(1, 'a');
    registry.push(1, 'b');
    assert.equal(registry.resolve('loose', 1), 'b');
    assert.equal(registry.resolve(undefined, 1), 'b');
    assert.equal(registry.resolve('owned', 1), 'a');
    assert.equal(registry.resolve('loose', 2), 'default');
    assert.equal(registry.spaceFor('loose', 1), registry.get('b'));
  });

  test('verifySameSpace: empty, unknown channel by position, cross-space joins', () => {
    const registry = new SpaceRegistry();
    registry.create('a', {});
    registry.create('b', {});
    registry.own('x', 'a');
    registry.own('y', 'a');
    registry.own('z', 'b');
    assert.equal(registry.verifySameSpace(['x', 'y']), 'a');
    assert.throws(() => registry.verifySameSpace([]), { code: 'InvalidConfiguration', message: 'Empty channel list' });
    assert.throws(() => registry.verifySameSpace(['q', 'x']), {
      name: 'ChannelNotFoundError',
      code: 'ChannelNotFound',
      index: 0,
      message: 'channel 0 ("q") of the join is not owned by any space',
    });
    assert.throws(() => registry.verifySameSpace(['x', 'y', 'q']), { code: 'ChannelNotFound', index: 2 });
    assert.throws(() => registry.verifySameSpace(['x', 'y', 'z']), {
      name: 'CrossSpaceJoinNotAllowedError',
      code: 'CrossSpaceJoinNotAllowed',
      index: 2,
      expected: 'a',
      found: 'b',
    });
  });

  test('resolveJoin routes unowned channels through the use block, then requires one space', () => {
    const registry = new SpaceRegistry();
    registry.create('a', {});
    registry.own('x', 'a');
    assert.throws(() => registry.resolveJoin(['x', 'loose'], 't'), { code: 'CrossSpaceJoinNotAllowed', index: 1 });
    assert.equal(
      registry.use('t', 'a', () => registry.resolveJoin(['x', 'loose'], 't')),
      'a',
    );
    assert.throws(() => registry.resolveJoin([], 't'), { message: 'Empty channel list' });
  });
});

describe('use blocks', () => {
  test('LIFO per task; pop of an empty stack is undefined; unknown spaces are refused', () => {
    const registry = new SpaceRegistry();
    registry.create('a', {});
    registry.create('b', {});
    assert.equal(registry.pop('t'), undefined);
    assert.equal(registry.current('t'), undefined);
    registry.push('t', 'a');
    registry.push('t', 'b');
    registry.push('t', 'a');
    assert.equal(registry.depth('t'), 3);
    assert.deepEqual(registry.useBlocks(), [['t', ['a', 'b', 'a']]]);
    assert.equal(registry.pop('t'), 'a');
    assert.equal(registry.current('t'), 'b');
    assert.equal(registry.pop('t'), 'b');
    assert.equal(registry.pop('t'), 'a');
    assert.equal(registry.pop('t'), undefined);
    assert.equal(registry.depth('t'), 0);
    assert.throws(() => registry.push('t', 'nope'), { code: 'SpaceNotFound' });
  });

  test('tasks are isolated; cleanupTask drops only that task', () => {
    const registry = new SpaceRegistry();
    registry.create('a', {});
    registry.create('b', {});
    registry.push(1, 'a');
    registry.push(2, 'b');
    registry.push(2, 'a');
    assert.equal(registry.current(1), 'a');
    assert.equal(registry.current(2), 'a');
    assert.equal(registry.pop(2), 'a');
    assert.equal(registry.current(1), 'a');
    assert.equal(registry.depth(1), 1);
    registry.cleanupTask(1);
    assert.equal(registry.depth(1), 0);
    assert.equal(registry.current(2), 'b');
    assert.equal(registry.current('1'), undefined);
  });

  test('use() closes its block even when the body throws', () => {
    const registry = new SpaceRegistry();
    registry.create('a', {});
    assert.throws(() =>
      registry.use('t', 'a', () => {
        assert.equal(registry.current('t'), 'a');
        throw new Error('boom');
      }),
    );
    assert.equal(registry.depth('t'), 0);
  });
});

describe('Seq channels', () => {
  test('channels of a seq space are not mobile; unknown channels are', () => {
    const registry = new SpaceRegistry();
    const seq = registry.create('seq', 'rho:space:SeqSpace');
    registry.create('plain', {});
    const s = seq.gensym();
    registry.own(s, 'seq');
    registry.own('p', 'plain');
    assert.ok(registry.isSeqChannel(s));
    assert.ok(!registry.isMobile(s));
    assert.ok(registry.isMobile('p'));
    assert.ok(registry.isMobile('unknown'));
    registry.validateSendChannels(['p', 'unknown']);
    assert.throws(() => registry.validateSendChannels(['p', s]), {
      name: 'SeqChannelNotMobileError',
      code: 'SeqChannelNotMobile',
    });
  });
});

describe('soft checkpoints', () => {
  test('revert removes spaces registered after it, and their ownership and use blocks', () => {
    const registry = new SpaceRegistry();
    registry.create('a', {});
    registry.own('x', 'a');
    registry.push('t', 'a');
    assert.equal(registry.softCheckpoint(), 1);
    registry.create('b', {});
    registry.own('y', 'b');
    registry.push('t', 'b');
    registry.cleanupTask('u');
    registry.revert();
    assert.deepEqual(registry.ids(), ['default', 'a']);
    assert.equal(registry.get('b'), undefined);
    assert.deepEqual(registry.ownership(), [['x', 'a']]);
    assert.deepEqual(registry.useBlocks(), [['t', ['a']]]);
    assert.equal(registry.softCheckpointDepth, 0);
    registry.create('b', {});
  });

  test('revert restores removals too: a popped block and a cleaned-up task come back', () => {
    const registry = new SpaceRegistry();
    registry.create('a', {});
    registry.push('t', 'a');
    registry.push('u', 'a');
    registry.softCheckpoint();
    registry.pop('t');
    registry.cleanupTask('u');
    registry.revert();
    assert.deepEqual(registry.useBlocks(), [
      ['t', ['a']],
      ['u', ['a']],
    ]);
  });

  test('nested checkpoints revert LIFO; commit keeps the state and closes the innermost', () => {
    const registry = new SpaceRegistry();
    registry.softCheckpoint();
    registry.create('one', {});
    registry.softCheckpoint();
    registry.create('two', {});
    registry.softCheckpoint();
    registry.create('three', {});
    registry.commit();
    assert.equal(registry.softCheckpointDepth, 2);
    registry.revert();
    assert.deepEqual(registry.ids(), ['default', 'one']);
    registry.revert();
    assert.deepEqual(registry.ids(), ['default']);
    assert.throws(() => registry.revert(), {
      code: 'CheckpointError',
      message: /no registry soft checkpoint to revert/,
    });
    assert.throws(() => registry.commit(), {
      code: 'CheckpointError',
      message: /no registry soft checkpoint to commit/,
    });
  });

  test('a depth names the checkpoint meant; closing another is refused and changes nothing', () => {
    const registry = new SpaceRegistry();
    const outer = registry.softCheckpoint();
    registry.create('a', {});
    const inner = registry.softCheckpoint();
    assert.throws(() => registry.revert(outer), { code: 'CheckpointError', message: /innermost is 2/ });
    assert.throws(() => registry.commit(outer), { code: 'CheckpointError' });
    assert.equal(registry.softCheckpointDepth, 2);
    registry.commit(inner);
    registry.revert(outer);
    assert.deepEqual(registry.ids(), ['default']);
  });

  test('revert truncates the operation log to its length at the checkpoint', () => {
    const registry = new SpaceRegistry();
    registry.log.record({ kind: 'produce', space: 'default', channel: 'a', datum: 1, persist: false });
    registry.softCheckpoint();
    registry.log.record({ kind: 'produce', space: 'default', channel: 'b', datum: 2, persist: false });
    registry.revert();
    assert.equal(registry.log.length, 1);
  });

  test('the spaces themselves are not rolled back (soft registry checkpoints cover the registry only)', () => {
    const registry = new SpaceRegistry();
    const a = registry.create('a', {});
    registry.softCheckpoint();
    a.produce('ch', 1);
    registry.revert();
    assert.equal(registry.get('a'), a);
    assert.equal(a.getData('ch').length, 1);
  });
});
