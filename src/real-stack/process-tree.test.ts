import { expect, test } from 'vitest';
import { descendantsOf, parseStatPpid } from './process-tree.ts';
import { liteLLMVersionOf, traefikVersionOf } from './versions.ts';

test('descendantsOf walks the whole tree, not only children', () => {
  const table = [{ pid: 10, ppid: 1 }, { pid: 11, ppid: 10 }, { pid: 12, ppid: 11 }, { pid: 13, ppid: 10 }, { pid: 20, ppid: 1 }];
  expect(descendantsOf(10, table)).toEqual([11, 13, 12]);
  expect(descendantsOf(20, table)).toEqual([]);
});

test('parseStatPpid reads past a command name with spaces and parentheses', () => {
  expect(parseStatPpid('4242 (node (mcp) x) S 4100 4242 4242 0 -1')).toBe(4100);
});

test.each([
  [{ status: 'healthy', db: 'Not connected' }, undefined],
  [{ status: 'healthy', litellm_version: '1.108.4' }, '1.108.4'],
  [null, undefined],
])('liteLLMVersionOf(%j) = %s', (body, expected) => {
  expect(liteLLMVersionOf(body)).toBe(expected);
});

test('traefikVersionOf reads /api/version', () => {
  expect(traefikVersionOf({ Version: '3.7.15', Codename: 'langres' })).toBe('3.7.15');
  expect(traefikVersionOf({})).toBeUndefined();
});
