/**
 * Shared by the durable-space tests: a plain-value space whose patterns are values (null matches
 * anything, a number n matches data ≡ n mod 3) and continuations are strings, and a rendering of
 * everything observable in a space, independent of the leaf encoding under test.
 */
import { print } from '../data/print.js';
import type { Value } from '../data/value.js';
import { History } from '../history/history.js';
import { MemoryHistoryStore } from '../history/stores.js';
import type { ValueTypes } from '../plain/adapter.js';
import { createSpace } from '../plain/create.js';
import type { StoredDatum } from '../spaces/collections/data-collection.js';
import type { SpaceConfigInput } from '../spaces/config.js';
import { predicateMatcher } from '../spaces/matchers/basic.js';
import type { Space } from '../spaces/space.js';
import { valueCodec, valueStateCodec } from './codec.js';
import { DurableSpace, type DurableSpaceOptions } from './durable-space.js';

export type P = number | null;
export type Types = ValueTypes<P, string>;

export const mod3 = predicateMatcher<P, Value>(
  (p, d) => p === null || (typeof d === 'number' && ((d % 3) + 3) % 3 === p),
  'Mod3',
);

export const codec = valueStateCodec<P, string>({ pattern: valueCodec<P>('pattern'), continuation: valueCodec('k') });

export function plainSpace(config?: SpaceConfigInput): Space<Types> {
  return createSpace<P, string>({ config, matcher: mod3 });
}

export async function memoryHistory(): Promise<History> {
  return History.create(new MemoryHistoryStore());
}

export function durable(
  history: History,
  config?: SpaceConfigInput,
  options: Partial<DurableSpaceOptions<Types>> = {},
): DurableSpace<Types> {
  return new DurableSpace(plainSpace(config), { history, codec, ...options });
}

/** What `observe` reads: a space or a durable space over plain values. */
export interface Observable {
  channels(): Value[];
  getData(channel: Value): StoredDatum<Value>[];
  getJoins(channel: Value): Value[][];
  getWaiting(channels: Value[]): {
    channels: readonly Value[];
    patterns: readonly unknown[];
    continuation: unknown;
    persistent: boolean;
    peeks: readonly number[];
  }[];
}

/** Everything observable except the name counters, in canonical channel order. */
export function observe(s: Observable): string {
  const out: string[] = [];
  for (const c of s.channels()) {
    const data = s.getData(c).map((d) => `${print(d.datum)}${d.persistent ? '!' : ''}${d.priority ?? ''}`);
    const joins = s.getJoins(c).map((j) => {
      const waiting = s
        .getWaiting(j)
        .map(
          (w) =>
            `${w.continuation}(${w.channels.map((x) => print(x)).join(',')})${w.persistent ? '!' : ''}[${w.peeks}]${w.patterns.map(String).join('/')}`,
        );
      return `${j.map((x) => print(x)).join('&')}:${waiting.join(',')}`;
    });
    out.push(`${print(c)}=${data.join(',')} ${joins.join(' ')}`);
  }
  return out.join('\n');
}
