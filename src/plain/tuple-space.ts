/**
 * `TupleSpace`: a Linda-style, promise-based facade over a plain-data space.
 *
 * The engine is synchronous: every call returns the firings (COMM events) it caused, and the data a
 * firing consumed have already left the space. The facade's continuations are {@link Receiver}s; it
 * hands each firing to its receiver through one FIFO trampoline per space:
 *
 * - handlers run after the engine call that fired them has returned, in firing order;
 * - a handler may call the facade again (write, take, on, ...). That engine call runs at once (so its
 *   errors reach the handler that made it), but the firings it causes are queued behind the ones
 *   already waiting, never delivered recursively: the stack stays flat however long a chain of
 *   handler-to-handler messages gets, and the delivery order is deterministic.
 *
 * Cancellation never loses data: an aborted or timed-out receive is withdrawn from the space, so a
 * datum that arrives later stays there; a receive that the engine has already fired is delivered even
 * if it is cancelled before its delivery runs (its data are already out of the space).
 */
import type { Value } from '../data/value.js';
import type { SimilarityQuery } from '../spaces/collections/vectordb.js';
import type { SpaceConfigInput } from '../spaces/config.js';
import type { Bindings } from '../spaces/matchers/matcher.js';
import type { Pattern } from '../spaces/matchers/structural.js';
import type { Template } from '../spaces/matchers/template.js';
import type { Space } from '../spaces/space.js';
import type { Firing } from '../spaces/types.js';
import type { ValueTypes } from './adapter.js';
import { createSpace } from './create.js';
import { type ReceiveOperation, TakeTimeoutError } from './errors.js';
import { checkTimeout, consumeOptions, prepare, toReceived } from './receive-parts.js';
import { drainResults, type PlainSimilarityQuery, plainQuery, RESULT_CHANNEL } from './similar.js';

/** The engine's type bundle under a `TupleSpace`: compiled templates as patterns, {@link Receiver}s as continuations. */
export type TupleSpaceTypes = ValueTypes<Pattern, Receiver>;

/** A firing as the engine reports it under a `TupleSpace`. */
export type TupleFiring = Firing<TupleSpaceTypes>;

/** The continuation a `TupleSpace` leaves in its engine. Only the facade creates these. */
export interface Receiver {
  /** Set as soon as the engine reports a firing of this receiver, before the firing is delivered. */
  fired: boolean;
  deliver(firing: TupleFiring): void;
}

/** What one channel of a receive got. */
export interface Received {
  /** The datum. */
  readonly value: Value;
  /** The channel it came from (under PathMap prefix semantics, possibly a descendant of the one asked for). */
  readonly channel: Value;
  /** The template's named captures. */
  readonly bindings: Bindings;
  /** PathMap prefix matches only: the path of `channel` below the channel asked for. */
  readonly suffix?: Value;
}

/** One channel of a join: the channel and the template (or compiled pattern) its datum must match. */
export type Part = readonly [channel: Value, template: Template | Pattern];

/** Called with one {@link Received} per part, in the order the parts were given. */
export type Handler = (received: Received[]) => void;

/** Undoes an `on`; calling it again does nothing. */
export type Unsubscribe = () => void;

/** An async iterator over a persistent receive; see {@link TupleSpace.subscribe}. */
export type Subscription = AsyncIterableIterator<Received, undefined, undefined>;

export interface TupleSpaceOptions {
  /** Outer store, inner collection and qualifier of the underlying space (default: hashmap of bags). */
  config?: SpaceConfigInput;
  /** Prefix of the names `space.gensym()` hands out. */
  spaceId?: Uint8Array;
  /**
   * Called when an `on` handler throws. The default rethrows the error in a microtask (an uncaught
   * exception, as for event listeners), so that one faulty handler neither stops the delivery of the
   * other firings nor surfaces in an unrelated `write` that happened to trigger it.
   */
  onHandlerError?: (error: unknown) => void;
}

export interface WriteOptions {
  /** A persistent datum stays after matching: every matching receive gets it. */
  persist?: boolean;
  /** Priority-queue spaces: the level (0 is highest). */
  priority?: number;
}

export interface ReceiveOptions {
  /** Aborting withdraws the waiting receive and rejects with `signal.reason`. */
  signal?: AbortSignal;
  /** Withdraws the waiting receive and rejects with a {@link TakeTimeoutError} after this many milliseconds. */
  timeoutMs?: number;
}

export interface OnOptions {
  /** Keep firing for every match (default true); `false` fires once. */
  persist?: boolean;
  /** Read without consuming (at every position of the join). */
  peek?: boolean;
}

export interface SubscribeOptions {
  /** Aborting withdraws the receive; the pending (or next) pull rejects with `signal.reason`. */
  signal?: AbortSignal;
  /** Read without consuming. */
  peek?: boolean;
}

export class TupleSpace {
  /** The underlying engine, for inspection (`getData`, `getWaiting`, ...) and `gensym`. */
  readonly space: Space<TupleSpaceTypes>;
  private readonly onHandlerError: (error: unknown) => void;
  /** The trampoline: firings reported by the engine and not yet delivered, oldest at `head`. */
  private queue: (TupleFiring | undefined)[] = [];
  private head = 0;
  private draining = false;

