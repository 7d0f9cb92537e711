import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { Value } from '../data/value.js';
import { compile } from '../spaces/matchers/structural.js';
import { _, bind, is, TemplateError } from '../spaces/matchers/template.js';
import { TakeTimeoutError } from './errors.js';
import { type Received, TupleSpace } from './tuple-space.js';

const data = (ts: TupleSpace, channel: Value): Value[] => ts.space.getData(channel).map((d) => d.datum);
const waiting = (ts: TupleSpace, ...channels: Value[]): number => ts.space.getWaiting(channels).length;
const values = (received: readonly Received[]): Value[] => received.map((r) => r.value);
/** Resolves once every queued microtask (promise reaction) has run. */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('take and read', () => {
  test('take after write gets the datum and removes it, with its bindings', async () => {
    const ts = new TupleSpace();
    ts.write('jobs', ['job', 7, 'build']);
    const r = await ts.take('jobs', ['job', bind('id'), is.string]);
    assert.deepEqual(r.value, ['job', 7, 'build']);
    assert.equal(r.channel, 'jobs');
    assert.deepEqual({ ...r.bindings }, { id: 7 });
    assert.equal('suffix' in r, false);
    assert.deepEqual(data(ts, 'jobs'), []);
  });

  test('take before write waits, then resolves when a matching datum arrives', async () => {
    const ts = new TupleSpace();
    const pending = ts.take('jobs', ['job', bind('id')]);
    assert.equal(waiting(ts, 'jobs'), 1);
    ts.write('jobs', 'not a job');
    ts.write('jobs', ['job', 3]);
    assert.deepEqual({ ...(await pending).bindings }, { id: 3 });
    assert.deepEqual(data(ts, 'jobs'), ['not a job']);
    assert.equal(waiting(ts, 'jobs'), 0);
  });

  test('read does not consume, before or after the write', async () => {
    const ts = new TupleSpace();
    const early = ts.read('cfg', { mode: bind('mode') });
    ts.write('cfg', { mode: 'fast' });
    const late = await ts.read('cfg', _);
    assert.deepEqual({ ...(await early).bindings }, { mode: 'fast' });
    assert.deepEqual(late.value, { mode: 'fast' });
    assert.deepEqual(data(ts, 'cfg'), [{ mode: 'fast' }]);
  });

  test('an already compiled pattern is accepted', async () => {
    const ts = new TupleSpace();
    ts.write('n', 5);
    assert.equal((await ts.take('n', compile(is.number))).value, 5);
  });

  test('PathMap prefix receives report the suffix', async () => {
    const ts = new TupleSpace({ config: { outer: 'pathmap' } });
    ts.write(['jobs', 'build'], 1);
    const r = await ts.take(['jobs'], _);
    assert.deepEqual(r.channel, ['jobs', 'build']);
    assert.equal(r.suffix, 'build');
  });

  test('an invalid template rejects with TemplateError and leaves the space unchanged', async () => {
    const ts = new TupleSpace();
    ts.write('a', 1);
    await assert.rejects(ts.take('a', [_, undefined as unknown as Value]), TemplateError);
    await assert.rejects(
      ts.takeAll([
        ['a', _],
        ['b', new Date() as unknown as Value],
      ]),
      TemplateError,
    );
    assert.throws(() => ts.on('a', new Set([_]) as unknown as Value, () => {}), TemplateError);
    // A forgotten template: the handler in second position selects the parts form, which refuses a channel.
    assert.throws(() => ts.on('a' as never, () => {}), /on\(parts, handler\)/);
    assert.deepEqual(data(ts, 'a'), [1]);
    assert.deepEqual(ts.space.channels(), ['a']);
  });

  test('an invalid timeout rejects with RangeError before anything changes', async () => {
    const ts = new TupleSpace();
    for (const timeoutMs of [-1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 31]) {
      await assert.rejects(ts.take('a', _, { timeoutMs }), RangeError);
    }
    assert.deepEqual(ts.space.channels(), []);
  });
});

