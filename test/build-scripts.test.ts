/** The build's own scripts: what `npm run build` relies on beyond `tsc`. */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const compiled = import.meta.url.endsWith('.js');
const repoRoot = new URL(compiled ? '../../' : '../', import.meta.url);
const script = fileURLToPath(new URL('scripts/mark-bins-executable.mjs', repoRoot));

test('the build marks every bin of package.json executable (tsc writes mode 644)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bins-'));
  try {
    fs.mkdirSync(path.join(dir, 'cli'));
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ bin: { a: './cli/a.js', b: './cli/b.js' } }));
    for (const f of ['a.js', 'b.js'])
      fs.writeFileSync(path.join(dir, 'cli', f), '#!/usr/bin/env node\n', { mode: 0o644 });
    execFileSync(process.execPath, [script, dir]);
    for (const f of ['a.js', 'b.js']) assert.equal(fs.statSync(path.join(dir, 'cli', f)).mode & 0o777, 0o755, f);

    // A bin that was not built is an error naming it, not a silent success.
    fs.rmSync(path.join(dir, 'cli', 'b.js'));
    const r = spawnSync(process.execPath, [script, dir], { encoding: 'utf8' });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /\.\/cli\/b\.js was not built/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
