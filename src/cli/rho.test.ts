import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runSource } from '../rholang/eval/run.js';
import { fdSink } from './fd-sink.js';
import { LineOutput } from './line-output.js';
import { runRhoCli } from './rho-cli.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rho-cli-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

let files = 0;
/** Writes `source` to a fresh .rho file in the temp directory and returns its path. */
function rhoFile(source: string, name = `prog-${++files}.rho`): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, source);
  return file;
}

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** Every write, in order, tagged with its stream. */
  readonly writes: readonly { readonly stream: 'stdout' | 'stderr'; readonly text: string }[];
}

function cli(argv: readonly string[], now?: () => number): Run {
  const writes: { stream: 'stdout' | 'stderr'; text: string }[] = [];
  const code = runRhoCli(argv, {
    stdout: { write: (text: string) => writes.push({ stream: 'stdout', text }) },
    stderr: { write: (text: string) => writes.push({ stream: 'stderr', text }) },
    now,
  });
  const of = (stream: string) =>
    writes
      .filter((w) => w.stream === stream)
      .map((w) => w.text)
      .join('');
  return { code, stdout: of('stdout'), stderr: of('stderr'), writes };
}

const lines = (text: string): string[] => (text === '' ? [] : text.replace(/\n$/, '').split('\n'));

const HELLO = 'new stdout(`rho:io:stdout`) in { stdout!("Hello, world!") }\n';
/** Prints a fresh unforgeable name: its bytes come from the seed. */
const FRESH_NAME = 'new stdout(`rho:io:stdout`), x in { stdout!(*x) }\n';
/** Runs until the phlogiston runs out. */
const FOREVER = 'new loop in { contract loop(@n) = { loop!(n + 1) } | loop!(0) }\n';
const COUNT = (n: number) =>
  `new stdout(\`rho:io:stdout\`), loop in {
  contract loop(@n) = { if (n < ${n}) { stdout!(n) | loop!(n + 1) } } | loop!(0)
}
`;
/** Two syntax errors, on lines 2 and 3. */
const TWO_SYNTAX_ERRORS = 'new stdout(`rho:io:stdout`) in {\n  stdout!(1 +)\n  | stdout!(#)\n}\n';
const UNBOUND = 'new stdout(`rho:io:stdout`) in {\n  stdout!(1) | y!(2)\n}\n';
const DIVISION_BY_ZERO = 'new stdout(`rho:io:stdout`) in { stdout!("before") | stdout!(1 / 0) | stdout!(2 + "a") }\n';

