/**
 * The reducer: runs a normalized term over the spaces of a session (rholang-surface §2 and §4;
 * DECISIONS 20–23).
 *
 * Scheduling. `proc` runs a process to the end of what it can do without waiting: the members of
 * a parallel composition in the order they were written, sends and receives straight into their
 * spaces, `new`, `match`, `use` and bundles into their bodies. A send or receive that meets its
 * partner makes the space return a firing (a COMM); its body is not run there but queued, and the
 * queue is run first in, first out. So every member of a Par is placed before any body it
 * triggers runs, every fired body eventually runs (a looping process cannot starve the others),
 * JavaScript recursion is bounded by the nesting of the program text, and a long chain of COMMs
 * is a loop, not a deep stack.
 *
 * Spaces. Every process runs with the `use` space around it in the source (null outside every
 * `use`), and a stored receive keeps it for its body (DECISIONS 21). Channels go to their space
 * as `spaces.ts` explains; system processes and factories live in the default space, so they work
 * from inside `use` blocks, and their replies go to the reply channel's own space (DECISIONS 22).
 *
 * Errors. An error ends the process that raised it — a member of a Par, or a fired body — and is
 * collected; siblings and every queued body go on. Running out of the run's phlogiston ends the
 * whole run; a user space running out of its own budget is an error of the operation.
 */

import { OutOfPhlogistonError } from '../../gas/errors.js';
import { SpaceError } from '../../spaces/errors.js';
import type { ConsumeOptions, Firing, ProduceOptions } from '../../spaces/types.js';
import { matchTerm } from '../match/match.js';
import { guri } from '../term/build.js';
import { Unforgeable } from '../term/nodes-ground.js';
import type { Match, New, Receive, Send, UseBlock } from '../term/nodes-proc.js';
import type { Term } from '../term/term.js';
import { printValue } from '../values/print.js';
import { show } from '../values/value.js';
import { EMPTY_LIST_SIZE, type RhoCostModel, sizeOf, sizeOfAll } from './costs.js';
import { close, EMPTY_ENV, type Env, extend, lookup } from './env.js';
import { RhoRuntimeError } from './errors.js';
import { type ExprContext, evaluate, isExpression, isProcess } from './evaluate.js';
import type { Rng } from './rng.js';
import { onSpace, priorityOf, readable, similarityQuery, writable } from './space-ops.js';
import { type BindPattern, bindPatternOf, Closure, RhoDatum, type RhoTypes, visitNames } from './space-types.js';
import type { RhoSpace, RhoSpaces } from './spaces.js';
import { describeComm } from './trace.js';

/** One evaluation error: a stable code and a message for people. */
export interface RhoError {
  readonly code: string;
  readonly message: string;
}

/** Resolves the URN of a `new x(\`...\`)` declaration to the name it binds (undefined if none). */
export type UrnResolver = (urn: string) => Term | undefined;

/** What the reducer needs around it. */
export interface ReducerOptions {
  readonly spaces: RhoSpaces;
  readonly costs: RhoCostModel;
  readonly resolveUrn: UrnResolver;
  /** Called once per COMM with a one-line description (`--trace`). */
  readonly trace?: ((line: string) => void) | undefined;
}

/** Sizes of receive bodies, which are charged on every evaluation of the receive. */
const bodySizes = new WeakMap<Term, number>();

const PERSIST: ConsumeOptions = { persist: true };
const PERSIST_PRODUCE: ProduceOptions = { persist: true };

export class Reducer {
  readonly errors: RhoError[] = [];
  /** COMMs so far. */
  comms = 0;
  private readonly spaces: RhoSpaces;
  private readonly costs: RhoCostModel;
  private readonly resolveUrn: UrnResolver;
  private readonly trace: ((line: string) => void) | undefined;
  private readonly queue: (Firing<RhoTypes> | undefined)[] = [];
  private head = 0;
  private fatal: OutOfPhlogistonError | null = null;
  /** What expression evaluation charges and calls. */
  private readonly expr: ExprContext;

  constructor(options: ReducerOptions) {
    this.spaces = options.spaces;
    this.costs = options.costs;
    this.resolveUrn = options.resolveUrn;
    this.trace = options.trace;
    const costs = this.costs;
    const spaces = this.spaces;
    this.expr = {
      unary: (op) => costs.unary(op),
      binary: (op, a, b) => costs.binary(op, a, b),
      method: (name, r, args) => costs.method(name, r, args),
      matches: (t, p) => costs.matches(t, p),
      call: (name, args) => {
        // The normalizer admits only getSpaceAgent, with one argument.
        const space = spaces.spaceNamed(args[0], `${name}(...)`);
        return guri(space.urn);
      },
    };
  }

  /** The error that stopped the run (out of phlogiston), if one did. */
  get stoppedBy(): OutOfPhlogistonError | null {
    return this.fatal;
  }

