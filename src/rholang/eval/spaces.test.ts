import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { allValidUrns, parseUrn, urnOf } from '../../registry/urn.js';
import { type RunResult, runSource } from './run.js';

const OUT = 'new out(`rho:io:stdout`), ack(`rho:io:stdoutAck`) in ';
const run = (body: string): RunResult => runSource(`${OUT}{ ${body} }`);
const lines = (body: string): readonly string[] => {
  const r = run(body);
  assert.deepEqual(r.errors, [], `unexpected errors for: ${body}`);
  return r.stdout;
};
const codes = (r: RunResult): string[] => r.errors.map((e) => e.code);

/** `body` run with `sp` bound to a fresh space of `urn` made with factory arguments `args` (then the reply). */
const withSpace = (urn: string, body: string, args = ''): string =>
  `new F(\`${urn}\`), r in { F!(${args}${args === '' ? '' : ', '}*r) | for (sp <- r) { ${body} } }`;

describe('factories (rholang-surface §2.4)', () => {
  test('every one of the 96 URNs is a factory whose space reports its own URN', () => {
    for (const urn of allValidUrns()) {
      const r = run(withSpace(urn, 'out!(getSpaceAgent(*sp))'));
      assert.deepEqual(r.errors, [], urn);
      assert.deepEqual(r.stdout, [`\`${urnOf(parseUrn(urn).config)}\``], urn);
    }
  });

  test('the reply is a fresh unforgeable name, different for each call', () => {
    assert.deepEqual(
      lines(`new F(\`rho:space:queue:hashmap:default\`), r1, r2 in {
        F!(*r1) | F!(*r2) | for (a <- r1 & b <- r2) { out!(*a == *b) | match *a { Unforgeable => out!("name") } }
      }`),
      ['false', '"name"'],
    );
  });

  test('argument forms: qualifier, config map, theory, in the positions §2.4 gives them', () => {
    const agent = (urn: string, args: string) => lines(withSpace(urn, 'out!(getSpaceAgent(*sp))', args))[0];
    assert.equal(agent('rho:space:queue:hashmap:default', '"seq"'), '`rho:space:queue:hashmap:seq`');
    assert.equal(
      agent('rho:space:bag:array:default', '{"size": 4, "cyclic": true}'),
      '`rho:space:bag:array(4,true):default`',
    );
    assert.equal(agent('rho:space:bag:array:default', '"temp", {"size": 3}'), '`rho:space:bag:array(3):temp`');
    assert.equal(agent('rho:space:bag:hashmap:default', 'free Nat()'), '`rho:space:HashMapBagSpace[theory=Nat]`');
    assert.equal(agent('rho:space:bag:hashmap:default', '"default", Nil'), '`rho:space:HashMapBagSpace`');
    // One argument that is the reply; no arguments at all (nobody is told).
    assert.deepEqual(lines('new F(`rho:space:queue:hashmap:default`) in { F!() }'), []);
  });

  test('bad arguments are errors naming them, and siblings go on', () => {
    const cases: [string, string, RegExp][] = [
      ['1, 2, 3, 4', 'InvalidFactoryArguments', /at most 3 arguments.*got 4/],
      ['{"size": 2}, Nil, *r', 'InvalidFactoryArguments', /first must be a qualifier/],
      ['"default", {"size": 2}, 5', 'InvalidFactoryArguments', /reply channel must be a name, got 5/],
      ['[1, 2]', 'InvalidFactoryArguments', /expected a config map.*got \[1, 2\]/],
      ['{"colour": "red"}', 'InvalidConfiguration', /"colour" = "red" is not accepted/],
      ['{"size": -1}', 'InvalidConfiguration', /size/],
    ];
    for (const [args, code, message] of cases) {
      const r = run(`new F(\`rho:space:bag:array:default\`), r in { F!(${args}) | out!("sibling") }`);
      assert.deepEqual(r.stdout, ['"sibling"'], args);
      assert.deepEqual(codes(r), [code], args);
      assert.match(r.errors[0].message, message, args);
    }
  });

  test('vectordb config: dimensions, threshold, metric and aliases; out-of-range values refused', () => {
    assert.deepEqual(
      lines(
        withSpace(
          'rho:space:vectordb:hashmap:default',
          'out!(getSpaceAgent(*sp))',
          '{"dimensions": 4, "threshold": "0.5", "metric": "cos"}',
        ),
      ),
      ['`rho:space:vectordb(4):hashmap:default`'],
    );
    const r = run(withSpace('rho:space:vectordb:hashmap:default', 'Nil', '{"threshold": 150}'));
    assert.deepEqual(codes(r), ['InvalidConfiguration']);
    assert.match(r.errors[0].message, /threshold.*150/);
  });

  test('an invalid URN is an error naming it; parametric and named URNs are factories too', () => {
    const r = runSource('new F(`rho:space:bag:nowhere:default`) in { Nil }');
    assert.deepEqual(codes(r), ['UnknownUrn']);
    assert.match(r.errors[0].message, /nowhere/);
    assert.deepEqual(lines(withSpace('rho:space:priorityqueue(3):hashmap:default', 'out!(getSpaceAgent(*sp))')), [
      '`rho:space:priorityqueue(3):hashmap:default`',
    ]);
    assert.deepEqual(lines(withSpace('rho:space:QueueSpace', 'out!(getSpaceAgent(*sp))')), ['`rho:space:QueueSpace`']);
  });

  test('factories work inside use blocks (DECISIONS 22)', () => {
    assert.deepEqual(
      lines(
        withSpace(
          'rho:space:queue:hashmap:default',
          'use sp { new G(`rho:space:stack:hashmap:default`), r2 in { G!(*r2) | for (s2 <- r2) { out!(getSpaceAgent(*s2)) } } }',
        ),
      ),
      ['`rho:space:StackSpace`'],
    );
  });
});