describe('rho run', () => {
  test('prints each stdout value on its own line and nothing else; exit 0', () => {
    const r = cli(['run', rhoFile(HELLO)]);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, '"Hello, world!"\n');
    assert.equal(r.stderr, '');
  });

  test('stdout/stdoutAck go to stdout, stderr/stderrAck to stderr, one line per value', () => {
    const file = rhoFile(`new stdout(\`rho:io:stdout\`), stdoutAck(\`rho:io:stdoutAck\`),
    stderr(\`rho:io:stderr\`), stderrAck(\`rho:io:stderrAck\`), ack1, ack2 in {
  stdout!([1, "two", {"k": 3}]) |
  stdoutAck!("with ack", *ack1) | for (_ <- ack1) { stdout!("acked") } |
  stderr!("on stderr") |
  stderrAck!(42, *ack2) | for (_ <- ack2) { stderr!("acked too") }
}
`);
    const r = cli(['run', file]);
    assert.equal(r.code, 0);
    assert.deepEqual(lines(r.stdout).sort(), ['"acked"', '"with ack"', '[1, "two", {"k" : 3}]'].sort());
    assert.deepEqual(lines(r.stderr).sort(), ['"acked too"', '"on stderr"', '42'].sort());
  });

  test('keeps the order in which the program printed across stdout and stderr', () => {
    const source = `new stdout(\`rho:io:stdout\`), stderr(\`rho:io:stderr\`) in {
  stdout!(1) | stderr!(2) | stdout!(3) | stderr!(4) | stderr!(5) | stdout!(6)
}
`;
    const expected: string[] = [];
    runSource(source, {
      stdout: (line) => expected.push(`out ${line}`),
      stderr: (line) => expected.push(`err ${line}`),
    });
    const r = cli(['run', rhoFile(source)]);
    const combined = r.writes.flatMap((w) => lines(w.text).map((l) => `${w.stream === 'stdout' ? 'out' : 'err'} ${l}`));
    assert.deepEqual(combined, expected);
  });

  test('evaluation errors: one `error: <message>` line each on stderr, after the output; exit 1', () => {
    const r = cli(['run', rhoFile(DIVISION_BY_ZERO)]);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '"before"\n');
    const errors = lines(r.stderr);
    assert.equal(errors.length, 2, r.stderr);
    for (const line of errors) assert.match(line, /^error: \S/);
    assert.match(errors.join('\n'), /zero/);
  });

  test('an unknown system process URN is an evaluation error', () => {
    const r = cli(['run', rhoFile('new x(`rho:io:nope`) in { Nil }\n')]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^error: .*rho:io:nope/);
  });

  test('--phlo-limit stops a run that never ends: out of phlogiston is an error, exit 1', () => {
    const r = cli(['run', rhoFile(FOREVER), '--phlo-limit', '20000', '--stats']);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    const err = lines(r.stderr);
    assert.equal(err.length, 4, r.stderr);
    assert.match(err[0], /^error: out of phlogiston/);
    const used = Number(/^phlogiston: (\d+) \(limit: 20000\)$/.exec(err[2])?.[1]);
    assert.ok(used > 0 && used <= 20000, err[2]);
  });

  test('--phlo-limit=N form, and 0 stops before anything runs', () => {
    const r = cli(['run', '--phlo-limit=0', rhoFile(HELLO)]);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^error: out of phlogiston/);
  });

  test('a generous --phlo-limit changes nothing but the limit shown', () => {
    const file = rhoFile(HELLO);
    const unlimited = cli(['run', file, '--stats'], () => 0);
    const limited = cli(['run', file, '--stats', '--phlo-limit', '1000000'], () => 0);
    assert.equal(limited.code, 0);
    assert.equal(limited.stdout, unlimited.stdout);
    assert.equal(limited.stderr, unlimited.stderr.replace('(limit: unlimited)', '(limit: 1000000)'));
  });

  test('--stats: exactly three closing lines on stderr, after the errors; stdout untouched', () => {
    const r = cli(['run', rhoFile(HELLO), '--stats'], () => 0);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, '"Hello, world!"\n');
    const err = lines(r.stderr);
    assert.equal(err.length, 3);
    assert.match(err[0], /^comms: [1-9]\d*$/);
    assert.match(err[1], /^phlogiston: [1-9]\d* \(limit: unlimited\)$/);
    assert.equal(err[2], 'time: 0.0 ms');

    const failed = lines(cli(['run', rhoFile(DIVISION_BY_ZERO), '--stats']).stderr);
    assert.equal(failed.length, 5);
    assert.match(failed[0], /^error: /);
    assert.match(failed[1], /^error: /);
    assert.match(failed[2], /^comms: \d+$/);
    assert.match(failed[3], /^phlogiston: \d+ \(limit: unlimited\)$/);
    assert.match(failed[4], /^time: \d+\.\d ms$/);
  });

  test('--pending: what is left in the spaces, on stderr after the errors and before --stats', () => {
    const program =
      'new out(`rho:io:stdout`) in { out!(1 / 0) | @"log"!("lost") | for (@x <- @"never") { out!(x) } }\n';
    const r = cli(['run', rhoFile(program), '--pending', '--stats'], () => 0);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    assert.deepEqual(lines(r.stderr).slice(0, 4), [
      'error: /: cannot divide 1 by zero (got Int 0)',
      'pending in the default space:',
      '  @"log"!("lost")',
      '  for (… <- @"never")',
    ]);
    assert.match(lines(r.stderr)[4], /^comms: /);
    // Nothing left: one line says so.
    assert.equal(cli(['run', rhoFile(HELLO), '--pending']).stderr, 'pending: nothing (every send met its receive)\n');
    // Without the option, nothing of the kind.
    assert.equal(cli(['run', rhoFile(program)]).stderr, 'error: /: cannot divide 1 by zero (got Int 0)\n');
    assert.match(cli(['check', rhoFile(program), '--pending']).stderr, /check does not take --pending/);
  });

  test('--stats: one more line per space the program made, with its own phlogiston meter', () => {
    const program = `new QF(\`rho:space:queue:hashmap:default\`), SF(\`rho:space:stack:hashmap:default\`), r1, r2 in {
  QF!(*r1) | SF!(*r2) | for (q <- r1) { use q { @"jobs"!(1) | for (@x <- @"jobs") { Nil } } }
}
`;
    const r = cli(['run', rhoFile(program), '--stats'], () => 0);
    assert.equal(r.code, 0);
    const err = lines(r.stderr);
    assert.equal(err.length, 5);
    assert.match(
      err[3],
      /^space rho:space:QueueSpace Unforgeable\(0x[0-9a-f]{32}\): phlogiston [1-9]\d* \(limit: 10000000\)$/,
    );
    assert.match(
      err[4],
      /^space rho:space:StackSpace Unforgeable\(0x[0-9a-f]{32}\): phlogiston 0 \(limit: 10000000\)$/,
    );
  });

  test('--stats measures the run with the clock, to one decimal', () => {
    let calls = 0;
    // The first reading starts the run; every later one is 12.345 ms on.
    const r = cli(['run', rhoFile(HELLO), '--stats'], () => (calls++ === 0 ? 0 : 12.345));
    assert.equal(lines(r.stderr).at(-1), 'time: 12.3 ms');
  });

  test('--trace: one `comm N: ...` line per COMM on stderr, as many as --stats counts', () => {
    const file = rhoFile(COUNT(5));
    const r = cli(['run', file, '--trace', '--stats']);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, cli(['run', file]).stdout);
    const err = lines(r.stderr);
    const comms = Number(/^comms: (\d+)$/.exec(err.at(-3) ?? '')?.[1]);
    const trace = err.slice(0, -3);
    assert.equal(trace.length, comms);
    trace.forEach((line, i) => {
      assert.match(line, new RegExp(`^comm ${i + 1}: `));
    });
    assert.ok(trace.some((line) => line.endsWith('-> rho:io:stdout')));
  });

  test('the default seed is 0, and the same seed gives the same output and trace', () => {
    const file = rhoFile(FRESH_NAME);
    const a = cli(['run', file, '--trace']);
    const b = cli(['run', file, '--trace', '--seed', '0']);
    const c = cli(['run', file, '--trace']);
    assert.equal(a.code, 0);
    assert.match(a.stdout, /^Unforgeable\(0x[0-9a-f]+\)\n$/);
    assert.equal(b.stdout, a.stdout);
    assert.equal(b.stderr, a.stderr);
    assert.equal(c.stdout, a.stdout);
    assert.equal(c.stderr, a.stderr);
  });

  test('different seeds give different unforgeable names', () => {
    const file = rhoFile(FRESH_NAME);
    const outputs = ['0', '1', '-1', '42', '123456789012345678901234567890'].map((seed) => {
      const r = cli(['run', file, '--seed', seed]);
      assert.equal(r.code, 0, r.stderr);
      return r.stdout;
    });
    assert.equal(new Set(outputs).size, outputs.length, outputs.join(''));
  });

  test('--seed takes any integer: negative (also as --seed=N), huge, with a sign', () => {
    const file = rhoFile(FRESH_NAME);
    assert.equal(cli(['run', file, '--seed', '-5']).stdout, cli(['run', file, '--seed=-5']).stdout);
    assert.equal(cli(['run', file, '--seed', '+7']).stdout, cli(['run', file, '--seed', '7']).stdout);
    assert.equal(cli(['run', file, '--seed', '99999999999999999999999999999999999999']).code, 0);
  });

  test('prints 100k lines in batches, and every line arrives', () => {
    const r = cli(['run', rhoFile(COUNT(100_000))], () => 0);
    assert.equal(r.code, 0, r.stderr);
    const out = lines(r.stdout);
    assert.equal(out.length, 100_000);
    assert.equal(out[0], '0');
    assert.equal(out[99_999], '99999');
    const writes = r.writes.filter((w) => w.stream === 'stdout').length;
    assert.ok(writes < 100, `${writes} writes`);
  });
});

