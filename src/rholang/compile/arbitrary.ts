/**
 * fast-check arbitraries for *well-scoped* programs whose variable names can be chosen afresh
 * (a test helper that lives in `src` so that it type-checks with the project; it must not import
 * `node:test`).
 *
 * A generated `ScopedProgram` is a shape: binders and references without names. `render(naming)`
 * turns it into a syntax tree, asking `naming` for the name of each binder; two namings that never
 * let a binder capture another's references give alpha-equivalent programs. Programs use every
 * binding construct (new, for with joins/peeks/persistence/`?!`/`!?` sources, contract, match,
 * let, `!?`), name and process variables, quotes, `*x`, var-refs and wildcards in patterns.
 */

import fc from 'fast-check';
import type { Bind, Name, NameDecl, Proc, Program, Span } from '../syntax/ast.js';
import { print } from '../syntax/print.js';

const S: Span = { line: 1, column: 1, offset: 0, end: 0 };

/** Chooses the name of binder number `id`; `taken` holds the names it must avoid. */
export type Naming = (id: number, taken: ReadonlySet<string>) => string;

/** Every binder gets a distinct name `v0`, `v1`, ... */
export const distinctNaming: Naming = (id) => `v${id}`;

const POOL = ['x', 'y', 'z', 'a', 'b', 'ch', 'ret', 'k', 'acc', "x'", 'n_1', 'self'];

/**
 * Names from a small pool picked by `choices`, reused wherever the scope allows it: a binder
 * avoids only the names of binders it is nested in (so it never captures), and siblings share names.
 */
export function poolNaming(choices: readonly number[]): Naming {
  return (id, taken) => {
    const start = choices.length === 0 ? id : choices[id % choices.length] + id;
    for (let i = 0; i < POOL.length; i++) {
      const name = POOL[(start + i) % POOL.length];
      if (!taken.has(name)) return name;
    }
    return `w${id}`;
  };
}

/** Rendering state: binder numbering and the names in scope, by sort. */
class Renderer {
  private nextId = 0;
  readonly names: string[] = [];
  readonly procs: string[] = [];
  private readonly taken = new Map<string, number>();
  constructor(private readonly naming: Naming) {}

  /** A fresh binder of `sort`, in scope until `release`. */
  bind(sort: 'name' | 'proc'): string {
    const name = this.naming(this.nextId++, new Set(this.taken.keys()));
    this.taken.set(name, (this.taken.get(name) ?? 0) + 1);
    (sort === 'name' ? this.names : this.procs).push(name);
    return name;
  }

  release(sort: 'name' | 'proc', count: number): void {
    const stack = sort === 'name' ? this.names : this.procs;
    for (const name of stack.splice(stack.length - count, count)) {
      const n = this.taken.get(name)! - 1;
      if (n === 0) this.taken.delete(name);
      else this.taken.set(name, n);
    }
  }

  ref(sort: 'name' | 'proc', i: number): string {
    const stack = sort === 'name' ? this.names : this.procs;
    return stack[stack.length - 1 - (i % stack.length)];
  }
}

type Shape = (r: Renderer) => Proc;
type NameShape = (r: Renderer) => Name;

const some = <T>(arb: fc.Arbitrary<T>, min: number, max: number): fc.Arbitrary<T[]> =>
  fc.array(arb, { minLength: min, maxLength: max });

const int = (value: number): Proc => ({ kind: 'Int', span: S, value: BigInt(value) });
const str = (value: string): Proc => ({ kind: 'String', span: S, value, raw: value });
const v = (name: string): Proc => ({ kind: 'Var', span: S, name });
const nv = (name: string): Name => ({ kind: 'Var', span: S, name });

/** Expressions in a scope with `names` name variables and `procs` process variables. */
function exprArb(depth: number, names: number, procs: number): fc.Arbitrary<Shape> {
  const leaves: fc.Arbitrary<Shape>[] = [
    fc.integer({ min: -3, max: 9 }).map(
      (n): Shape =>
        () =>
          int(n),
    ),
    fc.constantFrom('a', 'b', 'hi').map(
      (s): Shape =>
        () =>
          str(s),
    ),
  ];
  if (procs > 0)
    leaves.push(
      fc.nat(7).map(
        (i): Shape =>
          (r) =>
            v(r.ref('proc', i)),
      ),
    );
  if (names > 0)
    leaves.push(
      fc.nat(7).map(
        (i): Shape =>
          (r) => ({ kind: 'Eval', span: S, name: nv(r.ref('name', i)) }),
      ),
    );
  const leaf = fc.oneof(...leaves);
  if (depth <= 1) return leaf;
  const e = exprArb(depth - 1, names, procs);
  return fc.oneof(
    { weight: 3, arbitrary: leaf },
    fc.tuple(fc.constantFrom('+', '*', '==', '++' as const), e, e).map(
      ([op, l, rt]): Shape =>
        (r) => ({ kind: 'Binary', span: S, op, left: l(r), right: rt(r) }),
    ),
    some(e, 0, 2).map(
      (es): Shape =>
        (r) => ({ kind: 'List', span: S, elements: es.map((x) => x(r)), remainder: null }),
    ),
    fc.tuple(fc.constantFrom('-', 'not' as const), e).map(
      ([op, x]): Shape =>
        (r) => ({ kind: 'Unary', span: S, op, operand: x(r) }),
    ),
    fc.tuple(e, fc.constantFrom('length', 'nth', 'toString'), some(e, 0, 1)).map(
      ([x, name, as]): Shape =>
        (r) => ({ kind: 'Method', span: S, receiver: x(r), name, args: as.map((a) => a(r)) }),
    ),
  );
}

