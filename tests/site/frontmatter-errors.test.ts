import { expect, test } from 'vitest';
import { buildEditedCopy } from './edited-copy-build.ts';

// Docs frontmatter is validated with one shared schema (src/schemas/docs-schema.ts). A page whose frontmatter
// breaks it must still fail the build naming the page, the field and what was expected: a real `astro build`
// of a copy of the site with a bad check id in one runbook.

test('a bad check id in frontmatter fails the build with the page, the field and the rule', async () => {
  const { code, output } = await buildEditedCopy('content/docs/runbooks/gateway-routing.md', 'checks: [routing.open-paths,', 'checks: [Routing.OpenPaths,');
  expect(code).not.toBe(0);
  expect(output).toContain('content/docs/runbooks/gateway-routing.md');
  expect(output).toMatch(/checks\.0\W+check ids are lowercase words joined by "\." or "-"/);
}, 300_000);