describe('rho: syntax and scope errors exit 2', () => {
  for (const command of ['run', 'check']) {
    test(`${command}: every syntax error, each block starting with error, with file:line:column`, () => {
      const file = rhoFile(TWO_SYNTAX_ERRORS, `syntax-${command}.rho`);
      const r = cli([command, file]);
      assert.equal(r.code, 2);
      assert.equal(r.stdout, '');
      const blocks = r.stderr.replace(/\n$/, '').split('\n\n');
      assert.equal(blocks.length, 2, r.stderr);
      assert.match(blocks[0], /^error\[UnexpectedToken\]: /);
      assert.ok(blocks[0].includes(` --> ${file}:2:14\n`), blocks[0]);
      assert.ok(blocks[0].includes('2 |   stdout!(1 +)\n'), blocks[0]);
      assert.match(blocks[1], /^error\[UnexpectedCharacter\]: .*#/);
      assert.ok(blocks[1].includes(` --> ${file}:3:13\n`), blocks[1]);
      assert.ok(blocks[1].endsWith('^'), blocks[1]);
    });

    test(`${command}: a scope error is rendered with its caret excerpt`, () => {
      const file = rhoFile(UNBOUND);
      const r = cli([command, file]);
      assert.equal(r.code, 2);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /^error\[UnboundVariable\]: .*`y`/);
      assert.ok(r.stderr.includes(` --> ${file}:2:16\n`), r.stderr);
      assert.ok(r.stderr.includes('2 |   stdout!(1) | y!(2)\n'), r.stderr);
    });
  }

  test('run prints nothing of a program that does not parse', () => {
    const r = cli(['run', rhoFile(`${HELLO}| stdout!(`), '--stats', '--trace']);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.doesNotMatch(r.stderr, /comms:|comm 1/);
  });
});