describe('takeAll', () => {
  test('takes nothing until every part matches, then resolves in the caller order', async () => {
    const ts = new TupleSpace();
    const join = ts.takeAll([
      ['jobs', ['job', bind('id')]],
      ['ready', bind('worker')],
    ]);
    ts.write('jobs', ['job', 1]);
    assert.deepEqual(data(ts, 'jobs'), [['job', 1]]);
    ts.write('ready', 'w1');
    const [job, worker] = await join;
    assert.deepEqual(job, { value: ['job', 1], channel: 'jobs', bindings: { id: 1 } });
    assert.deepEqual(worker, { value: 'w1', channel: 'ready', bindings: { worker: 'w1' } });
    assert.deepEqual(data(ts, 'jobs'), []);
    assert.deepEqual(data(ts, 'ready'), []);
  });

  test('readAll leaves every datum in place', async () => {
    const ts = new TupleSpace();
    ts.write('a', 1);
    ts.write('b', 2);
    assert.deepEqual(
      values(
        await ts.readAll([
          ['b', _],
          ['a', _],
        ]),
      ),
      [2, 1],
    );
    assert.deepEqual([data(ts, 'a'), data(ts, 'b')], [[1], [2]]);
  });
});

describe('on', () => {
  test('a persistent on fires for every write until unsubscribed', () => {
    const ts = new TupleSpace();
    const seen: Value[] = [];
    ts.write('log', 'before');
    const off = ts.on('log', bind('line'), ([r]) => seen.push(r.bindings.line));
    ts.write('log', 'one');
    ts.write('log', 'two');
    assert.deepEqual(seen, ['before', 'one', 'two']);
    off();
    off(); // idempotent
    ts.write('log', 'after');
    assert.deepEqual(seen, ['before', 'one', 'two']);
    assert.deepEqual(data(ts, 'log'), ['after']);
    assert.equal(waiting(ts, 'log'), 0);
  });

  test('a non-persistent on fires once; unsubscribing before it fires withdraws it', () => {
    const ts = new TupleSpace();
    const seen: Value[] = [];
    ts.on('a', _, ([r]) => seen.push(r.value), { persist: false });
    ts.write('a', 1);
    ts.write('a', 2);
    assert.deepEqual(seen, [1]);
    assert.deepEqual(data(ts, 'a'), [2]);
    const off = ts.on('b', _, () => assert.fail('withdrawn'), { persist: false });
    off();
    ts.write('b', 3);
    assert.deepEqual(data(ts, 'b'), [3]);
  });

  test('a join on parts fires with one Received per part, in order', () => {
    const ts = new TupleSpace();
    const pairs: Value[][] = [];
    const off = ts.on(
      [
        ['ready', bind('w')],
        ['jobs', bind('j')],
      ],
      (rs) => pairs.push(values(rs)),
    );
    ts.write('jobs', 'j1');
    ts.write('jobs', 'j2');
    ts.write('ready', 'w1');
    ts.write('ready', 'w2');
    ts.write('ready', 'w3');
    assert.equal(pairs.length, 2);
    assert.deepEqual(pairs.map((p) => p[0]).sort(), ['w1', 'w2']);
    off();
    assert.equal(waiting(ts, 'ready', 'jobs'), 0);
    assert.deepEqual(data(ts, 'ready'), ['w3']);
  });

  test('peek reads without consuming', () => {
    const ts = new TupleSpace();
    let count = 0;
    ts.on('cfg', _, () => count++, { peek: true, persist: false });
    ts.write('cfg', 1);
    assert.equal(count, 1);
    assert.deepEqual(data(ts, 'cfg'), [1]);
  });

  test('a throwing handler goes to onHandlerError and the other firings are still delivered', () => {
    const errors: unknown[] = [];
    const ts = new TupleSpace({ onHandlerError: (e) => errors.push(e) });
    const seen: Value[] = [];
    ts.on('a', _, () => {
      throw new Error('boom');
    });
    ts.on('a', _, ([r]) => seen.push(r.value), { peek: true });
    ts.write('a', 1, { persist: true });
    assert.deepEqual(seen, [1]);
    assert.deepEqual(
      errors.map((e) => (e as Error).message),
      ['boom'],
    );
  });
});

