// Issue 25 item 2: LiteLLM's 401 body echoes the key (`… Received API Key = sk-…`, from character 87), and the
// 120-character failure summary used to cut it before redaction could match it: `sk-` + 20 hex digits reached
// run.json, stdout, junit.xml and the site. A real loopback server answers every request the way LiteLLM does
// to a key it does not know; the real probe CLI runs against it.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { listFiles, readAll, spawnProbe, writeProject } from '../probes/cli-fixture.ts';
import { startHttp, tempDir, type TestServer } from '../probes/helpers.ts';

const KEY = `sk-${randomBytes(24).toString('hex')}`;
const ADMIN = `sk-${randomBytes(24).toString('hex')}`;
let server: TestServer;
let scratch: Awaited<ReturnType<typeof tempDir>>;

/** LiteLLM's body for an unknown key (litellm-traefik.md §1.5), with the key it received in full. */
const litellm401 = (key: string) => JSON.stringify({ detail: `Authentication Error, Invalid proxy server token passed. Received API Key = ${key}, Key Hash (Token) =2ab06c0d. Unable to find token in cache or \`LiteLLM_VerificationTokenTable\`` });

beforeAll(async () => {
  scratch = await tempDir('proofbook-401-echo-');
  server = await startHttp((req, res) => {
    const key = String(req.headers.authorization ?? '').replace(/^Bearer /, '');
    res.writeHead(401, { 'content-type': 'application/json' }).end(litellm401(key));
  });
  await writeProject(scratch.dir, server.url, [
    'checks:',
    '  - { id: echo.mcp, title: mcp, kind: mcp, path: /mcp/ }',
    '  - { id: echo.admin, title: admin, kind: mcp, path: /mcp/, auth: admin }',
    '  - { id: echo.body, title: body, kind: http, path: /v1/models, expect: { status: 401, bodyContains: no-such-text } }',
    '  - { id: echo.json, title: json, kind: http, path: /v1/models, expect: { status: 401, json: [{ path: detail, equals: nothing } ] } }',
    '  - { id: echo.status, title: status, kind: http, path: /v1/models }',
    '',
  ].join('\n'));
});
afterAll(async () => {
  await server?.close();
  await scratch?.remove();
});

/** Every 8-character piece of the key's random part: no piece of it may be anywhere. */
function pieces(secret: string): string[] {
  const random = secret.slice(3);
  return Array.from({ length: random.length - 7 }, (_, i) => random.slice(i, i + 8));
}

test('the echoed key is redacted before any cut: no piece of it in run.json, raw/, stdout, stderr or junit.xml', async () => {
  const evaluation = path.join(scratch.dir, 'evaluation');
  const junit = path.join(scratch.dir, 'reports', 'junit.xml');
  const result = await spawnProbe(['--env', 'demo', '--origin', 'ci', '--json', '--junit', junit, '--evaluation-dir', evaluation], {
    cwd: scratch.dir,
    env: { LITELLM_API_KEY: KEY, LITELLM_MASTER_KEY: ADMIN },
  }).done;
  expect(result.code, result.stderr).toBe(1);
  const run = JSON.parse(result.stdout) as { records: Array<{ checkId: string; summary: string; conditions: Array<{ actual?: string }> }> };
  const summary = (id: string) => run.records.find((r) => r.checkId === id)?.summary ?? '';
  // The summaries still say what LiteLLM said, with the key named by its env var.
  expect(summary('echo.mcp')).toContain('Received API Key = [redacted:LITELLM_API_KEY]');
  expect(summary('echo.admin')).toContain('Received API Key = [redacted:LITELLM_MASTER_KEY]');
  expect(summary('echo.body')).toMatch(/^\[BODY\] contains "no-such-text" — got .*Received API Key = \[redacted:LITELLM_API_KEY\]/);
  expect(summary('echo.json')).toContain('[redacted:LITELLM_API_KEY]');
  // Each failing check is retried once (issue 28): two transcripts per check, every one of them read below.
  expect((await listFiles(evaluation)).filter((f) => f.includes('/raw/'))).toHaveLength(10);
  const everything = [await readAll(evaluation), await readAll(path.dirname(junit)), result.stdout, result.stderr].join('\n');
  for (const secret of [KEY, ADMIN]) {
    const found = pieces(secret).filter((piece) => everything.includes(piece));
    expect(found, `pieces of ${secret.slice(0, 6)}… found`).toEqual([]);
  }
}, 60_000);