describe('rho check', () => {
  test('prints nothing and exits 0 for a well-formed program, without running it', () => {
    assert.deepEqual(cli(['check', rhoFile(HELLO)]), { code: 0, stdout: '', stderr: '', writes: [] });
    // It would fail when run, but it is well formed.
    assert.equal(cli(['check', rhoFile(DIVISION_BY_ZERO)]).code, 0);
    assert.equal(cli(['check', rhoFile(FOREVER)]).code, 0);
  });

  test('a leading byte-order mark is not a syntax error', () => {
    assert.equal(cli(['check', rhoFile(`\uFEFF${HELLO}`)]).code, 0);
    assert.equal(cli(['run', rhoFile(`\uFEFF${HELLO}`)]).stdout, '"Hello, world!"\n');
  });
});

describe('rho: usage errors exit 2 with one line naming the bad value and a hint', () => {
  const hello = rhoFile(HELLO, 'usage.rho');
  const cases: [string, string[], RegExp][] = [
    ['no arguments', [], /missing command/],
    ['an unknown command', ['frobnicate', hello], /unknown command 'frobnicate'/],
    ['an unknown option', ['run', hello, '--frob'], /unknown option '--frob'/],
    ['an unknown option with a value', ['run', hello, '--frob=1'], /unknown option '--frob'/],
    ['an unknown short option', ['run', hello, '-x'], /unknown option '-x'/],
    ['run without FILE', ['run'], /run: missing FILE/],
    ['check without FILE', ['check'], /check: missing FILE/],
    ['a second FILE', ['run', hello, 'other.rho'], /unexpected argument 'other\.rho'/],
    ['a missing file', ['run', path.join(dir, 'nope.rho')], /cannot read '.*nope\.rho': no such file/],
    ['a directory', ['check', dir], /cannot read '.*rho-cli-.*': is a directory/],
    ['--seed not an integer', ['run', hello, '--seed', '1.5'], /--seed .*'1\.5'/],
    ['--seed a word', ['run', hello, '--seed=abc'], /--seed .*'abc'/],
    ['--seed empty', ['run', hello, '--seed='], /--seed .*''/],
    ['--seed without a value', ['run', hello, '--seed'], /--seed needs a value/],
    ['--phlo-limit negative', ['run', hello, '--phlo-limit', '-1'], /--phlo-limit .*'-1'/],
    ['--phlo-limit fractional', ['run', hello, '--phlo-limit', '2.5'], /--phlo-limit .*'2\.5'/],
    ['--phlo-limit beyond safe', ['run', hello, '--phlo-limit', '9007199254740992'], /'9007199254740992'/],
    ['--phlo-limit a word', ['run', hello, '--phlo-limit=lots'], /--phlo-limit .*'lots'/],
    ['a flag with a value', ['run', hello, '--trace=yes'], /--trace takes no value .*'--trace=yes'/],
    ['check with a run option', ['check', hello, '--seed', '1'], /check does not take --seed/],
    ['check with --stats', ['check', hello, '--stats'], /check does not take --stats/],
  ];
  for (const [what, argv, message] of cases) {
    test(what, () => {
      const r = cli(argv);
      assert.equal(r.code, 2);
      assert.equal(r.stdout, '');
      const err = lines(r.stderr);
      assert.equal(err.length, 2, r.stderr);
      assert.match(err[0], /^error: /);
      assert.match(err[0], message);
      assert.equal(err[1], "Run 'rho --help' for usage.");
    });
  }

  test('--phlo-limit accepts the largest safe integer, and -- ends the options', () => {
    // Accepted as a limit (the run itself may still fail: the meter refuses refunds beyond the safe range).
    assert.doesNotMatch(cli(['run', hello, '--phlo-limit', String(Number.MAX_SAFE_INTEGER)]).stderr, /usage/);
    assert.equal(cli(['run', hello, '--phlo-limit', String(2 ** 50)]).code, 0);
    assert.equal(cli(['run', '--seed', '3', '--', hello]).code, 0);
    assert.equal(cli(['--stats', 'run', hello]).code, 0);
  });
});

