import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { equivalentPairArb, stringArb, valueArb } from '../../data/arbitrary.js';
import { canonicalKeys, equals, mapGet } from '../../data/compare.js';
import { isRecord, kindOf, Tuple, type Value, ValueKind } from '../../data/value.js';
import { EMPTY_BINDINGS } from './matcher.js';
import { compile } from './structural.js';
import { _, and, bind, is, not, or, partial, rest, type Template, tupleOf } from './template.js';

const RUNS = { numRuns: 300 };

/** Pairs that are equal about half the time: equivalent re-shapings, or independent values. */
const pairArb: fc.Arbitrary<[Value, Value]> = fc.oneof(equivalentPairArb, fc.tuple(valueArb, valueArb));

/** Random choices, cycled: `hit()` is true about one time in four. */
class Choices {
  private i = 0;
  constructor(private readonly xs: readonly number[]) {}
  hit(): boolean {
    return this.xs[this.i++ % this.xs.length] === 0;
  }
}
const choicesArb = fc.array(fc.nat(3), { minLength: 1, maxLength: 40 }).map((xs) => new Choices(xs));

/**
 * Builds a template from `v` by replacing random sub-terms (list and tuple items, map values, or `v`
 * itself) with `replace(subterm)`. Sets and map keys stay literal. Maps are rebuilt from their canonical
 * entries, so structurally duplicate keys (of which the later wins) do not hide replaced sub-terms.
 */
function templatize(v: Value, choices: Choices, replace: (sub: Value) => Template): Template {
  if (choices.hit()) return replace(v);
  const go = (x: Value) => templatize(x, choices, replace);
  if (Array.isArray(v)) return v.map(go);
  if (v instanceof Tuple) return tupleOf(...v.items.map(go));
  if (v instanceof Map || isRecord(v)) {
    const m = v as ReadonlyMap<Value, Value>;
    if (v instanceof Map) return new Map(canonicalKeys(m).map((k) => [k, go(mapGet(m, k))]));
    const out: Record<string, Template> = {};
    for (const k of Object.keys(v)) Object.defineProperty(out, k, { value: go(v[k]), enumerable: true });
    return out;
  }
  return v;
}

/** `templatize` with named captures `c0`, `c1`, ...; `captured` receives name → replaced sub-term. */
function withCaptures(v: Value, choices: Choices, captured: Map<string, Value>): Template {
  return templatize(v, choices, (sub) => {
    const name = `c${captured.size}`;
    captured.set(name, sub);
    return bind(name);
  });
}

const FORMALS: ReadonlyArray<[Template, (v: Value) => boolean]> = [
  [is.null, (v) => kindOf(v) === ValueKind.Null],
  [is.boolean, (v) => kindOf(v) === ValueKind.Boolean],
  [is.number, (v) => kindOf(v) === ValueKind.Number],
  [is.bigint, (v) => kindOf(v) === ValueKind.BigInt],
  [is.integer, (v) => kindOf(v) === ValueKind.BigInt || (kindOf(v) === ValueKind.Number && Number.isInteger(v))],
  [is.string, (v) => kindOf(v) === ValueKind.String],
  [is.bytes, (v) => kindOf(v) === ValueKind.Bytes],
  [is.list, (v) => kindOf(v) === ValueKind.List],
  [is.tuple, (v) => kindOf(v) === ValueKind.Tuple],
  [is.map, (v) => kindOf(v) === ValueKind.Map],
  [is.set, (v) => kindOf(v) === ValueKind.Set],
  [is.name, (v) => kindOf(v) === ValueKind.Name],
];
/** The formal of `v`'s kind (`is.number` rather than `is.integer`). */
const formalFor = (v: Value): Template => FORMALS.find(([f, test]) => f !== is.integer && test(v))![0];

