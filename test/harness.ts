/**
 * The checking harness of `engine.property.test.ts`: runs an operation sequence on a fresh
 * space and, after every call, checks the engine against the brute-force model in `model.ts`
 * (accounting against the reported firings, eligibility of everything fired, first-eligible
 * selection, continuation order, the no-pending-match invariant, persistence, set dedup, cell
 * exclusivity, join atomicity, refused calls changing nothing, names never reused).
 */
import assert from 'node:assert/strict';
import { Name, type Value } from '../src/data/value.js';
import type { ValueTypes } from '../src/plain/adapter.js';
import { createSpace } from '../src/plain/create.js';
import type { StoredDatum } from '../src/spaces/collections/data-collection.js';
import { predicateMatcher } from '../src/spaces/matchers/basic.js';
import type { Space } from '../src/spaces/space.js';
import type { Firing, WaitingInfo } from '../src/spaces/types.js';
import { groupKey, type MCont, Model, type Pat, patMatches, showCont, showDatum } from './model.js';
import { type Cfg, type ConsumeOp, type Mode, type Op, showOp } from './ops.js';

type Types = ValueTypes<Pat, number>;
type F = Firing<Types>;

const matcher = predicateMatcher<Pat, Value>(
  (p, d) => p === null || (typeof d === 'number' && d % p.mod === p.rem),
  'ModRem',
);

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const codeOf = (e: unknown) => (e as { code?: unknown }).code;
const showStored = (d: StoredDatum<Value>) =>
  `${String(d.datum)}${d.persistent ? '!' : ''}${d.priority === undefined ? '' : `@${d.priority}`}`;

function showFiring(f: F): string {
  const ms = f.matches.map((m) => `${String(m.datum)}${m.persistent ? '!' : ''}${m.peeked ? '(peek)' : ''}`);
  return `k${String(f.continuation)}${f.persistent ? '!' : ''}<-[${ms.join(', ')}]`;
}

/** One random run: a fresh space, the model, and everything the checks remember. */
class Run {
  readonly space: Space<Types>;
  readonly model: Model;
  /** Every channel the run can name, by model key. */
  private readonly chanOf = new Map<string, Value>();
  private readonly names: Name[] = [];
  private readonly seenNames = new Set<string>();
  /** The next array slot gensym considers. */
  private slotCursor = 0;
  private persistentStored: [string, number][] = [];
  private readonly trace: string[] = [];
  private nextCont = 0;
  private counter = 0;

  constructor(
    readonly cfg: Cfg,
    /** Joins may name a channel twice: only accounting is checked, not eligibility or the invariant. */
    readonly repeated: boolean,
    /** Also require that a non-persistent datum fills at most one position of a firing. */
    private readonly oneDatumOnePosition = false,
  ) {
    this.space = createSpace<Pat, number>({ config: cfg.config, matcher });
    this.model = new Model(cfg.kind, cfg.contKind, (cfg.levels ?? 2) - 1);
    for (let i = 0; i < 4; i++) this.chanOf.set(this.key(i), i);
  }

  /** Model key of a channel. Array and Vector spaces address slots: a name and its slot index agree. */
  key(ch: Value): string {
    if (typeof ch === 'number') return `n${ch}`;
    assert.ok(ch instanceof Name, `unexpected channel ${String(ch)}`);
    const index = new DataView(ch.bytes.buffer, ch.bytes.byteOffset, ch.bytes.length).getBigUint64(ch.bytes.length - 8);
    // In a HashMap space a name is a channel of its own (`N<index>`), distinct from the integers.
    return `${this.cfg.store === 'hashmap' ? 'N' : 'n'}${index}`;
  }

  private resolve(ref: number): Value {
    return ref < 4 ? ref : (this.names[ref - 4] ?? ref - 4);
  }

  exec(op: Op, index: number): void {
    this.trace.push(`#${index} ${showOp(op)}`);
    try {
      if (op.t === 'produce') this.produce(op);
      else if (op.t === 'consume' || op.t === 'install') this.consume(op);
      else if (op.t === 'gensym') this.gensym();
      else if (op.t === 'invalid') this.invalid(op);
      else this.clear();
      this.check();
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      const trace = this.trace.join('\n    ');
      const context = `model: ${this.model.show()}\n  trace:\n    ${trace}`;
      throw new Error(`step ${index} ${showOp(op)}: ${message}\n  ${context}`, { cause: e });
    }
  }