describe('rho help and version', () => {
  for (const argv of [['--help'], ['-h'], ['help'], ['run', '--help'], ['frobnicate', '--help'], ['help', 'run']]) {
    test(`${argv.join(' ')} prints the usage on stdout, exit 0`, () => {
      const r = cli(argv);
      assert.equal(r.code, 0);
      assert.equal(r.stderr, '');
      assert.match(r.stdout, /^Usage: rho run FILE/);
      for (const word of ['check FILE', '--seed N', '--phlo-limit N', '--trace', '--stats', 'Exit codes']) {
        assert.ok(r.stdout.includes(word), word);
      }
    });
  }

  test('--version prints the package version', () => {
    const pkg = JSON.parse(fs.readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'));
    const r = cli(['--version']);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, `${pkg.version}\n`);
    assert.equal(r.stderr, '');
  });
});

describe('LineOutput', () => {
  test('writes when the chunk is full, when it is old, when the sink changes, and on flush', () => {
    const log: string[] = [];
    const a = { write: (t: string) => log.push(`a:${t}`) };
    const b = { write: (t: string) => log.push(`b:${t}`) };
    let time = 0;
    const out = new LineOutput({ maxChars: 8, maxDelayMs: 50, now: () => time });
    out.line(a, 'one');
    out.line(a, 'two');
    assert.deepEqual(log, ['a:one\ntwo\n']);
    out.line(a, '3');
    time = 49;
    out.line(a, '4');
    assert.equal(log.length, 1);
    time = 50;
    out.line(a, '5');
    assert.deepEqual(log.slice(1), ['a:3\n4\n5\n']);
    out.line(a, '6');
    out.line(b, '7');
    out.flush();
    out.flush();
    assert.deepEqual(log.slice(2), ['a:6\n', 'b:7\n']);
  });
});