describe('structural matching properties', () => {
  it('a literal template matches exactly the equal values', () => {
    fc.assert(
      fc.property(pairArb, ([a, b]) => {
        const r = compile(a).match(b);
        assert.equal(r !== null, equals(a, b));
        if (r !== null) assert.equal(r, EMPTY_BINDINGS);
      }),
      RUNS,
    );
  });

  it('replacing sub-terms by bind(...) matches, binding exactly the replaced sub-terms', () => {
    fc.assert(
      fc.property(equivalentPairArb, choicesArb, ([v, w], choices) => {
        const captured = new Map<string, Value>();
        const p = compile(withCaptures(v, choices, captured));
        const own = p.match(v);
        assert.ok(own !== null, `${p} should match its source`);
        assert.deepEqual(Object.keys(own).sort(), [...captured.keys()].sort());
        for (const [name, sub] of captured) assert.equal(own[name], sub); // the very sub-term
        if (captured.size === 0) assert.equal(own, EMPTY_BINDINGS);
        const other = p.match(w); // an equal value with another shape
        assert.ok(other !== null, `${p} should match an equivalent value`);
        for (const [name, sub] of captured) assert.ok(equals(other[name], sub));
      }),
      RUNS,
    );
  });

  it('replacing sub-terms by _ or by their type formal matches without bindings', () => {
    fc.assert(
      fc.property(equivalentPairArb, choicesArb, fc.boolean(), ([v, w], choices, useFormal) => {
        const p = compile(templatize(v, choices, (sub) => (useFormal ? formalFor(sub) : _)));
        assert.equal(p.match(v), EMPTY_BINDINGS);
        assert.equal(p.match(w), EMPTY_BINDINGS);
      }),
      RUNS,
    );
  });

  it('type formals match exactly the values of their kind', () => {
    fc.assert(
      fc.property(valueArb, (v) => {
        for (const [formal, test] of FORMALS) assert.equal(compile(formal).match(v) !== null, test(v));
      }),
      RUNS,
    );
  });

  it('a repeated name matches iff the captured values are equal', () => {
    const p = compile([bind('x'), bind('x')]);
    fc.assert(
      fc.property(pairArb, ([a, b]) => {
        const r = p.match([a, b]);
        assert.equal(r !== null, equals(a, b));
        if (r !== null) assert.equal(r.x, a);
      }),
      RUNS,
    );
  });

  it('and / or / not of literals behave as boolean connectives', () => {
    fc.assert(
      fc.property(pairArb, valueArb, ([a, d], b) => {
        const ea = equals(a, d);
        const eb = equals(b, d);
        assert.equal(compile(and(a, b)).match(d) !== null, ea && eb);
        assert.equal(compile(or(a, b)).match(d) !== null, ea || eb);
        assert.equal(compile(not(a)).match(d) !== null, !ea);
        assert.equal(compile(not(not(a))).match(d) !== null, ea);
      }),
      RUNS,
    );
  });

  it('rest matches any suffix of a list, binding it', () => {
    fc.assert(
      fc.property(fc.array(valueArb, { maxLength: 5 }), fc.nat(), (xs, n) => {
        const k = n % (xs.length + 1);
        const r = compile([...xs.slice(0, k), rest('r')]).match(xs);
        assert.ok(r !== null);
        assert.ok(equals(r.r, xs.slice(k)));
        assert.equal(compile([...xs.slice(0, k), rest()]).match(xs), EMPTY_BINDINGS);
        assert.equal(compile([...xs, _, rest()]).match(xs), null);
      }),
      RUNS,
    );
  });

  it('partial matches maps with at least its keys, binding the other entries', () => {
    const mapArb: fc.Arbitrary<Value> = fc.oneof(
      fc.dictionary(stringArb, valueArb, { maxKeys: 5 }),
      fc.array(fc.tuple(valueArb, valueArb), { maxLength: 5 }).map((es) => new Map(es)),
    );
    fc.assert(
      fc.property(mapArb, fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }), (m, picks) => {
        const mv = m as ReadonlyMap<Value, Value>;
        const keys = canonicalKeys(mv);
        const chosen = keys.filter((_k, i) => picks[i % picks.length]);
        const others = keys.filter((k) => !chosen.includes(k));
        const sub = new Map<Value, Template>(chosen.map((k, i) => [k, bind(`k${i}`)]));
        const r = compile(partial(sub, 'more')).match(m);
        assert.ok(r !== null);
        for (const [i, k] of chosen.entries()) assert.equal(r[`k${i}`], mapGet(mv, k));
        assert.ok(equals(r.more, new Map(others.map((k) => [k, mapGet(mv, k)]))));
        assert.equal(r.more instanceof Map, m instanceof Map);
        // The same map template without partial needs exactly the keys.
        assert.equal(compile(sub).match(m) !== null, others.length === 0);
      }),
      RUNS,
    );
  });
});
