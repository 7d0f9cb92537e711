/**
 * The reducer: runs a normalized term on a space (rholang-surface §4; DECISIONS 23).
 *
 * Scheduling. `proc` runs a process to the end of what it can do without waiting: the members of
 * a parallel composition in the order they were written, sends and receives straight into the
 * space, `new`, `match` and bundles into their bodies. A send or receive that meets its partner
 * makes the space return a firing (a COMM); its body is not run there but queued, and the queue
 * is run first in, first out. So every member of a Par is placed before any body it triggers
 * runs, recursion in JavaScript is bounded by the nesting of the program text, and a long chain
 * of COMMs is a loop, not a deep stack.
 *
 * Errors. An error ends the process that raised it — a member of a Par, or a fired body — and is
 * collected; siblings and every queued body go on. Running out of phlogiston ends the whole run.
 */

import { OutOfPhlogistonError } from '../../gas/errors.js';
import { SpaceError } from '../../spaces/errors.js';
import type { Space } from '../../spaces/space.js';
import type { ConsumeOptions, Firing } from '../../spaces/types.js';
import { matchTerm } from '../match/match.js';
import { Unforgeable } from '../term/nodes-ground.js';
import type { Match, New, Receive, ReceiveBind, Send } from '../term/nodes-proc.js';
import type { Term } from '../term/term.js';
import { printValue } from '../values/print.js';
import { type RhoCostModel, sizeOf } from './costs.js';
import { close, EMPTY_ENV, type Env, extend, lookup } from './env.js';
import { RhoRuntimeError } from './errors.js';
import { evaluate, isExpression } from './evaluate.js';
import type { Rng } from './rng.js';
import { BindPattern, Closure, RhoDatum, type RhoTypes } from './space-types.js';

/** One evaluation error: a stable code and a message for people. */
export interface RhoError {
  readonly code: string;
  readonly message: string;
}

/** Resolves the URN of a `new x(\`...\`)` declaration to the name it binds. */
export type UrnResolver = (urn: string) => Term | undefined;

/** What the reducer needs around it. */
export interface ReducerOptions {
  readonly space: Space<RhoTypes>;
  readonly costs: RhoCostModel;
  readonly resolveUrn: UrnResolver;
  /** Called once per COMM with a one-line description (`--trace`). */
  readonly trace?: ((line: string) => void) | undefined;
}

/** Compiled patterns of binds whose patterns are closed (the usual case), made once per bind. */
const closedPatterns = new WeakMap<ReceiveBind, BindPattern>();
/** Sizes of receive bodies, which are charged on every evaluation of the receive. */
const bodySizes = new WeakMap<Term, number>();

const PERSIST: ConsumeOptions = { persist: true };
const PERSIST_PRODUCE = { persist: true };

export class Reducer {
  readonly errors: RhoError[] = [];
  /** COMMs so far. */
  comms = 0;
  private readonly space: Space<RhoTypes>;
  private readonly costs: RhoCostModel;
  private readonly resolveUrn: UrnResolver;
  private readonly trace: ((line: string) => void) | undefined;
  private readonly queue: (Firing<RhoTypes> | undefined)[] = [];
  private head = 0;
  private fatal: OutOfPhlogistonError | null = null;

