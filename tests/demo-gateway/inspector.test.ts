/** The real MCP Inspector CLI lists the gateway's tools through the Bearer gate and is refused without it. */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestGateway, type TestGateway } from './helpers.ts';

const run = promisify(execFile);
const INSPECTOR_BIN = path.resolve('node_modules/@modelcontextprotocol/inspector/clients/launcher/build/index.js');

let t: TestGateway;
let home: string;
beforeAll(async () => {
  t = await startTestGateway();
  home = await mkdtemp(path.join(os.tmpdir(), 'proofbook-inspector-home-'));
});
afterAll(async () => {
  await t.gateway.stop();
  await rm(home, { recursive: true, force: true });
});

/** Runs `mcp-inspector --cli <url> --transport http --method tools/list [--header …]` on this Node. */
async function inspectTools(url: string, header: string | null): Promise<{ code: number; stdout: string; stderr: string }> {
  const args = [INSPECTOR_BIN, '--cli', url, '--transport', 'http', '--method', 'tools/list', ...(header === null ? [] : ['--header', header])];
  try {
    const { stdout, stderr } = await run(process.execPath, args, { env: { ...process.env, HOME: home }, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

describe('MCP Inspector CLI', () => {
  test('lists the prefixed tools with "Authorization: Bearer <key>"', async () => {
    const result = await inspectTools(`${t.gateway.url}/mcp`, `Authorization: Bearer ${t.key}`);
    expect(result.code).toBe(0);
    const names = (JSON.parse(result.stdout) as { tools: Array<{ name: string }> }).tools.map((tool) => tool.name);
    expect(names).toContain('mcp_filesystem-list_directory');
    expect(names.every((name) => name.startsWith('mcp_filesystem-'))).toBe(true);
  }, 90_000);

  test('without a key it hits Traefik\'s 404 and fails', async () => {
    const result = await inspectTools(`${t.gateway.url}/mcp`, null);
    expect(result.code).not.toBe(0);
    expect(result.stdout + result.stderr).toContain('404 page not found');
  }, 90_000);

  test('with a wrong key LiteLLM answers 401 and the CLI stops at auth', async () => {
    const result = await inspectTools(`${t.gateway.url}/mcp`, 'Authorization: Bearer sk-wrong');
    expect(result.code).not.toBe(0);
    expect(result.stdout + result.stderr).toContain('auth_required');
    expect(t.logs.some((line) => line.includes('"POST /mcp HTTP/1.1" 401 Unauthorized'))).toBe(true);
  }, 90_000);
});