  /**
   * Runs `term` (closed) and then every body its COMMs trigger, until nothing is left to run.
   * `sourceBytes` is the length of the source it came from, charged first (parsing).
   */
  run(term: Term, rng: Rng, sourceBytes = 0): void {
    if (this.fatal !== null) return;
    try {
      if (sourceBytes > 0) this.costs.parsing(sourceBytes);
      this.guarded(term, EMPTY_ENV, rng, null);
      this.drain();
    } catch (e) {
      if (!(e instanceof OutOfPhlogistonError)) throw e;
      this.fatal = e;
      this.queue.length = 0;
      this.head = 0;
    }
  }

  /** Sends `values` on `channel` from native code (a system process's reply), in the channel's own space. */
  sendFromSystem(channel: Term, values: readonly Term[], rng: Rng): void {
    const c = writable(channel);
    this.produce(this.spaces.route(c, null), c, values, false, rng, undefined);
  }

  private drain(): void {
    const q = this.queue;
    while (this.head < q.length) {
      const f = q[this.head] as Firing<RhoTypes>;
      q[this.head++] = undefined;
      try {
        this.fire(f);
      } catch (e) {
        this.fail(e);
      }
      if (this.head > 4096 && this.head * 2 > q.length) {
        q.splice(0, this.head);
        this.head = 0;
      }
    }
    q.length = 0;
    this.head = 0;
  }

  /** Runs one process; an error ends it and is collected. */
  private guarded(t: Term, env: Env, rng: Rng, use: RhoSpace | null): void {
    try {
      this.proc(t, env, rng, use);
    } catch (e) {
      this.fail(e);
    }
  }

  private fail(e: unknown): void {
    if (e instanceof OutOfPhlogistonError) throw e;
    if (e instanceof SpaceError) this.errors.push({ code: e.code, message: e.message });
    else if (e instanceof RangeError && /call stack/.test(e.message)) {
      this.errors.push({ code: 'StackOverflow', message: 'the process is nested too deeply to evaluate' });
    } else throw e;
  }

  private proc(t: Term, env: Env, rng: Rng, use: RhoSpace | null): void {
    switch (t.kind) {
      case 'Par': {
        const ms = t.sourceOrder;
        for (let i = 0; i < ms.length; i++) this.guarded(ms[i], env, rng.split(i), use);
        return;
      }
      case 'Send':
        this.send(t, env, rng, use);
        return;
      case 'Receive':
        this.receive(t, env, rng, use);
        return;
      case 'New':
        this.newNames(t, env, rng, use);
        return;
      case 'Match':
        this.match(t, env, rng, use);
        return;
      case 'Bundle':
        this.proc(t.body, env, rng, use);
        return;
      case 'Use':
        this.useBlock(t, env, rng);
        return;
      case 'BoundVar': {
        // `*x`: run the process the variable holds (closed, so its own environment is empty).
        this.costs.varLookup();
        this.proc(lookup(env, t.index), EMPTY_ENV, rng, use);
        return;
      }
      default: {
        // Expressions in process position run what they evaluate to; ground values do nothing.
        if (!isExpression(t)) return;
        const v = evaluate(t, env, this.expr);
        if (isProcess(v)) this.proc(v, EMPTY_ENV, rng, use);
      }
    }
  }

  private send(t: Send, env: Env, rng: Rng, use: RhoSpace | null): void {
    const channel = writable(evaluate(t.channel, env, this.expr));
    const ds = t.data;
    const values = new Array<Term>(ds.length);
    for (let i = 0; i < ds.length; i++) values[i] = evaluate(ds[i], env, this.expr);
    const target = this.spaces.route(channel, use);
    const priority =
      t.hyperparams.length === 0 ? undefined : priorityOf(t.hyperparams, env, this.expr, target, channel);
    if (this.spaces.hasSeq) this.checkMobile(channel, values);
    this.produce(target, channel, values, t.persistent, rng, priority);
  }

  /** Names made in `seq` spaces may not travel inside data (rholang-surface §2.9). */
  private checkMobile(channel: Term, values: readonly Term[]): void {
    for (const v of values) {
      visitNames(v, (name) => {
        if (this.spaces.isSeqName(name)) {
          throw new RhoRuntimeError(
            'SeqChannelNotMobile',
            `the send on ${show(channel)} carries ${printValue(name)}, a name of a seq space, which may not be sent`,
          );
        }
      });
    }
  }

  private produce(
    target: RhoSpace,
    channel: Term,
    values: readonly Term[],
    persistent: boolean,
    rng: Rng,
    priority: number | undefined,
  ): void {
    const user = target.meter !== null;
    const valuesSize = sizeOfAll(values);
    const size = this.costs.send(sizeOf(channel) + valuesSize, !user);
    const datum = new RhoDatum(values, rng, user ? 0 : size, EMPTY_LIST_SIZE + valuesSize);
    const options =
      priority !== undefined ? { persist: persistent, priority } : persistent ? PERSIST_PRODUCE : undefined;
    const firings = user
      ? onSpace(target, () => target.space.produce(channel, datum, options))
      : target.space.produce(channel, datum, options);
    this.settle(firings, 1, persistent, !user);
  }

