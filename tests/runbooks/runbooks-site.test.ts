import { appendFile, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startDemoGateway, type DemoGateway } from '../../src/demo-gateway/index.ts';
import type { EvalRun } from '../../src/schemas/eval-run.ts';
import type { StatusJson } from '../../src/schemas/status.ts';
import { filesContaining, makeProjectCopy } from '../e2e/pipeline.ts';
import { COPY_CONFIG } from '../status/site-copy.ts';
import { projectRoot, runNode, userEnv } from '../support/site.ts';

// Issue 29 end to end: the seed's runbook blocks run against the demo gateway over loopback, their evidence is
// chained and verified, the built pages show it under each block, an edited block reads stale on the next build
// without being run, and a failing block turns its page red.
const KEY = `sk-canary-runbooks-${process.pid}-7a1c`;
const env = userEnv({ LITELLM_API_KEY: KEY, LITELLM_MASTER_KEY: KEY });
let copy: Awaited<ReturnType<typeof makeProjectCopy>>;
let gw: DemoGateway;

beforeAll(async () => {
  [copy, gw] = await Promise.all([makeProjectCopy('runbooks-'), startDemoGateway({ masterKey: KEY, pingIntervalMs: 1000 })]);
});
afterAll(async () => {
  await gw?.stop();
  await copy?.remove();
});

