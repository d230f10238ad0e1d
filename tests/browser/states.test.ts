// One state per check, the same on every surface (issue 24 item 6, issue 28): a site built with a check in each state,
// read back in the real Chromium from the inline pill, the page banner, the sidebar mark, /status and the group's
// status page, the evidence run page, and from status.json and junit.xml.
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { updateHistory } from '../../src/evidence/history.ts';
import { writeRun } from '../../src/evidence/store.ts';
import { EvalRunSchema } from '../../src/schemas/eval-run.ts';
import type { StatusJson } from '../../src/schemas/status.ts';
import { COPY_CONFIG, makeSiteCopy } from '../status/site-copy.ts';
import { launchChromium, screenshot } from '../support/browser.ts';
import { makeRecord, type RecordOverrides } from '../support/evidence-fixtures.ts';
import { projectRoot, runNode, userEnv } from '../support/site.ts';
import { serveStatic } from '../support/static-server.ts';

/** Every case: the state the check should be in, and what each surface must then say. */
const CASES = [
  { name: 'pass', state: 'pass', banner: 'pass', mark: undefined, junit: 'ok', provenance: 'real' },
  { name: 'fail', state: 'fail', banner: 'fail', mark: 'failing', junit: 'failure', provenance: 'real' },
  { name: 'degraded', state: 'degraded', banner: 'degraded', mark: 'degraded', junit: 'failure', provenance: 'real' },
  { name: 'stale', state: 'stale', banner: 'stale', mark: 'stale', junit: 'failure', provenance: 'real' },
  { name: 'expected', state: 'expected-fail', banner: 'expected-fail', mark: undefined, junit: 'skipped', provenance: 'real' },
  { name: 'limited', state: 'limited', banner: 'limited', mark: undefined, junit: 'skipped', provenance: 'real' },
  { name: 'missing', state: 'missing', banner: 'missing', mark: 'no evidence', junit: 'failure', provenance: undefined },
  { name: 'demo', state: 'pass', banner: 'pass', mark: 'demo', junit: 'ok', provenance: 'demo' },
  { name: 'maintenance', state: 'maintenance', banner: 'maintenance', mark: 'maintenance', junit: 'skipped', provenance: 'real' },
  { name: 'flaky', state: 'flaky', banner: 'flaky', mark: 'flaky', junit: 'ok', provenance: 'real' },
] as const;

const idOf = (name: string) => `states.${name}`;
const MINUTE = 60_000;
const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * MINUTE).toISOString();

/** A run of `records` on `environment` from `origin`, `minutesAgo` before now. */
function runOf(origin: string, minutesAgo: number, suffix: string, records: RecordOverrides[], environment = 'internal', provenance: 'real' | 'demo' = 'real') {
  const time = at(minutesAgo);
  const runId = `${time.replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z')}-${origin}-${suffix}`;
  return EvalRunSchema.parse({
    schemaVersion: 1, runId, origin, environment, baseUrl: 'https://litellm.linuxserver.lan', provenance, toolVersion: '0.1.0', startedAt: time, finishedAt: time,
    records: records.map((fields) => makeRecord({ target: environment, origin, runId, startedAt: time, finishedAt: time, provenance, ...fields })),
  });
}

let dir = '';
let dist = '';
let url = '';
let browser: Browser;
let stopServer: () => Promise<void> = async () => undefined;
let removeCopy: () => Promise<void> = async () => undefined;
let statusJson: StatusJson;
let junit = '';

beforeAll(async () => {
  const copy = await makeSiteCopy(projectRoot, 'states-');
  ({ dir } = copy);
  removeCopy = copy.remove;
  const checks = CASES.map(({ name }) => `  - { id: ${idOf(name)}, kind: http, title: The ${name} case, path: /health/liveliness, freshness: 6h }`);
  await writeFile(path.join(dir, 'content/checks/states.yaml'), `checks:\n${checks.join('\n')}\n`);
  await appendFile(
    path.join(dir, 'content/baseline.yaml'),
    `  - check: ${idOf('expected')}\n    target: internal\n    origin: sandbox\n    failureClass: dns\n    reason: The sandbox cannot resolve the LAN name.\n    doc: /runbooks/reachability/\n    since: '2025-09-18'\n`,
  );
  // A maintenance window open now, for the maintenance case only.
  await appendFile(
    path.join(dir, 'content/maintenance.yaml'),
    `  - id: states-window\n    title: States window\n    affects: [${idOf('maintenance')}]\n    start: '${at(60)}'\n    duration: 3h\n`,
  );
  for (const { name } of CASES) {
    await writeFile(path.join(dir, `content/docs/runbooks/states-${name}.md`), `---\ntitle: States ${name}\nchecks: [${idOf(name)}]\n---\n\nThe ${name} case: :check[${idOf(name)}].\n`);
  }
  const evaluation = path.join(dir, 'evaluation');
  await mkdir(evaluation, { recursive: true });
  const fail = (failureClass: 'dns' | 'http_status', status?: number): RecordOverrides => ({ verdict: 'fail', failureClass, ...(status ? { measured: { status } } : {}) });
  const runs = [
    runOf('sandbox', 10, 'aaaa', [
      { checkId: idOf('pass') },
      { checkId: idOf('fail'), ...fail('http_status', 500) },
      { checkId: idOf('degraded'), verdict: 'degraded', failureClass: 'expectation' },
      { checkId: idOf('expected'), ...fail('dns') },
      { checkId: idOf('limited'), ...fail('dns') },
      { checkId: idOf('maintenance'), ...fail('http_status', 503) },
      {
        checkId: idOf('flaky'),
        attempts: [
          { startedAt: at(11), finishedAt: at(11), verdict: 'fail', failureClass: 'http_status', summary: '502' },
          { startedAt: at(10), finishedAt: at(10), verdict: 'pass', summary: '200' },
        ],
      },
    ]),
    runOf('lan-host', 5, 'bbbb', [{ checkId: idOf('limited') }]),
    runOf('sandbox', 2 * 24 * 60, 'cccc', [{ checkId: idOf('stale') }]),
    runOf('ci', 5, 'dddd', [{ checkId: idOf('demo') }], 'demo', 'demo'),
  ];
  for (const run of runs) await writeRun(evaluation, run, []);
  // The pipeline's ingest stage: the daily history tells the build which rows to look for.
  await updateHistory(evaluation, runs);
  const astro = path.join(projectRoot, 'node_modules/astro/bin/astro.mjs');
  const { code, output } = await runNode([astro, 'build', '--config', COPY_CONFIG], dir, userEnv(), 300_000);
  if (code !== 0) throw new Error(`astro build exited ${code}:\n${stripVTControlCharacters(output).slice(-3000)}`);
  dist = path.join(dir, 'dist');
  statusJson = JSON.parse(await readFile(path.join(dist, 'status.json'), 'utf8')) as StatusJson;
  junit = await readFile(path.join(dist, 'junit.xml'), 'utf8');
  const server = await serveStatic(dist);
  url = server.url;
  stopServer = server.close;
  browser = await launchChromium();
}, 400_000);

