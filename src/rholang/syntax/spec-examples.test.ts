/**
 * Every Rholang form quoted in rholang-surface.md (§1.1, §2, §4.6, §7), completed into whole
 * programs where the spec shows a fragment (`P`, `Q` are variables; `...` became `Nil`), plus
 * programs in the style of the reference's examples (§1.2), written afresh from their descriptions.
 * Each must parse without diagnostics and survive a print/parse round trip.
 */

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { renderDiagnostics } from './errors.js';
import { parse } from './parse.js';
import { print } from './print.js';
import { withoutSpans } from './strip.js';

const fragments: string[] = [
  // §1.1
  'new a, b in { P }',
  'new stdout(`rho:io:stdout`), F(`rho:space:queue:hashmap:default`) in { Nil }',
  'new x : sp in { Nil }',
  'new x : sp (`rho:io:stdout`) in { Nil }',
  'ch!(a, b)',
  'ch!!(a)',
  'ch!(data; 2) | ch!(data; priority=0) | ch!(data;)',
  'ch!?(a); P',
  'ch!?(a).',
  'for (x <- ch) {P} | for (@v <- ch) {P} | for (_ <- ch) {P}',
  'for (a <- x; b <- y) { Nil } | for (a <- x & b <- y) { Nil }',
  'for (x <= ch) {P}',
  'for (x <<- ch) {P}',
  'for (x <- ch?!) { Nil } | for (x <- ch!?(args)) { Nil }',
  'for (r <- ch ~ q) { Nil }',
  'for (r <- ch ~ sim("cos", "0.8") ~ q) { Nil }',
  'for (r <- ch ~ rank("topk", 3) ~ q) { Nil }',
  'for (r <- ch ~ sim("cos", "0.8") ~ rank("topk", 3) ~ q) { Nil }',
  'contract c(@x, ret) = { P }',
  'use sp { P }',
  'for (@[a, b] <- ch) { Nil } | for (@{"k": v} <- ch) { Nil } | for (@[h ...t] <- ch) { Nil }',
  'match x { Set(a ...r) => Nil  (a, b) => Nil  (a,) => Nil }',
  '@"name"!(*ch) | @[0, 1, 2]!(1)',
  'if (c) P else Q',
  'match e { pat => P }',
  'let x = e in P',
  'let a = 1; b = a in P',
  'let a = 1 & b = 2 in P',
  'let x <- e in P',
  '[Nil, true, false, 42, -7, "strings", `uris`]',
  '[[1, 2], {"k": 1}, (a, b), (a,), Set(1, 2), {| 1, 2 |}]',
  '[a + b, a - b, a * b, a / b, a % b, a < b, a <= b, a > b, a >= b, a == b, a != b, -a]',
  '[a and b, a or b, not a]',
  '["a" ++ "b", [1] ++ [2], {} ++ {}, Set(1) ++ Set(2)]',
  ['"Hi $', '{who}" %% {"who": "Bob"}'].join(''), // the %% placeholder, kept out of a template-looking literal
  '[a -- b, x matches [_, _], p \\/ q, p /\\ q, ~p, =x, =*x]',
  'bundle+ { x } | bundle- { x } | bundle0 { x } | bundle { x }',
  'm.get(k) | [x.length(), x.nth(i), x.toString(), m.keys(), s.size(), s.contains(1)]',
  '[s.union(t), s.diff(t), s.add(1), s.delete(1), m.set(k, v), m.getOrElse(k, 0)]',
  '[l.slice(1, 2), l.take(1), s.toList(), l.toSet(), l.toMap(), x.toByteArray()]',
  '["00ff".hexToBytes(), b.bytesToHex(), "a".toUtf8Bytes()]',
  'HMB!(free Nat(), *ch) | F!(free Any())',
  'getSpaceAgent(*sp)',
  // §2.4
  'F!() | F!(*reply) | F!("temp") | F!({}) | F!("qual", *reply) | F!(Nil, *reply) | F!("default", Nil, *r)',
  'F!("default", {"size": 10, "cyclic": true}, *reply)',
  'VectorDBFactory!("default", {"dimensions": 4, "metric": "cosine", "threshold": "0.5", "embedding_type": "float"}, *sp)',
  'for (sp <- reply) { use sp { Nil } }',
  // §2.7, §2.8
  'docs!!({"title": "a", "embedding": "0.9,0.05,0.1"}) | for (r <- docs ~ sim("cos", "0.7") ~ "0.9,0.1,0") { for (@d <- r) { stdout!(d.get("title")) } }',
  'for (@m <- @[0,1]) { Nil } | @["sys","auth"]!(1) | @[0,1,"rust"]!(2)',
  // §4.6
  'new r in { ch!(*r, args) | for (_ <- r) { P } }',
  'match [e] { [x] => P }',
  // §7
  '(a!?(x); P) | Q',
  'a!?(x); P | Q',
  'if (c) P else P',
  'ch!(a, b; h1, k=v)',
  '@[0, 1]!(1) | @"inbox"!(2) | @{"k": v}!(3)',
  '{}  | { P } | { "k": v }',
];

