import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startDemoGateway, type DemoGateway } from '../../src/demo-gateway/index.ts';
import { listFiles, PROJECT_ROOT, readAll, spawnProbe, writeProject } from './cli-fixture.ts';
import { startHttp, tempDir, type TestServer } from './helpers.ts';

// The key must appear nowhere under evaluation/ nor in the CLI's output, even when a server echoes it back.
const CANARY = `sk-canary-${Math.random().toString(36).slice(2)}-${Date.now()}`;
const ADMIN_CANARY = `sk-admin-canary-${Date.now()}`;
const env = { LITELLM_API_KEY: CANARY, LITELLM_MASTER_KEY: ADMIN_CANARY };
let gw: DemoGateway;
let echo: TestServer;
let scratch: Awaited<ReturnType<typeof tempDir>>;

beforeAll(async () => {
  scratch = await tempDir('proofbook-canary-');
  gw = await startDemoGateway({ masterKey: CANARY, pingIntervalMs: 200, embeddedPostgres: true });
  // Echoes every request header in the body, sets a cookie made of the key and names the key in a header.
  echo = await startHttp((req, res) => {
    const auth = String(req.headers.authorization ?? '');
    res.writeHead(req.url?.startsWith('/fail') ? 500 : 200, { 'content-type': 'application/json', 'set-cookie': `session=${auth.slice(7)}`, 'x-echo-key': auth.slice(7) });
    res.end(JSON.stringify({ headers: req.headers, raw: auth.slice(7), encoded: encodeURIComponent(auth.slice(7)) }));
  });
});
afterAll(async () => {
  await gw?.stop();
  await echo?.close();
  await scratch?.remove();
});

test('the canary key appears nowhere under the evaluation dir, the JUnit file or the output', async () => {
  const evaluation = path.join(scratch.dir, 'evaluation');
  const junit = path.join(scratch.dir, 'junit.xml');
  const demo = await spawnProbe(
    ['--env', 'demo', '--base-url', gw.url, '--origin', 'ci', '--only', 'routing,health,mcp,sse', '--json', '--junit', junit, '--evaluation', evaluation],
    { cwd: PROJECT_ROOT, env },
  ).done;
  const echoRoot = path.join(scratch.dir, 'echo-project');
  await writeProject(echoRoot, echo.url, [
    'checks:',
    '  - { id: echo.key, title: echo, kind: http, path: /echo, expect: { bodyContains: nothing-like-this } }',
    '  - { id: echo.fail, title: echo, kind: http, path: /fail, auth: admin }',
    '  - { id: echo.matrix, title: echo, kind: auth-matrix, paths: [{ path: /echo, right: 401, wrong: 401 }] }',
    '  - { id: echo.mcp, title: echo, kind: mcp, path: /mcp/ }',
    '',
  ].join('\n'));
  const echoed = await spawnProbe(['--env', 'demo', '--origin', 'ci', '--json', '--evaluation', evaluation], { cwd: echoRoot, env }).done;

  expect(demo.code, demo.stderr).toBe(0); // mcp_postgres runs on the embedded database, as under npm start
  expect(echoed.code, echoed.stderr).toBe(1);
  expect(demo.stdout).toContain('"checkId": "mcp.tools-list"');
  const files = await listFiles(evaluation);
  expect(files.filter((f) => f.endsWith('run.json'))).toHaveLength(2);
  expect(files.filter((f) => f.includes('/raw/')).length).toBeGreaterThan(8);
  const everything = [await readAll(evaluation), await readAll(path.dirname(junit)), demo.stdout, demo.stderr, echoed.stdout, echoed.stderr].join('\n');
  // The echo server did send the key back: the transcripts kept the rest of what it said.
  expect(everything).toContain('[redacted:LITELLM_API_KEY]');
  expect(everything).toContain('x-echo-key');
  for (const secret of [CANARY, ADMIN_CANARY, encodeURIComponent(CANARY), Buffer.from(CANARY).toString('base64')]) {
    expect(everything.includes(secret), `found ${secret}`).toBe(false);
  }
}, 60_000);