describe('dispatch', () => {
  test('firings caused from inside handlers are delivered after the current batch, in order', () => {
    const ts = new TupleSpace();
    const log: string[] = [];
    ts.on('a', _, ([r]) => {
      log.push(`a:${r.value}`);
      ts.write('b', `${r.value}.1`);
      ts.write('b', `${r.value}.2`);
      log.push(`a:${r.value} done`);
    });
    ts.on('b', _, ([r]) => log.push(`b:${r.value}`));
    // A persistent datum fires both persistent receivers of `a` in one engine call.
    ts.on('a', _, ([r]) => log.push(`a2:${r.value}`), { peek: true });
    ts.write('a', 'x', { persist: true });
    assert.deepEqual(log, ['a:x', 'a:x done', 'a2:x', 'b:x.1', 'b:x.2']);
  });

  test('a 10,000-round-trip ping-pong through handlers never nests handler calls', () => {
    const ts = new TupleSpace();
    const rounds = 10_000;
    let depth = 0;
    let maxDepth = 0;
    let pongs = 0;
    const enter = (): void => {
      depth++;
      maxDepth = Math.max(maxDepth, depth);
    };
    ts.on('ping', bind('n'), ([r]) => {
      enter();
      ts.write('pong', r.bindings.n);
      depth--;
    });
    ts.on('pong', bind('n'), ([r]) => {
      enter();
      pongs++;
      const n = r.bindings.n as number;
      if (n < rounds) ts.write('ping', n + 1);
      depth--;
    });
    ts.write('ping', 1);
    assert.equal(pongs, rounds);
    assert.equal(maxDepth, 1);
  });

  test('a receive the engine fired wins over a cancel that comes before its delivery', async () => {
    const ts = new TupleSpace();
    const controller = new AbortController();
    const pending = ts.take('y', _, { signal: controller.signal });
    ts.on('x', _, () => {
      ts.write('y', 'kept'); // fires the take; its delivery is queued behind this handler
      controller.abort();
    });
    ts.write('x', 1);
    assert.equal((await pending).value, 'kept');
    assert.deepEqual(data(ts, 'y'), []);
  });
});

describe('cancellation', () => {
  test('an already-aborted signal rejects with its reason without touching the space', async () => {
    const ts = new TupleSpace();
    const reason = new Error('stop');
    await assert.rejects(ts.take('a', _, { signal: AbortSignal.abort(reason) }), (e) => e === reason);
    assert.deepEqual(ts.space.channels(), []);
  });

  test('aborting a waiting take withdraws it: a later write stays in the space', async () => {
    const ts = new TupleSpace();
    const controller = new AbortController();
    const pending = ts.take('a', _, { signal: controller.signal });
    assert.equal(waiting(ts, 'a'), 1);
    controller.abort();
    await assert.rejects(pending, { name: 'AbortError' });
    assert.equal(waiting(ts, 'a'), 0);
    ts.write('a', 1);
    assert.deepEqual(data(ts, 'a'), [1]);
  });

  test('a timeout rejects with TakeTimeoutError and withdraws the wait', async () => {
    const ts = new TupleSpace();
    const error = await ts
      .takeAll(
        [
          ['a', _],
          ['b', 2],
        ],
        { timeoutMs: 5 },
      )
      .catch((e: unknown) => e);
    assert.ok(error instanceof TakeTimeoutError);
    assert.equal(error.code, 'TakeTimeout');
    assert.equal(error.message, 'takeAll on "a", "b" timed out after 5 ms');
    assert.deepEqual(error.channels, ['a', 'b']);
    assert.equal(waiting(ts, 'a', 'b'), 0);
    ts.write('a', 1);
    ts.write('b', 2);
    assert.deepEqual([data(ts, 'a'), data(ts, 'b')], [[1], [2]]);
  });

  test('a take that completes in time clears its timer', async () => {
    const ts = new TupleSpace();
    const pending = ts.take('a', _, { timeoutMs: 60_000 });
    ts.write('a', 1);
    assert.equal((await pending).value, 1); // the test runner would hang on a live 60 s timer
  });

  test('withdrawing the head of a queue of waiting takes lets the next one fire', async () => {
    const ts = new TupleSpace({ config: { inner: 'queue' } });
    const controller = new AbortController();
    const head = ts.take('q', 'a', { signal: controller.signal });
    const next = ts.take('q', _);
    ts.write('q', 'b'); // only the head waiting take is eligible, and it wants 'a'
    assert.deepEqual(data(ts, 'q'), ['b']);
    controller.abort();
    await assert.rejects(head, { name: 'AbortError' });
    assert.equal((await next).value, 'b');
  });
});

