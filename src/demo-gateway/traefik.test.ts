import { expect, test } from 'vitest';
import { matchTraefikRouter, STATUS_PATH, traefikBackendError } from './traefik.ts';

test.each([
  ['/ui', undefined, 'open'],
  ['/uix', undefined, 'open'],
  ['/swagger/x.js', undefined, 'open'],
  ['/docs', undefined, 'open'],
  ['/docs/', undefined, 'none'],
  ['/openapi.json', 'Bearer sk', 'open'],
  [STATUS_PATH, undefined, 'status'],
  [STATUS_PATH, 'Bearer sk-wrong', 'status'],
  ['/v1/models', 'Bearer sk', 'api'],
  ['/v1/models', 'Bearer ', 'none'],
  ['/v1/models', 'bearer sk', 'none'],
  ['/v1/models', 'Basic abc', 'none'],
  ['/v1/models', undefined, 'none'],
] as const)('%s with Authorization %j → %s router', (path, authorization, router) => {
  expect(matchTraefikRouter(path, authorization)).toBe(router);
});

test.each([
  [502, 'Bad Gateway'],
  [503, 'no available server\n'],
  [504, 'Gateway Timeout'],
  [500, 'Internal Server Error'],
] as const)('backend error %i body is %j', (status, body) => {
  expect(traefikBackendError(status)).toMatchObject({ status, body });
});
