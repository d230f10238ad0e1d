import { expect, test } from 'vitest';
import { createKeyRing } from './key-ring.ts';

test('only the current key is valid after rotation, and redact scrubs every key ever held', () => {
  const ring = createKeyRing('sk-first');
  expect(ring.isValid('sk-first')).toBe(true);
  ring.rotate('sk-second');
  expect([ring.isValid('sk-first'), ring.isValid('sk-second'), ring.current()]).toEqual([false, true, 'sk-second']);
  ring.addSecret('db-password');
  expect(ring.redact('a sk-first b sk-second c db-password')).toBe('a *** b *** c ***');
});

test('a key with whitespace is refused without echoing it', () => {
  expect(() => createKeyRing('sk has space')).toThrowErrorMatchingInlineSnapshot(
    `[Error: demo gateway → masterKey: must be a non-empty key without whitespace (it travels as "Authorization: Bearer <key>"); pass e.g. a random "sk-…" string]`,
  );
});