describe('fdSink', () => {
  test('writes the whole text synchronously, as UTF-8', () => {
    const file = path.join(dir, 'fd-sink.txt');
    const fd = fs.openSync(file, 'w');
    try {
      const sink = fdSink(fd, { onClosed: () => assert.fail('not closed') });
      sink.write('héllo ✓\n');
      sink.write('x'.repeat(200_000));
      assert.equal(fs.readFileSync(file, 'utf8'), `héllo ✓\n${'x'.repeat(200_000)}`);
    } finally {
      fs.closeSync(fd);
    }
  });
});

describe('the rho executable', () => {
  const entry = fileURLToPath(new URL('./rho.js', import.meta.url));
  const node = (args: readonly string[]) =>
    spawnSync(process.execPath, [entry, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

  test('node rho.js run FILE prints the program output and exits 0', () => {
    const r = node(['run', rhoFile(HELLO)]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '"Hello, world!"\n');
    assert.equal(r.stderr, '');
  });

  test('exit codes 1 and 2 reach the shell', () => {
    assert.equal(node(['run', rhoFile(DIVISION_BY_ZERO)]).status, 1);
    const syntax = node(['run', rhoFile(TWO_SYNTAX_ERRORS)]);
    assert.equal(syntax.status, 2);
    assert.match(syntax.stderr, /^error\[/);
    const usage = node(['run']);
    assert.equal(usage.status, 2);
    assert.equal(usage.stderr, "error: run: missing FILE\nRun 'rho --help' for usage.\n");
  });

  test('100k lines through a pipe arrive complete before the process exits', () => {
    const r = node(['run', rhoFile(COUNT(100_000)), '--stats']);
    assert.equal(r.status, 0, r.stderr);
    const out = lines(r.stdout);
    assert.equal(out.length, 100_000);
    assert.equal(out.at(-1), '99999');
    assert.match(r.stderr, /^comms: \d+\nphlogiston: \d+ \(limit: unlimited\)\ntime: \d+\.\d ms\n$/);
  });

  test('a slow reader on a non-blocking pipe still gets every line', () => {
    // The parent's `process.stdout` makes the pipe non-blocking; rho inherits it and must wait for room.
    const parent = `process.stdout.write('');
      const r = require('node:child_process').spawnSync(process.execPath, process.argv.slice(1), { stdio: 'inherit' });
      process.exitCode = r.status;`;
    const r = spawnSync(
      'sh',
      ['-c', `"$0" -e "$1" "$2" run "$3" | (sleep 1; wc -l)`, process.execPath, parent, entry, rhoFile(COUNT(100_000))],
      { encoding: 'utf8' },
    );
    assert.equal(r.stderr, '');
    assert.equal(r.stdout.trim(), '100000');
  });

  test('closing stdout early is not an error', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${entry}" run "${rhoFile(COUNT(100_000))}" | head -n 2`], {
      encoding: 'utf8',
    });
    assert.equal(r.status, 0);
    assert.equal(r.stdout, '0\n1\n');
    assert.equal(r.stderr, '');
  });
});
