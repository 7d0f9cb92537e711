/**
 * Embeddings of plain-value data (reference-inventory §10.3, DECISIONS 18). A datum carries an
 * embedding when it is a map with the key `embedding`; how the embedding is written depends on the
 * space's embedding type:
 *
 * | type      | data                                    | value        |
 * |-----------|-----------------------------------------|--------------|
 * | `boolean` | a list of 0 and 1                       | 0.0 / 1.0    |
 * | `integer` | a list of integers in 0..100            | n / 100      |
 * | `float`   | a list of numbers, or a string of comma-separated numbers | as written |
 *
 * A datum that is not such a map carries no embedding (it is stored unindexed). A wrong length is
 * `DimensionMismatch`; anything else malformed is `EmbeddingExtractionError`. Query vectors follow
 * the same rules (`queryVector`), so a boolean query stays 0/1 and only integer queries are scaled.
 */
import { mapGet } from '../data/compare.js';
import { isRecord, type Value } from '../data/value.js';
import type { EmbeddingType } from '../spaces/config.js';
import { DimensionMismatchError, EmbeddingExtractionError } from '../vector/errors.js';

/** The embedding of a datum, or null when it carries none. */
export function embeddingOf(datum: Value, type: EmbeddingType, dimensions: number): Float32Array | null {
  if (!(datum instanceof Map) && !isRecord(datum)) return null;
  const raw = mapGet(datum as ReadonlyMap<Value, Value>, 'embedding');
  if (raw === undefined) return null;
  return vectorOf(raw, type, dimensions, 'embedding');
}

/** A query vector written as data of the space's embedding type would write it. */
export function queryVector(query: Value | Float32Array, type: EmbeddingType, dimensions: number): Float32Array {
  if (query instanceof Float32Array) {
    if (query.length !== dimensions) throw new DimensionMismatchError(dimensions, query.length, 'query vector');
    return query;
  }
  return vectorOf(query, type, dimensions, 'query vector');
}

function vectorOf(raw: Value, type: EmbeddingType, dimensions: number, what: string): Float32Array {
  let items: readonly Value[];
  if (typeof raw === 'string') {
    if (type !== 'float')
      throw new EmbeddingExtractionError(`${type === 'integer' ? 'an' : 'a'} ${type} ${what} is a list, not a string`);
    items = raw.split(',').map((part) => {
      const text = part.trim();
      const x = text === '' ? Number.NaN : Number(text);
      if (!Number.isFinite(x)) throw new EmbeddingExtractionError(`cannot parse ${JSON.stringify(part)} as a number`);
      return x;
    });
  } else if (Array.isArray(raw)) {
    items = raw as readonly Value[];
  } else {
    throw new EmbeddingExtractionError(`the ${what} must be a list${type === 'float' ? ' or a string' : ''}`);
  }
  if (items.length !== dimensions) throw new DimensionMismatchError(dimensions, items.length, what);
  const out = new Float32Array(dimensions);
  for (let i = 0; i < dimensions; i++) out[i] = component(items[i], type, i, what);
  return out;
}

function component(x: Value, type: EmbeddingType, i: number, what: string): number {
  const n = typeof x === 'bigint' ? Number(x) : x;
  // Float32 rounding too: 1e39 is finite as a double but Infinity as a float32.
  if (typeof n !== 'number' || !Number.isFinite(Math.fround(n))) {
    throw new EmbeddingExtractionError(`${what}[${i}] is not a finite float32 number`);
  }
  if (type === 'boolean') {
    if (n !== 0 && n !== 1)
      throw new EmbeddingExtractionError(`${what}[${i}] = ${n}: a boolean embedding holds 0 or 1`);
    return n;
  }
  if (type === 'integer') {
    if (!Number.isInteger(n) || n < 0 || n > 100) {
      throw new EmbeddingExtractionError(`${what}[${i}] = ${n}: an integer embedding holds integers in 0-100`);
    }
    return n / 100;
  }
  return n;
}
