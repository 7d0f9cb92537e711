/** `rho test`: programs checked against the expected-output files beside them. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseRhoArgs } from './rho-args.js';
import { runRhoCli } from './rho-cli.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rho-test-'));
after(() => fs.rmSync(root, { recursive: true, force: true }));

let dirs = 0;
/** A fresh directory holding `files` (name → text; names may have subdirectories). */
function tree(files: Record<string, string>): string {
  const dir = path.join(root, `t${++dirs}`);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** `rho ARGV` in-process, with a clock that never moves (every time prints as 0.0 ms). */
function rho(argv: readonly string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = runRhoCli(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    now: () => 0,
  });
  return { code, stdout, stderr };
}

const PRINT = (text: string) => `new out(\`rho:io:stdout\`) in { out!("${text}") }\n`;
const DIVIDE_BY_ZERO = 'new out(`rho:io:stdout`) in { out!(1) | out!(1 / 0) }\n';
const FRESH_NAME = 'new out(`rho:io:stdout`), x in { out!(*x) }\n';

describe('rho test', () => {
  test('compares stdout, stderr and exit status; reports each program and a summary; exit 1 on a failure', () => {
    const dir = tree({
      'a-pass.rho': PRINT('hi'),
      'a-pass.expected': '"hi"\n',
      'b-wrong.rho': PRINT('hello'),
      'b-wrong.expected': '"hi"\n',
      // Never run: without expectations it is skipped (this one would never stop).
      'c-untested.rho': 'new loop in { contract loop(@n) = { loop!(n + 1) } | loop!(0) }\n',
      'd-error.rho': DIVIDE_BY_ZERO,
      'd-error.expected': '1\n',
      'd-error.expected-stderr': 'error: /: cannot divide 1 by zero (got Int 0)\n',
      'e-syntax.rho': 'new x in { x!(1 + ) }\n',
      'e-syntax.expected': '',
    });
    const r = rho(['test', dir]);
    assert.equal(r.code, 1);
    assert.equal(r.stderr, '');
    const p = (name: string) => path.join(dir, name);
    assert.equal(
      r.stdout,
      [
        `ok   ${p('a-pass.rho')} (0.0 ms)`,
        `FAIL ${p('b-wrong.rho')} (0.0 ms)`,
        '  stdout line 1: "\\"hello\\"", expected "\\"hi\\""',
        `skip ${p('c-untested.rho')}: no c-untested.expected beside it`,
        `ok   ${p('d-error.rho')} (0.0 ms)`,
        `FAIL ${p('e-syntax.rho')} (0.0 ms)`,
        '  stderr line 1: "error[UnexpectedToken]: expected a process but found `)`", expected (end of output)',
        '  exit status 2, expected 0',
        '2 passed, 2 failed, 1 skipped',
        '',
      ].join('\n'),
    );
  });

  test('expected stderr with error[...] lines means exit status 2 (syntax and scope errors)', () => {
    const dir = tree({ 'scope.rho': 'new x in { y!(1) }\n' });
    assert.equal(rho(['test', dir, '--update']).code, 0);
    const r = rho(['test', dir]);
    assert.equal(r.code, 0, r.stdout);
    assert.match(fs.readFileSync(path.join(dir, 'scope.expected-stderr'), 'utf8'), /^error\[UnboundVariable\]/);
  });

  test('reports where output ends early or goes on too long', () => {
    const dir = tree({
      'short.rho': PRINT('one'),
      'short.expected': '"one"\n"two"\n',
      'long.rho': 'new out(`rho:io:stdout`) in { out!(1) | out!(2) }\n',
      'long.expected': '1\n',
      'newline.rho': PRINT('x'),
      'newline.expected': '"x"',
    });
    const r = rho(['test', dir]);
    assert.match(r.stdout, /stdout line 2: "2", expected \(end of output\)/);
    assert.match(r.stdout, /stdout line 2: \(end of output\), expected "\\"two\\""/);
    assert.match(r.stdout, /stdout differs only in its last newline \(has one, expected none\)/);
  });

  test('--update writes the expected files (and removes a stale expected-stderr); then every program passes', () => {
    const dir = tree({
      'ok.rho': PRINT('fine'),
      'ok.expected': 'stale\n',
      'ok.expected-stderr': 'error: stale\n',
      'err.rho': DIVIDE_BY_ZERO,
      'sub/deep.rho': PRINT('deep'),
    });
    const update = rho(['test', dir, '--update']);
    assert.equal(update.code, 0);
    assert.match(update.stdout, /^updated .*err\.rho\nupdated .*ok\.rho\nupdated .*deep\.rho\n3 updated\n$/);
    assert.equal(fs.readFileSync(path.join(dir, 'ok.expected'), 'utf8'), '"fine"\n');
    assert.equal(fs.existsSync(path.join(dir, 'ok.expected-stderr')), false);
    assert.equal(fs.readFileSync(path.join(dir, 'err.expected'), 'utf8'), '1\n');
    assert.match(fs.readFileSync(path.join(dir, 'err.expected-stderr'), 'utf8'), /^error: \/: cannot divide/);
    const check = rho(['test', dir]);
    assert.equal(check.code, 0, check.stdout);
    assert.match(check.stdout, /3 passed, 0 failed, 0 skipped\n$/);
  });

  test('--seeds N: the same stdout for every seed, unless the program says it is seed-dependent', () => {
    const dir = tree({ 'fresh.rho': FRESH_NAME, 'stable.rho': PRINT('same') });
    rho(['test', dir, '--update']);
    const r = rho(['test', dir, '--seeds', '3']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /FAIL .*fresh\.rho.*\n {2}--seed 1: stdout line 1: "Unforgeable\(0x[0-9a-f]+\)", expected/);
    assert.match(r.stdout, /ok {3}.*stable\.rho/);

    fs.writeFileSync(path.join(dir, 'fresh.rho'), `// rho-test: seed-dependent\n${FRESH_NAME}`);
    fs.writeFileSync(path.join(dir, 'stable.rho'), `// rho-test: seed-dependent\n${PRINT('same')}`);
    const marked = rho(['test', dir, '--seeds', '3']);
    assert.match(marked.stdout, /ok {3}.*fresh\.rho/);
    assert.match(marked.stdout, /FAIL .*stable\.rho.*\n {2}--seed 1 prints what seed 0 prints, but the program says/);

    fs.writeFileSync(path.join(dir, 'stable.rho'), `// rho-test: flaky\n${PRINT('same')}`);
    assert.match(rho(['test', dir, '--seeds', '1']).stdout, /unknown directive 'rho-test: flaky'/);
    // Without --seeds nothing but seed 0 runs, so directives are not even read.
    assert.equal(rho(['test', dir]).code, 0);
  });

  test('searches directories recursively in name order, skipping dot-directories and node_modules', () => {
    const dir = tree({
      'b.rho': PRINT('b'),
      'a/z.rho': PRINT('z'),
      'a/y.rho': PRINT('y'),
      '.hidden/h.rho': PRINT('h'),
      'node_modules/pkg/n.rho': PRINT('n'),
    });
    const r = rho(['test', dir, '--update']);
    const files = r.stdout.split('\n').filter((l) => l.startsWith('updated'));
    assert.deepEqual(
      files.map((l) => path.relative(dir, l.slice('updated '.length))),
      [path.join('a', 'y.rho'), path.join('a', 'z.rho'), 'b.rho'],
    );
    // Several paths, files among them, in the order given.
    const two = rho(['test', path.join(dir, 'b.rho'), path.join(dir, 'a')]);
    assert.match(two.stdout, /^ok {3}.*b\.rho.*\nok {3}.*y\.rho.*\nok {3}.*z\.rho.*\n3 passed/);
  });

  test('bad paths and options are usage errors (exit 2), and nothing runs', () => {
    const empty = tree({ 'notes.txt': 'no programs here' });
    const cases: [readonly string[], RegExp][] = [
      [['test', path.join(empty, 'missing')], /cannot read '.*missing': no such file or directory/],
      [['test', path.join(empty, 'notes.txt')], /'.*notes\.txt' is not a \.rho file/],
      [['test', empty], /no \.rho files under '.*'/],
      [['test', empty, '--seeds', '1001'], /--seeds takes an integer from 0 to 1000, not '1001'/],
      [['test', empty, '--seeds', 'x'], /--seeds takes an integer from 0 to 1000, not 'x'/],
      [['test', empty, '--trace'], /test does not take --trace/],
      [['test', empty, '--seed', '1'], /test does not take --seed/],
      [['run', 'f.rho', '--update'], /run does not take --update/],
      [['check', 'f.rho', '--seeds', '2'], /check does not take --seeds/],
    ];
    for (const [argv, message] of cases) {
      const r = rho(argv);
      assert.equal(r.code, 2, argv.join(' '));
      assert.equal(r.stdout, '');
      assert.match(r.stderr, message);
    }
  });

  test('parses its paths and options; the current directory by default', () => {
    assert.deepEqual(parseRhoArgs(['test']), {
      command: 'test',
      paths: ['.'],
      seeds: 0,
      phloLimit: undefined,
      update: false,
    });
    assert.deepEqual(parseRhoArgs(['test', 'a', 'b.rho', '--seeds=5', '--phlo-limit', '100', '--update']), {
      command: 'test',
      paths: ['a', 'b.rho'],
      seeds: 5,
      phloLimit: 100,
      update: true,
    });
  });

  test('--phlo-limit applies to every program', () => {
    const dir = tree({ 'loop.rho': 'new loop in { contract loop(@n) = { loop!(n + 1) } | loop!(0) }\n' });
    rho(['test', dir, '--phlo-limit', '5000', '--update']);
    assert.match(fs.readFileSync(path.join(dir, 'loop.expected-stderr'), 'utf8'), /^error: .*phlogiston/);
    assert.equal(rho(['test', dir, '--phlo-limit', '5000']).code, 0);
  });

  test('the rho executable: every Rholang example of this repository passes, with 3 more seeds', () => {
    // Compiled (dist/src/cli/) the repository is three levels up; from source (tsx), two.
    const compiled = import.meta.url.endsWith('.js');
    const entry = fileURLToPath(new URL(compiled ? './rho.js' : './rho.ts', import.meta.url));
    const examples = fileURLToPath(
      new URL(compiled ? '../../../examples/rholang' : '../../examples/rholang', import.meta.url),
    );
    const node = compiled ? [entry] : ['--import', 'tsx', entry];
    const r = spawnSync(process.execPath, [...node, 'test', '.', '--seeds', '3'], { cwd: examples, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /\n\d+ passed, 0 failed, 0 skipped\n$/);
  });
});
