import { expect, test } from 'vitest';
import { decodeCursor, encodeCursor, pageOf, prefixToolName, splitToolName } from './tool-catalog.ts';

test('prefixToolName joins with "-"', () => {
  expect(prefixToolName('mcp_filesystem', 'read_file')).toBe('mcp_filesystem-read_file');
});

test.each([
  ['mcp_filesystem-read_file', ['mcp_filesystem'], { server: 'mcp_filesystem', tool: 'read_file' }],
  ['a-b-c', ['a', 'a-b'], { server: 'a-b', tool: 'c' }],
  ['a-', ['a'], null],
  ['nonexistent_tool', ['mcp_filesystem'], null],
] as const)('splitToolName(%s)', (name, servers, expected) => {
  expect(splitToolName(name, servers)).toEqual(expected);
});

test('pages carry a cursor until the last one', () => {
  const items = [1, 2, 3, 4, 5];
  const first = pageOf(items, undefined, 2);
  expect(first.items).toEqual([1, 2]);
  const second = pageOf(items, first.nextCursor, 2);
  expect(second.items).toEqual([3, 4]);
  expect(pageOf(items, second.nextCursor, 2)).toEqual({ items: [5] });
  expect(pageOf(items, undefined, 5)).toEqual({ items });
});

test('cursors round-trip and bad ones are refused', () => {
  expect(decodeCursor(encodeCursor(7))).toBe(7);
  expect(() => decodeCursor(Buffer.from('{"offset":-1}').toString('base64url'))).toThrowErrorMatchingInlineSnapshot(
    `[Error: Invalid cursor: pass back the nextCursor of the previous tools/list page]`,
  );
});
