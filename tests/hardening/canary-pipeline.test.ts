// Issue 25, "done when": the canary test. A whole pipeline run (probe → ingest → build, each the real CLI) in a copy
// of the project, against a loopback gateway that echoes the key the way LiteLLM's 401 does and in every encoding,
// with links out of evaluation/ planted in runs, raw transcripts, history and imports (to a file holding a canary,
// to /etc/passwd, to /proc/self/environ, whose environment holds the key). Then a grep for every canary over
// evaluation/, dist/, the data store and every log of the run finds nothing.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { COPY_CONFIG } from '../status/site-copy.ts';
import { filesContaining, makeProjectCopy } from '../e2e/pipeline.ts';
import { startHttp, type TestServer } from '../probes/helpers.ts';
import { projectRoot, runNode, userEnv } from '../support/site.ts';

const KEY = `sk-${randomBytes(24).toString('hex')}`;
const ADMIN = `sk-${randomBytes(24).toString('hex')}`;
const FILE_CANARY = `PROOFBOOK-FILE-CANARY-${randomBytes(8).toString('hex')}`;
const PASSWD = 'root:x:0:0';

/** The key as a gateway, a page or a client may write it. */
function encodings(key: string): Record<string, string> {
  return {
    jsonUnicode: Array.from(key, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join(''),
    percent: Array.from(Buffer.from(key), (b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
    htmlDecimal: Array.from(key, (c) => `&#${c.charCodeAt(0)};`).join(''),
    htmlHex: Array.from(key, (c) => `&#x${c.charCodeAt(0).toString(16)};`).join(''),
    base64: Buffer.from(key).toString('base64'),
    base64url: Buffer.from(key).toString('base64url'),
    basicAuth: Buffer.from(`proofbook:${key}`).toString('base64'),
    basicAuthUrl: Buffer.from(`ab:${key}`).toString('base64url'),
  };
}

/** Every string whose presence anywhere is a leak: 8-character pieces of each key, each encoding, the file canaries. */
function needles(): string[] {
  const pieces = (secret: string) => Array.from({ length: secret.length - 10 }, (_, i) => secret.slice(3 + i, 11 + i));
  const encoded = [KEY, ADMIN].flatMap((key) => Object.values(encodings(key)).map((form) => form.slice(8, 40)));
  return [...pieces(KEY), ...pieces(ADMIN), ...encoded, FILE_CANARY, PASSWD];
}

let server: TestServer;
let copy: Awaited<ReturnType<typeof makeProjectCopy>>;
const logs: Record<string, string> = {};

/** LiteLLM's 401 for an unknown key (the key from character 87), then the key in every encoding. */
function echoBody(key: string): string {
  const detail = `Authentication Error, Invalid proxy server token passed. Received API Key = ${key}, Key Hash (Token) =2ab06c0d. Unable to find token in cache or \`LiteLLM_VerificationTokenTable\``;
  return JSON.stringify({ detail, forms: encodings(key) });
}

async function plantLinks(evaluation: string, outside: string): Promise<void> {
  const [runId] = (await readdir(path.join(evaluation, 'runs'))).filter((name) => !name.startsWith('.'));
  const runDir = path.join(evaluation, 'runs', runId!);
  const run = JSON.parse(await readFile(path.join(runDir, 'run.json'), 'utf8')) as { runId: string; records: Array<{ summary: string; artifacts: Array<{ path: string }> }> };
  const raw = run.records.flatMap((record) => record.artifacts.map((a) => a.path)).filter((p) => p.includes('/raw/'));
  expect(raw.length).toBeGreaterThan(3);
  // The raw transcripts the evidence page shows become links out of evaluation/.
  const targets = [path.join(outside, 'secret.txt'), '/etc/passwd', '/proc/self/environ'];
  for (const [i, target] of targets.entries()) {
    await rm(path.join(evaluation, raw[i]!));
    await symlink(target, path.join(evaluation, raw[i]!));
  }
  // A whole run folder, a history day and imports that lead out of evaluation/.
  const fakeId = runId!.replace(/-[^-]+$/, '-fake');
  await mkdir(path.join(outside, 'run'), { recursive: true });
  await writeFile(path.join(outside, 'run', 'run.json'), JSON.stringify({ ...run, runId: fakeId, records: run.records.map((r) => ({ ...r, summary: FILE_CANARY })) }));
  await symlink(path.join(outside, 'run'), path.join(evaluation, 'runs', fakeId));
  await mkdir(path.join(evaluation, 'history'), { recursive: true });
  await symlink(path.join(outside, 'secret.txt'), path.join(evaluation, 'history', '2026-01-01.json'));
  const imports = path.join(evaluation, 'imports');
  await symlink(path.join(outside, 'secret.txt'), path.join(imports, 'linked-curl.txt'));
  await writeFile(path.join(imports, 'meta-linked-curl.txt'), 'HTTP/1.1 200 OK\n\n{}\n');
  await symlink(path.join(outside, 'secret.txt'), path.join(imports, 'meta-linked-curl.txt.meta.yaml'));
  // A capture made elsewhere that carries the key in every encoding, with a 401 echo: it is imported, redacted.
  const forms = Object.values(encodings(KEY)).map((form) => `x-form: ${form}`).join('\n');
  await writeFile(path.join(imports, 'canary-curl.txt'), `HTTP/1.1 401 Unauthorized\ncontent-type: application/json\n${forms}\n\n${echoBody(KEY)}\n`);
}

beforeAll(async () => {
  server = await startHttp((req, res) => {
    const auth = String(req.headers.authorization ?? '').replace(/^Bearer /, '');
    res.writeHead(401, { 'content-type': 'application/json' }).end(echoBody(auth || KEY));
  });
  copy = await makeProjectCopy('canary-pipeline-');
  const outside = path.join(copy.dir, 'outside');
  await mkdir(outside, { recursive: true });
  await writeFile(path.join(outside, 'secret.txt'), `${FILE_CANARY}\n${KEY}\n${ADMIN}\n`);
  // The environment `npm start` gives every stage: the keys are in it (and so in /proc/self/environ).
  const env = userEnv({ LITELLM_API_KEY: KEY, LITELLM_MASTER_KEY: ADMIN });
  const evaluation = path.join(copy.dir, 'evaluation');
  const probe = await runNode(['scripts/probe.ts', '--env', 'demo', '--base-url', server.url, '--origin', 'ci', '--deadline', '60s', '--junit', 'reports/junit.xml'], copy.dir, env, 120_000);
  logs.probe = probe.output;
  expect(probe.code, probe.output).toBe(1);
  await plantLinks(evaluation, outside);
  const ingest = await runNode(['scripts/ingest.ts'], copy.dir, env, 120_000);
  logs.ingest = ingest.output;
  expect(ingest.code, ingest.output).toBe(0);
  const build = await runNode([path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build', '--config', COPY_CONFIG], copy.dir, env, 300_000);
  logs.build = build.output;
  expect(build.code, build.output.slice(-3000)).toBe(0);
}, 500_000);
afterAll(async () => {
  await server?.close();
  await copy?.remove();
});

test('the pipeline ran on the planted links without a stack trace, and said what it skipped', () => {
  expect(logs.ingest).toMatch(/runs\/\S+-fake\/run\.json → \(root\): links \(or lies\) outside evaluation\//);
  expect(logs.ingest).toContain('imports/linked-curl.txt: linked-curl.txt links (or lies) outside evaluation/');
  expect(logs.ingest).toContain('imports/meta-linked-curl.txt: meta-linked-curl.txt.meta.yaml links (or lies) outside evaluation/');
  for (const log of Object.values(logs)) expect(log).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
});

test('no canary anywhere: evaluation/, dist/, the data store, junit.xml and every log', async () => {
  const all = needles();
  const dataStores = (await readdir(copy.dir, { recursive: true })).filter((rel) => rel.endsWith('data-store.json') && !rel.includes('node_modules'));
  expect(dataStores.length).toBeGreaterThan(0);
  // The one input that holds the key by design: the capture made elsewhere, as its user copied it in.
  expect(await filesContaining(path.join(copy.dir, 'evaluation'), all)).toEqual(['imports/canary-curl.txt']);
  expect(await filesContaining(path.join(copy.dir, 'dist'), all)).toEqual([]);
  expect(await filesContaining(path.join(copy.dir, 'reports'), all)).toEqual([]);
  for (const store of dataStores) expect(await filesContaining(path.dirname(path.join(copy.dir, store)), all), store).toEqual([]);
  for (const [stage, log] of Object.entries(logs)) expect(all.filter((needle) => log.includes(needle)), `${stage} log`).toEqual([]);
  // The echo did happen and was redacted, not lost: run.json names the key by its env var.
  const [runId] = (await readdir(path.join(copy.dir, 'evaluation/runs'))).filter((name) => !name.startsWith('.') && !name.endsWith('-fake'));
  expect(await readFile(path.join(copy.dir, 'evaluation/runs', runId!, 'run.json'), 'utf8')).toContain('Received API Key = [redacted:LITELLM_API_KEY]');
});