describe('use blocks and routing', () => {
  test('quoted channels inside use go to that space: a queue serves FIFO, a stack LIFO', () => {
    const drain =
      '@"j"!(1) | @"j"!(2) | @"j"!(3) | for (@a <- @"j") { for (@b <- @"j") { for (@c <- @"j") { out!([a, b, c]) } } }';
    assert.deepEqual(lines(withSpace('rho:space:queue:hashmap:default', `use sp { ${drain} }`)), ['[1, 2, 3]']);
    assert.deepEqual(lines(withSpace('rho:space:stack:hashmap:default', `use sp { ${drain} }`)), ['[3, 2, 1]']);
  });

  test('spaces are isolated: the same quoted channel in two spaces and the default space never mixes', () => {
    assert.deepEqual(
      lines(`new F(\`rho:space:bag:hashmap:default\`), r1, r2 in {
        F!(*r1) | F!(*r2) | for (a <- r1 & b <- r2) {
          use a { @"box"!("in a") } | use b { @"box"!("in b") } | @"box"!("in default") |
          use a { for (@x <- @"box") { ack!(x, *r1) } } |
          for (_ <- r1) { use b { for (@y <- @"box") { ack!(y, *r2) } } } |
          for (_ <- r2) { for (@z <- @"box") { out!(z) } }
        }
      }`),
      ['"in a"', '"in b"', '"in default"'],
    );
  });

  test('the use space is captured lexically: a body stored inside use runs in that space later', () => {
    assert.deepEqual(
      lines(
        withSpace(
          'rho:space:stack:hashmap:default',
          `new go in { use sp { for (_ <- go) { @"s"!(1) | @"s"!(2) | for (@a <- @"s") { out!(a) } } } | go!(Nil) }`,
        ),
      ),
      ['2'],
    );
  });

  test('names made inside use belong to the space, wherever they are used', () => {
    assert.deepEqual(
      lines(
        withSpace(
          'rho:space:stack:hashmap:default',
          `new hand in { use sp { new c in { hand!(*c) } } | for (c <- hand) { c!(1) | c!(2) | for (@v <- c) { out!(v) } } }`,
        ),
      ),
      ['2'],
    );
  });

  test('new x : sp allocates in sp, without a use block', () => {
    assert.deepEqual(
      lines(
        withSpace('rho:space:queue:hashmap:default', 'new c : sp in { c!(1) | c!(2) | for (@v <- c) { out!(v) } }'),
      ),
      ['1'],
    );
    assert.deepEqual(
      lines(
        withSpace('rho:space:stack:hashmap:default', 'new c : sp in { c!(1) | c!(2) | for (@v <- c) { out!(v) } }'),
      ),
      ['2'],
    );
  });

  test('array spaces hand out slot indices and refuse names past their size; cyclic ones wrap', () => {
    const r = run(
      withSpace(
        'rho:space:bag:array:default',
        'use sp { new a in { new b in { new c in { Nil } } } } | out!("sibling")',
        '{"size": 2}',
      ),
    );
    assert.deepEqual(r.stdout, ['"sibling"']);
    assert.deepEqual(codes(r), ['OutOfNames']);
    assert.deepEqual(
      lines(
        withSpace(
          'rho:space:bag:array:default',
          'use sp { new a, b, c in { out!("ok") } }',
          '{"size": 2, "cyclic": true}',
        ),
      ),
      ['"ok"'],
    );
    assert.deepEqual(
      lines(
        withSpace('rho:space:bag:vector:default', 'use sp { new a, b, c in { a!(7) | for (@v <- a) { out!(v) } } }'),
      ),
      ['7'],
    );
  });

  test('a join across spaces is refused with an error naming both channels and spaces', () => {
    const r = run(
      withSpace('rho:space:queue:hashmap:default', 'new x in { new y : sp in { for (@a <- x & @b <- y) { Nil } } }'),
    );
    assert.deepEqual(codes(r), ['CrossSpaceJoin']);
    assert.match(r.errors[0].message, /a join cannot span spaces: .* is in .* but .* is in /);
  });

  test('system processes reply on the reply channel’s own space (DECISIONS 22)', () => {
    assert.deepEqual(
      lines(
        withSpace(
          'rho:space:queue:hashmap:default',
          'use sp { new done in { ack!("printed", *done) | for (_ <- done) { out!("acked") } } }',
        ),
      ),
      ['"printed"', '"acked"'],
    );
  });

  test('use and new x : sp need a space made by a factory', () => {
    const r = run('new s in { use s { Nil } | new x : s in { Nil } }');
    assert.deepEqual(codes(r), ['NotASpace', 'NotASpace']);
  });
});

