import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type RunOptions, type RunResult, runSource } from './run.js';
import { RhoRuntime } from './runtime.js';

const OUT = 'new out(`rho:io:stdout`) in ';
const run = (body: string, options: RunOptions = {}): RunResult => runSource(`${OUT}{ ${body} }`, options);
/** The lines a program prints, asserting it raised no error. */
const lines = (body: string, options: RunOptions = {}): readonly string[] => {
  const r = run(body, options);
  assert.deepEqual(r.errors, [], `unexpected errors for: ${body}`);
  return r.stdout;
};
const sorted = (xs: readonly string[]): string[] => [...xs].sort();

describe('reducer: sends, receives and COMM', () => {
  test('a send meets a receive written after it, and one written before it', () => {
    assert.deepEqual(lines('new ch in { ch!(1) | for (@x <- ch) { out!(x) } }'), ['1']);
    assert.deepEqual(lines('new ch in { for (@x <- ch) { out!(x) } | ch!(2) }'), ['2']);
  });

  test('each send is consumed once; unmatched sends and receives just wait', () => {
    const r = run('new ch in { ch!(1) | ch!(2) | ch!(3) | for (@x <- ch) { out!(x) } | for (@y <- ch) { out!(y) } }');
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.stdout, ['1', '2']);
    assert.equal(r.comms, 4); // two COMMs on ch, two on stdout
  });

  test('patterns select data: a literal pattern only takes matching sends', () => {
    assert.deepEqual(lines('new ch in { ch!(1) | ch!(2) | for (@2 <- ch) { out!("two") } }'), ['"two"']);
    assert.deepEqual(lines('new ch in { ch!(1, "a") | for (@1, @s <- ch) { out!(s) } }'), ['"a"']);
    assert.deepEqual(lines('new ch in { ch!(1, 2) | for (@x <- ch) { out!(x) } }'), []);
  });

  test('a remainder binds the extra arguments as a list', () => {
    assert.deepEqual(lines('new ch in { ch!(1, 2, 3) | for (@a, ...@rest <- ch) { out!([a, rest]) } }'), [
      '[1, [2, 3]]',
    ]);
  });

  test('quoted processes are names: @"x" and @{"x"} and alpha-equivalent quotes are the same channel', () => {
    assert.deepEqual(lines('@"x"!(1) | for (@v <- @{"x"}) { out!(v) }'), ['1']);
    assert.deepEqual(lines('@{for (a <- @Nil) { Nil }}!(5) | for (@v <- @{for (b <- @Nil) { Nil }}) { out!(v) }'), [
      '5',
    ]);
  });

  test('a name received can be used as a channel, and *x runs a received process', () => {
    assert.deepEqual(lines('new a, b in { a!(*b) | for (c <- a) { c!(7) } | for (@v <- b) { out!(v) } }'), ['7']);
    assert.deepEqual(lines('new ch in { ch!(out!("ran")) | for (@p <- ch) { p } }'), ['"ran"']);
  });

  test('data are evaluated before sending; processes in data are not run', () => {
    assert.deepEqual(lines('out!(1 + 2 * 3) | out!([1 + 1, "a" ++ "b"]) | out!({"k": 2 - 5})'), [
      '7',
      '[2, "ab"]',
      '{"k" : -3}',
    ]);
    assert.deepEqual(lines('new ch in { ch!(out!("no")) }'), []);
  });
});

describe('reducer: persistence and peeks', () => {
  test('a persistent send (!!) serves every receive and stays', () => {
    assert.deepEqual(lines('new ch in { ch!!(1) | for (@x <- ch) { out!(x) } | for (@y <- ch) { out!(y + 10) } }'), [
      '1',
      '11',
    ]);
    assert.deepEqual(lines('new ch in { for (@x <- ch) { out!(x) } | ch!!(3) | for (@y <- ch) { out!(y + 10) } }'), [
      '3',
      '13',
    ]);
  });

  test('a persistent receive (<=) takes every send, before and after it', () => {
    assert.deepEqual(sorted(lines('new ch in { ch!(1) | for (@x <= ch) { out!(x) } | ch!(2) | ch!(3) }')), [
      '1',
      '2',
      '3',
    ]);
  });

  test('a peek (<<-) reads without removing; the datum is there for the next receive', () => {
    assert.deepEqual(lines('new ch in { ch!(5) | for (@v <<- ch) { out!(v) } | for (@w <- ch) { out!(w + 1) } }'), [
      '5',
      '6',
    ]);
    // A waiting peek fired by a later send leaves the datum too.
    assert.deepEqual(lines('new ch in { for (@v <<- ch) { out!(v) } | ch!(8) | for (@w <- ch) { out!(w + 1) } }'), [
      '8',
      '9',
    ]);
  });

  test('peeks never duplicate data: one datum, two peeks, one take leave nothing behind', () => {
    const r = run(
      'new ch in { ch!(1) | for (@a <<- ch) { out!(a) } | for (@b <<- ch) { out!(b) } | for (@c <- ch) { out!(c) } | for (@d <- ch) { out!("again") } }',
    );
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.stdout, ['1', '1', '1']);
  });
});

