/**
 * Buffered line output to two sinks (stdout and stderr) that keeps their lines in the order they
 * were produced. A program may print a hundred thousand lines: writing each to the stream costs a
 * system call apiece, holding them all until the end costs memory and shows nothing meanwhile. So
 * lines collect in one pending chunk that is written when it reaches `maxChars`, when it is
 * `maxDelayMs` old, when a line for the other sink arrives (so a terminal showing both streams
 * sees them interleaved as they happened), and on {@link LineOutput.flush}.
 */

import type { TextSink } from './progress.js';

export interface LineOutputOptions {
  /** Pending characters that trigger a write (default 64 Ki). */
  readonly maxChars?: number;
  /** Age of the pending chunk, in ms, after which the next line triggers a write (default 100). */
  readonly maxDelayMs?: number;
  /** Milliseconds since some fixed time (default `performance.now`). */
  readonly now?: () => number;
}

export class LineOutput {
  private readonly maxChars: number;
  private readonly maxDelayMs: number;
  private readonly now: () => number;
  /** The sink the pending chunk is for. */
  private target: TextSink | null = null;
  private pending = '';
  /** When the pending chunk got its first line. */
  private since = 0;

  constructor(options: LineOutputOptions = {}) {
    this.maxChars = options.maxChars ?? 64 * 1024;
    this.maxDelayMs = options.maxDelayMs ?? 100;
    this.now = options.now ?? (() => performance.now());
  }

  /** Queues `line` and a newline for `sink`. */
  line(sink: TextSink, line: string): void {
    if (sink !== this.target) {
      this.flush();
      this.target = sink;
    }
    if (this.pending.length === 0) this.since = this.now();
    this.pending += `${line}\n`;
    if (this.pending.length >= this.maxChars || this.now() - this.since >= this.maxDelayMs) this.flush();
  }

  /** Writes the pending chunk, if any. */
  flush(): void {
    if (this.pending.length === 0 || this.target === null) return;
    const chunk = this.pending;
    this.pending = '';
    this.target.write(chunk);
  }
}
