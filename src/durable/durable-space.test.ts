import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { HistoryError } from '../history/errors.js';
import { initHashing, toHex } from '../history/hash.js';
import { History } from '../history/history.js';
import { MemoryHistoryStore } from '../history/stores.js';
import { createSpace } from '../plain/create.js';
import { CheckpointError } from '../spaces/errors.js';
import { compile } from '../spaces/matchers/structural.js';
import { _, bind, where } from '../spaces/matchers/template.js';
import { valueStateCodec } from './codec.js';
import { DurableSpace } from './durable-space.js';
import { DurableError, ReplayError } from './errors.js';
import { decodeEventLog, encodeEventLog } from './events.js';
import { codec, durable, memoryHistory, observe } from './test-support.js';

const hex = toHex;

describe('DurableSpace: hard checkpoints and reset', () => {
  before(() => initHashing());

  test('a checkpoint records data, persist flags, joins, peeks and continuation order; reset restores them', async () => {
    const history = await memoryHistory();
    const s = durable(history, { inner: 'queue', continuations: 'stack' });
    s.produce('a', 1);
    s.produce('a', 2, { persist: true });
    s.consume(['b', 'c'], [0, null], 'first', { peeks: [1] });
    s.consume(['c', 'b'], [1, 2], 'second', { persist: true });
    s.consume(['b'], [null], 'alone');
    const before = observe(s);
    const { root } = s.createCheckpoint();
    s.produce('b', 3);
    s.produce('c', 4);
    s.consume(['a'], [null], 'x');
    assert.notEqual(observe(s), before);
    s.reset(root);
    assert.equal(observe(s), before);
    // A fresh space over the same history restores the same state, and behaves the same afterwards.
    const t = durable(history, { inner: 'queue', continuations: 'stack' });
    t.reset(root);
    assert.equal(observe(t), before);
    assert.deepEqual(
      t.produce('b', 0).map((f) => f.continuation),
      s.produce('b', 0).map((f) => f.continuation),
    );
    assert.equal(observe(t), observe(s));
  });

  test('priorities survive a checkpoint', async () => {
    const history = await memoryHistory();
    const s = durable(history, { inner: 'priorityqueue', levels: 3 });
    s.produce('q', 'low', { priority: 2 });
    s.produce('q', 'high', { priority: 0 });
    s.produce('q', 'mid', { priority: 1, persist: true });
    const { root } = s.createCheckpoint();
    const t = durable(history, { inner: 'priorityqueue', levels: 3 });
    t.reset(root);
    assert.deepEqual(t.getData('q'), s.getData('q'));
    assert.equal(t.consume(['q'], [null], 'k')[0].matches[0].datum, 'high');
  });

  test('the same state reached in different orders has the same root; a different state another root', async () => {
    const history = await memoryHistory();
    const a = durable(history);
    const b = durable(history);
    a.produce('x', 1);
    a.produce('y', 2);
    a.consume(['z', 'w'], [null, null], 'k');
    b.consume(['w', 'z'], [null, null], 'k');
    b.produce('y', 2);
    b.produce('x', 1);
    // Channel order inside a join belongs to the continuation: ['w','z'] and ['z','w'] differ.
    assert.notEqual(hex(a.createCheckpoint().root), hex(b.createCheckpoint().root));
    const c = durable(history);
    c.consume(['z', 'w'], [null, null], 'k');
    c.produce('y', 2);
    c.produce('x', 1);
    assert.equal(hex(c.createCheckpoint().root), hex(a.lastRoot));
  });

  test('an incremental checkpoint gives the root a full checkpoint of the same state gives', async () => {
    const history = await memoryHistory();
    const s = durable(history, { inner: 'bag' });
    for (let i = 0; i < 50; i++) s.produce(`c${i}`, i);
    s.consume(['c1', 'c2'], [null, 2], 'join');
    s.createCheckpoint();
    s.produce('c3', 100);
    s.consume(['c4'], [null], 'k');
    s.consume(['c7', 'c1'], [1, null], 'waits');
    const { root } = s.createCheckpoint();
    // A new DurableSpace over the same live space knows nothing of it, so it checkpoints everything.
    const full = new DurableSpace(s.space, { history: await memoryHistory(), codec });
    assert.equal(hex(full.createCheckpoint().root), hex(root));
    // And a space reset to the root checkpoints to the same root.
    const restored = durable(history, { inner: 'bag' });
    restored.reset(root);
    assert.equal(observe(restored), observe(s));
    assert.equal(hex(restored.createCheckpoint().root), hex(root));
  });

  test('clear() then checkpoint records the empty state (with the name counters)', async () => {
    const history = await memoryHistory();
    const s = durable(history);
    s.produce('a', 1);
    s.consume(['b'], [null], 'k');
    s.createCheckpoint();
    s.clear();
    const cleared = s.createCheckpoint().root;
    assert.equal(hex(cleared), hex(durable(history).createCheckpoint().root));
  });

  test('names: reset keeps each name counter at its maximum', async () => {
    const history = await memoryHistory();
    const s = durable(history, { outer: 'vector' });
    const n0 = s.gensym();
    const { root } = s.createCheckpoint();
    const n1 = s.gensym();
    s.reset(root);
    const n2 = s.gensym();
    assert.notDeepEqual(n2, n1);
    assert.notDeepEqual(n2, n0);
    assert.equal(s.nameCount, 3);
  });

  test('temp and seq spaces are checkpointed as empty; reset empties them', async () => {
    for (const qualifier of ['temp', 'seq'] as const) {
      const history = await memoryHistory();
      const s = durable(history, { qualifier });
      const empty = s.createCheckpoint().root;
      s.produce('a', 1);
      s.consume(['b'], [null], 'k');
      assert.equal(hex(s.createCheckpoint().root), hex(empty), qualifier);
      s.reset(empty);
      assert.equal(observe(s), '', qualifier);
    }
  });

  test('refusals leave the space as it was: unknown root, other configuration, other identity', async () => {
    const history = await memoryHistory();
    const s = durable(history, { inner: 'queue' });
    s.produce('a', 1);
    const { root } = s.createCheckpoint();
    s.produce('a', 2);
    const before = observe(s);
    assert.throws(
      () => s.reset(new Uint8Array(32).fill(7)),
      (e) => e instanceof HistoryError && e.code === 'UnknownRoot' && /0707/.test(e.message),
    );
    const other = durable(history, { inner: 'stack' });
    other.produce('z', 9);
    assert.throws(
      () => other.reset(root),
      (e) => e instanceof DurableError && e.code === 'StateMismatch' && /queue/.test(e.message),
    );
    assert.equal(observe(other), '"z"=9 ');
    const stranger = durable(history, { inner: 'queue' }, { identity: Uint8Array.of(1, 2) });
    assert.throws(() => stranger.reset(root), { code: 'StateMismatch', message: /0102/ });
    assert.equal(observe(s), before);
  });

  test('hard checkpoints and resets are refused inside a soft checkpoint', async () => {
    const s = durable(await memoryHistory());
    s.softCheckpoint();
    assert.throws(
      () => s.createCheckpoint(),
      (e) => e instanceof CheckpointError && /soft checkpoint/.test(e.message),
    );
    assert.throws(() => s.reset(s.lastRoot), CheckpointError);
    s.commitSoftCheckpoint();
    assert.doesNotThrow(() => s.createCheckpoint());
  });

  test('two phases: a prepared checkpoint or reset goes stale when the space changes; rollback undoes a commit', async () => {
    const history = await memoryHistory();
    const s = durable(history);
    s.produce('a', 1);
    const stale = s.prepareCheckpoint();
    s.produce('a', 2);
    assert.throws(
      () => stale.commit(),
      (e) => e instanceof CheckpointError && /prepare it again/.test(e.message),
    );
    const first = s.createCheckpoint().root;
    const staleReset = s.prepareReset(first);
    s.gensym();
    assert.throws(() => staleReset.commit(), CheckpointError);
    s.produce('b', 3);
    const p = s.prepareCheckpoint();
    const { root } = p.commit();
    assert.equal(hex(s.lastRoot), hex(root));
    p.rollback();
    assert.equal(hex(s.lastRoot), hex(first));
    assert.equal(s.log.length, 1);
    // The rolled-back change is still pending: the next checkpoint records it again.
    assert.equal(hex(s.createCheckpoint().root), hex(root));
  });

  test('plain spaces with compiled templates checkpoint; a where() pattern is NotEncodable and changes nothing', async () => {
    const history = await History.create(new MemoryHistoryStore());
    const s = new DurableSpace(createSpace(), { history, codec: valueStateCodec() });
    s.consume(['jobs'], [compile(['job', bind('id', _), _])], 'worker');
    const { root } = s.createCheckpoint();
    const t = new DurableSpace(createSpace(), { history, codec: valueStateCodec() });
    t.reset(root);
    const fired = t.produce('jobs', ['job', 7, 'x']);
    assert.deepEqual(fired[0].matches[0].bindings, { id: 7 });
    // With an event log the consume itself is refused (its pattern cannot be hashed), changing nothing.
    const where1 = compile(where((v) => v === 1, 'one'));
    const before = observe(s);
    assert.throws(() => s.consume(['odd'], [where1], 'k'), { code: 'NotEncodable', message: /where\(one\)/ });
    assert.equal(observe(s), before);
    // Without one, the checkpoint is refused, and the last root stays.
    const quiet = new DurableSpace(createSpace(), { history, codec: valueStateCodec(), eventLog: false });
    quiet.consume(['odd'], [where1], 'k');
    assert.throws(() => quiet.createCheckpoint(), { code: 'NotEncodable', message: /where\(one\)/ });
    assert.equal(hex(quiet.lastRoot), hex(history.commit([])));
    assert.equal(hex(s.lastRoot), hex(root));
  });
});

