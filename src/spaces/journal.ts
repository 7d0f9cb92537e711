/**
 * The undo journal behind soft checkpoints. While a checkpoint is open, every mutation of the
 * space's structures records how to undo itself; reverting runs the undo steps of everything done
 * since the checkpoint, newest first, so each step finds the structure exactly as it left it.
 * Creating a checkpoint is O(1) and reverting costs in proportion to the work done since it, and
 * when no checkpoint is open nothing is recorded at all.
 *
 * Nested checkpoints share one journal: each remembers where its records begin. Committing the
 * innermost checkpoint keeps its records (an enclosing checkpoint may still revert them); when the
 * outermost is committed the journal is emptied.
 */
import { CheckpointError } from './errors.js';

export type Undo = () => void;

/**
 * A structure that undoes its own commonest mutations from a small code, so that recording them
 * allocates nothing (an undo closure per change costs an allocation and, on revert, a call
 * through a context of captured variables).
 */
export interface Undoable {
  undo(code: number): void;
}

export class Journal {
  /** True while at least one checkpoint is open; mutation sites test it before recording. */
  active = false;
  /** Undo steps, oldest first: closures, or structures to call `undo(code)` on with the code at the same index. */
  private readonly undos: (Undo | Undoable)[] = [];
  private readonly codes: number[] = [];
  private readonly marks: number[] = [];

  /** Number of open checkpoints. */
  get depth(): number {
    return this.marks.length;
  }

  /** Records how to undo the mutation that is about to happen (or just happened). */
  record(undo: Undo): void {
    this.undos.push(undo);
    this.codes.push(0);
  }

  /** Records that `target.undo(code)` undoes the mutation about to happen. */
  recordOn(target: Undoable, code: number): void {
    this.undos.push(target);
    this.codes.push(code);
  }

  /**
   * Refuses to `operation` (revert, commit) when no checkpoint is open, or when `depth` is given and
   * is not the innermost checkpoint's: checkpoints close innermost first.
   */
  checkDepth(operation: string, depth: number | undefined): void {
    const open = this.marks.length;
    if (open === 0) throw new CheckpointError(`no soft checkpoint to ${operation}`);
    if (depth !== undefined && depth !== open) {
      throw new CheckpointError(
        `cannot ${operation} soft checkpoint ${depth}: checkpoints close innermost first and the innermost is ${open}`,
      );
    }
  }

  open(): number {
    this.marks.push(this.undos.length);
    this.active = true;
    return this.marks.length;
  }

  /** Undoes everything since the innermost checkpoint and closes it. */
  revert(): void {
    const mark = this.marks.pop();
    if (mark === undefined) return;
    const undos = this.undos;
    const codes = this.codes;
    // Undo steps run with recording off: they restore state, they are not new work.
    this.active = false;
    while (undos.length > mark) {
      const undo = undos.pop() as Undo | Undoable;
      const code = codes.pop() as number;
      if (typeof undo === 'function') undo();
      else undo.undo(code);
    }
    this.active = this.marks.length > 0;
  }

  /** Closes the innermost checkpoint, keeping its changes. */
  commit(): void {
    if (this.marks.pop() === undefined) return;
    if (this.marks.length === 0) {
      this.undos.length = 0;
      this.codes.length = 0;
      this.active = false;
    }
  }
}
