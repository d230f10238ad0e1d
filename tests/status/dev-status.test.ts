import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { readFile, writeFile } from 'node:fs/promises';
import { launchChromium } from '../support/browser.ts';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { writeRun } from '../../src/evidence/store.ts';
import { makeRun } from '../support/evidence-fixtures.ts';
import { COPY_CONFIG, makeSiteCopy } from './site-copy.ts';
import { freePort } from '../../src/util/free-port.ts';

const root = path.resolve(import.meta.dirname, '../..');
let site: Awaited<ReturnType<typeof makeSiteCopy>>;
let dev: ChildProcess | undefined;
let baseUrl = '';
let output = '';

/** The environment without vitest's markers: Astro's dev server behaves differently when it thinks it runs under vitest. */
function childEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(VITEST|VITE_|TEST$|NODE_ENV$|MODE$)/.test(name)));
}

/** A run of mcp.tools-list against `internal` from ci at `at`: real time, so it is fresh on the live page whatever the id's stamp says. */
function runOf(runId: string, verdict: 'pass' | 'fail', at: Date) {
  return makeRun({ runId, at: at.toISOString(), environment: 'internal', baseUrl: 'https://litellm.example.com', verdicts: { 'mcp.tools-list': verdict } });
}

/** GETs `url` until `accept` holds for the body or `timeoutMs` passes; each request has its own deadline. */
async function pollUntil(url: string, accept: (body: string) => boolean, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(15_000) });
      last = await response.text();
      if (response.ok && accept(last)) return last;
    } catch (error) {
      last = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`timed out waiting for ${url}; last body/error: ${last.slice(0, 300)}\nserver output:\n${output.slice(-2000)}`);
}

beforeAll(async () => {
  site = await makeSiteCopy(root, 'dev-status-');
  const now = Date.now();
  await writeRun(path.join(site.dir, 'evaluation'), runOf('20260101T000000Z-ci-aaaa', 'pass', new Date(now - 60_000)));
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  dev = spawn(path.join(root, 'node_modules/.bin/astro'), ['dev', '--config', COPY_CONFIG, '--host', '127.0.0.1', '--port', String(port)], {
    cwd: site.dir,
    env: { ...childEnv(), PATH: `${path.join(root, 'node_modules/.bin')}:${process.env.PATH}`, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  dev.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  dev.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
}, 120_000);

afterAll(async () => {
  if (dev?.pid !== undefined && dev.exitCode === null) {
    process.kill(-dev.pid, 'SIGTERM');
    await Promise.race([once(dev, 'exit'), new Promise((resolve) => setTimeout(resolve, 5000))]);
    if (dev.exitCode === null) process.kill(-dev.pid, 'SIGKILL');
  }
  await site?.remove();
});

test('a run written while astro dev is running appears on /status without a restart', async () => {
  const first = await pollUntil(`${baseUrl}/status/`, (body) => body.includes('20260101T000000Z-ci-aaaa'), 90_000);
  // Dev mode annotates elements with source locations, so match tags loosely.
  expect(first).toMatch(/<tr id="mcp.tools-list"[^>]*>.*?class="pb-pill pb-pass"[^>]*>passing</s);

  const runId = '20260101T010000Z-ci-bbbb';
  await writeRun(path.join(site.dir, 'evaluation'), runOf(runId, 'fail', new Date()));
  const second = await pollUntil(`${baseUrl}/status/`, (body) => body.includes(`/evidence/${runId}/`), 30_000);
  expect(second).toMatch(/<tr id="mcp.tools-list"[^>]*>.*?class="pb-pill pb-fail"[^>]*>failing</s);
  expect(output).not.toMatch(/restart/i);
}, 150_000);

test('a typo in a check file shows in the browser error overlay with its file:line, and goes once fixed', async () => {
  await pollUntil(`${baseUrl}/status/`, (body) => body.includes('mcp.tools-list'), 90_000);
  const file = path.join(site.dir, 'content/checks/health.yaml');
  const good = await readFile(file, 'utf8');
  const browser = await launchChromium();
  try {
    await writeFile(file, good.replace('    freshness: 1h', '    freshnes: 1h'));
    await pollForStatus(`${baseUrl}/runbooks/reachability/`, 500, 30_000);
    const page = await browser.newPage();
    // Vite's overlay is a custom element whose text sits in its shadow root. On a loaded machine the page may be
    // asked for before the loader has read the whole write, so reload until the overlay names the typo.
    const message = 'content/checks/health.yaml:7 → checks[0].freshnes: unknown key `freshnes` — did you mean `freshness`?';
    const overlay = page.locator('vite-error-overlay');
    let text = '';
    const deadline = Date.now() + 30_000;
    while (!text.includes(message) && Date.now() < deadline) {
      await page.goto(`${baseUrl}/runbooks/reachability/`);
      await overlay.waitFor({ state: 'attached', timeout: 20_000 });
      text = await overlay.evaluate((element) => element.shadowRoot?.textContent ?? '');
      if (!text.includes(message)) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(text).toContain(message);
  } finally {
    await writeFile(file, good);
    await browser.close();
  }
  await pollForStatus(`${baseUrl}/runbooks/reachability/`, 200, 30_000);
}, 150_000);

/** GETs `url` until it answers `status`; returns that body. */
async function pollForStatus(url: string, status: number, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    const response = await fetch(url, { signal: AbortSignal.timeout(15_000) }).catch((error: Error) => error);
    if (!(response instanceof Error)) {
      last = await response.text();
      if (response.status === status) return last;
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`timed out waiting for ${status} from ${url}; last body: ${last.slice(0, 300)}\nserver output:\n${output.slice(-2000)}`);
}
