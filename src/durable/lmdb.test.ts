import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { initHashing, toHex } from '../history/hash.js';
import { History } from '../history/history.js';
import { LmdbHistoryStore } from '../history/lmdb-store.js';
import { DurableSpace } from './durable-space.js';
import { codec, observe, plainSpace } from './test-support.js';

const dirs: string[] = [];
before(() => initHashing());
after(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

test('checkpoints written to LMDB reset exactly from a new store object over the same directory', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rspaces-durable-'));
  dirs.push(dir);
  const config = { inner: 'priorityqueue', levels: 2 } as const;
  const recorded: { root: Uint8Array; seen: string; names: number }[] = [];
  {
    const store = LmdbHistoryStore.open(dir);
    const s = new DurableSpace(plainSpace(config), { history: new History(store), codec });
    for (let round = 0; round < 5; round++) {
      for (let i = 0; i < 20; i++) s.produce(`ch${(round * 7 + i) % 13}`, round * 100 + i, { priority: i % 2 });
      s.consume([`ch${round}`, `ch${round + 1}`], [round % 3, null], `k${round}`, { peeks: [1] });
      s.consume([`waits${round}`], [null], `w${round}`, { persist: true });
      s.gensym();
      recorded.push({ root: s.createCheckpoint().root, seen: observe(s), names: s.nameCount });
    }
    await store.close();
  }
  const reopened = LmdbHistoryStore.open(dir);
  try {
    assert.deepEqual(
      reopened.listRoots().map(toHex),
      recorded.map((r) => toHex(r.root)),
    );
    const s = new DurableSpace(plainSpace(config), { history: new History(reopened), codec });
    // Newest first, then oldest: every root comes back exactly, whatever was there before.
    for (const r of [...recorded].reverse().concat(recorded)) {
      s.reset(r.root);
      assert.equal(observe(s), r.seen);
      assert.ok(s.nameCount >= r.names);
      // Name counters are part of the state; they only match the root's when no later names were handed out.
      if (s.nameCount === r.names) assert.equal(toHex(s.createCheckpoint().root), toHex(r.root));
    }
    // The name counter is never lower than any recorded one.
    assert.equal(s.nameCount, recorded[recorded.length - 1].names);
  } finally {
    await reopened.close();
  }
});