  private note(text: string): void {
    this.trace[this.trace.length - 1] += ` ${text}`;
  }

  private produce(op: Extract<Op, { t: 'produce' }>): void {
    const ch = this.resolve(op.ch);
    const k = this.key(ch);
    const v = this.cfg.kind === 'set' ? op.v : this.counter++ * 8 + op.v;
    const priority = this.cfg.kind === 'priorityqueue' ? op.prio : undefined;
    const options = { persist: op.persist, priority };
    this.note(`[datum ${v} on ${k}]`);
    if (this.cfg.kind === 'cell' && this.model.list(k).length > 0) {
      const before = this.snapshot();
      assert.throws(
        () => this.space.produce(ch, v, options),
        (e) => codeOf(e) === 'CellAlreadyFull',
      );
      assert.equal(this.snapshot(), before, 'a refused produce changed the space');
      this.note('refused');
      return;
    }
    const fs = this.space.produce(ch, v, options);
    this.note(`→ ${fs.map(showFiring).join(' ') || 'no firing'}`);
    // Single-channel waiters that a persistent datum must fire exactly once each (bag/set joins).
    const single = this.cfg.contKind === 'bag' || this.cfg.contKind === 'set';
    const waiters = single ? (this.model.groups.get(k) ?? []).filter((c) => patMatches(c.pats[0], v)) : [];
    const stored = this.model.insert(k, v, op.persist, priority);
    if (!stored) assert.equal(fs.length, 0, `set duplicate ${v} was ignored but fired`);
    if (stored && op.persist && this.model.eligible(k).some((d) => d.v === v)) {
      for (const w of waiters) {
        const n = fs.filter((f) => f.continuation === w.id && f.matches[0].datum === v).length;
        assert.equal(n, 1, `persistent datum ${v} fired ${showCont(w)} ${n}×`);
      }
    }
    this.apply(fs, (f, j) => {
      if (j > 0 || this.repeated) return;
      // The invariant held before, so the first firing must use the new datum; every other
      // position takes the first eligible match in collection order.
      const pin = f.channels.findIndex((c) => this.key(c) === k);
      assert.ok(pin >= 0 && f.matches[pin].datum === v, `first firing ${showFiring(f)} does not use datum ${v}`);
      this.checkGreedy(f, pin);
      // Within its join, the continuations ahead of the one that fired could not use the datum.
      const c = this.model.findCont(f.continuation);
      const ahead = c === undefined ? [] : this.model.eligibleConts(groupKey(c.chans));
      for (const a of ahead.slice(0, Math.max(0, ahead.indexOf(c!)))) {
        assert.ok(!this.model.canFireWith(a, k, v), `${showFiring(f)} fired before ${showCont(a)}`);
      }
    });
    if (!stored) return;
    const consumedBy = fs.filter((f) =>
      f.matches.some((m) => m.datum === v && !m.peeked && !m.persistent && this.key(m.channel) === k),
    ).length;
    const storedAtEnd = this.model.find(k, v) !== undefined;
    if (op.persist) {
      assert.ok(storedAtEnd && consumedBy === 0, `persistent datum ${v} not kept`);
      this.persistentStored.push([k, v]);
    } else {
      assert.ok(consumedBy <= 1, `datum ${v} consumed by ${consumedBy} firings`);
      assert.notEqual(consumedBy === 1, storedAtEnd, `datum ${v}: consumed ${consumedBy}×, stored ${storedAtEnd}`);
    }
  }