describe('DurableSpace: VectorDB spaces', () => {
  before(() => initHashing());

  test('documents, waiting similarity queries and result channels survive checkpoint, reset and replay', async () => {
    const history = await memoryHistory();
    const config = { inner: 'vectordb', dimensions: 2, embeddingType: 'float' } as const;
    const make = () => new DurableSpace(createSpace({ config }), { history, codec: valueStateCodec() });
    const results = compile(bind('results'));
    const query = (x: number, y: number, threshold: number) => ({ vector: Float32Array.of(x, y), threshold });
    const s = make();
    const start = s.createCheckpoint().root;
    s.produce('docs', { id: 'a', embedding: [1, 0] });
    s.produce('docs', { id: 'b', embedding: '0.7, 0.7' }, { persist: true });
    const [fired] = s.consume(['docs'], [results], 'found', { similarity: [query(1, 0.1, 0.9)] });
    s.consume(['docs'], [results], 'waits', { similarity: [query(0, 1, 0.99)] });
    const { root, log } = s.createCheckpoint();
    const seen = observe(s);
    assert.equal(s.space.isResultChannel(fired.matches[0].datum), true);

    const t = make();
    t.reset(root);
    assert.equal(observe(t), seen);
    assert.equal(t.space.isResultChannel(fired.matches[0].datum), true);
    // The restored waiting query still fires on a document it accepts, and only on one.
    assert.equal(t.produce('docs', { id: 'c', embedding: [0.5, 0.5] }).length, 0);
    assert.equal(t.produce('docs', { id: 'd', embedding: [0, 1] })[0].continuation, 'waits');

    const r = make();
    r.rigAndReset(start, log);
    r.produce('docs', { id: 'a', embedding: [1, 0] });
    r.produce('docs', { id: 'b', embedding: '0.7, 0.7' }, { persist: true });
    r.consume(['docs'], [results], 'found', { similarity: [query(1, 0.1, 0.9)] });
    assert.throws(
      () => r.consume(['docs'], [results], 'waits', { similarity: [query(0, 1, 0.5)] }),
      (e) => e instanceof ReplayError && e.code === 'ReplayDivergence',
    );
    r.consume(['docs'], [results], 'waits', { similarity: [query(0, 1, 0.99)] });
    r.checkReplayData();
    assert.equal(hex(r.createCheckpoint().root), hex(root));
  });
});

