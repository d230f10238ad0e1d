import { describe, expect, test } from 'vitest';
import { PageFrontmatterSchema } from './page-frontmatter.ts';
import { parseOrThrow } from './parse.ts';

describe('PageFrontmatterSchema', () => {
  test('fills defaults for pages that declare nothing', () => {
    expect(PageFrontmatterSchema.parse({})).toEqual({ checks: [], kind: 'reference' });
  });

  test.each([['mcp.tools-list'], ['routing.auth-matrix'], ['mcp.server_postgres'], ['a1']])('accepts check id %s', (id) => {
    expect(PageFrontmatterSchema.parse({ checks: [id] }).checks).toEqual([id]);
  });

  test.each([['MCP.Tools'], ['mcp..tools'], ['.mcp'], ['mcp tools'], ['']])('rejects check id %j', (id) => {
    expect(PageFrontmatterSchema.safeParse({ checks: [id] }).success).toBe(false);
  });

  test('errors name the file, the field and what was expected', () => {
    const lineOf = (p: readonly PropertyKey[]) => (p[0] === 'checks' ? 5 : undefined);
    expect(() =>
      parseOrThrow(PageFrontmatterSchema, { checks: ['Bad Id'], kind: 'blog' }, { file: 'content/docs/x.md', what: 'page frontmatter', lineOf }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [ProofbookInputError: Invalid page frontmatter:
      content/docs/x.md:5 → checks[0]: check ids are lowercase words joined by "." or "-", e.g. "mcp.tools-list"
      content/docs/x.md → kind: Invalid option: expected one of "runbook"|"client-guide"|"reference"|"overview"]
    `);
  });
});
