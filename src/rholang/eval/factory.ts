/**
 * Space factories from Rholang (rholang-surface §2.4): `new f(\`rho:space:queue:hashmap:default\`)`
 * binds `f` to a system process that makes a space per send and replies with the space's name.
 *
 * Arguments (0–3), as the reference reads them:
 * - `f!()`: a space with the URN's defaults (nobody is told its name);
 * - `f!(a)`: `a` is the reply channel if it is a name, a qualifier if it is `"default"`,
 *   `"temp"` or `"seq"`, else a config map or theory;
 * - `f!(a, b)`: with a qualifier first, `b` is the reply channel if it is a name, else a config;
 *   otherwise `a` is the config or theory and `b` the reply channel;
 * - `f!(qualifier, config, reply)`.
 * A config is a map (`{"size": 10, "cyclic": true}`, `{"dimensions": 4, "threshold": "0.5"}`),
 * `Nil` or `{}`; a theory is `free Nat()` (Nat, Int, String, Bool, Any).
 */

import type { Qualifier } from '../../spaces/config.js';
import { QUALIFIERS } from '../../spaces/config.js';
import type { Term } from '../term/term.js';
import { show } from '../values/value.js';
import { RhoRuntimeError } from './errors.js';
import { termToPlain } from './plain.js';
import type { Rng } from './rng.js';
import type { RhoSpace, RhoSpaces } from './spaces.js';

/** What a factory call asked for. */
export interface FactoryCall {
  readonly qualifier: Qualifier | undefined;
  readonly configMap: ReadonlyMap<string, unknown> | undefined;
  readonly theory: string | undefined;
  readonly reply: Term | undefined;
}

function fail(urn: string, args: readonly Term[], why: string): never {
  throw new RhoRuntimeError(
    'InvalidFactoryArguments',
    `${urn}: ${why} (arguments: ${args.length === 0 ? 'none' : args.map(show).join(', ')})`,
  );
}

function isName(t: Term): boolean {
  let c = t;
  while (c.kind === 'Bundle') c = c.body;
  return c.kind === 'Unforgeable';
}

function qualifierOf(t: Term): Qualifier | undefined {
  return t.kind === 'String' && (QUALIFIERS as readonly string[]).includes(t.value)
    ? (t.value as Qualifier)
    : undefined;
}

/** Reads the arguments of a factory call; throws `InvalidFactoryArguments` naming them. */
export function readFactoryCall(urn: string, args: readonly Term[]): FactoryCall {
  let qualifier: Qualifier | undefined;
  let config: Term | undefined;
  let reply: Term | undefined;
  const [a, b, c] = args;
  switch (args.length) {
    case 0:
      break;
    case 1:
      if (isName(a)) reply = a;
      else if (qualifierOf(a) !== undefined) qualifier = qualifierOf(a);
      else config = a;
      break;
    case 2:
      if (qualifierOf(a) !== undefined) {
        qualifier = qualifierOf(a);
        if (isName(b)) reply = b;
        else config = b;
      } else {
        config = a;
        reply = b;
      }
      break;
    case 3:
      qualifier = qualifierOf(a);
      if (qualifier === undefined) {
        fail(urn, args, `with three arguments the first must be a qualifier ("default", "temp" or "seq")`);
      }
      config = b;
      reply = c;
      break;
    default:
      fail(
        urn,
        args,
        `a factory takes at most 3 arguments (qualifier, config or theory, reply channel), got ${args.length}`,
      );
  }
  if (reply !== undefined && !isName(reply)) fail(urn, args, `the reply channel must be a name, got ${show(reply)}`);
  const { configMap, theory } = readConfig(urn, args, config);
  return { qualifier, configMap, theory, reply };
}

function readConfig(
  urn: string,
  args: readonly Term[],
  config: Term | undefined,
): { configMap: ReadonlyMap<string, unknown> | undefined; theory: string | undefined } {
  if (config === undefined || config.kind === 'Nil') return { configMap: undefined, theory: undefined };
  if (config.kind === 'Free') return { configMap: undefined, theory: config.theory };
  if (config.kind !== 'Map') {
    fail(urn, args, `expected a config map, a theory (free Nat()) or a qualifier, got ${show(config)}`);
  }
  const map = new Map<string, unknown>();
  for (let i = 0; i < config.keys.length; i++) {
    const k = config.keys[i];
    const v = config.values[i];
    if (k.kind !== 'String') fail(urn, args, `config keys are strings, got ${show(k)}`);
    if (v.kind === 'Free') {
      map.set(k.value, v.theory);
      continue;
    }
    let plain = termToPlain(v);
    if (typeof plain === 'bigint') plain = Number.isSafeInteger(Number(plain)) ? Number(plain) : plain;
    if (plain === undefined) fail(urn, args, `config value of ${JSON.stringify(k.value)} must be data, got ${show(v)}`);
    map.set(k.value, plain);
  }
  return { configMap: map, theory: undefined };
}

/** Makes the space a factory call asks for and tells the reply channel its name. */
export function runFactory(
  spaces: RhoSpaces,
  urn: string,
  args: readonly Term[],
  rng: Rng,
  reply: (channel: Term, name: Term) => void,
): RhoSpace {
  const call = readFactoryCall(urn, args);
  const spec = spaces.resolve(urn, { configMap: call.configMap, theory: call.theory });
  const config = call.qualifier === undefined ? spec.config : { ...spec.config, qualifier: call.qualifier };
  const made = spaces.create({ ...spec, config }, rng);
  if (call.reply !== undefined) reply(call.reply, made.name as Term);
  return made;
}