describe('reducer: joins', () => {
  test('a join fires only when every channel has matching data, then takes one from each', () => {
    assert.deepEqual(lines('new a, b in { a!(1) | for (@x <- a & @y <- b) { out!(x + y) } }'), []);
    assert.deepEqual(lines('new a, b in { a!(1) | for (@x <- a & @y <- b) { out!(x + y) } | b!(2) }'), ['3']);
    assert.deepEqual(lines('new a, b in { a!(1) | b!(2) | for (@x <- a; @y <- b) { out!([x, y]) } }'), ['[1, 2]']);
  });

  test('a join is atomic: a partial match takes nothing', () => {
    assert.deepEqual(
      lines('new a, b in { a!(1) | for (@x <- a & @2 <- b) { out!("join") } | b!(3) | for (@v <- a) { out!(v) } }'),
      ['1'],
    );
  });
});

describe('reducer: contracts, recursion, new', () => {
  test('a contract serves every call; recursion through it computes factorial', () => {
    assert.deepEqual(
      lines(`new fact in {
        contract fact(@n, ret) = {
          if (n <= 1) { ret!(1) } else { new r in { fact!(n - 1, *r) | for (@m <- r) { ret!(n * m) } } }
        } |
        new r in { fact!(20, *r) | for (@v <- r) { out!(v) } }
      }`),
      ['2432902008176640000'],
    );
  });

  test('a long chain of COMMs does not grow the JavaScript stack', () => {
    const r = run(`new loop in {
      contract loop(@n) = { if (n == 0) { out!("done") } else { loop!(n - 1) } } | loop!(50000)
    }`);
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.stdout, ['"done"']);
    assert.equal(r.comms, 50002);
  });

  test('new names are distinct from each other and from every other name', () => {
    assert.deepEqual(lines('new a, b in { out!(*a == *b) | out!(*a == *a) | new c in { out!(*c == *a) } }'), [
      'false',
      'true',
      'false',
    ]);
  });

  test('a name made in a loop body is fresh on every iteration', () => {
    const r = run(`new loop, seen in {
      contract loop(@n, @prev) = { new x in { out!(*x == prev) | if (n > 0) { loop!(n - 1, *x) } } } |
      loop!(20, Nil)
    }`);
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.stdout, new Array(21).fill('false'));
  });
});

describe('reducer: match and the desugarings', () => {
  test('match runs the first case that matches, and nothing when none does', () => {
    assert.deepEqual(lines('match 5 { 1 => out!("one")  x => out!(x)  5 => out!("five") }'), ['5']);
    assert.deepEqual(lines('match [1, 2] { [a] => out!(a)  [a, b] => out!(a + b) }'), ['3']);
    assert.deepEqual(lines('match "s" { Int => out!("int") }'), []);
  });

  test('match patterns: simple types, connectives, remainders, maps and sets', () => {
    assert.deepEqual(
      lines(`match [1, "a", true] { [Int, String, Bool] => out!("types") } |
        match 7 { x /\\ Int => out!(x) } |
        match 3 { 1 \\/ 3 => out!("or") } |
        match 4 { ~5 => out!("not five") } |
        match {"k": 1, "j": 2} { {"k": v, ...rest} => out!([v, rest]) } |
        match Set(1, 2, 3) { Set(2, ...r) => out!(r) }`),
      ['"types"', '7', '"or"', '"not five"', '[1, {"j" : 2}]', 'Set(1, 3)'],
    );
  });

  test('a var-ref pattern (=x) matches the value of x', () => {
    assert.deepEqual(lines('new ch in { ch!(2) | ch!(3) | let x = 3 in { for (@=x <- ch) { out!("got three") } } }'), [
      '"got three"',
    ]);
  });

  test('if/else runs one branch; if without else on false does nothing; a non-boolean condition does nothing', () => {
    assert.deepEqual(
      lines('if (1 < 2) { out!("yes") } else { out!("no") } | if (false) { out!("never") } | if (5) { out!("?") }'),
      ['"yes"'],
    );
  });

  test('let: sequential (later declarations see earlier ones) and concurrent', () => {
    assert.deepEqual(lines('let x = 2; y = x * 10 in { out!(y) }'), ['20']);
    assert.deepEqual(lines('let a = 1 & b = 2 in { out!(a + b) }'), ['3']);
  });

  test('!? sends a fresh reply name first and continues after the reply; ?! acknowledges', () => {
    assert.deepEqual(
      lines(`new svc in {
        for (ret, @x <- svc) { ret!(x * 2) } |
        svc!?(21); out!("after reply")
      }`),
      ['"after reply"'],
    );
    assert.deepEqual(
      lines(`new svc in {
        for (@x <- svc?!) { out!(x) } |
        new ack in { svc!(1, *ack) | for ( <- ack) { out!("acked") } }
      }`),
      ['1', '"acked"'],
    );
  });

  test('a receive from svc!?(args) gets the reply', () => {
    assert.deepEqual(lines('new svc in { for (ret, @x <- svc) { ret!(x + 1) } | for (@y <- svc!?(41)) { out!(y) } }'), [
      '42',
    ]);
  });

  test('a bundle in process position runs its body', () => {
    assert.deepEqual(lines('bundle+ { out!("inside") }'), ['"inside"']);
  });
});