afterAll(async () => {
  await browser?.close();
  await stopServer();
  await removeCopy();
});

/** The state a pill element shows, from its class (`pb-pill pb-<state>`). */
async function pillState(page: Page, selector: string): Promise<string | undefined> {
  const pill = page.locator(selector).first();
  if ((await pill.count()) === 0) return undefined;
  return /\bpb-(error|fail|degraded|stale|missing|maintenance|flaky|expected-fail|limited|pass)\b/.exec((await pill.getAttribute('class')) ?? '')?.[1];
}

describe('every state reads the same on every surface', () => {
  test.each(CASES)('$name', async ({ name, state, banner, mark, junit: outcome, provenance }) => {
    const checkId = idOf(name);
    const page = await browser.newPage();
    try {
      await page.goto(`${url}/runbooks/states-${name}/`, { waitUntil: 'networkidle' });
      // The inline pill and its provenance tag.
      expect(await pillState(page, `.sl-markdown-content a.pb-check[href="/status/#${checkId}"] .pb-pill`), 'pill').toBe(state);
      expect(await page.locator(`.sl-markdown-content a.pb-check[href="/status/#${checkId}"] .pb-prov-demo`).count(), 'pill demo tag').toBe(provenance === 'demo' ? 1 : 0);
      // The banner under the title.
      await expect(page.locator('[data-pb-banner]').first().getAttribute('data-pb-banner'), 'banner').resolves.toBe(banner);
      if (provenance === 'demo') await expect(page.locator('[data-pb-provenance]').first().getAttribute('data-pb-provenance')).resolves.toBe('demo');
      // The sidebar mark for this page.
      const markEl = page.locator(`nav.sidebar a[href="/runbooks/states-${name}/"] .pb-mark`);
      if (mark === undefined) expect(await markEl.count(), 'no sidebar mark').toBe(0);
      else await expect(markEl.textContent(), 'sidebar').resolves.toBe(mark);
      await screenshot(page, `state-${name}`);

      // /status: the check's row (its state) and its evidence per origin (behind a disclosure).
      await page.goto(`${url}/status/`, { waitUntil: 'networkidle' });
      const pillStates = (selector: string) =>
        page.locator(selector).evaluateAll((pills) => pills.map((pill) => /pb-([a-z-]+)$/.exec(pill.className)?.[1]));
      expect(await pillStates(`tr[id="${checkId}"] td:nth-child(2) .pb-pill`), '/status row').toEqual([state]);
      if (state !== 'missing') expect(await pillStates(`tr[id="${checkId}"] .pb-o .pb-pill`), '/status origins').toContain(state);
      // The group's page: the check's heading and its rows.
      await page.goto(`${url}/status/states/`, { waitUntil: 'networkidle' });
      expect(await pillStates(`h2[id="${checkId}"] .pb-pill`), 'group page heading').toEqual([state]);
      if (state !== 'missing') expect(await pillStates(`section[aria-labelledby="${checkId}"] table .pb-pill`), 'group page rows').toContain(state);

      // status.json and junit.xml.
      const check = statusJson.groups.flatMap((group) => group.checks).find((candidate) => candidate.id === checkId)!;
      expect(check.state, 'status.json').toBe(state);
      expect(check.decidedBy?.provenance, 'status.json provenance').toBe(provenance);
      const cases = [...junit.matchAll(new RegExp(`<testcase classname="states" name="${checkId.replace('.', '\\.')}[^"]*"[^>]*?(/>|>\\s*<(failure|skipped|error|system-out))`, 'g'))];
      expect(cases.length, 'junit cases').toBeGreaterThan(0);
      // A flaky pass is a passing case whose output says it was flaky.
      const outcomes = cases.map((match) => (match[1] === '/>' || match[2] === 'system-out' ? 'ok' : match[2]));
      expect(outcomes, 'junit').toContain(outcome);
      if (provenance === 'demo') expect(cases[0]![0], 'junit names demo evidence').toContain('(demo)');

      // The evidence run page that holds the deciding record.
      const row = check.rows.find((candidate) => candidate.state === state);
      if (row) {
        await page.goto(`${url}/evidence/${row.runId}/`, { waitUntil: 'networkidle' });
        expect(await pillState(page, `tr[id="r-${checkId}-${row.target}"] .pb-pill`), 'run page').toBe(state);
      }
    } finally {
      await page.close();
    }
  });
});