function nameArb(depth: number, names: number, procs: number): fc.Arbitrary<NameShape> {
  const quoted = exprArb(Math.max(1, depth - 1), names, procs).map(
    (e): NameShape =>
      (r) => ({ kind: 'Quote', span: S, proc: e(r) }),
  );
  if (names === 0) return quoted;
  return fc.oneof(
    fc.nat(7).map(
      (i): NameShape =>
        (r) =>
          nv(r.ref('name', i)),
    ),
    quoted,
  );
}

/** One item of a receive pattern: a name binder, a process binder, `_` or a literal. */
type PatternItem = 'name' | 'proc' | 'wild' | 'lit';
const patternItems = some(fc.constantFrom<PatternItem>('name', 'proc', 'proc', 'wild', 'lit'), 0, 3);

/** Renders pattern items, binding their variables (the caller releases them). */
function renderItems(r: Renderer, items: readonly PatternItem[]): { names: Name[]; bound: [number, number] } {
  let n = 0;
  let p = 0;
  const out = items.map((it): Name => {
    if (it === 'name') {
      n++;
      return nv(r.bind('name'));
    }
    if (it === 'proc') {
      p++;
      return { kind: 'Quote', span: S, proc: v(r.bind('proc')) };
    }
    return it === 'wild' ? { kind: 'Wildcard', span: S } : { kind: 'Quote', span: S, proc: int(5) };
  });
  return { names: out, bound: [n, p] };
}

const count = (items: readonly PatternItem[], kind: PatternItem): number => items.filter((x) => x === kind).length;

