import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { valueArb } from '../../data/arbitrary.js';
import { equals } from '../../data/compare.js';
import { Name, Tuple, type Value } from '../../data/value.js';
import {
  andMatcher,
  exactMatcher,
  exactValueMatcher,
  mergeBindings,
  orMatcher,
  predicateMatcher,
  wildcardMatcher,
} from './basic.js';
import { type Bindings, EMPTY_BINDINGS, type Matcher } from './matcher.js';

const RUNS = { numRuns: 300 };

/** A structurally equal copy that shares no objects with the original. */
function clone(v: Value): Value {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(clone);
  if (v instanceof Uint8Array) return Uint8Array.from(v);
  if (v instanceof Tuple) return new Tuple(v.items.map(clone));
  if (v instanceof Name) return new Name(Uint8Array.from(v.bytes));
  if (v instanceof Map) return new Map([...(v as ReadonlyMap<Value, Value>)].map(([k, x]) => [clone(k), clone(x)]));
  if (v instanceof Set) return new Set([...(v as ReadonlySet<Value>)].map(clone));
  const out: Record<string, Value> = {};
  for (const [k, x] of Object.entries(v)) Object.defineProperty(out, k, { value: clone(x), enumerable: true });
  return out;
}

/** Values from a small pool, so that random pairs and triples are often equal. */
const pooledArb = fc
  .array(valueArb, { minLength: 1, maxLength: 3 })
  .chain((pool) => fc.tuple(fc.constant(pool), fc.array(fc.nat(pool.length - 1), { minLength: 3, maxLength: 3 })))
  .map(([pool, [i, j, k]]) => [clone(pool[i]), clone(pool[j]), clone(pool[k])] as const);

const matches = (m: Matcher<Value, Value, Bindings>, p: Value, d: Value) => m.match(p, d) !== null;

/** Simple matchers over numbers to check the combinator laws with. */
const numMatcherArb = fc.constantFrom<Matcher<number, number, Bindings>>(
  exactMatcher((a: number, b: number) => a === b),
  predicateMatcher((p: number, d: number) => d >= p, 'AtLeast'),
  predicateMatcher((_p: number, d: number) => d % 2 === 0, 'Even'),
  predicateMatcher(() => false, 'Never'),
  wildcardMatcher,
);
const outcome = <P, A, B>(m: Matcher<P, A, B>, p: P, d: A) => m.match(p, d) !== null;

describe('exactMatcher', () => {
  it('is named ExactMatch and binds nothing', () => {
    assert.equal(exactValueMatcher.name, 'ExactMatch');
    assert.equal(exactMatcher((a: string, b: string) => a === b).name, 'ExactMatch');
    assert.equal(exactValueMatcher.match([1, 'a'], [1, 'a']), EMPTY_BINDINGS);
    assert.equal(exactValueMatcher.match([1, 'a'], [1, 'b']), null);
  });

  it('uses structural equality by default', () => {
    assert.ok(matches(exactValueMatcher, { a: 1 }, new Map([['a', 1]])));
    assert.ok(matches(exactValueMatcher, -0, 0));
    assert.ok(matches(exactValueMatcher, Number.NaN, Number.NaN));
    assert.ok(!matches(exactValueMatcher, 1, 1n));
    assert.ok(!matches(exactValueMatcher, [1, 2], new Tuple([1, 2])));
  });

  it('uses the given comparator', () => {
    const m = exactMatcher((a: string, b: string) => a.toLowerCase() === b.toLowerCase());
    assert.equal(m.match('Abc', 'aBC'), EMPTY_BINDINGS);
    assert.equal(m.match('Abc', 'abd'), null);
  });

  it('is reflexive (on the value and on a copy)', () => {
    fc.assert(
      fc.property(valueArb, (v) => {
        assert.equal(exactValueMatcher.match(v, v), EMPTY_BINDINGS);
        assert.equal(exactValueMatcher.match(v, clone(v)), EMPTY_BINDINGS);
      }),
      RUNS,
    );
  });

  it('agrees with equals, and is symmetric and transitive', () => {
    fc.assert(
      fc.property(pooledArb, ([a, b, c]) => {
        assert.equal(matches(exactValueMatcher, a, b), equals(a, b));
        assert.equal(matches(exactValueMatcher, a, b), matches(exactValueMatcher, b, a));
        if (matches(exactValueMatcher, a, b) && matches(exactValueMatcher, b, c)) {
          assert.ok(matches(exactValueMatcher, a, c));
        }
      }),
      RUNS,
    );
  });
});

describe('wildcardMatcher', () => {
  it('is named WildcardMatch and matches everything with the shared empty bindings', () => {
    assert.equal(wildcardMatcher.name, 'WildcardMatch');
    fc.assert(
      fc.property(valueArb, valueArb, (p, d) => {
        assert.equal(wildcardMatcher.match(p, d), EMPTY_BINDINGS);
      }),
      RUNS,
    );
  });
});