describe('hyperparameters (priorities)', () => {
  test('a priority queue serves level 0 first, FIFO within a level; both syntaxes', () => {
    assert.deepEqual(
      lines(
        withSpace(
          'rho:space:priorityqueue:hashmap:default',
          'use sp { @"t"!("low"; 1) | @"t"!("high"; priority=0) | @"t"!("low2"; 1) } | use sp { for (@a <- @"t") { for (@b <- @"t") { for (@c <- @"t") { out!([a, b, c]) } } } }',
        ),
      ),
      ['["high", "low", "low2"]'],
    );
  });

  test('bad priorities and hyperparameters elsewhere are errors naming the problem', () => {
    const pq = (send: string) => run(withSpace('rho:space:priorityqueue:hashmap:default', `use sp { ${send} }`));
    const cases: [RunResult, RegExp][] = [
      [pq('@"t"!(1; -1)'), /a priority is an integer in 0..1023 .* got -1/],
      [pq('@"t"!(1; "high")'), /got "high"/],
      [pq('@"t"!(1; 0, priority=1)'), /both by position and by name/],
      [pq('@"t"!(1; urgency=1)'), /unknown hyperparameter `urgency`/],
      [run(withSpace('rho:space:queue:hashmap:default', 'use sp { @"t"!(1; 0) }')), /QueueSpace space .* takes none/],
      [run('out!(1; 0)'), /takes none/],
    ];
    for (const [r, message] of cases) {
      assert.deepEqual(codes(r), ['InvalidHyperparameter']);
      assert.match(r.errors[0].message, message);
    }
  });
});

