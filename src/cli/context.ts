/**
 * What every history command gets: where to write, the opened history, its roots, and the
 * command line; plus the rules for turning a root given on the command line into a root of the store.
 */

import { bytesEqual } from '../history/hash.js';
import type { History } from '../history/history.js';
import { parseRootHex, UsageError } from './args.js';
import type { TextSink } from './progress.js';

/** The CLI's connection to the outside world; tests pass string buffers. */
export interface CliIo {
  readonly stdout: TextSink;
  readonly stderr: TextSink;
  /** Whether stderr is a terminal: the progress bar is drawn only then. */
  readonly isTTY: boolean;
  /** Clock for throttling the progress bar, in ms (default `performance.now`). */
  readonly now?: () => number;
}

export interface CommandContext {
  readonly io: CliIo;
  readonly prog: string;
  readonly dir: string;
  readonly history: History;
  /** The store's roots, oldest first (read once: the list is used by several checks). */
  readonly roots: readonly Uint8Array[];
  readonly json: boolean;
}

/**
 * The root named by `text`, or the latest root when `text` is undefined. Throws {@link UsageError}
 * for text that is not 64 hex digits, a root the store does not hold, or an empty store.
 */
export function resolveRoot(ctx: CommandContext, text: string | undefined): Uint8Array {
  if (text === undefined) {
    const latest = ctx.roots.at(-1);
    if (latest === undefined) throw new UsageError(`'${ctx.dir}' holds no checkpoints yet`);
    return latest;
  }
  const root = parseRootHex(text);
  // hasRoot also accepts the empty root, which every history can load without storing it.
  if (!ctx.history.hasRoot(root)) {
    throw new UsageError(`unknown root ${text}: not in '${ctx.dir}' (\`${ctx.prog} roots ${ctx.dir}\` lists them)`);
  }
  return root;
}

/** 1-based position of `root` among the store's roots, or 0 if it is not registered (the empty root). */
export function positionOf(ctx: CommandContext, root: Uint8Array): number {
  return ctx.roots.findIndex((r) => bytesEqual(r, root)) + 1;
}

/** `(latest, 3 of 3)`-style description of where `root` sits in the store. */
export function describePosition(ctx: CommandContext, root: Uint8Array): string {
  const at = positionOf(ctx, root);
  if (at === 0) return '(the empty root)';
  return at === ctx.roots.length ? `(latest, ${at} of ${ctx.roots.length})` : `(${at} of ${ctx.roots.length})`;
}

export function writeJson(ctx: CommandContext, value: unknown): void {
  ctx.io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