  private consume(op: ConsumeOp): void {
    const persist = op.t === 'install' || op.persist;
    const opPeeks = op.t === 'install' ? [] : op.peeks;
    let positions = op.chs.map((ref, i) => ({ ch: this.resolve(ref), pat: op.pats[i], peek: opPeeks.includes(i) }));
    if (!this.repeated) {
      // Distinct refs may still name one slot (g0 is slot 0 of an Array space): keep the first.
      positions = positions.filter((p, i) => positions.findIndex((q) => this.key(q.ch) === this.key(p.ch)) === i);
    }
    const chs = positions.map((p) => p.ch);
    const pats = positions.map((p) => p.pat);
    const peeks = positions.flatMap((p, i) => (p.peek ? [i] : []));
    const id = this.nextCont++;
    const c: MCont = { id, chans: chs.map((ch) => this.key(ch)), pats, persist, peeks };
    this.note(`[k${id}]`);
    const before = this.dataSnapshot();
    // A persistent receive on one channel of a bag, set or cell fires once per matching datum, in order.
    const once = persist && chs.length === 1 && ['bag', 'set', 'cell'].includes(this.cfg.kind);
    const eligibleAtOnce = this.cfg.contKind !== 'queue' || !this.model.groups.has(groupKey(c.chans));
    const expected =
      once && eligibleAtOnce ? this.model.list(c.chans[0]).filter((d) => patMatches(pats[0], d.v)) : null;
    // The new continuation is modelled as stored at the end of its join; firing it removes it again.
    this.model.addCont(c);
    const fs =
      op.t === 'install' ? this.space.install(chs, pats, id) : this.space.consume(chs, pats, id, { persist, peeks });
    this.note(`→ ${fs.map(showFiring).join(' ') || 'no firing'}`);
    let greedy = !this.repeated;
    this.apply(fs, (f, j) => {
      if (this.repeated) return;
      if (j === 0) assert.equal(f.continuation, id, `first firing ${showFiring(f)} is not the new continuation`);
      // The new continuation's own firings come first; until one consumes nothing, each takes
      // the first eligible match at every position.
      if (!greedy || f.continuation !== id) {
        greedy = false;
        return;
      }
      this.checkGreedy(f, -1);
      if (persist && f.matches.every((m) => m.peeked || m.persistent)) greedy = false;
    });
    const fired = fs.filter((f) => f.continuation === id).length;
    if (expected !== null) {
      const got = fs.filter((f) => f.continuation === id).map((f) => f.matches[0].datum);
      const want = expected.map((d) => d.v);
      assert.deepEqual(got, want, `persistent k${id} must fire once per matching datum: [${got}] ≠ [${want}]`);
    }
    const waiting = this.model.findCont(id) !== undefined;
    if (persist) assert.ok(waiting, `persistent continuation k${id} not stored`);
    else {
      assert.ok(fired <= 1, `continuation k${id} fired ${fired}×`);
      assert.notEqual(fired === 1, waiting, `continuation k${id}: fired ${fired}×, stored ${waiting}`);
    }
    if (fs.length === 0) {
      const after = this.dataSnapshot();
      assert.equal(after, before, `a consume that fired nothing changed data: ${before} → ${after}`);
    }
  }

  private gensym(): void {
    // An array hands out slots in order, skipping slots in use through their index.
    let slot = -1;
    const size = this.cfg.arraySize;
    if (size !== undefined) {
      const used = this.model.usedChannels();
      while (this.slotCursor < size && used.has(`n${this.slotCursor}`)) this.slotCursor++;
      if (this.slotCursor >= size) {
        const before = this.snapshot();
        assert.throws(
          () => this.space.gensym(),
          (e) => codeOf(e) === 'OutOfNames',
        );
        assert.equal(this.snapshot(), before, 'a refused gensym changed the space');
        this.note('→ OutOfNames');
        return;
      }
      slot = this.slotCursor++;
    }
    const name = this.space.gensym();
    assert.ok(name instanceof Name, 'gensym did not return a Name');
    const h = hex(name.bytes);
    assert.ok(!this.seenNames.has(h), `gensym reused name ${h}`);
    this.seenNames.add(h);
    assert.equal(this.space.nameCount, this.seenNames.size, 'nameCount');
    this.names.push(name);
    const k = this.key(name);
    this.note(`→ ${k}`);
    if (slot >= 0) assert.equal(k, `n${slot}`, 'gensym skipped or reused an array slot');
    assert.ok(!this.model.usedChannels().has(k), `fresh name ${k} addresses a used channel`);
    // Only g0 and g1 are ever used as channels.
    if (this.names.length <= 2 && !this.chanOf.has(k)) this.chanOf.set(k, name);
  }

