import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { open } from 'lmdb';
import type { Value } from '../data/value.js';
import { type Codec, patternCodec, type StateCodec, valueStateCodec } from '../durable/codec.js';
import { DurableSpace } from '../durable/durable-space.js';
import { encodeMeta } from '../durable/leaves.js';
import { blake2b256, initHashing, toHex } from '../history/hash.js';
import { History } from '../history/history.js';
import { LmdbHistoryStore } from '../history/lmdb-store.js';
import type { ValueTypes } from '../plain/adapter.js';
import { createSpace } from '../plain/create.js';
import { compile, type Pattern } from '../spaces/matchers/structural.js';
import { bind } from '../spaces/matchers/template.js';
import { runHistoryCli } from './history-cli.js';

type Types = ValueTypes<Pattern, string>;

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rspaces-cli-'));
  dirs.push(dir);
  return dir;
}

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function cli(argv: string[], options: { isTTY?: boolean; now?: () => number } = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runHistoryCli(argv, {
    stdout: {
      write: (s: string) => {
        stdout += s;
      },
    },
    stderr: {
      write: (s: string) => {
        stderr += s;
      },
    },
    isTTY: options.isTTY ?? false,
    now: options.now,
  });
  return { code, stdout, stderr };
}

/** Three checkpoints of a plain-data queue space: data, then a join waiting, then the join fired. */
async function writeHistory(dir: string): Promise<string[]> {
  const store = LmdbHistoryStore.open(dir);
  try {
    const history = new History(store);
    const codec = valueStateCodec<Pattern, string>();
    const space = new DurableSpace<Types>(createSpace<string>({ config: { inner: 'queue' } }), { history, codec });
    space.produce('jobs', { id: 1, kind: 'build' });
    space.produce('jobs', { id: 2, kind: 'test' });
    space.produce('log', 'started', { persist: true });
    const r1 = space.createCheckpoint().root;
    space.consume(['ready', 'jobs'], [compile(bind('worker')), compile(bind('job'))], 'dispatch');
    const r2 = space.createCheckpoint().root;
    space.produce('ready', 'worker-1');
    space.produce('results', 42);
    const r3 = space.createCheckpoint().root;
    return [r1, r2, r3].map(toHex);
  } finally {
    await store.close();
  }
}

/** A space whose codec writes channels and data as JSON text: its leaves are not plain-value leaves. */
async function writeCustomCodecHistory(dir: string): Promise<void> {
  const json = <X>(): Codec<X> => ({
    encode: (x) => new TextEncoder().encode(JSON.stringify(x)),
    decode: (b) => JSON.parse(new TextDecoder().decode(b)) as X,
  });
  const codec: StateCodec<Types> = {
    channel: json<Value>(),
    datum: json<Value>(),
    pattern: patternCodec,
    continuation: json(),
  };
  const store = LmdbHistoryStore.open(dir);
  try {
    const space = new DurableSpace<Types>(createSpace<string>(), { history: new History(store), codec });
    space.produce('inbox', 'hello');
    space.produce('inbox', 'world');
    space.createCheckpoint();
  } finally {
    await store.close();
  }
}