  constructor(options: TupleSpaceOptions = {}) {
    this.space = createSpace<Receiver>({ config: options.config, spaceId: options.spaceId });
    this.onHandlerError = options.onHandlerError ?? rethrowLater;
  }

  /** Puts `value` on `channel` (Linda `out`). Engine errors (a full cell, a bad priority, ...) are thrown. */
  write(channel: Value, value: Value, options?: WriteOptions): void {
    this.dispatch(this.space.produce(channel, value, { persist: options?.persist, priority: options?.priority }));
  }

  /** Removes and returns a datum on `channel` matching `template` (Linda `in`), waiting for one if need be. */
  async take(channel: Value, template: Template | Pattern, options?: ReceiveOptions): Promise<Received> {
    return (await this.receive('take', [[channel, template]], false, options))[0];
  }

  /** Like {@link take}, but the datum stays in the space (Linda `rd`). */
  async read(channel: Value, template: Template | Pattern, options?: ReceiveOptions): Promise<Received> {
    return (await this.receive('read', [[channel, template]], true, options))[0];
  }

  /**
   * A join: waits until every part has a matching datum, then takes them all at once (nothing is taken
   * while any part is missing). Resolves with one {@link Received} per part, in the given order.
   */
  takeAll(parts: readonly Part[], options?: ReceiveOptions): Promise<Received[]> {
    return this.receive('takeAll', parts, false, options);
  }

  /** Like {@link takeAll}, but every datum stays in the space. */
  readAll(parts: readonly Part[], options?: ReceiveOptions): Promise<Received[]> {
    return this.receive('readAll', parts, true, options);
  }

  /**
   * VectorDB spaces: waits until `channel` holds documents similar to `query` (its metric, threshold
   * and top-k, or the space's; top-k defaults to 1), then takes the best of them at once and resolves
   * with them, best first. Persistent documents are handed out but stay. The query vector is written
   * as the space's embeddings are (`plainQuery`): for an `integer` space, percentages.
   */
  async takeSimilar(channel: Value, query: PlainSimilarityQuery, options?: ReceiveOptions): Promise<Received[]> {
    let similarity: SimilarityQuery;
    try {
      similarity = plainQuery(this.space.config, query);
    } catch (error) {
      return Promise.reject(error);
    }
    const [hit] = await this.receive('takeSimilar', [[channel, RESULT_CHANNEL]], false, options, similarity);
    return drainResults(this.space, hit.value, channel);
  }

  /**
   * Calls `handler` for every match on `channel` (or, with parts, for every join of them). Fires at once
   * for what is already there. Persistent unless `persist: false`. Firings the engine made before the
   * unsubscribe are still delivered, since their data have already left the space.
   */
  on(channel: Value, template: Template | Pattern, handler: Handler, options?: OnOptions): Unsubscribe;
  on(parts: readonly Part[], handler: Handler, options?: OnOptions): Unsubscribe;
  on(
    first: Value | readonly Part[],
    second: Template | Pattern | Handler,
    third?: Handler | OnOptions,
    fourth?: OnOptions,
  ): Unsubscribe {
    // A channel may itself be a list, so the form is told by the second argument: templates are never functions.
    const joined = typeof second === 'function';
    if (joined && !Array.isArray(first)) {
      throw new TypeError(
        'on(parts, handler) needs a list of [channel, template] parts; templates are never functions',
      );
    }
    const parts: readonly Part[] = joined ? (first as readonly Part[]) : [[first as Value, second as Template]];
    const handler = (joined ? second : third) as Handler;
    const options = (joined ? third : fourth) as OnOptions | undefined;
    if (typeof handler !== 'function') throw new TypeError('on needs a handler function');
    const persist = options?.persist ?? true;
    const { channels, patterns } = prepare(parts);
    const receiver: Receiver = {
      fired: false,
      deliver: (firing) => handler(firing.matches.map(toReceived)),
    };
    this.dispatch(this.space.consume(channels, patterns, receiver, consumeOptions(persist, options?.peek, channels)));
    let active = true;
    return () => {
      if (!active) return;
      active = false;
      if (!persist && receiver.fired) return;
      this.dispatch(this.space.withdraw(channels, receiver));
    };
  }