/** Processes of depth at most `depth` in a scope with `names` name and `procs` process variables. */
export function scopedProcArb(depth: number, names: number, procs: number): fc.Arbitrary<Shape> {
  const nil = fc.constant<Shape>(() => ({ kind: 'Nil', span: S }));
  const send = fc.tuple(nameArb(depth, names, procs), some(exprArb(2, names, procs), 0, 2), fc.boolean()).map(
    ([ch, args, persistent]): Shape =>
      (r) => ({ kind: 'Send', span: S, channel: ch(r), persistent, args: args.map((a) => a(r)), hyperparams: null }),
  );
  if (depth <= 1) return fc.oneof(nil, send);
  const sub = (extraNames: number, extraProcs: number) =>
    scopedProcArb(depth - 1, names + extraNames, procs + extraProcs);
  const newArb = fc.integer({ min: 1, max: 2 }).chain((k) =>
    sub(k, 0).map(
      (body): Shape =>
        (r) => {
          const decls = Array.from(
            { length: k },
            (): NameDecl => ({ kind: 'NameDecl', span: S, name: r.bind('name'), space: null, uri: null }),
          );
          const out: Proc = { kind: 'New', span: S, decls, body: body(r) };
          r.release('name', k);
          return out;
        },
    ),
  );
  const bindSpec = fc.tuple(
    patternItems,
    nameArb(2, names, procs),
    fc.constantFrom('simple', 'simple', 'ack', 'reply' as const),
    some(exprArb(1, names, procs), 0, 1),
  );
  const forArb = fc
    .tuple(some(bindSpec, 1, 2), fc.constantFrom('linear', 'linear', 'peek', 'repeated' as const))
    .chain(([specs, mode]) => {
      const isLinear = mode === 'linear';
      const items = specs.map(([it]) => it);
      const extraNames = items.reduce((s, it) => s + count(it, 'name'), 0);
      const extraProcs = items.reduce((s, it) => s + count(it, 'proc'), 0);
      return sub(extraNames, extraProcs).map(
        (body): Shape =>
          (r) => {
            // Sources live in the enclosing scope: render them before binding the patterns. A
            // join's later sources are quoted lists `@[i, ...]`, never equal to a leaf source.
            const sources = specs.map(([, src], i): Name => {
              const name = src(r);
              if (i === 0) return name;
              const tag = name.kind === 'Quote' ? name.proc : { kind: 'Eval' as const, span: S, name };
              return {
                kind: 'Quote',
                span: S,
                proc: { kind: 'List', span: S, elements: [int(i), tag], remainder: null },
              };
            });
            const args = specs.map(([, , , as]) => as.map((a) => a(r)));
            const rendered = specs.map(([it]) => renderItems(r, it));
            const binds = rendered.map(({ names: ns }, i): Bind => {
              const source = sources[i];
              const how = isLinear ? specs[i][2] : 'simple';
              if (mode === 'peek') return { kind: 'PeekBind', span: S, names: ns, remainder: null, source };
              if (mode === 'repeated') return { kind: 'RepeatedBind', span: S, names: ns, remainder: null, source };
              const src =
                how === 'ack'
                  ? ({ kind: 'ReceiveSendSource', span: S, name: source } as const)
                  : how === 'reply'
                    ? ({ kind: 'SendReceiveSource', span: S, name: source, args: args[i], hyperparams: null } as const)
                    : ({ kind: 'SimpleSource', span: S, name: source } as const);
              return { kind: 'LinearBind', span: S, names: ns, remainder: null, source: src, similarity: null };
            });
            const b = body(r);
            r.release('name', extraNames);
            r.release('proc', extraProcs);
            return {
              kind: 'For',
              span: S,
              receipts: binds.map((x) => ({ kind: 'Receipt', span: S, binds: [x] })),
              body: b,
            };
          },
      );
    });
  const matchArb = fc
    .tuple(exprArb(2, names, procs), fc.integer({ min: 0, max: 2 }), fc.boolean())
    .chain(([target, k, withRef]) =>
      sub(0, k).map(
        (body): Shape =>
          (r) => {
            const t = target(r);
            // A var-ref to an outer process variable, when there is one, before the binders.
            const ref: Proc[] =
              withRef && r.procs.length > 0 ? [{ kind: 'VarRef', span: S, name: r.ref('proc', 0), deref: false }] : [];
            const elements = [
              ...ref,
              ...Array.from({ length: k }, () => v(r.bind('proc'))),
              { kind: 'Wildcard', span: S } as Proc,
            ];
            const b = body(r);
            r.release('proc', k);
            return {
              kind: 'Match',
              span: S,
              target: t,
              cases: [
                { kind: 'MatchCase', span: S, pattern: { kind: 'List', span: S, elements, remainder: null }, body: b },
                { kind: 'MatchCase', span: S, pattern: { kind: 'Wildcard', span: S }, body: { kind: 'Nil', span: S } },
              ],
            };
          },
      ),
    );
  const letArb = fc.tuple(some(exprArb(2, names, procs), 1, 2), fc.boolean()).chain(([values, concurrent]) =>
    sub(0, values.length).map(
      (body): Shape =>
        (r) => {
          const rendered = values.map((x) => x(r));
          // Sequential declarations see the earlier ones; render values first so both forms agree.
          const decls = rendered.map((value) => ({ kind: 'LetAssign' as const, span: S, name: r.bind('proc'), value }));
          const b = body(r);
          r.release('proc', values.length);
          return { kind: 'Let', span: S, concurrent: concurrent && decls.length > 1, decls, body: b };
        },
    ),
  );
  const contractArb = fc.tuple(nameArb(2, names, procs), patternItems).chain(([ch, items]) =>
    sub(count(items, 'name'), count(items, 'proc')).map(
      (body): Shape =>
        (r) => {
          const name = ch(r);
          const { names: formals, bound } = renderItems(r, items);
          const b = body(r);
          r.release('name', bound[0]);
          r.release('proc', bound[1]);
          return { kind: 'Contract', span: S, name, formals, remainder: null, body: b };
        },
    ),
  );
  const parArb = some(sub(0, 0), 2, 3).map(
    (ps): Shape =>
      (r) => ({ kind: 'Par', span: S, procs: ps.map((p) => p(r)) }),
  );
  const ifArb = fc.tuple(exprArb(2, names, procs), sub(0, 0), fc.option(sub(0, 0))).map(
    ([c, t, e]): Shape =>
      (r) => {
        const condition = c(r);
        const then = t(r);
        return { kind: 'IfElse', span: S, condition, then, otherwise: e === null ? null : e(r) };
      },
  );
  const syncArb = fc.tuple(nameArb(2, names, procs), some(exprArb(1, names, procs), 0, 2), fc.option(sub(0, 0))).map(
    ([ch, args, cont]): Shape =>
      (r) => ({
        kind: 'SendSync',
        span: S,
        channel: ch(r),
        args: args.map((a) => a(r)),
        hyperparams: null,
        cont: cont === null ? null : cont(r),
      }),
  );
  return fc.oneof(
    { weight: 2, arbitrary: send },
    nil,
    newArb,
    { weight: 2, arbitrary: forArb },
    matchArb,
    letArb,
    contractArb,
    parArb,
    ifArb,
    syncArb,
  );
}

/** A well-scoped program, renderable under any capture-free naming. */
export interface ScopedProgram {
  render(naming: Naming): Program;
}

/** Well-scoped programs; fast-check shows a counterexample as its source (with `distinctNaming`). */
export const scopedProgramArb = (depth = 4): fc.Arbitrary<ScopedProgram> =>
  scopedProcArb(depth, 0, 0).map((shape) => {
    const render = (naming: Naming): Program => ({ kind: 'Program', span: S, body: shape(new Renderer(naming)) });
    return { render, [fc.toStringMethod]: () => print(render(distinctNaming)) };
  });