const node = (args: string[], timeoutMs = 120_000) => runNode(args, copy.dir, env, timeoutMs);
const runbooks = (...args: string[]) => node(['scripts/runbooks.ts', '--env', 'demo', '--base-url', gw.url, '--origin', 'ci', ...args]);
const build = () => node([path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build', '--config', COPY_CONFIG], 300_000);
const page = (sitePath: string) => readFile(path.join(copy.dir, 'dist', sitePath, 'index.html'), 'utf8');
const runIds = async () => (await readdir(path.join(copy.dir, 'evaluation/runs'))).filter((name) => !name.startsWith('.')).sort();
const readRun = async (runId: string): Promise<EvalRun> => JSON.parse(await readFile(path.join(copy.dir, 'evaluation/runs', runId, 'run.json'), 'utf8'));
/** The evidence figures under the blocks of a built page: block id → state. */
const figures = (html: string) => new Map([...html.matchAll(/<figure class="pb-run[^"]*"[^>]*data-pb-run="([^"]+)" data-state="([a-z-]+)"/g)].map((m) => [m[1]!, m[2]!]));

describe('runbooks that run', () => {
  test('npm run runbooks runs every run=ci block against the demo gateway: all pass, one record each, chained and verified, no key anywhere', async () => {
    const result = await runbooks('--junit', 'runbooks.xml');
    expect(result.code, result.output).toBe(0);
    const [runId] = await runIds();
    const run = await readRun(runId!);
    expect(run.records.length).toBeGreaterThanOrEqual(8);
    expect(run.records.filter((record) => record.verdict !== 'pass').map((record) => `${record.checkId}: ${record.summary}`)).toEqual([]);
    expect(run).toMatchObject({ environment: 'demo', origin: 'ci', provenance: 'demo' });
    for (const record of run.records) {
      expect(record.checkId).toMatch(/^runbook\./);
      expect(record.source).toEqual({ type: 'probe', kind: 'runbook-block' });
      expect(record.runbook).toMatchObject({ exitCode: 0, sourceHash: expect.stringMatching(/^[0-9a-f]{64}$/), gitCommit: expect.stringMatching(/^[0-9a-f]{40}$/), location: expect.stringMatching(/^content\/docs\/runbooks\/.+\.md:\d+$/) });
    }
    const junit = await readFile(path.join(copy.dir, 'runbooks.xml'), 'utf8');
    expect(junit.match(/<testcase /g)).toHaveLength(run.records.length);
    // The key went to the blocks (the gated answers passed) and came back nowhere.
    expect(await filesContaining(path.join(copy.dir, 'evaluation'), [KEY])).toEqual([]);
    expect(result.output).not.toContain(KEY);
    const verify = await node(['scripts/verify-evidence.ts']);
    expect(verify.code, verify.output).toBe(0);
    expect(verify.output).toMatch(/^evidence chain: 1 manifests, \d+ files checked; head #1 sha256:[0-9a-f]{64}/);
  }, 120_000);

  test('pages show each block output with its age; an edited block is stale on the next build without running; a failing block turns its page red', async () => {
    const first = await build();
    expect(first.code, first.output.slice(-3000)).toBe(0);
    const routing = await page('runbooks/gateway-routing');
    expect([...figures(routing).values()]).toEqual(['pass', 'pass', 'pass', 'pass', 'pass', 'pass']);
    expect(routing).toMatch(/<code>30[1278] \/ui\n200 \/swagger\/swagger-ui\.css\n200 \/docs\n200 \/openapi\.json<\/code>/);
    expect(routing).toMatch(/ran <time datetime="[^"]+" title="[^"]+">(&#60;1m|\dm)<\/time> ago against demo from <span data-pb-origin>ci<\/span>/);
    const status: StatusJson = JSON.parse(await readFile(path.join(copy.dir, 'dist/status.json'), 'utf8'));
    const group = status.groups.find((candidate) => candidate.id === 'runbooks');
    expect(group?.checks.length).toBeGreaterThanOrEqual(8);
    expect(group?.checks.every((check) => check.state === 'pass' && check.rows.length === 1)).toBe(true);
    const suite = /<testsuite name="runbooks" tests="(\d+)" failures="0"/.exec(await readFile(path.join(copy.dir, 'dist/junit.xml'), 'utf8'));
    expect(Number(suite?.[1])).toBe(group?.checks.length);

    // Edit one block's command, and add a block that fails; run only the new one.
    const reachability = path.join(copy.dir, 'content/docs/runbooks/reachability.md');
    const text = await readFile(reachability, 'utf8');
    expect(text).toContain('getent hosts "$host"\n');
    await writeFile(reachability, text.replace('getent hosts "$host"\n', 'getent hosts "$host" | head -n 1\n'));
    await appendFile(path.join(copy.dir, 'content/docs/runbooks/mcp-servers-and-secrets.md'), "\n```bash run=ci timeout=10s\nprintf 'not what the page says\\n'\n```\n\n```text expect\nwhat the page says\n```\n");
    const failing = await runbooks('--only', 'runbook.runbooks.mcp-servers-and-secrets.how-a-broken-server-shows-up-2');
    expect(failing.code, failing.output).toBe(1);
    expect(await runIds()).toHaveLength(2);

    const second = await build();
    expect(second.code, second.output.slice(-3000)).toBe(0);
    const edited = await page('runbooks/reachability');
    expect(figures(edited).get('runbook.runbooks.reachability.checking-from-here-1')).toBe('stale');
    expect(figures(edited).get('runbook.runbooks.reachability.checking-from-here-2')).toBe('pass');
    expect(edited).toContain('The commands changed since this output');
    expect(edited).toMatch(/data-pb-banner="stale"/);
    const red = await page('runbooks/mcp-servers-and-secrets');
    expect(figures(red).get('runbook.runbooks.mcp-servers-and-secrets.how-a-broken-server-shows-up-2')).toBe('fail');
    expect(red).toMatch(/<aside class="starlight-aside starlight-aside--danger pb-banner pb-banner-fail"[^>]*data-pb-banner="fail"/);
    expect(red).toContain('expected line 1 &#34;what the page says&#34;, output line 1 &#34;not what the page says&#34;');
    const after: StatusJson = JSON.parse(await readFile(path.join(copy.dir, 'dist/status.json'), 'utf8'));
    const rows = after.groups.find((candidate) => candidate.id === 'runbooks')!.checks.flatMap((check) => check.rows);
    expect(rows.find((row) => row.checkId.endsWith('reachability.checking-from-here-1'))).toMatchObject({ state: 'stale', isSourceChanged: true, verdict: 'pass' });
    expect((await node(['scripts/verify-evidence.ts'])).code).toBe(0);
  }, 400_000);

  test('npm run verify-evidence names the file when one byte changes, and the run when a run is taken out of the chain', async () => {
    const [first, second] = await runIds();
    const raw = path.join(copy.dir, 'evaluation/runs', first!, 'raw');
    const [name] = (await readdir(raw)).sort();
    const bytes = await readFile(path.join(raw, name!));
    bytes[0] = bytes[0]! ^ 0x20;
    await writeFile(path.join(raw, name!), bytes);
    const flipped = await node(['scripts/verify-evidence.ts']);
    expect(flipped.code).toBe(1);
    expect(flipped.output).toContain(`BROKEN: evaluation/runs/${first}/raw/${name} was changed after ${first} wrote it (manifest #1)`);
    bytes[0] = bytes[0]! ^ 0x20;
    await writeFile(path.join(raw, name!), bytes);
    const manifests = path.join(copy.dir, 'evaluation/manifests');
    const [manifest] = (await readdir(manifests)).filter((file) => file.endsWith(`-${second}.json`));
    await rm(path.join(manifests, manifest!));
    const removed = await node(['scripts/verify-evidence.ts']);
    expect(removed.code).toBe(1);
    expect(removed.output).toContain(`BROKEN: run ${second} is missing from the chain: its manifest ${manifest} (#2) is gone`);
  }, 60_000);
});
