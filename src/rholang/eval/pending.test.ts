import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { pendingLines } from './pending.js';
import { RhoRuntime } from './runtime.js';

/** Runs `source` in a fresh session and returns what is left in its spaces. */
function pendingAfter(source: string) {
  const runtime = new RhoRuntime();
  const result = runtime.evaluate(source);
  assert.deepEqual(result.errors, []);
  return runtime.pending();
}

describe('RhoRuntime.pending', () => {
  test('sends no receive took, plain and persistent, with their arguments as stdout prints them', () => {
    assert.deepEqual(pendingAfter('@"log"!("a", 1) | @"log"!!([2], Nil) | @"other"!()'), [
      { space: 'the default space', sends: ['@"log"!("a", 1)', '@"log"!!([2], Nil)', '@"other"!()'], receives: [] },
    ]);
  });

  test('waiting receives: plain, persistent (contracts), peeks and joins, each join once', () => {
    const [p] = pendingAfter(`
      for (@x <- @"ready") { Nil } |
      contract @"svc"(@y) = { Nil } |
      for (@a <- @"p" & @b <<- @"q") { Nil } |
      for (@c <<- @"peeked") { Nil }
    `);
    assert.deepEqual(p.sends, []);
    assert.deepEqual([...p.receives].sort(), [
      'for (… <- @"p" & … <<- @"q")',
      'for (… <- @"ready")',
      'for (… <<- @"peeked")',
      'for (… <= @"svc")',
    ]);
  });

  test('a program whose every send met its receive leaves nothing; system processes are not listed', () => {
    assert.deepEqual(
      pendingAfter('new out(`rho:io:stdout`) in { out!("hi") | @"x"!(1) | for (_ <- @"x") { Nil } }'),
      [],
    );
    assert.deepEqual(pendingLines([]), ['pending: nothing (every send met its receive)']);
  });

  test('unforgeable channels print bare; a space made by a factory is listed after the default one, by URN and name', () => {
    const pending = pendingAfter(`
      new x, F(\`rho:space:queue:hashmap:default\`), r in {
        x!(1) |
        F!(*r) | for (sp <- r) { use sp { @"job"!("build") | @"job"!("test") } }
      }`);
    assert.equal(pending.length, 2);
    assert.equal(pending[0].space, 'the default space');
    assert.match(pending[0].sends[0], /^Unforgeable\(0x[0-9a-f]{64}\)!\(1\)$/);
    assert.match(pending[1].space, /^rho:space:QueueSpace Unforgeable\(0x[0-9a-f]+\)$/); // the canonical URN
    assert.deepEqual(pending[1].sends, ['@"job"!("build")', '@"job"!("test")']);
    assert.deepEqual(pendingLines(pending).slice(2), [
      `pending in ${pending[1].space}:`,
      '  @"job"!("build")',
      '  @"job"!("test")',
    ]);
  });

  test('carries over a session: a receive typed first is pending until its send arrives', () => {
    const runtime = new RhoRuntime();
    runtime.evaluate('for (@x <- @"later") { Nil }');
    assert.deepEqual(runtime.pending()[0].receives, ['for (… <- @"later")']);
    runtime.evaluate('@"later"!(1)');
    assert.deepEqual(runtime.pending(), []);
  });
});