  constructor(options: ReducerOptions) {
    this.space = options.space;
    this.costs = options.costs;
    this.resolveUrn = options.resolveUrn;
    this.trace = options.trace;
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
      this.guarded(term, EMPTY_ENV, rng);
      this.drain();
    } catch (e) {
      if (!(e instanceof OutOfPhlogistonError)) throw e;
      this.fatal = e;
      this.queue.length = 0;
      this.head = 0;
    }
  }

  /** Sends `values` on `channel` from native code (a system process's reply). */
  sendFromSystem(channel: Term, values: readonly Term[], rng: Rng): void {
    this.produce(this.writable(channel), values, false, rng);
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
  private guarded(t: Term, env: Env, rng: Rng): void {
    try {
      this.proc(t, env, rng);
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

  private proc(t: Term, env: Env, rng: Rng): void {
    switch (t.kind) {
      case 'Par': {
        const ms = t.sourceOrder;
        for (let i = 0; i < ms.length; i++) this.guarded(ms[i], env, rng.split(i));
        return;
      }
      case 'Send':
        this.send(t, env, rng);
        return;
      case 'Receive':
        this.receive(t, env, rng);
        return;
      case 'New':
        this.newNames(t, env, rng);
        return;
      case 'Match':
        this.match(t, env, rng);
        return;
      case 'Bundle':
        this.proc(t.body, env, rng);
        return;
      case 'Use':
        this.costs.useBlock();
        throw new RhoRuntimeError('Unsupported', 'use blocks need reified spaces, which this runtime does not run yet');
      case 'BoundVar': {
        // `*x`: run the process the variable holds (closed, so its own environment is empty).
        this.costs.varLookup();
        this.proc(lookup(env, t.index), EMPTY_ENV, rng);
        return;
      }
      default: {
        // Expressions in process position run what they evaluate to; ground values do nothing.
        if (!isExpression(t)) return;
        const v = evaluate(t, env, this.costs);
        if (isProcess(v)) this.proc(v, EMPTY_ENV, rng);
      }
    }
  }

  private send(t: Send, env: Env, rng: Rng): void {
    if (t.hyperparams.length > 0) {
      throw new RhoRuntimeError('Unsupported', 'send hyperparameters (priorities) need a priority-queue space');
    }
    const channel = this.writable(evaluate(t.channel, env, this.costs));
    const ds = t.data;
    const values = new Array<Term>(ds.length);
    for (let i = 0; i < ds.length; i++) values[i] = evaluate(ds[i], env, this.costs);
    this.produce(channel, values, t.persistent, rng);
  }

  private produce(channel: Term, values: readonly Term[], persistent: boolean, rng: Rng): void {
    const size = this.costs.send(channel, values);
    const datum = new RhoDatum(values, rng, size);
    const firings = this.space.produce(channel, datum, persistent ? PERSIST_PRODUCE : undefined);
    this.settle(firings, 1, persistent);
  }

  private receive(t: Receive, env: Env, rng: Rng): void {
    const binds = t.binds;
    const n = binds.length;
    const channels = new Array<Term>(n);
    const patterns = new Array<BindPattern>(n);
    let peeks: number[] | null = null;
    for (let i = 0; i < n; i++) {
      const b = binds[i];
      if (b.similarity !== null) {
        throw new RhoRuntimeError('Unsupported', 'similarity receives (`~`) need a vectordb space');
      }
      channels[i] = this.readable(evaluate(b.source, env, this.costs));
      patterns[i] = patternOf(b, env);
      if (b.peek) {
        peeks ??= [];
        peeks.push(i);
      }
    }
    let body = bodySizes.get(t.body);
    if (body === undefined) {
      body = sizeOf(t.body);
      bodySizes.set(t.body, body);
    }
    const size = this.costs.receive(channels, patterns, body);
    const cont = new Closure(t.body, env, rng, size);
    const options = peeks !== null ? { persist: t.persistent, peeks } : t.persistent ? PERSIST : undefined;
    const firings = this.space.consume(channels, patterns, cont, options);
    this.settle(firings, n, t.persistent);
  }

  /** Charges for what an operation did and queues the bodies it fired. */
  private settle(firings: readonly Firing<RhoTypes>[], channels: number, persistent: boolean): void {
    if (firings.length === 0) {
      this.costs.stored(channels);
      return;
    }
    for (let i = 0; i < firings.length; i++) {
      const f = firings[i];
      let refund = f.persistent ? 0 : f.continuation.storedSize;
      for (const m of f.matches) if (!m.persistent && !m.peeked) refund += m.datum.storedSize;
      // Counted and traced once paid for: a COMM the phlogiston cannot cover never runs.
      this.costs.comm(f.matches.length, persistent, refund);
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
    this.proc(k.body, env, rng);
  }

  private newNames(t: New, env: Env, rng: Rng): void {
    const decls = t.decls;
    this.costs.newNames(decls.length);
    const names = new Array<Term>(decls.length);
    for (let i = 0; i < decls.length; i++) {
      const d = decls[i];
      if (d.space !== null) {
        throw new RhoRuntimeError(
          'Unsupported',
          '`new x : space` needs reified spaces, which this runtime does not run yet',
        );
      }
      if (d.uri === null) names[i] = new Unforgeable(rng.next());
      else {
        const name = this.resolveUrn(d.uri);
        if (name === undefined) throw new RhoRuntimeError('UnknownUrn', `no system process is bound to \`${d.uri}\``);
        names[i] = name;
      }
    }
    this.proc(t.body, extend(env, names), rng);
  }

  private match(t: Match, env: Env, rng: Rng): void {
    const target = evaluate(t.target, env, this.costs);
    this.costs.match(target);
    for (const c of t.cases) {
      const pattern = close(c.pattern, env);
      this.costs.matchCase(pattern);
      const bound = matchTerm(pattern, target, { freeCount: c.freeCount });
      if (bound !== null) {
        this.proc(c.body, extend(env, bound), rng);
        return;
      }
    }
  }

  /** A channel to send on: bundles are unwrapped, and must allow writing. */
  private writable(channel: Term): Term {
    let c = channel;
    while (c.kind === 'Bundle') {
      if (!c.write)
        throw new RhoRuntimeError(
          'BundleNotWritable',
          `cannot send on ${printValue(channel)}: the bundle is not writable`,
        );
      c = c.body;
    }
    return c;
  }

  /** A channel to receive on: bundles are unwrapped, and must allow reading. */
  private readable(channel: Term): Term {
    let c = channel;
    while (c.kind === 'Bundle') {
      if (!c.read)
        throw new RhoRuntimeError(
          'BundleNotReadable',
          `cannot receive on ${printValue(channel)}: the bundle is not readable`,
        );
      c = c.body;
    }
    return c;
  }
}

/** The compiled patterns of a bind: made once for closed patterns, per evaluation for open ones. */
function patternOf(b: ReceiveBind, env: Env): BindPattern {
  let p = closedPatterns.get(b);
  if (p !== undefined) return p;
  let open = false;
  for (const q of b.patterns) if (q.open > 0) open = true;
  if (!open) {
    p = new BindPattern(b.patterns, b.remainder, b.freeCount);
    closedPatterns.set(b, p);
    return p;
  }
  return new BindPattern(
    b.patterns.map((q) => close(q, env)),
    b.remainder,
    b.freeCount,
  );
}

function isProcess(t: Term): boolean {
  switch (t.kind) {
    case 'Send':
    case 'Receive':
    case 'New':
    case 'Match':
    case 'Bundle':
    case 'Use':
    case 'Par':
      return true;
    default:
      return false;
  }
}

/** One line of `--trace`: the COMM's number, then each channel with the data it gave. */
function describeComm(n: number, f: Firing<RhoTypes>): string {
  const parts = f.matches.map((m) => `${printValue(m.channel)} ! ${printValue(m.datum.list)}`);
  const who = f.continuation.kind === 'system' ? ` -> ${f.continuation.urn}` : '';
  return `comm ${n}: ${parts.join(' & ')}${who}`;
}
