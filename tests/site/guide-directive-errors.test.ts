import { expect, test } from 'vitest';
import { buildEditedCopy } from './edited-copy-build.ts';

// A guide that names a client no generator knows must fail the build, saying which page, which id, and the ids
// there are: a real `astro build` of a copy of the site whose codex guide has the typo.

test('a <ClientSetup> naming no client fails the build with the page, the id and the known clients', async () => {
  const { code, output } = await buildEditedCopy('content/docs/clients/codex.mdx', '<ClientSetup client="codex" />', '<ClientSetup client="codx" />');
  expect(code).not.toBe(0);
  expect(output).toContain('<ClientSetup client="codx" /> names no client; expected one of claude-code, claude-desktop, codex, curl, cursor, inspector, open-webui, vscode');
  expect(output).toMatch(/clients\/codex/);
}, 300_000);
