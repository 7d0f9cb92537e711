/**
 * The parts of sends and receives that depend on the target space: bundle rights, send
 * hyperparameters (priorities, rholang-surface §2.6) and similarity modifiers (§2.7).
 */

import { OutOfPhlogistonError } from '../../gas/errors.js';
import { queryVector } from '../../plain/embedding.js';
import { parseMetric, parseThreshold } from '../../registry/config-map.js';
import { MAX_PRIORITY_LEVELS } from '../../spaces/collections/priority-queue.js';
import type { SimilarityQuery } from '../../spaces/collections/vectordb.js';
import type { HyperParam, Similarity } from '../term/nodes-proc.js';
import type { Term } from '../term/term.js';
import { printValue } from '../values/print.js';
import { show } from '../values/value.js';
import type { Env } from './env.js';
import { RhoRuntimeError } from './errors.js';
import { type ExprContext, evaluate } from './evaluate.js';
import { termToPlain } from './plain.js';
import type { RhoSpace } from './spaces.js';

/** A channel to send on: bundles are unwrapped, and must allow writing. */
export function writable(channel: Term): Term {
  let c = channel;
  while (c.kind === 'Bundle') {
    if (!c.write) {
      throw new RhoRuntimeError(
        'BundleNotWritable',
        `cannot send on ${printValue(channel)}: the bundle is not writable`,
      );
    }
    c = c.body;
  }
  return c;
}

/** A channel to receive on: bundles are unwrapped, and must allow reading. */
export function readable(channel: Term): Term {
  let c = channel;
  while (c.kind === 'Bundle') {
    if (!c.read) {
      throw new RhoRuntimeError(
        'BundleNotReadable',
        `cannot receive on ${printValue(channel)}: the bundle is not readable`,
      );
    }
    c = c.body;
  }
  return c;
}

/** The priority a send's hyperparameters give (`ch!(x; 2)`, `ch!(x; priority=2)`), checked against the space. */
export function priorityOf(
  hyperparams: readonly HyperParam[],
  env: Env,
  ctx: ExprContext,
  target: RhoSpace,
  channel: Term,
): number {
  const where = `the send on ${show(channel)}`;
  if (target.config.inner !== 'priorityqueue') {
    throw new RhoRuntimeError(
      'InvalidHyperparameter',
      `${where} has hyperparameters, but ${target.describe()} takes none: only priority-queue spaces take a priority`,
    );
  }
  let positional: HyperParam | undefined;
  let named: HyperParam | undefined;
  for (const h of hyperparams) {
    if (h.key === null) {
      if (positional !== undefined) {
        throw new RhoRuntimeError('InvalidHyperparameter', `${where} has more than one positional hyperparameter`);
      }
      positional = h;
    } else if (h.key === 'priority') {
      if (named !== undefined) throw new RhoRuntimeError('InvalidHyperparameter', `${where} gives priority twice`);
      named = h;
    } else {
      throw new RhoRuntimeError(
        'InvalidHyperparameter',
        `${where} has an unknown hyperparameter \`${h.key}\`: a priority queue takes only \`priority\``,
      );
    }
  }
  if (positional !== undefined && named !== undefined) {
    throw new RhoRuntimeError('InvalidHyperparameter', `${where} gives the priority both by position and by name`);
  }
  const v = evaluate(((named ?? positional) as HyperParam).value, env, ctx);
  if (v.kind !== 'Int' || v.value < 0n || v.value >= BigInt(MAX_PRIORITY_LEVELS)) {
    throw new RhoRuntimeError(
      'InvalidHyperparameter',
      `${where}: a priority is an integer in 0..${MAX_PRIORITY_LEVELS - 1} (0 is served first), got ${show(v)}`,
    );
  }
  return Number(v.value);
}

/** The engine query of a bind's `~ sim(...) ~ rank(...) ~ query` on a vectordb space. */
export function similarityQuery(s: Similarity, env: Env, ctx: ExprContext, target: RhoSpace): SimilarityQuery {
  const config = target.config;
  if (config.inner !== 'vectordb') {
    throw new RhoRuntimeError(
      'InvalidSimilarity',
      `a similarity receive (\`~\`) needs a vectordb space, but the channel is in ${target.describe()}`,
    );
  }
  const plain = (t: Term, what: string) => {
    const v = evaluate(t, env, ctx);
    const p = termToPlain(v);
    if (p === undefined) throw new RhoRuntimeError('InvalidSimilarity', `the ${what} must be data, got ${show(v)}`);
    // Rholang integers arrive as bigints; the parsers take numbers (and print them without the `n`).
    return typeof p === 'bigint' && Number.isSafeInteger(Number(p)) ? Number(p) : p;
  };
  let metric: string | undefined;
  let threshold: number | undefined;
  let topK = 1;
  try {
    if (s.sim !== null) {
      if (s.sim.length > 0) metric = parseMetric(plain(s.sim[0], 'metric'));
      if (s.sim.length > 1) threshold = parseThreshold(plain(s.sim[1], 'threshold'));
    }
    if (s.rank !== null) {
      const fn = s.rank.length > 0 ? plain(s.rank[0], 'ranking function') : 'topk';
      if (fn !== 'topk' && fn !== 'top_k') {
        throw new RhoRuntimeError('InvalidSimilarity', `rank takes "topk" (or "top_k"), got ${JSON.stringify(fn)}`);
      }
      if (s.rank.length > 1) {
        const k = plain(s.rank[1], 'k of topk');
        if (typeof k !== 'number' || k < 1 || k > 1_000_000) {
          throw new RhoRuntimeError('InvalidSimilarity', `the k of topk is a positive integer, got ${String(k)}`);
        }
        topK = Number(k);
      }
    }
    const vector = queryVector(plain(s.query, 'query vector'), config.embeddingType, config.dimensions);
    return { vector, metric, threshold, topK };
  } catch (e) {
    if (e instanceof RhoRuntimeError) throw e;
    if (e instanceof Error && 'code' in e) {
      throw new RhoRuntimeError('InvalidSimilarity', `similarity receive on ${target.describe()}: ${e.message}`);
    }
    throw e;
  }
}

/** Runs an operation on a space, turning its own refusals into errors of the process. */
export function onSpace<R>(target: RhoSpace, op: () => R): R {
  try {
    return op();
  } catch (e) {
    if (e instanceof OutOfPhlogistonError && target.meter !== null) {
      throw new RhoRuntimeError('SpaceOutOfPhlogiston', `${target.describe()} is ${e.message}`);
    }
    throw e;
  }
}