describe('reducer: system processes', () => {
  test('stdoutAck prints, then acknowledges on the given channel', () => {
    const r = runSource(
      'new ack(`rho:io:stdoutAck`), done in { ack!("first", *done) | for (_ <- done) { ack!("second", *done) } }',
    );
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.stdout, ['"first"', '"second"']);
  });

  test('stderr and stderrAck print on stderr', () => {
    const r = runSource(
      'new e(`rho:io:stderr`), ea(`rho:io:stderrAck`), k in { e!("oops") | ea!(1, *k) | for (_ <- k) { e!("acked") } }',
    );
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.stdout, []);
    assert.deepEqual(r.stderr, ['"oops"', '1', '"acked"']);
  });

  test('a system process called with the wrong arity reports an error naming it', () => {
    const r = run('out!(1, 2) | out!("still works")');
    assert.deepEqual(r.stdout, ['"still works"']);
    assert.equal(r.errors.length, 1);
    assert.equal(r.errors[0].code, 'SystemProcessArguments');
    assert.match(r.errors[0].message, /rho:io:stdout takes 1 argument .*got 2: 1, 2/);
  });

  test('system names are write-only bundles: receiving on one is an error', () => {
    const r = run('for (@x <- out) { Nil }');
    assert.equal(r.errors[0].code, 'BundleNotReadable');
    assert.match(r.errors[0].message, /bundle\+/);
  });

  test('an unknown URN is an error naming it', () => {
    const r = runSource('new x(`rho:nope:nothing`) in { x!(1) }');
    assert.equal(r.errors[0].code, 'UnknownUrn');
    assert.match(r.errors[0].message, /rho:nope:nothing/);
  });
});

describe('reducer: errors', () => {
  test('an error stops only its own process; siblings and later COMMs go on', () => {
    const r = run(
      'out!(1 / 0) | out!("sibling") | new ch in { ch!(1) | for (@x <- ch) { out!(x + "a") | out!("body sibling") } }',
    );
    assert.deepEqual(r.stdout, ['"sibling"', '"body sibling"']);
    assert.deepEqual(
      r.errors.map((e) => e.code),
      ['DivisionByZero', 'TypeMismatch'],
    );
  });

  test('several errors are all reported, in the order they happened', () => {
    const r = run('out!([1].nth(5)) | out!("x".foo()) | out!(not 3)');
    assert.deepEqual(
      r.errors.map((e) => e.code),
      ['IndexOutOfBounds', 'MethodNotFound', 'TypeMismatch'],
    );
  });

  test('bundle rules: no send on a read-only bundle, no receive on a write-only one', () => {
    const r = run(
      'new ch in { ch!(bundle- {*ch}) | for (b <- ch) { b!(1) } } | new d in { for (x <- @{bundle+ {*d}}) { Nil } }',
    );
    assert.deepEqual(
      r.errors.map((e) => e.code),
      ['BundleNotReadable', 'BundleNotWritable'],
    );
  });

  test('spaces must be made by a factory: use, new x : sp and getSpaceAgent name the value they got', () => {
    for (const body of [
      'new s in { use s { Nil } }',
      'new s in { new x : s in { Nil } }',
      'out!(getSpaceAgent(*out))',
    ]) {
      const r = run(body);
      assert.equal(r.errors[0]?.code, 'NotASpace', body);
      assert.match(r.errors[0].message, /needs a space made by a rho:space: factory, got /);
    }
  });

  test('hyperparameters on a space that takes none are refused, naming the space', () => {
    const r = run('new ch in { ch!(1; 2) }');
    assert.equal(r.errors[0]?.code, 'InvalidHyperparameter');
    assert.match(r.errors[0].message, /the default space takes none/);
  });
});

