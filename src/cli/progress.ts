/**
 * A one-line progress bar for long verifications, redrawn in place with `\r` on a terminal:
 *
 *     [#########-----------]  45% 12,345 leaves 3.1 MB
 *
 * Redraws are throttled (10 per second by default): `History.verify` reports every 1,024 leaves,
 * which on a fast disk is thousands of times a second, and each redraw is a terminal write.
 * `clear()` blanks the line, so the summary printed afterwards starts on a clean line.
 */

import { formatBytes, formatCount } from './format.js';

/** Where the bar is drawn: stderr, normally. */
export interface TextSink {
  write(text: string): unknown;
}

/** What the bar shows; `History.verify`'s `VerifyProgress` has this shape. */
export interface ProgressState {
  readonly fraction: number;
  readonly leaves: number;
  readonly bytes: number;
}

export interface ProgressBarOptions {
  /** Milliseconds since some fixed time (default `performance.now`); tests pass a fake clock. */
  readonly now?: () => number;
  /** Least time between two redraws, in ms (default 100). */
  readonly intervalMs?: number;
  /** Cells between the brackets (default 20). */
  readonly width?: number;
  /** Printed before the bar, e.g. `root 2/5 `. */
  readonly label?: string;
}

/** The bar's text for `state`, without the leading `\r`. */
export function renderProgress(state: ProgressState, width = 20, label = ''): string {
  const fraction = Math.min(1, Math.max(0, state.fraction));
  const filled = Math.floor(fraction * width);
  const percent = `${Math.floor(fraction * 100)}%`.padStart(4);
  const bar = `${'#'.repeat(filled)}${'-'.repeat(width - filled)}`;
  return `${label}[${bar}] ${percent} ${formatCount(state.leaves)} leaves ${formatBytes(state.bytes)}`;
}

export class ProgressBar {
  private readonly sink: TextSink;
  private readonly now: () => number;
  private readonly intervalMs: number;
  private readonly width: number;
  private readonly label: string;
  private lastDraw = Number.NEGATIVE_INFINITY;
  /** Length of the text on screen, so `clear` can blank exactly that much. */
  private shown = 0;

  constructor(sink: TextSink, options: ProgressBarOptions = {}) {
    this.sink = sink;
    this.now = options.now ?? (() => performance.now());
    this.intervalMs = options.intervalMs ?? 100;
    this.width = options.width ?? 20;
    this.label = options.label ?? '';
  }

  /** Redraws with `state` unless the last redraw was less than the interval ago. */
  update(state: ProgressState): void {
    const t = this.now();
    if (t - this.lastDraw < this.intervalMs) return;
    this.lastDraw = t;
    const text = renderProgress(state, this.width, this.label);
    // Pad over the previous text: a line can get shorter (a label changes) and \r does not erase.
    this.sink.write(`\r${text.padEnd(this.shown)}`);
    this.shown = Math.max(this.shown, text.length);
  }

  /** Blanks the bar's line and returns the cursor to its start; a no-op if nothing was drawn. */
  clear(): void {
    if (this.shown === 0) return;
    this.sink.write(`\r${' '.repeat(this.shown)}\r`);
    this.shown = 0;
    this.lastDraw = Number.NEGATIVE_INFINITY;
  }
}