  private receive(t: Receive, env: Env, rng: Rng, use: RhoSpace | null): void {
    const binds = t.binds;
    const n = binds.length;
    const channels = new Array<Term>(n);
    const patterns = new Array<BindPattern>(n);
    let target: RhoSpace | null = null;
    let peeks: number[] | null = null;
    let similarity: ConsumeOptions['similarity'];
    for (let i = 0; i < n; i++) {
      const b = binds[i];
      const channel = readable(evaluate(b.source, env, this.expr));
      const space = this.spaces.route(channel, use);
      if (target === null) target = space;
      else if (space !== target) {
        throw new RhoRuntimeError(
          'CrossSpaceJoin',
          `a join cannot span spaces: ${show(channels[0])} is in ${target.describe()} but ${show(channel)} is in ${space.describe()}`,
        );
      }
      channels[i] = channel;
      patterns[i] = bindPatternOf(b, env);
      if (b.peek) {
        peeks ??= [];
        peeks.push(i);
      }
      if (b.similarity !== null) {
        similarity ??= new Array(n).fill(null);
        (similarity as (ReturnType<typeof similarityQuery> | null)[])[i] = similarityQuery(
          b.similarity,
          env,
          this.expr,
          space,
        );
      }
    }
    const space = target as RhoSpace;
    let body = bodySizes.get(t.body);
    if (body === undefined) {
      body = sizeOf(t.body);
      bodySizes.set(t.body, body);
    }
    const user = space.meter !== null;
    const size = this.costs.receive(channels, patterns, body, !user);
    const cont = new Closure(t.body, env, rng, user ? 0 : size, use);
    const options =
      peeks !== null || similarity !== undefined
        ? { persist: t.persistent, peeks: peeks ?? undefined, similarity }
        : t.persistent
          ? PERSIST
          : undefined;
    const firings = user
      ? onSpace(space, () => space.space.consume(channels, patterns, cont, options))
      : space.space.consume(channels, patterns, cont, options);
    this.settle(firings, n, t.persistent, !user);
  }

  /** Charges for what an operation did and queues the bodies it fired. */
  private settle(firings: readonly Firing<RhoTypes>[], channels: number, persistent: boolean, storage: boolean): void {
    if (firings.length === 0) {
      if (storage) this.costs.stored(channels);
      return;
    }
    for (let i = 0; i < firings.length; i++) {
      const f = firings[i];
      if (storage) {
        let refund = f.persistent ? 0 : f.continuation.storedSize;
        for (const m of f.matches) if (!m.persistent && !m.peeked) refund += m.datum.storedSize;
        this.costs.comm(f.matches.length, persistent, refund);
      }
      // Counted and traced once paid for: a COMM the phlogiston cannot cover never runs.
      this.comms++;
      if (this.trace !== undefined) this.trace(describeComm(this.comms, f));
      this.queue.push(f);
    }
  }

  /** Runs a fired continuation with the values its patterns bound. */
  private fire(f: Firing<RhoTypes>): void {
    const k = f.continuation;
    const ms = f.matches;
    if (k.kind === 'system') {
      k.handler(ms[0].datum.list.elements, ms[0].datum.rng);
      return;
    }
    let env: Env;
    let rng: Rng;
    if (ms.length === 1) {
      env = extend(k.env, ms[0].bindings);
      rng = k.rng.mergeOne(ms[0].datum.rng);
    } else {
      const values: Term[] = [];
      const rngs: Rng[] = [];
      for (const m of ms) {
        for (const v of m.bindings) values.push(v);
        rngs.push(m.datum.rng);
      }
      env = extend(k.env, values);
      rng = k.rng.merge(rngs);
    }
    this.proc(k.body, env, rng, k.use);
  }

  private newNames(t: New, env: Env, rng: Rng, use: RhoSpace | null): void {
    const decls = t.decls;
    this.costs.newNames(decls.length);
    const names = new Array<Term>(decls.length);
    for (let i = 0; i < decls.length; i++) {
      const d = decls[i];
      if (d.uri !== null) {
        const name = this.resolveUrn(d.uri);
        if (name === undefined) throw new RhoRuntimeError('UnknownUrn', `no system process is bound to \`${d.uri}\``);
        names[i] = name;
      } else if (d.space !== null) {
        const space = this.spaces.spaceNamed(evaluate(d.space, env, this.expr), '`new x : space`');
        names[i] = onSpace(space, () => this.spaces.newName(space, rng));
      } else if (use !== null) {
        names[i] = onSpace(use, () => this.spaces.newName(use, rng));
      } else names[i] = new Unforgeable(rng.next());
    }
    this.proc(t.body, extend(env, names), rng, use);
  }

  private useBlock(t: UseBlock, env: Env, rng: Rng): void {
    this.costs.useBlock();
    const space = this.spaces.spaceNamed(evaluate(t.space, env, this.expr), '`use`');
    this.proc(t.body, env, rng, space);
  }

  private match(t: Match, env: Env, rng: Rng, use: RhoSpace | null): void {
    const target = evaluate(t.target, env, this.expr);
    this.costs.match(target);
    for (const c of t.cases) {
      const pattern = close(c.pattern, env);
      this.costs.matchCase(pattern);
      const bound = matchTerm(pattern, target, { freeCount: c.freeCount });
      if (bound !== null) {
        this.proc(c.body, extend(env, bound), rng, use);
        return;
      }
    }
  }
}