describe('similarity receives (DECISIONS 17, 24)', () => {
  const vdb = (body: string) =>
    withSpace('rho:space:vectordb:hashmap:default', `use sp { ${body} }`, '{"dimensions": 3, "threshold": 50}');
  const docs =
    '@"d"!({"embedding": [90, 10, 0], "id": "a"}) | @"d"!({"embedding": [0, 100, 0], "id": "b"}) | @"d"!!({"embedding": [80, 20, 0], "id": "c"})';

  test('a query that finds hits binds a result channel yielding them best first, top-k only', () => {
    assert.deepEqual(
      lines(
        vdb(`${docs} | for (res <- @"d" ~ sim("cosine", 60) ~ rank("topk", 2) ~ [100, 0, 0]) {
        for (@x <- res) { for (@y <- res) { out!([x.get("id"), y.get("id")]) } }
      }`),
      ),
      ['["a", "c"]'],
    );
  });

  test('hits handed out leave the space unless persistent; other receives see what is left', () => {
    assert.deepEqual(
      lines(
        vdb(`${docs} | for (res <- @"d" ~ sim("cosine", 60) ~ rank("topk", 2) ~ [100, 0, 0]) {
        for (@x <- res) { for (@y <- res) { for (@z <- @"d") { for (@w <- @"d") { out!([z.get("id"), w.get("id")]) } } } }
      }`),
      ),
      ['["b", "c"]'],
    );
  });

  test('a query with no hit waits; a later document that satisfies it fires it with a result channel', () => {
    assert.deepEqual(
      lines(
        vdb(`for (res <- @"d" ~ sim("cosine", 90) ~ [0, 0, 100]) { for (@doc <- res) { out!(doc.get("id")) } } |
        @"d"!({"embedding": [100, 0, 0], "id": "far"}) | @"d"!({"embedding": [0, 5, 100], "id": "near"})`),
      ),
      ['"near"'],
    );
  });

  test('similarity receives need a vectordb space; malformed queries are errors', () => {
    const r = run('for (x <- @"d" ~ [1, 2]) { Nil }');
    assert.deepEqual(codes(r), ['InvalidSimilarity']);
    assert.match(r.errors[0].message, /needs a vectordb space.*the default space/);
    const bad = run(vdb('for (x <- @"d" ~ sim("nearest") ~ [1, 2, 3]) { Nil } | for (y <- @"d" ~ [1, 2]) { Nil }'));
    assert.deepEqual(codes(bad), ['InvalidSimilarity', 'InvalidSimilarity']);
    assert.match(bad.errors[0].message, /nearest/);
    assert.match(bad.errors[1].message, /3.*2|2.*3/);
  });
});

