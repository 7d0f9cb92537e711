/**
 * The handles a join tentatively takes while the engine searches for a firing. A channel that
 * appears twice in one join must give two different data, and removing the head of a queue makes
 * the next item eligible; collections consult the claims to answer "which items are eligible
 * once these are taken". Almost always empty, so `has` is a length check first.
 */
export class Claims {
  private readonly owners: object[] = [];
  private readonly handles: number[] = [];
  length = 0;

  has(owner: object, h: number): boolean {
    for (let i = 0; i < this.length; i++) if (this.handles[i] === h && this.owners[i] === owner) return true;
    return false;
  }

  push(owner: object, h: number): void {
    this.owners[this.length] = owner;
    this.handles[this.length] = h;
    this.length++;
  }

  pop(): void {
    this.length--;
    this.owners[this.length] = Claims.NONE;
  }

  clear(): void {
    for (let i = 0; i < this.length; i++) this.owners[i] = Claims.NONE;
    this.length = 0;
  }

  private static readonly NONE: object = Object.freeze({});
}

/** Shared empty claims for searches that hold none. Never mutated. */
export const NO_CLAIMS: Claims = new Claims();