  /**
   * An async iterator over a persistent receive on `channel`. Firings are buffered until pulled;
   * `return()` (e.g. `break` in `for await`) or aborting `signal` withdraws the receive, and values
   * that were buffered but never pulled are written back to the channels they came from (at the
   * back of a queue), so nothing is lost.
   */
  subscribe(channel: Value, template: Template | Pattern, options?: SubscribeOptions): Subscription {
    const { channels, patterns } = prepare([[channel, template]]);
    const signal = options?.signal;
    const buffer: Received[] = [];
    /** Per buffered value: it was taken from the space (not peeked, not persistent). */
    const taken: boolean[] = [];
    const pulls: { resolve: (r: IteratorResult<Received, undefined>) => void; reject: (e: unknown) => void }[] = [];
    let open = true;
    let failure: { reason: unknown } | null = null;
    const receiver: Receiver = {
      fired: false,
      deliver: (firing) => {
        if (!open) return;
        const match = firing.matches[0];
        const received = toReceived(match);
        const pull = pulls.shift();
        if (pull === undefined) {
          buffer.push(received);
          taken.push(!match.peeked && !match.persistent);
        } else pull.resolve({ value: received, done: false });
      },
    };
    const close = (): void => {
      if (!open) return;
      open = false;
      signal?.removeEventListener('abort', onAbort);
      this.dispatch(this.space.withdraw(channels, receiver));
      const unpulled = buffer.splice(0);
      const wasTaken = taken.splice(0);
      unpulled.forEach((r, i) => {
        if (wasTaken[i]) this.write(r.channel, r.value);
      });
    };
    const onAbort = (): void => {
      if (!open) return;
      close();
      const waiting = pulls.splice(0);
      // The abort is reported once: to the pulls waiting now, or else to the next one.
      if (waiting.length === 0) failure = { reason: signal?.reason };
      for (const pull of waiting) pull.reject(signal?.reason);
    };
    if (signal?.aborted) {
      open = false;
      failure = { reason: signal.reason };
    } else {
      this.dispatch(this.space.consume(channels, patterns, receiver, consumeOptions(true, options?.peek, channels)));
      signal?.addEventListener('abort', onAbort, { once: true });
    }
    const done = (): IteratorResult<Received, undefined> => ({ value: undefined, done: true });
    return {
      next: () => {
        const value = buffer.shift();
        taken.shift();
        if (value !== undefined) return Promise.resolve({ value, done: false });
        if (failure !== null) {
          const { reason } = failure;
          failure = null;
          return Promise.reject(reason);
        }
        if (!open) return Promise.resolve(done());
        return new Promise((resolve, reject) => pulls.push({ resolve, reject }));
      },
      return: () => {
        close();
        for (const pull of pulls.splice(0)) pull.resolve(done());
        return Promise.resolve(done());
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }

  private receive(
    operation: ReceiveOperation,
    parts: readonly Part[],
    peek: boolean,
    options: ReceiveOptions | undefined,
    similarity?: SimilarityQuery,
  ): Promise<Received[]> {
    // Everything that can be refused is checked before the space is touched.
    let prepared: { channels: Value[]; patterns: Pattern[] };
    try {
      prepared = prepare(parts);
      checkTimeout(options?.timeoutMs);
    } catch (error) {
      return Promise.reject(error);
    }
    const { channels, patterns } = prepared;
    const signal = options?.signal;
    if (signal?.aborted) return Promise.reject(signal.reason);
    const timeoutMs = options?.timeoutMs;
    return new Promise<Received[]>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      let cancelled = false;
      const cleanup = (): void => {
        if (timer !== undefined) clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      };
      const receiver: Receiver = {
        fired: false,
        deliver: (firing) => {
          cleanup();
          resolve(firing.matches.map(toReceived));
        },
      };
      const cancel = (reason: unknown): void => {
        // Once the engine has fired the receiver its data are taken: the delivery must win, or they are lost.
        if (receiver.fired || cancelled) return;
        cancelled = true;
        cleanup();
        this.dispatch(this.space.withdraw(channels, receiver));
        reject(reason);
      };
      const onAbort = (): void => cancel(signal?.reason);
      // A throw here (an engine refusal) rejects the promise; the engine has changed nothing.
      const engineOptions = consumeOptions(false, peek, channels);
      if (similarity !== undefined) engineOptions.similarity = [similarity];
      this.dispatch(this.space.consume(channels, patterns, receiver, engineOptions));
      if (receiver.fired) return;
      signal?.addEventListener('abort', onAbort, { once: true });
      if (timeoutMs !== undefined) {
        timer = setTimeout(() => cancel(new TakeTimeoutError(operation, channels, timeoutMs)), timeoutMs);
      }
    });
  }

  /** Queues the firings of one engine call and, unless a delivery is already running, delivers the queue. */
  private dispatch(firings: readonly TupleFiring[]): void {
    if (firings.length === 0) return;
    for (const firing of firings) {
      firing.continuation.fired = true;
      this.queue.push(firing);
    }
    if (this.draining) return; // the running loop below will reach them, after what is already queued
    this.draining = true;
    try {
      while (this.head < this.queue.length) {
        const firing = this.queue[this.head]!;
        this.queue[this.head++] = undefined;
        try {
          firing.continuation.deliver(firing);
        } catch (error) {
          this.report(error);
        }
        // A long chain of handler writes would otherwise keep every delivered slot alive until it ends.
        if (this.head >= 1024 && this.head * 2 >= this.queue.length) {
          this.queue = this.queue.slice(this.head);
          this.head = 0;
        }
      }
    } finally {
      this.queue.length = 0;
      this.head = 0;
      this.draining = false;
    }
  }

  private report(error: unknown): void {
    try {
      this.onHandlerError(error);
    } catch (secondary) {
      rethrowLater(secondary);
    }
  }
}

function rethrowLater(error: unknown): void {
  queueMicrotask(() => {
    throw error;
  });
}
