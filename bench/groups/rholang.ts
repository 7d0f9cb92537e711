/**
 * `rholang` (no seed row): the Rholang front end and reducer.
 *
 * - `parse_1mib`, `parse_normalize_1mib`: a generated program of 1 MiB (deterministic: the same
 *   text on every run) through `parse`, and through `parse` + `normalize`. Throughput in MiB/s.
 * - `ping_pong/n`: two contracts passing a counter back and forth n times on the default space,
 *   2n + 1 COMMs, every one with a stored persistent continuation. `fresh_receive_chain/n` and
 *   `fresh_send_chain/n`: a contract that makes a new channel per step and meets its own send
 *   there, receive first (a stored non-persistent continuation) or send first (a stored datum the
 *   receive takes), also 2n + 1 COMMs. Normalized once, untimed; a body is one `runTerm` (a fresh
 *   space with the system processes installed, then the run). Throughput in COMMs per second.
 * - `producer_consumer_{default,queue,vector}/n`: a producer contract sends items n, ..., 1 on one
 *   channel while a consumer contract receives them one by one, in a space a factory made
 *   (`rho:space:queue:hashmap:default`, `rho:space:bag:vector:default`, all three names made by
 *   `new` inside `use`, once) or, as the baseline, the same program without the `use` (the
 *   factory is still called, so only the routing differs): 3n + 4 COMMs.
 *
 * Every body checks its work: no diagnostics and the expected number of top-level processes; the
 * exact COMM count and no evaluation errors.
 */

import { normalize } from '../../src/rholang/compile/normalize.js';
import { runTerm } from '../../src/rholang/eval/run.js';
import { parse } from '../../src/rholang/syntax/parse.js';
import type { Term } from '../../src/rholang/term/term.js';
import { type Case, expectCount, type Group, type ThroughputUnit } from '../harness.js';

const MIB: ThroughputUnit = { name: 'MiB', scale: 2 ** 20 };
const COMMS: ThroughputUnit = { name: 'COMMs' };

// ---------------------------------------------------------------------------------------------
// The generated program

/** A 32-bit linear congruential generator: the program's numbers, the same on every run. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s >>> 8;
  };
}

const WORDS = ['alpha', 'beta', 'gamma', 'delta', 'omega', 'kappa', 'sigma', 'theta'];

/**
 * One unit of the program (about 1.6 KB): a contract with a nested `new`, a send of collections
 * and arithmetic, two nested receives (one a join with a peek), a `match` on a list,
 * an `if`, string concatenation and interpolation, a call of the contract and a receive of its
 * reply. Every unit declares its own names, so the program is closed and well scoped.
 */
function unit(i: number, next: () => number): string {
  const n = (m: number) => next() % m;
  const w = (k: number) => WORDS[(i + k) % WORDS.length];
  return `// unit ${i}: ${w(0)} worker
new worker${i}, store${i}, log${i}, stdout(\`rho:io:stdout\`) in {
  contract worker${i}(@job, @label, ret) = {
    new tmp, acc in {
      tmp!([job, job * ${n(97) + 2} + ${n(1000)}, {"key": "${w(1)}-${i}", "n": job % ${n(13) + 2}}, (job, "${w(2)}"), Set(${n(50)}, ${n(50) + 50}, ${i})]) |
      for (@[first, second, meta, pair, items] <- tmp) {
        for (@total <- acc & @flag <<- store${i}) {
          match [first + second, meta.get("n"), pair.nth(1)] {
            [sum, count, name] => {
              if (sum > ${n(5000)} and count != 0 and flag) {
                ret!(sum - count * ${n(9) + 1}, "sum of " ++ name ++ " in ${w(3)} #${i}")
              } else {
                log${i}!({"unit": ${i}, "total": total + sum, "size": items.size(), "tag": label})
              }
            }
            [_, 0, _] => stdout!("no count in worker${i}: \\"${w(4)}\\"\\n")
            _ => Nil
          }
        } |
        acc!(${n(100)} - ${n(100)} * -1)
      }
    }
  } |
  worker${i}!(${n(10_000)}, "\${who} asked for ${w(5)} ${i}" %% {"who": "${w(6)}"}, *log${i}) |
  for (@reply, @text <- log${i}) {
    stdout!(["reply", ${i}, reply, text.length() + ${n(64)}, reply / ${n(7) + 1} % ${n(5) + 2} == 0])
  } |
  store${i}!(${i % 2 === 0 ? 'true' : 'false'})
}`;
}

/**
 * Units composed with `|` while they fit in `bytes` (UTF-8; the text is ASCII), then a trailing
 * comment that makes the program exactly `bytes` long.
 */
export function program(bytes: number): { source: string; units: number } {
  const next = lcg(0x5eed);
  const parts: string[] = [];
  let length = 0;
  for (;;) {
    const u = unit(parts.length, next);
    const added = parts.length === 0 ? u.length : u.length + 3;
    if (length + added + 4 > bytes) break;
    parts.push(u);
    length += added;
  }
  const pad = bytes - length - 3;
  return { source: `${parts.join(' |\n')}\n//${'='.repeat(pad)}`, units: parts.length };
}

// ---------------------------------------------------------------------------------------------
// Parsing

const PARSE_BYTES = 2 ** 20;

/** Parses and checks the result (no diagnostics, one top-level `new` per unit). */
function parseChecked(text: string, units: number) {
  const { ast, diagnostics } = parse(text, 'bench.rho');
  if (diagnostics.length > 0) {
    const d = diagnostics[0];
    throw new Error(
      `generated program: ${diagnostics.length} diagnostics, first ${d.code} at ${d.span.line}:${d.span.column}: ${d.message}`,
    );
  }
  expectCount('top-level processes', ast.body.kind === 'Par' ? ast.body.procs.length : 1, units);
  return ast;
}

