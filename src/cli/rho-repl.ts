/**
 * `rho repl`: an interactive session. Each complete input is parsed, checked and run in one
 * session (`RhoRuntime`): the default space, the spaces made so far, the phlogiston budget and the
 * name generator carry over, so a receive typed earlier meets a send typed later.
 *
 * An input that ends before it is complete (an open bracket, an unterminated string or comment,
 * a trailing operator) waits for more lines under the `...>` prompt; an empty line abandons it.
 * Commands: `:pending` (what is left in the spaces), `:help`, and `:quit` (or end of input).
 */

import { NormalizeError } from '../rholang/compile/errors.js';
import { normalize } from '../rholang/compile/normalize.js';
import { pendingLines } from '../rholang/eval/pending.js';
import { RhoRuntime } from '../rholang/eval/runtime.js';
import { renderDiagnostics, type SyntaxDiagnostic } from '../rholang/syntax/errors.js';
import { parse } from '../rholang/syntax/parse.js';
import type { TextSink } from './progress.js';

export interface ReplOptions {
  readonly seed: bigint;
  readonly phloLimit: number | undefined;
  readonly trace: boolean;
  /** Show prompts (when stdin is a terminal). */
  readonly prompts: boolean;
}

const HELP = `Type Rholang processes; each complete input runs in one session, so names, spaces and
waiting receives carry over. Output of rho:io:stdout appears as it is printed.
  :pending  what is left in the spaces: sends no receive took, receives still waiting
  :help     this help
  :quit     leave (so does end of input)
An unfinished input continues on the next line; an empty line abandons it.
`;

/** Whether the parse failed only because the input stopped early. */
function incomplete(diagnostics: readonly SyntaxDiagnostic[], source: string): boolean {
  const end = source.trimEnd().length;
  return diagnostics.some(
    (d) => d.span.offset >= end || d.code === 'UnterminatedString' || d.code === 'UnterminatedComment',
  );
}

/** Runs a session over `lines` (the input, line by line); returns the exit code (always 0). */
export async function runRepl(
  lines: AsyncIterable<string>,
  io: { readonly stdout: TextSink; readonly stderr: TextSink },
  options: ReplOptions,
): Promise<number> {
  const runtime = new RhoRuntime({
    seed: options.seed,
    phloLimit: options.phloLimit,
    fileName: '<repl>',
    stdout: (line) => io.stdout.write(`${line}\n`),
    stderr: (line) => io.stderr.write(`${line}\n`),
    trace: options.trace ? (line) => io.stderr.write(`${line}\n`) : undefined,
  });
  const prompt = (more: boolean) => {
    if (options.prompts) io.stdout.write(more ? '...> ' : 'rho> ');
  };
  let buffer = '';
  if (options.prompts) io.stdout.write('Rholang session; :help for help, :quit to leave.\n');
  prompt(false);
  for await (const line of lines) {
    const command = line.trim();
    if (buffer === '' && command.startsWith(':')) {
      if (command === ':quit' || command === ':q') return 0;
      if (command === ':help' || command === ':h') io.stdout.write(HELP);
      else if (command === ':pending' || command === ':p') {
        for (const l of pendingLines(runtime.pending())) io.stdout.write(`${l}\n`);
      } else io.stderr.write(`error: unknown command '${command}' (:help lists them)\n`);
      prompt(false);
      continue;
    }
    if (command === '') {
      // An empty line abandons an unfinished input, and is nothing on its own.
      buffer = '';
      prompt(false);
      continue;
    }
    buffer = buffer === '' ? line : `${buffer}\n${line}`;
    const { ast, diagnostics } = parse(buffer, '<repl>');
    if (diagnostics.length > 0) {
      if (incomplete(diagnostics, buffer)) {
        prompt(true);
        continue;
      }
      io.stderr.write(`${renderDiagnostics(diagnostics, buffer)}\n`);
    } else {
      try {
        const result = runtime.evaluateTerm(normalize(ast, { fileName: '<repl>', source: buffer }));
        for (const e of result.errors) io.stderr.write(`error: ${e.message}\n`);
      } catch (error) {
        if (!(error instanceof NormalizeError)) throw error;
        io.stderr.write(`${error.message}\n`);
      }
    }
    buffer = '';
    prompt(false);
  }
  if (options.prompts) io.stdout.write('\n');
  return 0;
}
