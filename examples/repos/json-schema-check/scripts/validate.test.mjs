// Run with `npm test` (node --test): checks the validator against small schemas.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check } from './validate.mjs';

test('a valid document has no problems', () => {
  assert.deepEqual(check({ type: 'object', required: ['a'], properties: { a: { type: 'integer' } } }, { a: 1 }), []);
});

test('every problem is reported with its path', () => {
  const schema = { type: 'object', properties: { list: { type: 'array', items: { type: 'string' } }, n: { maximum: 3 } } };
  assert.deepEqual(
    check(schema, { list: ['x', 2, 'y', false], n: 4 }).map((problem) => `${problem.path} ${problem.keyword}`),
    ['$.list[1] type', '$.list[3] type', '$.n maximum'],
  );
});

test('$ref resolves to $defs', () => {
  const schema = { $ref: '#/$defs/port', $defs: { port: { type: 'integer', minimum: 1 } } };
  assert.equal(check(schema, 0).length, 1);
  assert.equal(check(schema, 80).length, 0);
});

test('an unsupported keyword is refused rather than ignored', () => {
  assert.throws(() => check({ dependentSchemas: {} }, {}), /unsupported schema keyword/);
});