const parseCase = (withNormalize: boolean): Case => {
  // Generated in `before`, so other groups' processes never hold the 1 MiB string.
  let text = '';
  let units = 0;
  return {
    kind: 'sync',
    name: withNormalize ? 'parse_normalize_1mib' : 'parse_1mib',
    size: null,
    elements: PARSE_BYTES,
    unit: MIB,
    repeatable: true,
    before: async () => {
      ({ source: text, units } = program(PARSE_BYTES));
      expectCount('program bytes', Buffer.byteLength(text, 'utf8'), PARSE_BYTES);
    },
    prepare: () => () => {
      const ast = parseChecked(text, units);
      if (withNormalize) {
        const term = normalize(ast, { fileName: 'bench.rho', source: text });
        expectCount('normalized top-level processes', term.kind === 'Par' ? term.sourceOrder.length : 1, units);
      }
    },
  };
};

// ---------------------------------------------------------------------------------------------
// COMMs

const PROGRAMS = {
  /** Both continuations are contracts (persistent receives); every send meets one. */
  ping_pong: (n: number) =>
    `new ping, pong, done in {
      contract ping(@n) = { if (n > 0) { pong!(n - 1) } else { done!(0) } } |
      contract pong(@n) = { ping!(n) } |
      ping!(${n})
    }`,
  /** Each step: a fresh channel, a receive stored on it, then the send that meets it. */
  fresh_receive_chain: (n: number) =>
    `new loop, done in {
      contract loop(@n) = {
        if (n > 0) { new r in { for (@v <- r) { loop!(v - 1) } | r!(n) } } else { done!(0) }
      } |
      loop!(${n})
    }`,
  /** Each step: a fresh channel, a send stored on it, then the receive that takes it. */
  fresh_send_chain: (n: number) =>
    `new loop, done in {
      contract loop(@n) = {
        if (n > 0) { new r in { r!(n) | for (@v <- r) { loop!(v - 1) } } } else { done!(0) }
      } |
      loop!(${n})
    }`,
} as const;

/**
 * A producer and a consumer of n items on channel `items`, both contracts that recurse, started
 * together: the producer stores item k and calls itself (one COMM per item), the consumer takes
 * one item and calls itself (two), so up to n/2 items wait in the channel's collection. The
 * space comes from `urn`; with `inSpace` false the three names are made outside the `use` (in the
 * default space), the factory call and its reply still happening. COMMs: the factory call and its
 * reply, n + 1 calls of each contract, and n items: 3n + 4.
 */
const producerConsumer = (urn: string, inSpace: boolean, n: number) => {
  const body = `new items, produce, consume in {
        contract produce(@k) = { if (k > 0) { items!(k) | produce!(k - 1) } } |
        contract consume(@k) = { if (k > 0) { for (@item <- items) { consume!(k - 1) } } } |
        produce!(${n}) | consume!(${n})
      }`;
  return `new mk(\`${urn}\`), ret in {
    mk!(*ret) |
    for (sp <- ret) { ${inSpace ? `use sp { ${body} }` : body} }
  }`;
};

const SPACES = {
  /** The baseline: a space is made, but every channel is in the default space. */
  producer_consumer_default: { urn: 'rho:space:queue:hashmap:default', inSpace: false },
  producer_consumer_queue: { urn: 'rho:space:queue:hashmap:default', inSpace: true },
  producer_consumer_vector: { urn: 'rho:space:bag:vector:default', inSpace: true },
} as const;

/**
 * A row that runs a program normalized once, untimed, and checks that each run makes exactly
 * `comms` COMMs, raises no error and makes `userSpaces` spaces.
 */
const runCase = (name: string, n: number, source: string, comms: number, userSpaces: number): Case => {
  let term: Term | null = null;
  return {
    kind: 'sync',
    name,
    size: n,
    elements: comms,
    unit: COMMS,
    repeatable: true,
    before: async () => {
      term = normalizeSource(source);
    },
    prepare: () => {
      const t = term;
      if (t === null) throw new Error('not normalized');
      return () => {
        const result = runTerm(t);
        expectCount('evaluation errors', result.errors.length, 0);
        expectCount('COMMs', result.comms, comms);
        expectCount('user spaces', result.spaces.length, userSpaces);
      };
    },
  };
};

/** The producer/consumer on one of {@link SPACES}: 3n + 4 COMMs, one user space. */
const spaceCase = (name: keyof typeof SPACES, n: number): Case => {
  const { urn, inSpace } = SPACES[name];
  return runCase(name, n, producerConsumer(urn, inSpace, n), 3 * n + 4, 1);
};

/** n + 1 calls of the first contract, n of the second (or of the fresh receive): 2n + 1 COMMs. */
const commCase = (name: keyof typeof PROGRAMS, n: number): Case => runCase(name, n, PROGRAMS[name](n), 2 * n + 1, 0);

function normalizeSource(text: string): Term {
  const { ast, diagnostics } = parse(text);
  expectCount('diagnostics', diagnostics.length, 0);
  return normalize(ast, { source: text });
}

export const group: Group = {
  name: 'rholang',
  description:
    'parse (and normalize) a generated 1 MiB program; run normalized programs of 2n + 1 COMMs on the default space, ' +
    'and a producer/consumer of 3n + 4 COMMs on a queue space, a vector space and the default space (runTerm)',
  cases: [
    parseCase(false),
    parseCase(true),
    commCase('ping_pong', 1000),
    commCase('ping_pong', 10_000),
    commCase('fresh_receive_chain', 10_000),
    commCase('fresh_send_chain', 10_000),
    spaceCase('producer_consumer_default', 3000),
    spaceCase('producer_consumer_queue', 3000),
    spaceCase('producer_consumer_vector', 3000),
  ],
};