describe('DurableSpace: event log and replay', () => {
  before(() => initHashing());

  async function recorded() {
    const history = await memoryHistory();
    const s = durable(history, { inner: 'queue' });
    s.produce('a', 1);
    const start = s.createCheckpoint().root;
    const script = (x: DurableSpace<typeof s extends DurableSpace<infer T> ? T : never>) => {
      x.consume(['a', 'b'], [null, null], 'join');
      x.produce('b', 2);
      x.produce('c', 3, { persist: true });
      x.consume(['c'], [0], 'reader', { peeks: [0] });
      x.consume(['d'], [null], 'waiter');
      x.withdraw(['d'], 'waiter');
    };
    script(s);
    const { root, log } = s.createCheckpoint();
    return { history, start, script, root, log };
  }

  test('every produce, consume, withdraw and COMM is logged in order', async () => {
    const { log } = await recorded();
    assert.deepEqual(
      log.map((e) => e.kind),
      ['consume', 'produce', 'comm', 'produce', 'consume', 'comm', 'consume', 'withdraw'],
    );
    assert.deepEqual(decodeEventLog(encodeEventLog(log)), log);
  });

  test('replaying the log from its root passes checkReplayData and reaches the same root', async () => {
    const { history, start, script, root, log } = await recorded();
    const r = durable(history, { inner: 'queue' });
    r.rigAndReset(start, log);
    assert.equal(r.isReplay(), true);
    script(r);
    r.checkReplayData();
    assert.equal(r.isReplay(), false);
    assert.equal(hex(r.createCheckpoint().root), hex(root));
  });

  test('a divergent operation is refused with ReplayError naming the event, and undone', async () => {
    const { history, start, log } = await recorded();
    const r = durable(history, { inner: 'queue' });
    r.rigAndReset(start, log);
    r.consume(['a', 'b'], [null, null], 'join');
    const before = observe(r);
    assert.throws(
      () => r.produce('b', 99),
      (e) => e instanceof ReplayError && e.code === 'ReplayDivergence' && e.index === 1 && /event #1/.test(e.message),
    );
    assert.equal(observe(r), before);
    // The right operation still replays after a refused one.
    r.produce('b', 2);
  });

  test('a COMM that differs from the log is a divergence; unused events fail checkReplayData', async () => {
    const { history, start, log } = await recorded();
    const r = durable(history, { inner: 'queue' });
    // Drop the first COMM: the produce that fires it now finds a produce where its COMM should be.
    r.rigAndReset(start, [...log.slice(0, 2), ...log.slice(3)]);
    r.consume(['a', 'b'], [null, null], 'join');
    assert.throws(() => r.produce('b', 2), { code: 'ReplayDivergence', message: /event #2/ });
    const u = durable(history, { inner: 'queue' });
    u.rigAndReset(start, log);
    u.consume(['a', 'b'], [null, null], 'join');
    assert.throws(
      () => u.checkReplayData(),
      (e) => e instanceof ReplayError && e.code === 'UnusedReplayEvents' && e.index === 1,
    );
    assert.equal(u.isReplay(), true);
    assert.throws(() => durable(history).checkReplayData(), { code: 'NotReplaying' });
  });

  test('an operation that throws logs nothing, in recording and in replay', async () => {
    const history = await memoryHistory();
    const s = durable(history, { inner: 'cell' });
    const start = s.createCheckpoint().root;
    s.produce('c', 1);
    assert.throws(() => s.produce('c', 2), { code: 'CellAlreadyFull' });
    const { log } = s.createCheckpoint();
    assert.equal(log.length, 1);
    const r = durable(history, { inner: 'cell' });
    r.rigAndReset(start, log);
    r.produce('c', 1);
    assert.throws(() => r.produce('c', 2), { code: 'CellAlreadyFull' });
    r.checkReplayData();
  });

  test('reverting a soft checkpoint rewinds the log and the replay position', async () => {
    const history = await memoryHistory();
    const s = durable(history);
    s.produce('a', 1);
    s.softCheckpoint();
    s.produce('a', 2);
    s.consume(['a'], [null], 'k');
    s.revertSoftCheckpoint();
    assert.equal(s.log.length, 1);
    s.softCheckpoint();
    s.produce('b', 1);
    s.commitSoftCheckpoint();
    assert.equal(s.log.length, 2);
    const log = s.log;
    const r = durable(history);
    r.rigAndReset(history.commit([], undefined), log);
    r.produce('a', 1);
    r.softCheckpoint();
    r.produce('b', 1);
    r.revertSoftCheckpoint();
    assert.throws(() => r.checkReplayData(), { code: 'UnusedReplayEvents' });
    r.produce('b', 1);
    r.checkReplayData();
  });

  test('a corrupted log does not decode', () => {
    assert.throws(() => decodeEventLog(Uint8Array.of(0x52, 1, 1, 9)), { code: 'CorruptedState', message: /tag 9/ });
    assert.throws(() => decodeEventLog(Uint8Array.of(1)), { code: 'CorruptedState' });
  });

  test('without an event log, operations log nothing but checkpoints work', async () => {
    const s = durable(await memoryHistory(), undefined, { eventLog: false });
    s.produce('a', 1);
    s.consume(['a'], [null], 'k');
    const before = observe(s);
    const { log, root } = s.createCheckpoint();
    assert.equal(log.length, 0);
    s.produce('b', 2);
    s.reset(root);
    assert.equal(observe(s), before);
  });
});
