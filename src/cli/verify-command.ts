/**
 * `verify <dir> [root | --all]`: re-hash every node and leaf reachable from a root with
 * `History.verify`. A progress bar goes to stderr when it is a terminal; one summary line per root
 * goes to stdout. A damaged root is reported with its `HistoryError` code and message and makes
 * the exit code 1; with `--all` the other roots are still verified, so one run finds every damaged root.
 */

import { HistoryError } from '../history/errors.js';
import { toHex } from '../history/hash.js';
import type { VerifyReport } from '../history/history.js';
import type { CommandArgs } from './args.js';
import { type CommandContext, resolveRoot, writeJson } from './context.js';
import { formatBytes, formatCount, formatDuration, plural } from './format.js';
import { ProgressBar } from './progress.js';

type RootResult =
  | {
      readonly root: string;
      readonly ok: true;
      readonly nodes: number;
      readonly leaves: number;
      readonly bytes: number;
      readonly ms: number;
    }
  | { readonly root: string; readonly ok: false; readonly code: string; readonly message: string };

export function verifyCommand(ctx: CommandContext, args: CommandArgs): number {
  const roots = args.all ? [...ctx.roots] : [resolveRoot(ctx, args.roots[0])];
  if (roots.length === 0) {
    ctx.io.stderr.write(`no checkpoints in ${ctx.dir}: nothing to verify\n`);
    return 0;
  }
  const results: RootResult[] = [];
  for (let i = 0; i < roots.length; i++) {
    const label = roots.length > 1 ? `root ${i + 1}/${roots.length} ` : '';
    const result = verifyOne(ctx, roots[i], label);
    results.push(result);
    if (!ctx.json) ctx.io.stdout.write(`${renderResult(result)}\n`);
    if (!result.ok) ctx.io.stderr.write(`${ctx.prog}: root ${result.root}: ${result.code}: ${result.message}\n`);
  }
  const failed = results.filter((r) => !r.ok).length;
  if (ctx.json) writeJson(ctx, { ok: failed === 0, roots: results });
  else if (roots.length > 1) {
    const ok = roots.length - failed;
    ctx.io.stdout.write(
      `${plural(roots.length, 'root', 'roots')} verified: ${formatCount(ok)} ok, ${formatCount(failed)} damaged\n`,
    );
  }
  return failed === 0 ? 0 : 1;
}

function verifyOne(ctx: CommandContext, root: Uint8Array, label: string): RootResult {
  const bar = ctx.io.isTTY ? new ProgressBar(ctx.io.stderr, { now: ctx.io.now, label }) : null;
  const started = performance.now();
  let report: VerifyReport;
  try {
    report = ctx.history.verify(root, bar === null ? undefined : (p) => bar.update(p));
  } catch (error) {
    // Damage is a finding, not a crash; anything else (an I/O error, a bug) propagates to the CLI's handler.
    if (error instanceof HistoryError)
      return { root: toHex(root), ok: false, code: error.code, message: error.message };
    throw error;
  } finally {
    bar?.clear();
  }
  const ms = Math.round(performance.now() - started);
  return { root: toHex(root), ok: true, nodes: report.nodes, leaves: report.leaves, bytes: report.bytes, ms };
}

function renderResult(r: RootResult): string {
  if (!r.ok) return `DAMAGED ${r.root}: ${r.code}`;
  const counts = `${plural(r.nodes, 'node', 'nodes')}, ${plural(r.leaves, 'leaf', 'leaves')}, ${formatBytes(r.bytes)}`;
  return `ok ${r.root}: ${counts} re-hashed in ${formatDuration(r.ms)}`;
}
