import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type Operation, OperationLog } from './oplog.js';

const produce = (datum: number): Operation => ({ kind: 'produce', space: 'a', channel: 'ch', datum, persist: false });
const consume: Operation = { kind: 'consume', space: 'a', channels: ['ch'], patterns: ['x'], persist: true, peeks: [] };
const install: Operation = { kind: 'install', space: 'b', channels: ['ch', 'd'], patterns: [1, 2] };

describe('OperationLog', () => {
  test('records in order while not replaying', () => {
    const log = new OperationLog();
    assert.ok(log.record(produce(1)));
    assert.ok(log.record(consume));
    assert.ok(log.record(install));
    assert.deepEqual(log.entries(), [produce(1), consume, install]);
    assert.equal(log.length, 3);
    log.clear();
    assert.equal(log.length, 0);
  });

  test('replay state machine: normal -> replaying -> completed; next returns the log in order', () => {
    const log = new OperationLog();
    assert.deepEqual(log.state, { mode: 'normal' });
    assert.equal(log.next(), undefined);
    assert.throws(() => log.check(), { code: 'ReplayError', message: 'not in replay mode' });
    assert.throws(() => log.exitReplay(), { code: 'ReplayError' });
    log.enterReplay([produce(1), consume]);
    assert.throws(() => log.enterReplay([]), { code: 'ReplayError', message: /already in replay mode/ });
    assert.deepEqual(log.state, { mode: 'replaying', index: 0, total: 2 });
    assert.throws(() => log.check(), { message: /unused logged operations: 2 of 2/ });
    assert.equal(log.record(produce(9)), false);
    assert.equal(log.length, 0);
    assert.deepEqual(log.next(), produce(1));
    assert.deepEqual(log.state, { mode: 'replaying', index: 1, total: 2 });
    assert.deepEqual(log.next(), consume);
    assert.deepEqual(log.state, { mode: 'completed', total: 2 });
    assert.equal(log.next(), undefined);
    log.check();
    log.exitReplay();
    assert.deepEqual(log.state, { mode: 'normal' });
  });

  test('an empty replay is complete at once', () => {
    const log = new OperationLog();
    log.enterReplay([]);
    log.check();
  });

  test('expect checks live operations against the log; a divergence fails the replay', () => {
    const log = new OperationLog();
    log.enterReplay([produce(1), install]);
    log.expect(produce(1));
    assert.throws(() => log.expect(produce(2)), {
      code: 'ReplayError',
      message: /operation 1 is produce in a, the log has install in b/,
    });
    assert.equal(log.state.mode, 'failed');
    assert.throws(() => log.check(), { message: /replay failed/ });
    assert.throws(() => log.expect(install), { message: /already failed/ });
    log.exitReplay();
    log.enterReplay([produce(1)]);
    log.expect(produce(1));
    assert.throws(() => log.expect(produce(1)), { message: /is not in the log of 1/ });
  });

  test('mark / rewind drop operations recorded since the mark', () => {
    const log = new OperationLog();
    log.record(produce(1));
    const mark = log.mark();
    log.record(produce(2));
    log.record(produce(3));
    log.rewind(mark);
    assert.deepEqual(log.entries(), [produce(1)]);
  });
});
