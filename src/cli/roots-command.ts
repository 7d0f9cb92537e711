/** `roots <dir>`: the checkpoint roots, oldest first, the latest marked. */

import { toHex } from '../history/hash.js';
import { type CommandContext, writeJson } from './context.js';

export function rootsCommand(ctx: CommandContext): number {
  const roots = ctx.roots.map(toHex);
  const latest = roots.length - 1;
  if (ctx.json) {
    writeJson(ctx, { dir: ctx.dir, roots: roots.map((root, i) => ({ index: i + 1, root, latest: i === latest })) });
    return 0;
  }
  if (roots.length === 0) {
    // On stderr: stdout stays a clean list (empty here) for scripts.
    ctx.io.stderr.write(`no checkpoints in ${ctx.dir}\n`);
    return 0;
  }
  // One root per line, first column the bare hex, so `cut -d' ' -f1` or `tail -1` feed other commands.
  ctx.io.stdout.write(roots.map((root, i) => (i === latest ? `${root} (latest)\n` : `${root}\n`)).join(''));
  return 0;
}