describe('predicateMatcher', () => {
  it('matches when the predicate holds, with the given name', () => {
    const m = predicateMatcher((p: number, d: number) => d > p, 'Greater');
    assert.equal(m.name, 'Greater');
    assert.equal(m.match(1, 2), EMPTY_BINDINGS);
    assert.equal(m.match(2, 1), null);
  });
});

describe('andMatcher / orMatcher', () => {
  const gt = predicateMatcher((p: number, d: number) => d > p, 'Greater');
  const even = predicateMatcher((_p: number, d: number) => d % 2 === 0, 'Even');

  it('have composed names', () => {
    assert.equal(andMatcher(gt, even).name, 'And(Greater, Even)');
    assert.equal(orMatcher(gt, andMatcher(even, wildcardMatcher)).name, 'Or(Greater, And(Even, WildcardMatch))');
  });

  it('And matches iff both match; Or iff either does', () => {
    fc.assert(
      fc.property(numMatcherArb, numMatcherArb, fc.integer(), fc.integer(), (a, b, p, d) => {
        assert.equal(outcome(andMatcher(a, b), p, d), outcome(a, p, d) && outcome(b, p, d));
        assert.equal(outcome(orMatcher(a, b), p, d), outcome(a, p, d) || outcome(b, p, d));
      }),
      RUNS,
    );
  });

  it('are commutative in outcome', () => {
    fc.assert(
      fc.property(numMatcherArb, numMatcherArb, fc.integer(), fc.integer(), (a, b, p, d) => {
        assert.equal(outcome(andMatcher(a, b), p, d), outcome(andMatcher(b, a), p, d));
        assert.equal(outcome(orMatcher(a, b), p, d), outcome(orMatcher(b, a), p, d));
      }),
      RUNS,
    );
  });

  it('wildcard is the identity of And and absorbs Or', () => {
    fc.assert(
      fc.property(numMatcherArb, fc.integer(), fc.integer(), (a, p, d) => {
        assert.deepEqual(andMatcher(a, wildcardMatcher).match(p, d), a.match(p, d));
        assert.deepEqual(andMatcher(wildcardMatcher, a).match(p, d), a.match(p, d));
        assert.notEqual(orMatcher(a, wildcardMatcher).match(p, d), null);
        assert.notEqual(orMatcher(wildcardMatcher, a).match(p, d), null);
      }),
      RUNS,
    );
  });

  it('And of matchers that bind nothing returns the shared empty bindings', () => {
    assert.equal(andMatcher(exactValueMatcher, wildcardMatcher).match(1, 1), EMPTY_BINDINGS);
  });

  it('Or returns the bindings of the first match', () => {
    const bindX = predicateMatcher(() => true, 'X');
    const first: Matcher<number, number, Bindings> = { name: 'First', match: (_p, d) => ({ first: d }) };
    const second: Matcher<number, number, Bindings> = { name: 'Second', match: (_p, d) => ({ second: d }) };
    assert.deepEqual(orMatcher(first, second).match(0, 7), { first: 7 });
    assert.deepEqual(
      orMatcher(
        andMatcher(
          bindX,
          predicateMatcher(() => false, 'No'),
        ),
        second,
      ).match(0, 7),
      {
        second: 7,
      },
    );
  });

  it('And merges bindings by union; conflicting names must be equal', () => {
    const bind = (name: string): Matcher<Value, Value, Bindings> => ({ name, match: (_p, d) => ({ [name]: d }) });
    const constant = (name: string, v: Value): Matcher<Value, Value, Bindings> => ({
      name,
      match: () => ({ [name]: v }),
    });
    assert.deepEqual({ ...andMatcher(bind('x'), bind('y')).match(0, [1]) }, { x: [1], y: [1] });
    assert.deepEqual({ ...andMatcher(bind('x'), constant('x', [1])).match(0, [1]) }, { x: [1] });
    assert.equal(andMatcher(bind('x'), constant('x', 2)).match(0, [1]), null);
  });

  it('And takes a custom merge, which may veto', () => {
    const count: Matcher<number, number, number> = { name: 'Count', match: (_p, d) => d };
    const sum = andMatcher(count, count, (a, b) => (a + b > 10 ? null : a + b));
    assert.equal(sum.match(0, 3), 6);
    assert.equal(sum.match(0, 6), null);
  });

  it('mergeBindings reuses an empty side', () => {
    const b = { x: 1 };
    assert.equal(mergeBindings(EMPTY_BINDINGS, EMPTY_BINDINGS), EMPTY_BINDINGS);
    assert.equal(mergeBindings(b, EMPTY_BINDINGS), b);
    assert.equal(mergeBindings({}, b), b);
  });
});
