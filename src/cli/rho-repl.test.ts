import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseRhoArgs } from './rho-args.js';
import { runRepl } from './rho-repl.js';

async function* feed(lines: readonly string[]): AsyncGenerator<string> {
  for (const l of lines) yield l;
}

async function session(lines: readonly string[], prompts = false) {
  let stdout = '';
  let stderr = '';
  const code = await runRepl(
    feed(lines),
    { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } },
    { seed: 0n, phloLimit: undefined, trace: false, prompts },
  );
  return { code, stdout, stderr };
}

describe('rho repl', () => {
  test('inputs share one session: a receive typed first meets a send typed later', async () => {
    const r = await session(['new out(`rho:io:stdout`) in { for (@x <- @"box") { out!(x * 2) } }', '@"box"!(21)']);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, '42\n');
    assert.equal(r.stderr, '');
  });

  test(':pending lists what is left in the session, and is empty once the send arrives', async () => {
    const r = await session(['for (@x <- @"box") { Nil }', ':pending', '@"box"!(1)', ':p']);
    assert.equal(r.code, 0);
    assert.equal(
      r.stdout,
      'pending in the default space:\n  for (… <- @"box")\npending: nothing (every send met its receive)\n',
    );
    assert.equal(r.stderr, '');
  });

  test('an unfinished input continues on the next lines; an empty line abandons one', async () => {
    const r = await session([
      'new out(`rho:io:stdout`) in {',
      '  out!("multi" ++',
      '    "line")',
      '}',
      'new out(`rho:io:stdout`) in {',
      '',
      'new out(`rho:io:stdout`) in { out!("after") }',
    ]);
    assert.equal(r.stdout, '"multiline"\n"after"\n');
    assert.equal(r.stderr, '');
  });

  test('syntax, scope and evaluation errors are reported and the session goes on', async () => {
    const r = await session(['@"x"!(1 +)', 'x!(1)', 'new out(`rho:io:stdout`) in { out!(1 / 0) | out!("still") }']);
    assert.equal(r.stdout, '"still"\n');
    assert.match(r.stderr, /error\[UnexpectedToken\]/);
    assert.match(r.stderr, /error\[UnboundVariable\]/);
    assert.match(r.stderr, /error: \/: cannot divide 1 by zero/);
  });

  test('prompts on a terminal; :help, unknown commands and :quit', async () => {
    const r = await session([':help', ':nope', ':quit', '@"never"!(1)'], true);
    assert.match(r.stdout, /^Rholang session/);
    assert.match(r.stdout, /rho> /);
    assert.match(r.stdout, /:quit +leave/);
    assert.match(r.stdout, /:pending +what is left in the spaces/);
    assert.match(r.stderr, /unknown command ':nope'/);
  });

  test('the command line: repl takes --seed, --phlo-limit and --trace, but no file and no --stats', () => {
    assert.deepEqual(parseRhoArgs(['repl', '--seed', '7', '--trace']), {
      command: 'repl',
      seed: 7n,
      phloLimit: undefined,
      trace: true,
    });
    assert.throws(() => parseRhoArgs(['repl', 'file.rho']), /unexpected argument 'file.rho'/);
    assert.throws(() => parseRhoArgs(['repl', '--stats']), /does not take --stats/);
  });

  test('the rho executable runs a session over piped input', () => {
    const entry = fileURLToPath(new URL('./rho.js', import.meta.url));
    const r = spawnSync(process.execPath, [entry, 'repl'], {
      input: 'new out(`rho:io:stdout`) in {\n out!("piped")\n}\n',
      encoding: 'utf8',
      timeout: 30_000,
    });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '"piped"\n');
  });
});
