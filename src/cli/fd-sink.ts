/**
 * A {@link TextSink} that writes to a file descriptor synchronously. A Rholang run is one
 * synchronous call, and `process.stdout` queues in memory whatever a pipe does not take at once
 * (on Linux too): a program printing a million lines into `| less` would hold them all until the
 * run ends. Written with `fs.writeSync`, each chunk is in the pipe (or waiting for room there)
 * before the run goes on, and nothing is left to drain at exit.
 */

import fs from 'node:fs';
import type { TextSink } from './progress.js';

export interface FdSinkOptions {
  /** Called instead of writing when the reader has gone (`EPIPE`), e.g. `rho run p.rho | head -1`. */
  readonly onClosed: () => void;
}

/** One millisecond's nap while a non-blocking descriptor is full. */
const nap = new Int32Array(new SharedArrayBuffer(4));

export function fdSink(fd: number, options: FdSinkOptions): TextSink {
  return {
    write(text: string): void {
      const bytes = Buffer.from(text, 'utf8');
      let done = 0;
      while (done < bytes.length) {
        try {
          done += fs.writeSync(fd, bytes, done, bytes.length - done);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'EAGAIN') {
            // A descriptor inherited in non-blocking mode: wait for the reader to make room.
            Atomics.wait(nap, 0, 0, 1);
          } else if (code === 'EPIPE') {
            options.onClosed();
            return;
          } else {
            throw error;
          }
        }
      }
    },
  };
}