describe('subscribe', () => {
  test('iterates every firing, buffering until pulled; return() withdraws it', async () => {
    const ts = new TupleSpace();
    const sub = ts.subscribe('events', { n: bind('n') });
    ts.write('events', { n: 1 });
    ts.write('events', { n: 2 });
    const got: Value[] = [];
    const later = (async () => {
      for await (const r of sub) {
        got.push(r.bindings.n);
        if (got.length === 3) break;
      }
    })();
    await settle();
    ts.write('events', { n: 3 });
    await later;
    assert.deepEqual(got, [1, 2, 3]);
    assert.equal(waiting(ts, 'events'), 0);
    ts.write('events', { n: 4 });
    assert.deepEqual(data(ts, 'events'), [{ n: 4 }]);
    assert.deepEqual(await sub.next(), { value: undefined, done: true });
  });

  test('values buffered but never pulled go back to the space when the subscription closes', async () => {
    const ts = new TupleSpace({ config: { inner: 'queue' } });
    const sub = ts.subscribe('events', _);
    ts.write('events', 'a');
    ts.write('events', 'b');
    ts.write('events', 'c');
    assert.deepEqual((await sub.next()).value?.value, 'a');
    await sub.return?.();
    assert.deepEqual(data(ts, 'events'), ['b', 'c']);
  });

  test('aborting rejects the pending pull and withdraws the receive', async () => {
    const ts = new TupleSpace();
    const controller = new AbortController();
    const sub = ts.subscribe('events', _, { signal: controller.signal });
    const pull = sub.next();
    controller.abort();
    await assert.rejects(pull, { name: 'AbortError' });
    assert.equal(waiting(ts, 'events'), 0);
    assert.deepEqual(await sub.next(), { value: undefined, done: true });
  });

  test('an already-aborted signal never touches the space', async () => {
    const ts = new TupleSpace();
    const reason = new Error('no');
    const sub = ts.subscribe('events', _, { signal: AbortSignal.abort(reason) });
    await assert.rejects(sub.next(), (e) => e === reason);
    assert.deepEqual(ts.space.channels(), []);
  });
});

describe('collections through the facade', () => {
  test('a priority queue serves the highest level first, FIFO within a level', async () => {
    const ts = new TupleSpace({ config: { inner: 'priorityqueue', levels: 3 } });
    ts.write('tasks', 'low-1', { priority: 2 });
    ts.write('tasks', 'high-1', { priority: 0 });
    ts.write('tasks', 'mid-1', { priority: 1 });
    ts.write('tasks', 'high-2', { priority: 0 });
    ts.write('tasks', 'default'); // the lowest level
    const order: Value[] = [];
    for (let i = 0; i < 5; i++) order.push((await ts.take('tasks', _)).value);
    assert.deepEqual(order, ['high-1', 'high-2', 'mid-1', 'low-1', 'default']);
  });

  test('a bad priority is thrown by write and changes nothing', () => {
    const ts = new TupleSpace({ config: { inner: 'priorityqueue' } });
    assert.throws(() => ts.write('t', 1, { priority: -1 }), { code: 'InvalidPriority' });
    assert.deepEqual(data(ts, 't'), []);
  });

  test('property: on a queue space every written value is taken exactly once, in FIFO order', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.boolean(), { maxLength: 60 }), async (ops) => {
        const ts = new TupleSpace({ config: { inner: 'queue' } });
        const takes: Promise<Received>[] = [];
        let written = 0;
        for (const isWrite of ops) {
          if (isWrite) ts.write('q', written++);
          else takes.push(ts.take('q', is.integer));
        }
        // Feed the takes still waiting, so that every take resolves.
        while (written < takes.length) ts.write('q', written++);
        const taken = values(await Promise.all(takes));
        assert.deepEqual(
          taken,
          Array.from({ length: takes.length }, (_x, i) => i),
        );
        assert.deepEqual(
          data(ts, 'q'),
          Array.from({ length: written - takes.length }, (_x, i) => takes.length + i),
        );
        assert.equal(waiting(ts, 'q'), 0);
      }),
    );
  });
});