const sha256 = (file: string): string => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('rspace-history', () => {
  let dir = '';
  let roots: string[] = [];

  before(async () => {
    await initHashing();
    dir = tempDir();
    roots = await writeHistory(dir);
  });
  after(() => {
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  test('roots lists every root oldest first, the latest marked; --json too', async () => {
    const text = await cli(['roots', dir]);
    assert.equal(text.code, 0);
    assert.equal(text.stderr, '');
    assert.equal(text.stdout, `${roots[0]}\n${roots[1]}\n${roots[2]} (latest)\n`);
    const json = await cli(['roots', dir, '--json']);
    assert.equal(json.code, 0);
    assert.deepEqual(JSON.parse(json.stdout), {
      dir,
      roots: roots.map((root, i) => ({ index: i + 1, root, latest: i === 2 })),
    });
  });

  test('show prints the meta leaf, the counts and a sample of the latest root', async () => {
    const { code, stdout, stderr } = await cli(['show', dir]);
    assert.equal(code, 0, stderr);
    assert.match(stdout, new RegExp(`^root +${roots[2]} \\(latest, 3 of 3\\)$`, 'm'));
    assert.match(stdout, /^config +hashmap\/queue\//m);
    assert.match(stdout, /^identity +\(none\)$/m);
    assert.match(stdout, /^channels +3 with 3 data$/m); // jobs (1 left), log, results
    assert.match(stdout, /^joins +0 with 0 waiting continuations$/m);
    assert.match(stdout, /^ {4}\{"id": 2, "kind": "test"\}$/m);
    assert.match(stdout, /^ {4}"started" \[persistent\]$/m);
    assert.match(stdout, /^ {2}"results": 1 datum; leaf \d+ B [0-9a-f]{16}$/m);
  });

  test('show of an older root counts its join and waiting continuation; --json agrees', async () => {
    const text = await cli(['show', dir, roots[1]]);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /\(2 of 3\)/);
    assert.match(text.stdout, /^channels +3 with 3 data$/m); // jobs ×2, log, and ready (no data, in a join)
    assert.match(text.stdout, /^joins +1 with 1 waiting continuation$/m);
    assert.match(text.stdout, /"ready": 0 data, in 1 join/);
    const json = JSON.parse((await cli(['show', dir, roots[1], '--json'])).stdout);
    assert.equal(json.root, roots[1]);
    assert.equal(json.latest, false);
    assert.deepEqual(
      [json.channels, json.data, json.joins, json.waiting, json.other, json.leaves],
      [3, 3, 1, 1, 0, 5], // 3 channels + 1 join + the meta leaf
    );
    assert.equal(json.meta.config.split('/')[1], 'queue');
    const jobs = json.sample.find((s: { channel: string }) => s.channel === '"jobs"');
    assert.deepEqual(
      jobs.data.map((d: { value: string }) => d.value),
      ['{"id": 1, "kind": "build"}', '{"id": 2, "kind": "test"}'],
    );
  });

  test('show --sample limits the channels and the data printed per channel', async () => {
    // Key order is fixed by the hashes: "jobs" (2 data) comes first in the first root.
    const text = await cli(['show', dir, roots[0], '--sample', '1']);
    assert.match(
      text.stdout,
      /^sample +first 1 of 2 channels, in key order:\n {2}"jobs": 2 data; .*\n {4}\{"id": 1, "kind": "build"\}\n {4}… 1 more\n$/m,
    );
    const json = JSON.parse((await cli(['show', dir, roots[0], '--sample', '1', '--json'])).stdout);
    assert.equal(json.sample.length, 1);
    assert.deepEqual([json.sample[0].dataCount, json.sample[0].data.length], [2, 1]);
    const none = await cli(['show', dir, '--sample', '0']);
    assert.equal(none.code, 0);
    assert.doesNotMatch(none.stdout, /^sample/m);
  });

  test('show falls back to sizes and hashes for a space with its own codec', async () => {
    const custom = tempDir();
    await writeCustomCodecHistory(custom);
    const { code, stdout, stderr } = await cli(['show', custom]);
    assert.equal(code, 0, stderr);
    assert.match(stdout, /^channels +1 with 2 data$/m);
    assert.match(stdout, /channel [0-9a-f]{16} \(not a plain value, 7 B\): 2 data; leaf \d+ B [0-9a-f]{16}/);
    assert.match(stdout, /^ {4}\(7 B, hash [0-9a-f]{16}\)$/m);
    const json = JSON.parse((await cli(['show', custom, '--json'])).stdout);
    assert.equal(json.sample[0].channel, null);
    assert.equal(json.sample[0].data[0].hash, toHex(blake2b256(new TextEncoder().encode('"hello"'))));
  });

  test('show and verify handle leaves that are not in the checkpoint leaf format', async () => {
    const raw = tempDir();
    const store = LmdbHistoryStore.open(raw);
    const enc = new TextEncoder();
    // Opaque bytes, and a well-formed meta leaf under a key that is not the meta leaf's.
    const misplaced = encodeMeta({ config: 'x', identity: new Uint8Array(0), counters: [] });
    new History(store).commit([
      [blake2b256(enc.encode('k')), enc.encode('opaque bytes')],
      [blake2b256(enc.encode('m')), misplaced],
    ]);
    await store.close();
    const show = await cli(['show', raw]);
    assert.equal(show.code, 0, show.stderr);
    assert.match(show.stdout, /no meta leaf/);
    assert.match(show.stdout, /^other +2 leaves not in the checkpoint leaf format$/m);
    assert.match(show.stdout, /parses as a meta leaf but is not stored under that leaf's key/);
    assert.equal((await cli(['verify', raw])).code, 0);
  });

  test('verify re-hashes the latest root: one summary line, no progress bar off a terminal', async () => {
    const { code, stdout, stderr } = await cli(['verify', dir]);
    assert.equal(code, 0);
    assert.equal(stderr, '');
    assert.match(stdout, new RegExp(`^ok ${roots[2]}: \\d+ nodes?, 4 leaves, \\d+ B re-hashed in [\\d.]+ m?s\\n$`));
  });

  test('verify draws the progress bar on a terminal, then clears it', async () => {
    const { code, stderr } = await cli(['verify', dir, roots[0]], { isTTY: true });
    assert.equal(code, 0);
    assert.match(stderr, /^\r\[#{20}\] 100% 3 leaves \d+ B/);
    assert.match(stderr, /\r {10,}\r$/);
  });

  test('the progress bar is throttled to one redraw per 100 ms', async () => {
    const big = tempDir();
    const store = LmdbHistoryStore.open(big, { durability: 'deferred' });
    const history = new History(store);
    const leaves = Array.from({ length: 10_240 }, (_, i) => {
      const bytes = Uint8Array.of(i >> 8, i & 0xff);
      return [blake2b256(bytes), bytes] as const;
    });
    history.commit(leaves);
    await store.close();
    // verify reports every 1,024 leaves: 10 reports, then the final one. A clock 40 ms apart per
    // redraw decision lets one in three through (at 40, 160, 280 and 400 ms: 4 of 11).
    let t = 0;
    const now = () => (t += 40);
    const { code, stderr } = await cli(['verify', big], { isTTY: true, now });
    assert.equal(code, 0);
    const draws = stderr.split('\r').filter((s) => s.startsWith('['));
    assert.equal(draws.length, 4);
    assert.match(draws[1], /^\[#*-+\] +\d+% [\d,]+ leaves [\d.]+ kB/);
  });

  test('verify --all verifies every root', async () => {
    const { code, stdout } = await cli(['verify', dir, '--all']);
    assert.equal(code, 0);
    const lines = stdout.trimEnd().split('\n');
    assert.deepEqual(
      lines.slice(0, 3).map((l) => l.split(':')[0]),
      roots.map((r) => `ok ${r}`),
    );
    assert.equal(lines[3], '3 roots verified: 3 ok, 0 damaged');
    const json = JSON.parse((await cli(['verify', dir, '--all', '--json'])).stdout);
    assert.equal(json.ok, true);
    assert.equal(json.roots.length, 3);
  });

  test('verify exits 1 naming CorruptedNode when a leaf has been overwritten', async () => {
    const damaged = tempDir();
    const [, , latest] = await writeHistory(damaged);
    const env = open<Uint8Array, Uint8Array>({
      path: damaged,
      maxDbs: 8,
      overlappingSync: false,
      encoding: 'binary',
      keyEncoding: 'binary',
    });
    const leavesDb = env.openDB({ name: 'leaves', encoding: 'binary', keyEncoding: 'binary' });
    // Flip a byte in the leaf holding 42 (the "results" channel, only in the latest root).
    const found = [...leavesDb.getRange({})].filter(({ value }) => new TextDecoder().decode(value).includes('results'));
    assert.equal(found.length, 1);
    const target = { key: new Uint8Array(found[0].key), value: new Uint8Array(found[0].value) };
    target.value[target.value.length - 2] ^= 0xff;
    env.transactionSync(() => leavesDb.putSync(target.key, target.value));
    await env.close();

    const { code, stdout, stderr } = await cli(['verify', damaged]);
    assert.equal(code, 1);
    assert.match(stdout, new RegExp(`^DAMAGED ${latest}: CorruptedNode$`, 'm'));
    assert.match(stderr, new RegExp(`root ${latest}: CorruptedNode: Corrupted leaf ${toHex(target.key)}`));
    assert.doesNotMatch(stderr, /\n\s+at /);

    const all = await cli(['verify', damaged, '--all']);
    assert.equal(all.code, 1);
    assert.match(all.stdout, /3 roots verified: 2 ok, 1 damaged/);
  });

  test('diff lists the channels and joins whose leaves differ, with counts', async () => {
    const { code, stdout } = await cli(['diff', dir, roots[0], roots[1]]);
    assert.equal(code, 0);
    assert.match(stdout, /^\+ channel "ready" {2}0 data$/m);
    assert.match(stdout, /^~ channel "jobs" {2}2 data$/m);
    assert.match(stdout, /^\+ join \("jobs", "ready"\) {2}1 waiting$/m);
    assert.match(stdout, /^3 leaves differ: 2 channels \(1 added, 1 changed\); 1 join \(1 added\)$/m);
    const first = JSON.parse((await cli(['diff', dir, roots[0], roots[1], '--json'])).stdout);
    const jobs = first.entries.find((e: { label: string }) => e.label === 'channel "jobs"');
    assert.deepEqual([jobs.change, jobs.before, jobs.after], ['changed', { data: 2, joins: 0 }, { data: 2, joins: 1 }]);

    const later = await cli(['diff', dir, roots[1], roots[2], '--json']);
    const json = JSON.parse(later.stdout);
    assert.deepEqual(json.counts.channel, { added: 1, removed: 1, changed: 1 }); // results; ready; jobs
    assert.deepEqual(json.counts.join, { added: 0, removed: 1, changed: 0 });
    assert.equal(json.differ, 4);

    assert.match((await cli(['diff', dir, roots[2], roots[2]])).stdout, /^no differences$/m);
  });

  test('--help prints usage and exits 0', async () => {
    const { code, stdout } = await cli(['--help']);
    assert.equal(code, 0);
    assert.match(stdout, /^Usage: rspace-history <command> <lmdb-dir> \[root\] \[options\]/);
    assert.equal((await cli(['verify', dir, '-h'])).code, 0);
  });

  test('usage errors exit 2 with a message naming the offending value, never a stack trace', async () => {
    const notHistory = tempDir();
    const missing = path.join(notHistory, 'nope');
    const absent = 'ab'.repeat(32);
    const cases: Array<[string[], RegExp]> = [
      [[], /missing <command>/],
      [['frobnicate', dir], /unknown command 'frobnicate'/],
      [['show'], /show: missing <lmdb-dir>/],
      [['show', missing], new RegExp(`no such directory: '${missing}'`)],
      [['roots', notHistory], /is not a history directory: no history at .*data\.mdb/],
      [['show', dir, absent], new RegExp(`unknown root ${absent}`)],
      [['show', dir, 'abc123'], /'abc123' is not a root: a root is 64 hex characters/],
      [['diff', dir, roots[0]], /diff: missing <rootB>/],
      [['diff', dir, roots[0], 'xyz'], /'xyz' is not a root/],
      [['roots', dir, 'extra'], /unexpected argument 'extra'/],
      [['show', dir, '--frob'], /--frob/],
      [['show', dir, '--sample', 'many'], /--sample takes a whole number, not 'many'/],
      [['roots', dir, '--all'], /roots does not take --all/],
      [['verify', dir, roots[0], '--all'], /either a root or --all/],
    ];
    for (const [argv, message] of cases) {
      const { code, stdout, stderr } = await cli(argv);
      assert.equal(code, 2, `${argv.join(' ')}: ${stderr}`);
      assert.equal(stdout, '');
      assert.match(stderr, message);
      assert.match(stderr, /Run 'rspace-history --help' for usage\./);
      assert.doesNotMatch(stderr, /\n\s+at /);
    }
    // Inspecting never creates an environment in a directory that is not one.
    assert.deepEqual(fs.readdirSync(notHistory), []);
  });

  test('the commands open the directory read-only: the data file is unchanged', async () => {
    const data = path.join(dir, 'data.mdb');
    const beforeHash = sha256(data);
    for (const argv of [
      ['roots', dir],
      ['show', dir],
      ['verify', dir, '--all'],
      ['diff', dir, roots[0], roots[2]],
    ]) {
      assert.equal((await cli(argv)).code, 0);
    }
    assert.equal(sha256(data), beforeHash);
  });
});