describe('qualifiers, theories, cells, agents and meters', () => {
  test('names of a seq space may not travel in data, to any space', () => {
    const r = run(
      withSpace('rho:space:queue:hashmap:seq', 'new c : sp, box in { box!(*c) | box!([*c]) | box!("fine") }'),
    );
    assert.deepEqual(codes(r), ['SeqChannelNotMobile', 'SeqChannelNotMobile']);
  });

  test('a seq channel admits one waiting receive at a time; the data still reach the first', () => {
    const r = run(
      withSpace(
        'rho:space:queue:hashmap:seq',
        'new c : sp in { for (@a <- c) { out!(a) } | for (@b <- c) { out!(b) } | c!(1) }',
      ),
    );
    assert.deepEqual(r.stdout, ['1']);
    assert.deepEqual(codes(r), ['SeqChannelConcurrency']);
    assert.match(r.errors[0].message, /admit one waiting consume at a time/);
  });

  test('temp spaces behave like default ones within a run', () => {
    assert.deepEqual(
      lines(withSpace('rho:space:queue:hashmap:temp', 'use sp { @"q"!(1) | @"q"!(2) | for (@a <- @"q") { out!(a) } }')),
      ['1'],
    );
  });

  test('a theory refuses data that fail it and stores nothing; valid data go through', () => {
    const r = run(
      withSpace(
        'rho:space:bag:hashmap:default',
        'use sp { @"n"!(-1) | @"n"!("x") | @"n"!(5) | for (@v <- @"n") { out!(v) } | for (@w <- @"n") { out!(w) } }',
        'free Nat()',
      ),
    );
    assert.deepEqual(r.stdout, ['5']);
    assert.deepEqual(codes(r), ['TheoryValidationError', 'TheoryValidationError']);
    assert.match(r.errors[0].message, /Nat/);
  });

  test('a second write to a cell fails with "already contains data"; siblings go on', () => {
    const r = run(
      withSpace(
        'rho:space:cell:hashmap:default',
        'use sp { @"c"!(1) | @"c"!(2) | out!("sibling") | for (@v <- @"c") { out!(v) } }',
      ),
    );
    assert.deepEqual(r.stdout, ['"sibling"', '1']);
    assert.deepEqual(codes(r), ['CellAlreadyFull']);
    assert.match(r.errors[0].message, /already contains data/);
  });

  test('each user space has its own phlogiston meter; the run reports them', () => {
    const r = run(withSpace('rho:space:queue:hashmap:default', 'use sp { @"q"!(1) | for (@a <- @"q") { Nil } }'));
    assert.deepEqual(r.errors, []);
    assert.equal(r.spaces.length, 1);
    assert.equal(r.spaces[0].urn, 'rho:space:QueueSpace');
    assert.equal(r.spaces[0].phlogiston.limit, 10_000_000);
    assert.ok(r.spaces[0].phlogiston.used > 0);
    assert.match(r.spaces[0].name, /^Unforgeable\(0x[0-9a-f]{32}\)$/);
  });

  test('space ids come from the seed: same seed, same ids; another seed, other ids', () => {
    const program = `${OUT}{ ${withSpace('rho:space:queue:hashmap:default', 'out!(*sp)')} }`;
    assert.deepEqual(runSource(program, { seed: 3 }).stdout, runSource(program, { seed: 3 }).stdout);
    assert.notDeepEqual(runSource(program, { seed: 3 }).stdout, runSource(program, { seed: 4 }).stdout);
  });
});

describe('review fixes', () => {
  test('a user space charges a send 100 plus the size of its data (DECISIONS 10)', () => {
    const cost = (data: string) =>
      run(withSpace('rho:space:queue:hashmap:default', `use sp { @"q"!(${data}) }`)).spaces[0].phlogiston.used;
    const small = cost('"a"');
    const big = cost(`"${'a'.repeat(50)}"`);
    assert.equal(big - small, 49);
    assert.ok(small > 100);
  });

  test('two spellings of one URN are one factory', () => {
    const trace: string[] = [];
    runSource('new A(`rho:space:QueueSpace`), B(`rho:space:queue:hashmap:default`) in { A!() | B!() }', {
      trace: (l) => trace.push(l),
    });
    assert.equal(trace.length, 2);
    assert.ok(trace.every((l) => l.endsWith('-> rho:space:QueueSpace')));
  });

  test('the Any theory takes processes too; Nat refuses them', () => {
    const send = 'use sp { @"p"!(@"x"!(1)) | for (@p <- @"p") { out!("stored") } }';
    assert.deepEqual(lines(withSpace('rho:space:bag:hashmap:default', send, 'free Any()')), ['"stored"']);
    assert.deepEqual(codes(run(withSpace('rho:space:bag:hashmap:default', send, 'free Nat()'))), [
      'TheoryValidationError',
    ]);
  });

  test('priorities past the last level and k of topk are checked with messages naming them', () => {
    const r = run(withSpace('rho:space:priorityqueue:hashmap:default', 'use sp { @"t"!(1; 1024) }'));
    assert.deepEqual(codes(r), ['InvalidHyperparameter']);
    assert.match(r.errors[0].message, /0\.\.1023.*got 1024/);
    const q = run(
      withSpace(
        'rho:space:vectordb:hashmap:default',
        'use sp { for (x <- @"d" ~ sim("cos", 150) ~ [1, 2, 3]) { Nil } }',
        '{"dimensions": 3}',
      ),
    );
    assert.deepEqual(codes(q), ['InvalidSimilarity']);
    assert.doesNotMatch(q.errors[0].message, /150n/);
  });
});
