import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { parseChecksFile } from './checks-file.ts';
import { loadProjectConfig } from './load.ts';
import { parseGatewayFile } from './gateway-file.ts';

const GATEWAY = `schemaVersion: 1
name: litellm
environments:
  internal:
    label: LAN
    baseUrl: https://litellm.linuxserver.lan
    keyEnv: LITELLM_API_KEY
    servers: [mcp_postgres, mcp_filesystem]
`;

let root: string | undefined;
afterEach(() => (root ? rm(root, { recursive: true, force: true }) : undefined));

async function project(files: Record<string, string>): Promise<string> {
  root = await mkdtemp(path.join(os.tmpdir(), 'proofbook-config-'));
  await mkdir(path.join(root, 'content/checks'), { recursive: true });
  await writeFile(path.join(root, 'content/gateway.yaml'), GATEWAY);
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(root, 'content/checks', name), text);
  return root;
}

describe('check files', () => {
  test('a typo in a key is an error on its own line', () => {
    const text = `checks:
  - id: mcp.initialize
    title: t
    kind: mcp
  - id: mcp.tools-list
    title: t
    kind: mcp
    timout: 10s
`;
    expect(() => parseChecksFile(text, 'content/checks/mcp.yaml')).toThrowErrorMatchingInlineSnapshot(`
      [ProofbookInputError: Invalid check definitions:
      content/checks/mcp.yaml:8 → checks[1].timout: unknown key \`timout\` — did you mean \`timeout\`?
      hint: every field of each kind: content/docs/reference/checks.md (/reference/checks/ on the site)]
    `);
  });

  test('a bad value names the line, the field and what was expected', () => {
    const text = `checks:
  - id: sse.heartbeat
    title: t
    kind: sse-capture
    window: 35 seconds
  - id: health.x
    title: t
    kind: htp
    path: /x
`;
    expect(() => parseChecksFile(text, 'content/checks/sse.yaml')).toThrowErrorMatchingInlineSnapshot(`
      [ProofbookInputError: Invalid check definitions:
      content/checks/sse.yaml:5 → checks[0].window: Expected a duration such as "500ms", "30s", "15m", "6h" or "2d", received "35 seconds"
      content/checks/sse.yaml:8 → checks[1].kind: unknown kind \`htp\` — did you mean \`http\`? Expected one of http, auth-matrix, mcp, sse-capture, client-profile, codex-cli, mcp-health, mcp-call, mcp-scope
      hint: every field of each kind: content/docs/reference/checks.md (/reference/checks/ on the site)]
    `);
  });

  test('a window longer than the timeout and a secret header are refused', () => {
    const text = `checks:
  - id: sse.heartbeat
    title: t
    kind: sse-capture
    window: 35s
  - id: health.x
    title: t
    kind: http
    path: /x
    headers:
      Authorization: Bearer sk-oops
`;
    expect(() => parseChecksFile(text, 'content/checks/x.yaml')).toThrowErrorMatchingInlineSnapshot(`
      [ProofbookInputError: Invalid check definitions:
      content/checks/x.yaml:5 → checks[0].window: window (35000 ms) must be shorter than timeout (10000 ms)
      content/checks/x.yaml:11 → checks[1].headers.Authorization: "Authorization" carries a secret; use "auth: key" (the value is read from the environment's keyEnv) instead
      hint: every field of each kind: content/docs/reference/checks.md (/reference/checks/ on the site)]
    `);
  });

  test('YAML syntax errors point at their line', () => {
    expect(() => parseChecksFile('checks:\n  - id: a\n    title: status: ok\n', 'content/checks/a.yaml')).toThrowErrorMatchingInlineSnapshot(`
      [ProofbookInputError: Invalid check definitions:
      content/checks/a.yaml:3 → (root): Nested mappings are not allowed in compact mappings
      hint: fix the YAML syntax at that line]
    `);
  });
});

describe('loadProjectConfig', () => {
  test('loads checks in file order with the group defaulted to the file name', async () => {
    const config = await loadProjectConfig(await project({ 'b.yaml': 'checks:\n  - { id: b.one, title: t, kind: http, path: /b }\n', 'a.yaml': 'checks:\n  - { id: a.one, title: t, kind: mcp, group: custom }\n' }));
    expect(config.checks.map((c) => [c.id, c.group, c.timeout])).toEqual([['a.one', 'custom', 10000], ['b.one', 'b', 10000]]);
    expect(config.sources.get('b.one')).toEqual({ file: 'content/checks/b.yaml', line: 2 });
  });

  test('a duplicate check id names both files', async () => {
    const dir = await project({
      'a.yaml': 'checks:\n  - id: mcp.tools-list\n    title: t\n    kind: mcp\n',
      'b.yaml': 'checks:\n  - id: other\n    title: t\n    kind: mcp\n  - id: mcp.tools-list\n    title: t\n    kind: mcp\n',
    });
    await expect(loadProjectConfig(dir)).rejects.toThrowErrorMatchingInlineSnapshot(`
      [ProofbookInputError: Invalid check definitions:
      content/checks/b.yaml:5 → checks[1].id: duplicate check id "mcp.tools-list", already defined in content/checks/a.yaml:2]
    `);
  });

  test('unknown environments and servers are named with their line', async () => {
    const dir = await project({ 'a.yaml': 'checks:\n  - id: a\n    title: t\n    kind: mcp\n    environments: [interal]\n    servers: [mcp_postgress]\n' });
    await expect(loadProjectConfig(dir)).rejects.toThrowErrorMatchingInlineSnapshot(`
      [ProofbookInputError: Invalid check definitions:
      content/checks/a.yaml:5 → checks[0].environments[0]: unknown environment "interal"; content/gateway.yaml defines internal
      content/checks/a.yaml:6 → checks[0].servers[0]: unknown MCP server "mcp_postgress"; content/gateway.yaml lists mcp_postgres, mcp_filesystem]
    `);
  });

  test('the project content loads', async () => {
    const config = await loadProjectConfig(path.resolve(import.meta.dirname, '../..'));
    expect(config.checks.map((c) => c.id)).toEqual(expect.arrayContaining([
      'routing.open-paths', 'routing.auth-matrix', 'routing.status-route', 'health.liveliness', 'health.readiness',
      'mcp.initialize', 'mcp.tools-list', 'mcp.server-postgres', 'mcp.server-filesystem', 'sse.heartbeat',
    ]));
    expect(config.checks.filter((c) => !c.id.startsWith('clients.')).every((c) => c.docs?.startsWith('/runbooks/'))).toBe(true);
  });
});

describe('gateway.yaml', () => {
  test('unknown keys in an environment are errors (the shared schema would drop them silently)', () => {
    expect(() => parseGatewayFile(GATEWAY.replace('keyEnv: LITELLM_API_KEY', 'keyEnv: LITELLM_API_KEY\n    keyenv: X'), 'content/gateway.yaml')).toThrowErrorMatchingInlineSnapshot(`
      [ProofbookInputError: Invalid gateway definition:
      content/gateway.yaml:8 → environments.internal.keyenv: unknown key \`keyenv\` — did you mean \`keyEnv\`?
      hint: every field: content/docs/reference/gateway.md (/reference/gateway/ on the site)]
    `);
  });
});
