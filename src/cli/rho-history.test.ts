/** `rho history`: the history inspection tool as a subcommand of `rho`. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { valueStateCodec } from '../durable/codec.js';
import { DurableSpace } from '../durable/durable-space.js';
import { initHashing, toHex } from '../history/hash.js';
import { History } from '../history/history.js';
import { LmdbHistoryStore } from '../history/lmdb-store.js';
import type { ValueTypes } from '../plain/adapter.js';
import { createSpace } from '../plain/create.js';
import type { Pattern } from '../spaces/matchers/structural.js';
import { parseRhoArgs } from './rho-args.js';
import { runRhoCli } from './rho-cli.js';

const rho = fileURLToPath(new URL('./rho.js', import.meta.url));
const rspaceHistory = fileURLToPath(new URL('./history.js', import.meta.url));
const run = (entry: string, args: readonly string[]) =>
  spawnSync(process.execPath, [entry, ...args], { encoding: 'utf8' });

describe('rho history', () => {
  let dir = '';
  const roots: string[] = [];

  before(async () => {
    await initHashing();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rho-history-'));
    const store = LmdbHistoryStore.open(dir);
    try {
      const codec = valueStateCodec<Pattern, string>();
      const space = new DurableSpace<ValueTypes<Pattern, string>>(createSpace<string>({ config: { inner: 'queue' } }), {
        history: new History(store),
        codec,
      });
      space.produce('jobs', { id: 1 });
      roots.push(toHex(space.createCheckpoint().root));
      space.produce('jobs', { id: 2 });
      roots.push(toHex(space.createCheckpoint().root));
    } finally {
      await store.close();
    }
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('runs the history tool on the rest of the line: the same output as rspace-history', () => {
    for (const args of [
      ['roots', dir],
      ['show', dir, roots[0]],
      ['verify', dir, '--all'],
      ['roots', dir, '--json'],
    ]) {
      const viaRho = run(rho, ['history', ...args]);
      assert.equal(viaRho.status, 0, viaRho.stderr);
      // verify reports how long it took: the one part that may differ between two runs.
      const untimed = (text: string) => text.replace(/ in [\d.]+ m?s\b/g, ' in …');
      assert.equal(untimed(viaRho.stdout), untimed(run(rspaceHistory, args).stdout), args.join(' '));
    }
    assert.equal(run(rho, ['history', 'roots', dir]).stdout, `${roots[0]}\n${roots[1]} (latest)\n`);
  });

  test('its help and its errors name `rho history`; usage errors exit 2', () => {
    const help = run(rho, ['history', '--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: rho history <command> <lmdb-dir>/);
    const missing = run(rho, ['history', 'roots', path.join(dir, 'no-such-dir')]);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /^rho history: .*no-such-dir/);
    const unknown = run(rho, ['history', 'list', dir]);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /^rho history: .*'list'/);
  });

  test('rho --help lists the history command', () => {
    const help = run(rho, ['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /rho history COMMAND DIR/);
    assert.match(help.stdout, /^ {2}history {5}inspect an LMDB history directory/m);
  });
});

describe('rho history: argument handling', () => {
  test('parseRhoArgs hands everything after `history` to the tool, --help and --version included', () => {
    assert.deepEqual(parseRhoArgs(['history', 'verify', 'd', '--all', '--help']), {
      command: 'history',
      argv: ['verify', 'd', '--all', '--help'],
    });
    assert.deepEqual(parseRhoArgs(['history']), { command: 'history', argv: [] });
    // Only as the command: a file named `history` is still a file.
    assert.deepEqual(parseRhoArgs(['check', 'history']), { command: 'check', file: 'history' });
  });

  test('runRhoCli, which is synchronous, refuses it with a hint (exit 2)', () => {
    let stderr = '';
    const code = runRhoCli(['history', 'roots', 'd'], {
      stdout: { write: () => {} },
      stderr: { write: (s: string) => (stderr += s) },
    });
    assert.equal(code, 2);
    assert.match(stderr, /^error: history runs asynchronously: start it as `rho history`/);
  });
});
