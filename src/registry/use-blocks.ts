/**
 * Use-block stacks: one stack of space ids per task. A `use space { P }` block pushes the space for
 * the evaluation of P and pops it afterwards; channels that no space owns go to the innermost
 * block's space. Tasks never see each other's stacks.
 */

/** A space's id in a registry. */
export type SpaceId = string;
/** The id of a task (a Rholang evaluation thread, a worker, a request, ...). */
export type TaskId = string | number;

export class UseBlocks {
  private stacks = new Map<TaskId, SpaceId[]>();

  push(task: TaskId, space: SpaceId): void {
    const stack = this.stacks.get(task);
    if (stack === undefined) this.stacks.set(task, [space]);
    else stack.push(space);
  }

  /** Pops the innermost block of `task`; `undefined` if it has none. */
  pop(task: TaskId): SpaceId | undefined {
    const stack = this.stacks.get(task);
    if (stack === undefined) return undefined;
    const top = stack.pop();
    // An empty stack is dropped so that finished tasks leave nothing behind.
    if (stack.length === 0) this.stacks.delete(task);
    return top;
  }

  /** The innermost block's space of `task`, if any. */
  current(task: TaskId): SpaceId | undefined {
    const stack = this.stacks.get(task);
    return stack === undefined ? undefined : stack[stack.length - 1];
  }

  depth(task: TaskId): number {
    return this.stacks.get(task)?.length ?? 0;
  }

  /** Drops the task's stack (a task that ended without popping). */
  cleanup(task: TaskId): void {
    this.stacks.delete(task);
  }

  /** Tasks with at least one open block, with their stacks (outermost first). */
  entries(): Array<[TaskId, readonly SpaceId[]]> {
    return [...this.stacks].map(([task, stack]) => [task, stack.slice()]);
  }

  /** A deep copy, for checkpoints. */
  snapshot(): Map<TaskId, SpaceId[]> {
    return new Map([...this.stacks].map(([task, stack]) => [task, stack.slice()]));
  }

  restore(snapshot: ReadonlyMap<TaskId, readonly SpaceId[]>): void {
    this.stacks = new Map([...snapshot].map(([task, stack]) => [task, stack.slice()]));
  }
}
