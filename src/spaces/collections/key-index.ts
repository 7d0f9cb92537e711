import type { Journal } from '../journal.js';

/** Key → handle, for Set collections; journals its changes while a soft checkpoint is open. */
export class KeyIndex {
  private map = new Map<string | number, number>();
  private readonly journal: Journal | null;

  constructor(journal: Journal | null) {
    this.journal = journal;
  }

  has(key: string | number): boolean {
    return this.map.has(key);
  }

  set(key: string | number, h: number): void {
    if (this.journal?.active === true) this.journal.record(() => this.map.delete(key));
    this.map.set(key, h);
  }

  delete(key: string | number): void {
    const h = this.map.get(key);
    if (h === undefined) return;
    if (this.journal?.active === true) this.journal.record(() => this.map.set(key, h));
    this.map.delete(key);
  }

  clear(): void {
    if (this.journal?.active === true) {
      const old = this.map;
      this.journal.record(() => {
        this.map = old;
      });
    }
    this.map = new Map();
  }
}