const programs: Record<string, string> = {
  'queue FIFO': `
    new stdout(\`rho:io:stdout\`), QueueFactory(\`rho:space:queue:hashmap:default\`), queueRef in {
      QueueFactory!(*queueRef) |
      for (queue <- queueRef) {
        use queue {
          new items in {
            items!("A") | items!("B") | items!("C") |
            for (@first <- items) {
              stdout!(["queue.poll() ->", first]) |
              for (@second <- items) {
                stdout!(["queue.poll() ->", second])
              }
            }
          }
        }
      }
    }`,
  'set of events with counters': `
    new stdout(\`rho:io:stdout\`), SetFactory(\`rho:space:set:hashmap:default\`), r, r1, r2 in {
      SetFactory!("default", Nil, *r) |
      contract count(_, @n, ret) = { ret!(n + 1) } |
      for (@a <- r1; @b <- r2) {
        if (a == b) { stdout!("same") } else { stdout!("different: " ++ a ++ " / " ++ b) }
      }
    }`,
  'priority queue': `
    new stdout(\`rho:io:stdout\`), PQ(\`rho:space:priorityqueue:hashmap:default\`), ret in {
      PQ!(*ret) |
      for (pq <- ret) {
        use pq {
          new tasks in {
            tasks!("low-A"; 2) | tasks!("high-A"; priority=0) | tasks!("medium-A"; 1) |
            contract drain(@count, @acc) = {
              if (count < 6) {
                for (@item <- tasks) { drain!(count + 1, acc ++ [item]) }
              } else {
                stdout!(acc)
              }
            } |
            drain!(0, [])
          }
        }
      }
    }`,
  'space qualifiers and annotations': `
    new stdout(\`rho:io:stdout\`), Seq(\`rho:space:queue:hashmap:seq\`), Temp(\`rho:space:bag:hashmap:temp\`), r1, r2 in {
      Seq!(*r1) | Temp!("temp", *r2) |
      for (seqSpace <- r1; tempSpace <- r2) {
        new seqChan : seqSpace, plain in {
          seqChan!(1) | plain!(*seqChan) |
          stdout!(getSpaceAgent(*tempSpace))
        }
      }
    }`,
  'speculative execution in plain Rholang': `
    new stdout(\`rho:io:stdout\`), account, snapshot in {
      account!({"balance": 800}) |
      contract withdraw(@amount, ack) = {
        for (@state <- account) {
          if (state.get("balance") >= amount) {
            snapshot!(state) |
            account!(state.set("balance", state.get("balance") - amount)) |
            ack!(true)
          } else {
            account!(state) | ack!(false)
          }
        }
      } |
      new ack in { withdraw!(500, *ack) | for (@ok <- ack) { stdout!(["withdrew", ok]) } }
    }`,
  'pathmap prefix aggregation': `
    new stdout(\`rho:io:stdout\`), PM(\`rho:space:bag:pathmap:default\`), ret in {
      PM!(*ret) |
      for (pm <- ret) {
        use pm {
          @[0, 1, 2]!("leaf") | @["sys", "auth"]!("login") |
          for (@v <- @[0, 1]) { stdout!(["under [0, 1]:", v]) } |
          for (@e <- @["sys"]) { stdout!(["under sys:", e]) }
        }
      }
    }`,
  'vectordb queries': `
    new stdout(\`rho:io:stdout\`), VDB(\`rho:space:vectordb:hashmap:default\`), ret in {
      VDB!("default", {"dimensions": 3, "metric": "cosine", "threshold": "0.5", "embedding_type": "float"}, *ret) |
      for (sp <- ret) {
        use sp {
          new docs in {
            docs!!({"title": "rust", "embedding": "0.9,0.1,0.0"}) |
            docs!!({"title": "go", "embedding": "0.1,0.9,0.0"}) |
            contract consume(results, @n) = {
              if (n > 0) { for (@d <- results) { stdout!(d.get("title")) | consume!(*results, n - 1) } }
            } |
            for (r <- docs ~ sim("cos", "0.6") ~ rank("topk", 2) ~ "1.0,0.0,0.0") { consume!(*r, 2) } |
            for (r <- docs ~ sim("dot", 60) ~ [90, 10, 0]) { consume!(*r, 1) }
          }
        }
      }
    }`,
  'nondeterminism with joins and list patterns': `
    new stdout(\`rho:io:stdout\`), a, b, c, log in {
      a!(1) | b!(2) | c!(3) |
      for (@va <- a; @vb <- b; @vc <- c) { log!(["sum", va + vb + vc]) } |
      for (@[source, v] <= log) { stdout!("from " ++ source ++ ": " ++ v.toString()) } |
      contract countdown(@n, return) = {
        if (n <= 0) { return!(Nil) } else { countdown!(n - 1, *return) }
      }
    }`,
  'match, let, bundles and connectives': `
    new stdout(\`rho:io:stdout\`), ch in {
      ch!(bundle+ { *ch }) |
      for (@x <- ch) {
        match x {
          Int /\\ ~0 => stdout!("non-zero int")
          String \\/ Uri => stdout!("text")
          [head ...tail] => let h = head; t = tail in { stdout!([h, t]) }
          {"k": v, ...rest} => stdout!(v)
          _ => Nil
        }
      } |
      let a <- ch & b <- ch in { stdout!([a, b]) }
    }`,
  'comments everywhere': `
    // a line comment
    new /* inline */ x in {
      x!(1) | // after a send
      /* before a receive */ for (_ <- x) { Nil }
    }`,
};

function parsesCleanly(source: string): void {
  const { ast, diagnostics } = parse(source);
  assert.equal(diagnostics.length, 0, renderDiagnostics(diagnostics, source));
  const again = parse(print(ast));
  assert.equal(again.diagnostics.length, 0, renderDiagnostics(again.diagnostics, print(ast)));
  assert.deepEqual(withoutSpans(again.ast), withoutSpans(ast));
}

describe('forms quoted in rholang-surface.md', () => {
  for (const source of fragments) test(source, () => parsesCleanly(source));
});

describe('programs in the style of the reference examples', () => {
  for (const [name, source] of Object.entries(programs)) test(name, () => parsesCleanly(source));
});
