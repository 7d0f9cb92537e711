import { InvalidConfigurationError, InvalidPriorityError } from '../errors.js';
import type { Journal } from '../journal.js';
import type { Claims } from './claims.js';
import type { DataCollection, StoredDatum } from './data-collection.js';
import { PERSISTENT, SlotLog } from './slot-log.js';

/** Levels a priority queue may grow to. Bounds memory when a caller passes a huge priority. */
export const MAX_PRIORITY_LEVELS = 1024;

/**
 * A priority queue: one FIFO per level, level 0 the highest. The front of every level is
 * eligible; fronts are tried from level 0 upward, so a lower level is served when the fronts
 * above it do not match. Levels grow on demand when a put names a priority beyond them.
 * Handles encode `level + index * MAX_PRIORITY_LEVELS`.
 */
export class PriorityQueueCollection<A> implements DataCollection<A> {
  readonly kind = 'priorityqueue' as const;
  private readonly levels: SlotLog<A>[] = [];
  private defaultLevel: number;
  size = 0;

  private readonly journal: Journal | null;

  constructor(levels: number, journal: Journal | null = null) {
    this.journal = journal;
    if (!Number.isInteger(levels) || levels < 1 || levels > MAX_PRIORITY_LEVELS) {
      throw new InvalidConfigurationError(
        `a priority queue needs an integer level count in 1..${MAX_PRIORITY_LEVELS}, got ${String(levels)}`,
      );
    }
    this.grow(levels);
    this.defaultLevel = levels - 1;
  }

  /** Number of levels (grows on demand). */
  get levelCount(): number {
    return this.levels.length;
  }

  /** The level used by puts that name no priority. Setting it grows the queue if needed. */
  get defaultPriority(): number {
    return this.defaultLevel;
  }

  setDefaultPriority(priority: number): void {
    checkPriority(priority);
    this.grow(priority + 1);
    this.defaultLevel = priority;
  }

  /** Items stored at each level, highest priority first. */
  countsByPriority(): number[] {
    return this.levels.map((l) => l.size);
  }

  checkPut(_datum: A, _persistent: boolean, priority: number | undefined): void {
    if (priority !== undefined) checkPriority(priority);
  }

  put(datum: A, persistent: boolean, priority: number | undefined): number {
    const level = priority ?? this.defaultLevel;
    this.grow(level + 1);
    this.changeSize(1);
    return level + this.levels[level].push(datum, persistent ? PERSISTENT : 0) * MAX_PRIORITY_LEVELS;
  }

  isEligible(h: number): boolean {
    const log = this.levels[h % MAX_PRIORITY_LEVELS];
    return log !== undefined && Math.floor(h / MAX_PRIORITY_LEVELS) === log.firstLive();
  }

  first(claims: Claims): number {
    return this.frontFrom(0, claims);
  }

  next(h: number, claims: Claims): number {
    return this.frontFrom((h % MAX_PRIORITY_LEVELS) + 1, claims);
  }

  isLive(h: number): boolean {
    const log = this.levels[h % MAX_PRIORITY_LEVELS];
    return log?.isLive(Math.floor(h / MAX_PRIORITY_LEVELS));
  }

  datum(h: number): A {
    return this.levels[h % MAX_PRIORITY_LEVELS].itemAt(Math.floor(h / MAX_PRIORITY_LEVELS));
  }

  persistent(h: number): boolean {
    return (this.levels[h % MAX_PRIORITY_LEVELS].flagsOf(Math.floor(h / MAX_PRIORITY_LEVELS)) & PERSISTENT) !== 0;
  }

  take(h: number): number {
    const level = h % MAX_PRIORITY_LEVELS;
    const log = this.levels[level];
    const i = Math.floor(h / MAX_PRIORITY_LEVELS);
    if ((log.flagsOf(i) & PERSISTENT) !== 0) return -1;
    const wasFront = i === log.firstLive();
    log.remove(i);
    this.changeSize(-1);
    if (!wasFront) return -1;
    const front = log.firstLive();
    return front < 0 ? -1 : level + front * MAX_PRIORITY_LEVELS;
  }

  items(): StoredDatum<A>[] {
    const out: StoredDatum<A>[] = [];
    this.levels.forEach((log, priority) => {
      log.forEach((datum, flags) => {
        out.push({ datum, persistent: (flags & PERSISTENT) !== 0, priority });
      });
    });
    return out;
  }

  clear(): void {
    for (const log of this.levels) log.clear();
    this.changeSize(-this.size);
  }

  private changeSize(delta: number): void {
    if (this.journal?.active === true) {
      const size = this.size;
      this.journal.record(() => {
        this.size = size;
      });
    }
    this.size += delta;
  }

  /** The first unclaimed front at or below `level`, as a handle; -1 if none. */
  private frontFrom(level: number, claims: Claims): number {
    const levels = this.levels;
    for (let l = level; l < levels.length; l++) {
      const log = levels[l];
      let i = log.firstLive();
      while (i >= 0 && claims.length > 0 && claims.has(this, l + i * MAX_PRIORITY_LEVELS)) i = log.nextLive(i);
      if (i >= 0) return l + i * MAX_PRIORITY_LEVELS;
    }
    return -1;
  }

  private grow(count: number): void {
    const before = this.levels.length;
    if (before >= count) return;
    if (this.journal?.active === true) {
      this.journal.record(() => {
        this.levels.length = before;
      });
    }
    while (this.levels.length < count) this.levels.push(new SlotLog<A>(this.journal));
  }
}

function checkPriority(priority: number): void {
  if (!Number.isInteger(priority) || priority < 0 || priority >= MAX_PRIORITY_LEVELS) {
    throw new InvalidPriorityError(priority, MAX_PRIORITY_LEVELS);
  }
}