  /** A refused call throws its typed error and changes nothing. */
  private invalid(op: Extract<Op, { t: 'invalid' }>): void {
    const ch = this.resolve(op.ch);
    const { kind, store } = this.cfg;
    const before = this.snapshot();
    let call: () => unknown = () => this.space.consume([ch], [null], -1, { peeks: [1] });
    let code = 'InvalidPeek';
    if (op.what === 'arity') [call, code] = [() => this.space.consume([ch, 3], [null], -1), 'ArityMismatch'];
    if (op.what === 'empty') [call, code] = [() => this.space.consume([], [], -1), 'ArityMismatch'];
    if (op.what === 'priority' && kind === 'priorityqueue') {
      [call, code] = [() => this.space.produce(ch, 1, { priority: op.ch % 2 === 0 ? -1 : 1.5 }), 'InvalidPriority'];
    }
    if (op.what === 'channel' && store === 'array') {
      [call, code] = [() => this.space.consume([ch, this.cfg.arraySize!], [null, null], -1), 'InvalidConfiguration'];
    }
    if (op.what === 'channel' && store === 'vector')
      [call, code] = [() => this.space.produce('x', 1), 'InvalidChannel'];
    this.note(`[expects ${code}]`);
    assert.throws(call, (e) => codeOf(e) === code, `expected ${code}`);
    assert.equal(this.snapshot(), before, 'a refused call changed the space');
  }

  private clear(): void {
    const names = this.space.nameCount;
    this.space.clear();
    this.model.clear();
    this.persistentStored = [];
    assert.equal(this.space.nameCount, names, 'clear() changed the name counter');
  }

  /** Checks each reported firing against the model, then applies it. */
  private apply(fs: readonly F[], before: (f: F, j: number) => void): void {
    const model = this.model;
    const nonConsuming = new Set<string>();
    fs.forEach((f, j) => {
      const where = `firing #${j} ${showFiring(f)}`;
      before(f, j);
      const c = model.findCont(f.continuation);
      assert.ok(c !== undefined, `${where}: continuation is not waiting`);
      assert.equal(f.persistent, c.persist, `${where}: persistent flag`);
      assert.equal(f.peek, c.peeks.length > 0, `${where}: peek flag`);
      assert.deepEqual(
        f.channels.map((ch) => this.key(ch)),
        c.chans,
        `${where}: channels`,
      );
      assert.deepEqual(f.patterns, c.pats, `${where}: patterns`);
      assert.equal(f.matches.length, c.chans.length, `${where}: one match per channel`);
      assert.ok(model.eligibleConts(groupKey(c.chans)).includes(c), `${where}: continuation was not eligible`);
      f.matches.forEach((m, i) => {
        const k = this.key(m.channel);
        assert.equal(k, c.chans[i], `${where}: match ${i} channel`);
        if (this.cfg.store === 'hashmap') assert.deepEqual(m.channel, f.channels[i], `${where}: match ${i} channel`);
        assert.equal(m.peeked, c.peeks.includes(i), `${where}: match ${i} peeked flag`);
        assert.equal(m.suffix, undefined, `${where}: match ${i} suffix`);
        assert.ok(typeof m.datum === 'number' && patMatches(c.pats[i], m.datum), `${where}: pattern ${i} fails`);
        const d = model.find(k, m.datum);
        assert.ok(d !== undefined, `${where}: datum ${m.datum} is not stored on ${k}`);
        assert.equal(m.persistent, d.persist, `${where}: match ${i} persistent flag`);
        if (this.repeated) return;
        const eligible = model.eligible(k);
        assert.ok(
          eligible.includes(d),
          `${where}: ${showDatum(d)} not eligible on ${k} (eligible: ${eligible.map(showDatum)})`,
        );
      });
      if (this.oneDatumOnePosition) {
        const used = f.matches.filter((m) => !m.persistent).map((m) => `${this.key(m.channel)}:${String(m.datum)}`);
        assert.equal(new Set(used).size, used.length, `${where}: one non-persistent datum fills two positions`);
      }
      if (c.persist && f.matches.every((m) => m.peeked || m.persistent)) {
        const combo = `${c.id}|${f.matches.map((m) => `${this.key(m.channel)}:${String(m.datum)}`).join(',')}`;
        assert.ok(!nonConsuming.has(combo), `${where}: a firing that consumes nothing repeated in one operation`);
        nonConsuming.add(combo);
      }
      for (const m of f.matches)
        if (!m.peeked && !m.persistent) model.removeDatum(this.key(m.channel), m.datum as number);
      if (!c.persist) model.removeCont(c);
    });
  }

  /** Every position except `pin` took the first eligible matching datum (the model is pre-firing). */
  private checkGreedy(f: F, pin: number): void {
    f.matches.forEach((m, i) => {
      if (i === pin) return;
      const first = this.model.firstMatching(this.key(f.channels[i]), f.patterns[i]);
      assert.equal(m.datum, first?.v, `${showFiring(f)}: position ${i} did not take the first eligible match`);
    });
  }

