import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as data from './index.js';

test('index exposes the public surface of the value model', () => {
  const expected = [
    'ByteReader',
    'ByteWriter',
    'DecodeError',
    'InvalidValueError',
    'Name',
    'Tuple',
    'ValueKind',
    'compare',
    'decode',
    'encode',
    'encodeInto',
    'encodedLength',
    'equals',
    'isRecord',
    'keyOf',
    'kindOf',
    'mapEntries',
    'mapSize',
    'print',
    'tuple',
  ];
  assert.deepEqual(Object.keys(data).sort(), expected.sort());
  const v = data.tuple('job', 1, { tags: new Set(['x']) });
  assert.ok(data.equals(data.decode(data.encode(v)), v));
  assert.equal(data.print(v), '("job", 1, {"tags": Set("x")})');
});
