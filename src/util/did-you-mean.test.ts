import { expect, test } from 'vitest';
import { didYouMean, nearestName } from './did-you-mean.ts';

test.each([
  ['freshnes', ['freshness', 'timeout', 'title'], 'freshness'],
  ['http_header', ['url', 'http_headers', 'bearer_token_env_var'], 'http_headers'],
  ['--onyl', ['--only', '--origin', '--json'], '--only'],
  ['htp', ['http', 'auth-matrix', 'mcp'], 'http'],
  ['mcp.tool-list', ['mcp.tools-list', 'mcp.initialize'], 'mcp.tools-list'],
  ['Timeout', ['timeout'], 'timeout'],
  ['zzz', ['http', 'mcp'], undefined],
  ['window', ['windows', 'window'], undefined],
])('%s → %s', (input, known, expected) => {
  expect(nearestName(input, known)).toBe(expected);
});

test('the suggestion reads as part of a sentence', () => {
  expect(didYouMean('freshnes', ['freshness'], (n) => `\`${n}\``)).toBe(' — did you mean `freshness`?');
  expect(didYouMean('zzz', ['freshness'])).toBe('');
});