  /** Compares the engine with the model and checks the invariants. */
  private check(): void {
    const { space, model } = this;
    for (const [k, ch] of this.chanOf) {
      const actual = space.getData(ch);
      const [got, want] = [actual.map(showStored).join(' '), model.reported(k).map(showDatum).join(' ')];
      assert.equal(got, want, `data on ${k}: engine [${got}], model [${want}]`);
      if (this.cfg.kind === 'set') assert.equal(new Set(actual.map((d) => d.datum)).size, actual.length, 'set dup');
      if (this.cfg.kind === 'cell') assert.ok(actual.length <= 1, `cell ${k} holds ${actual.length} data`);
    }
    for (const [k, v] of this.persistentStored) {
      const kept = space.getData(this.chanOf.get(k)!).some((d) => d.datum === v && d.persistent);
      assert.ok(kept, `persistent datum ${v} disappeared from ${k}`);
    }
    for (const [gk, conts] of model.groups) {
      // getWaiting takes the channels in any order: ask in reverse.
      const chans = [...conts[0].chans].reverse().map((k) => this.chanOf.get(k)!);
      const [got, want] = [space.getWaiting(chans).map(this.showWaiting).join(' '), conts.map(showCont).join(' ')];
      assert.equal(got, want, `waiting on {${gk}}: engine [${got}], model [${want}]`);
    }
    for (const [k, ch] of this.chanOf) {
      const joins = space.getJoins(ch).map((cs) => groupKey(cs.map((c) => this.key(c))));
      const expected = [...model.groups.keys()].filter((gk) => gk.split(',').includes(k));
      assert.deepEqual(joins, expected, `joins of ${k}`);
    }
    const used = [...new Set(space.channels().map((c) => this.key(c)))].sort();
    assert.deepEqual(used, [...model.usedChannels()].sort(), 'channels()');
    if (!this.repeated) {
      const pending = model.pendingMatch();
      assert.equal(pending, null, `no-pending-match invariant: ${pending}`);
    }
  }

  /** getWaiting is empty on every join of known channels the model says is empty (costly: run end). */
  checkNoExtraJoins(): void {
    const keys = [...this.chanOf.keys()];
    const walk = (from: number, acc: string[]): void => {
      if (acc.length > 0 && !this.model.groups.has(groupKey(acc))) {
        const extra = this.space.getWaiting(acc.map((k) => this.chanOf.get(k)!));
        assert.equal(extra.length, 0, `waiting on {${acc}}: ${extra.map(this.showWaiting)}`);
      }
      if (acc.length < 3) for (let i = from; i < keys.length; i++) walk(i + 1, [...acc, keys[i]]);
    };
    walk(0, []);
  }

  private readonly showWaiting = (w: WaitingInfo<Types>): string =>
    showCont({
      id: w.continuation,
      chans: w.channels.map((c) => this.key(c)),
      pats: w.patterns,
      persist: w.persistent,
      peeks: w.peeks,
    });

  private dataSnapshot(): string {
    return JSON.stringify([...this.chanOf].map(([k, ch]) => [k, this.space.getData(ch).map(showStored)]));
  }

  /** Everything observable, for "a refused call changed nothing". */
  private snapshot(): string {
    const waiting = [...this.model.groups.values()].map((cs) =>
      this.space.getWaiting(cs[0].chans.map((k) => this.chanOf.get(k)!)).map(this.showWaiting),
    );
    const joins = [...this.chanOf.values()].map((ch) =>
      this.space.getJoins(ch).map((cs) => cs.map((c) => this.key(c))),
    );
    const channels = this.space.channels().map((c) => this.key(c));
    return JSON.stringify([this.dataSnapshot(), waiting, joins, channels, this.space.nameCount]);
  }
}

/** Runs `ops` on a fresh space of `cfg`, checking after every call; throws on the first violation. */
export function runOps(cfg: Cfg, ops: readonly Op[], mode: Mode, oneDatumOnePosition = false): void {
  const run = new Run(cfg, mode === 'repeated', oneDatumOnePosition);
  for (const [i, op] of ops.entries()) run.exec(op, i);
  run.checkNoExtraJoins();
}
