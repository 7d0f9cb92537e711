import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { termArb, valueArb } from '../term/arbitrary.js';
import {
  ConnType,
  EList,
  ETuple,
  emap,
  eset,
  FreeVar,
  keyOf,
  par,
  Send,
  type Term,
  termEquals,
  WILDCARD,
} from '../term/index.js';
import { fillPattern } from './fill.js';
import { matchTerm } from './index.js';
import { matchGeneral } from './match.js';

/** A stream of choices (0..99) read in a cycle: the randomness of an abstraction, shrinkable by fast-check. */
class Tape {
  private at = 0;
  constructor(private readonly choices: readonly number[]) {}
  chance(percent: number): boolean {
    const c = this.choices[this.at++ % this.choices.length];
    return c < percent;
  }
}

const tapeArb = fc.array(fc.nat(99), { minLength: 1, maxLength: 40 }).map((cs) => new Tape(cs));

/**
 * A pattern made from a closed value by replacing random subterms with fresh free variables and
 * random tails or subsets of collections with remainders. The value matches it by construction.
 */
function abstract(t: Term, tape: Tape, next: { level: number }): Term {
  const fresh = () => new FreeVar(next.level++);
  if (tape.chance(15)) return fresh();
  const sub = (u: Term) => abstract(u, tape, next);
  switch (t.kind) {
    case 'List': {
      if (!tape.chance(40)) return new EList(t.elements.map(sub), null);
      let cut = 0;
      while (cut < t.elements.length && tape.chance(60)) cut++;
      const head = t.elements.slice(0, cut).map(sub);
      return new EList(head, fresh());
    }
    case 'Tuple':
      return new ETuple(t.elements.map(sub));
    case 'Set': {
      const kept = t.elements.filter(() => tape.chance(70)).map(sub);
      const rem = kept.length < t.elements.length || tape.chance(30) ? fresh() : null;
      return eset(kept, rem);
    }
    case 'Map': {
      const keep = t.keys.map(() => tape.chance(70));
      const ks = t.keys.filter((_, i) => keep[i]);
      const vs = t.values.filter((_, i) => keep[i]).map(sub);
      const rem = ks.length < t.keys.length || tape.chance(30) ? fresh() : null;
      return emap(ks, vs, rem);
    }
    case 'Send':
      return new Send(sub(t.channel), t.data.map(sub), t.persistent, t.hyperparams);
    case 'Par': {
      const kept = t.members.filter(() => tape.chance(70)).map(sub);
      if (kept.length < t.members.length || tape.chance(20)) kept.push(fresh());
      return par(kept);
    }
    default:
      return t;
  }
}

/**
 * A pattern over the shape of `t` for the matcher's fast path and its edges: variables (some
 * repeated, so a second occurrence must see an equal value), wildcards, simple types and list
 * remainders inside lists and tuples, and now and then a set, map or Par abstraction (which the
 * fast path leaves to the general matcher).
 */
function direct(t: Term, tape: Tape, next: { level: number }): Term {
  if (tape.chance(25)) return next.level > 0 && tape.chance(40) ? new FreeVar(0) : new FreeVar(next.level++);
  if (tape.chance(5)) return WILDCARD;
  if (tape.chance(5)) return new ConnType(tape.chance(50) ? 'Int' : 'String');
  const sub = (u: Term) => direct(u, tape, next);
  switch (t.kind) {
    case 'List': {
      if (!tape.chance(40)) return new EList(t.elements.map(sub), null);
      let cut = 0;
      while (cut < t.elements.length && tape.chance(60)) cut++;
      return new EList(t.elements.slice(0, cut).map(sub), tape.chance(30) ? WILDCARD : new FreeVar(next.level++));
    }
    case 'Tuple':
      return new ETuple(t.elements.map(sub));
    default:
      return tape.chance(15) ? abstract(t, tape, next) : t;
  }
}

const keys = (b: readonly Term[] | null) => (b === null ? null : b.map(keyOf));