describe('reducer: phlogiston', () => {
  test('without a limit a run reports what it used', () => {
    const r = run('out!(1)');
    assert.equal(r.phlogiston.limit, Number.POSITIVE_INFINITY);
    assert.ok(r.phlogiston.used > 0);
  });

  test('a run that fits its limit uses the same phlogiston as an unlimited one', () => {
    const free = run('new ch in { ch!(1) | for (@x <- ch) { out!(x) } }');
    const limited = run('new ch in { ch!(1) | for (@x <- ch) { out!(x) } }', { phloLimit: free.phlogiston.used + 100 });
    assert.deepEqual(limited.errors, []);
    assert.equal(limited.phlogiston.used, free.phlogiston.used);
  });

  test('running out stops the whole run with a clear report, and nothing runs after it', () => {
    const program = 'new loop in { contract loop(@n) = { out!(n) | loop!(n + 1) } | loop!(0) }';
    const r = run(program, { phloLimit: 20_000 });
    assert.equal(r.outOfPhlogiston, true);
    const last = r.errors[r.errors.length - 1];
    assert.equal(last.code, 'OutOfPhlogiston');
    assert.match(last.message, /out of phlogiston: .* needs \d+ but only \d+ of the limit 20000 is left/);
    assert.ok(r.phlogiston.used <= 20_000);
    assert.ok(r.stdout.length > 5);
    // Deterministic: the same limit stops at the same point.
    assert.deepEqual(run(program, { phloLimit: 20_000 }).stdout, r.stdout);
  });

  test('parsing is charged by the byte before anything runs', () => {
    const source = `${OUT}{ out!("hi") }`;
    const r = runSource(source, { phloLimit: Buffer.byteLength(source) - 1 });
    assert.equal(r.outOfPhlogiston, true);
    assert.deepEqual(r.stdout, []);
    assert.match(r.errors[0].message, /parsing/);
  });
});

describe('reducer: determinism', () => {
  const program = `new a, b, c in {
    a!(*b) | a!(*c) | for (x <- a) { out!(*x) } | for (y <- a) { new z in { out!([*y, *z]) } } |
    contract b(@n) = { out!(n) } | b!(1) | b!(2)
  }`;

  test('the same program and seed give the same output and trace', () => {
    const trace1: string[] = [];
    const trace2: string[] = [];
    const r1 = run(program, { seed: 42, trace: (l) => trace1.push(l) });
    const r2 = run(program, { seed: 42, trace: (l) => trace2.push(l) });
    assert.deepEqual(r1.stdout, r2.stdout);
    assert.deepEqual(trace1, trace2);
    assert.equal(trace1.length, r1.comms);
  });

  test('a different seed gives different names, and the same shape of run', () => {
    const r1 = run(program, { seed: 1 });
    const r2 = run(program, { seed: 2 });
    assert.notDeepEqual(r1.stdout, r2.stdout);
    assert.equal(r1.comms, r2.comms);
    assert.deepEqual(r1.stdout.slice(-2), r2.stdout.slice(-2)); // '1', '2' do not depend on names
  });
});

describe('runtime sessions', () => {
  test('a session keeps its space across evaluations: a later program meets an earlier one', () => {
    const rt = new RhoRuntime();
    const first = rt.evaluate('for (@x <- @"mailbox") { @"reply"!(x * 2) }');
    assert.deepEqual(first.errors, []);
    assert.equal(first.comms, 0);
    const second = rt.evaluate(`${OUT}{ @"mailbox"!(21) | for (@y <- @"reply") { out!(y) } }`);
    assert.deepEqual(second.stdout, ['42']);
    assert.equal(second.comms, 3);
  });

  test('evaluations of a session draw different names; the same session seed repeats them', () => {
    const names = (seed: number) => {
      const rt = new RhoRuntime({ seed });
      return [
        rt.evaluate(`${OUT}{ new x in { out!(*x) } }`).stdout[0],
        rt.evaluate(`${OUT}{ new x in { out!(*x) } }`).stdout[0],
      ];
    };
    const [a, b] = names(5);
    assert.notEqual(a, b);
    assert.deepEqual(names(5), [a, b]);
  });

  test('a seed that is not an integer is refused with a typed error', () => {
    assert.throws(() => new RhoRuntime({ seed: 1.5 }), { code: 'InvalidSeed', message: /1\.5/ });
  });
});
