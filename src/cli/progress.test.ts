import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatBytes, formatCount, formatDuration } from './format.js';
import { ProgressBar, renderProgress } from './progress.js';

describe('progress bar', () => {
  test('renders the share done, the leaves and the bytes', () => {
    assert.equal(
      renderProgress({ fraction: 0.45, leaves: 12_345, bytes: 3_100_000 }, 10),
      '[####------]  45% 12,345 leaves 3.1 MB',
    );
    assert.equal(
      renderProgress({ fraction: 1, leaves: 3, bytes: 120 }, 4, 'root 1/2 '),
      'root 1/2 [####] 100% 3 leaves 120 B',
    );
    // Out-of-range fractions are clamped rather than drawing a broken bar.
    assert.equal(renderProgress({ fraction: 1.5, leaves: 0, bytes: 0 }, 2), '[##] 100% 0 leaves 0 B');
  });

  test('redraws at most once per interval, and clear() blanks exactly what was drawn', () => {
    let out = '';
    let t = 0;
    const bar = new ProgressBar({ write: (s: string) => (out += s) }, { now: () => t, width: 4 });
    for (let i = 0; i <= 10; i++) {
      t = i * 25; // 0, 25, ..., 250 ms: draws at 0, 100 and 200
      bar.update({ fraction: i / 10, leaves: i, bytes: i });
    }
    assert.deepEqual(
      out.split('\r').filter((s) => s !== ''),
      ['[----]   0% 0 leaves 0 B', '[#---]  40% 4 leaves 4 B', '[###-]  80% 8 leaves 8 B'],
    );
    out = '';
    bar.clear();
    assert.equal(out, `\r${' '.repeat('[###-]  80% 8 leaves 8 B'.length)}\r`);
    out = '';
    bar.clear();
    assert.equal(out, '', 'a second clear writes nothing');
  });

  test('formats counts, sizes and durations', () => {
    assert.equal(formatCount(1234567), '1,234,567');
    assert.deepEqual([0.4, 999, 4761].map(formatDuration), ['0 ms', '999 ms', '4.8 s']);
    assert.deepEqual([0, 999, 1000, 1049, 999_949, 999_950, 3_100_000, 2_500_000_000].map(formatBytes), [
      '0 B',
      '999 B',
      '1.0 kB',
      '1.0 kB',
      '999.9 kB',
      '1.0 MB',
      '3.1 MB',
      '2.5 GB',
    ]);
  });
});