/** Shuffles with the tape (a Fisher–Yates driven by the tape's choices). */
function shuffled<T>(xs: readonly T[], tape: Tape): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    let j = i;
    while (j > 0 && tape.chance(50)) j--;
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe('matcher properties', () => {
  test('a closed value matches itself, binding nothing', () => {
    fc.assert(fc.property(valueArb(4), (v) => assert.deepEqual(matchTerm(v, v), [])));
  });

  test('a closed pattern matches exactly the equal values', () => {
    fc.assert(
      fc.property(valueArb(3), valueArb(3), (p, v) => assert.equal(matchTerm(p, v) !== null, termEquals(p, v))),
    );
  });

  test('the bindings put back into the pattern give the value', () => {
    fc.assert(
      fc.property(valueArb(4), tapeArb, (v, tape) => {
        const next = { level: 0 };
        const p = abstract(v, tape, next);
        const b = matchTerm(p, v, { freeCount: next.level });
        assert.notEqual(b, null, 'the value must match its abstraction');
        if (b === null) return;
        assert.equal(b.length, next.level);
        assert.equal(keyOf(fillPattern(p, b)), keyOf(v));
      }),
      { numRuns: 300 },
    );
  });

  test('the fast path binds what the general matcher binds, and fails where it fails', () => {
    // A list value, a pattern over its shape, and near misses: the list with an element replaced,
    // one dropped, one added, and an unrelated value.
    const list = fc.array(valueArb(3), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(list, valueArb(3), tapeArb, fc.nat(4), (es, u, tape, at) => {
        const v = new EList(es, null);
        const next = { level: 0 };
        const p = direct(v, tape, next);
        const i = at % es.length;
        const near = [
          v,
          new EList([...es.slice(0, i), u, ...es.slice(i + 1)], null),
          new EList(es.slice(0, -1), null),
          new EList([...es, u], null),
          new EList([u, ...es], null),
          u,
        ];
        for (const x of near) {
          const options = { freeCount: next.level };
          assert.deepEqual(keys(matchTerm(p, x, options)), keys(matchGeneral(p, x, options)));
        }
      }),
      { numRuns: 1000 },
    );
  });

  test('a wildcard matches everything; a free variable binds everything closed', () => {
    fc.assert(
      fc.property(termArb(3), (t) => {
        assert.deepEqual(matchTerm(WILDCARD, t), []);
      }),
    );
    fc.assert(fc.property(valueArb(3), (v) => assert.deepEqual(keys(matchTerm(new FreeVar(0), v)), [keyOf(v)])));
  });

  test('set and map matching does not depend on the order elements were written in', () => {
    const elems = fc.uniqueArray(valueArb(2), { maxLength: 5, selector: keyOf });
    fc.assert(
      fc.property(elems, tapeArb, tapeArb, (es, cut, order) => {
        // The same abstraction of each element, written in two orders.
        const next = { level: 0 };
        const pats = es.map((e) => abstract(e, cut, next));
        const rem = new FreeVar(next.level);
        const keep = pats.map(() => cut.chance(60));
        const chosen = pats.filter((_, i) => keep[i]);
        const ref = matchTerm(eset(chosen, rem), eset(es));
        assert.notEqual(ref, null);
        const again = matchTerm(eset(shuffled(chosen, order), rem), eset(shuffled(es, order)));
        assert.deepEqual(keys(again), keys(ref));
        // Maps: the elements as keys (kept closed), their abstractions as values.
        const mref = matchTerm(
          emap(
            es.filter((_, i) => keep[i]),
            chosen,
            rem,
          ),
          emap(es, es),
        );
        assert.notEqual(mref, null);
        const idx = shuffled(
          es.map((_, i) => i),
          order,
        ).filter((i) => keep[i]);
        const vOrder = shuffled(es, order);
        const mAgain = matchTerm(
          emap(
            idx.map((i) => es[i]),
            idx.map((i) => pats[i]),
            rem,
          ),
          emap(vOrder, vOrder),
        );
        assert.deepEqual(keys(mAgain), keys(mref));
      }),
      { numRuns: 200 },
    );
  });
});
