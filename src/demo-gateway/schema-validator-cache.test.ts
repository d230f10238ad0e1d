import { expect, test } from 'vitest';
import { createCachingSchemaValidator } from './schema-validator-cache.ts';

const schema = () => ({ type: 'object', properties: { content: { type: 'string' } }, required: ['content'] }) as const;

test('an equal schema in a new object reuses the compiled validator, and it still validates', () => {
  const cache = createCachingSchemaValidator();
  const first = cache.getValidator(schema());
  expect(cache.getValidator(schema())).toBe(first);
  expect(first({ content: 'x' })).toMatchObject({ valid: true });
  expect(first({ content: 1 })).toMatchObject({ valid: false, errorMessage: expect.stringContaining('content') });
  expect(cache.getValidator({ type: 'string' })).not.toBe(first);
});

test('past its limit it starts over, so changing schemas stay bounded', () => {
  const cache = createCachingSchemaValidator(2);
  const a = cache.getValidator({ type: 'string' });
  cache.getValidator({ type: 'number' });
  expect(cache.getValidator({ type: 'string' })).toBe(a);
  cache.getValidator({ type: 'boolean' });
  const again = cache.getValidator({ type: 'string' });
  expect(again).not.toBe(a);
  expect(again('text')).toMatchObject({ valid: true });
});
