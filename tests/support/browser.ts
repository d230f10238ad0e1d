import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { projectRoot } from './site.ts';

/** Screenshots land here; `.ci/run` keeps the folder. */
export const screenshotDir = path.join(projectRoot, 'test-results/screenshots');

/** Debian's Chromium, headless, with the flags that keep it off the network (it phones home otherwise). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
    timeout: 30_000,
  });
}

/** Problems a page had: console errors, uncaught exceptions and failed or 4xx/5xx requests. */
export interface PageProblems {
  list: string[];
}

/** Opens a page that records every console error, page error and failed request into `problems`. */
export async function openWatchedPage(browser: Browser, colorScheme: 'light' | 'dark' = 'light'): Promise<{ page: Page; problems: PageProblems }> {
  const context = await browser.newContext({ colorScheme, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems: PageProblems = { list: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') problems.list.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.list.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.list.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.list.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return { page, problems };
}

/** Chromium cannot capture a page taller than this in one image. */
const MAX_CAPTURE_HEIGHT = 12_000;

/** Saves a screenshot named after the page: the whole page, or its top part when the page is very tall. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const width = page.viewportSize()?.width ?? 1280;
  if (height <= MAX_CAPTURE_HEIGHT) await page.screenshot({ path: file, fullPage: true });
  else await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y: 0, width, height: MAX_CAPTURE_HEIGHT } });
  return file;
}

/**
 * Registers hooks that serve the shared built site on loopback and launch Chromium for the tests of one file.
 * Read `site.browser` and `site.url` inside tests.
 */
export function useServedSite(): { browser: Browser; url: string } {
  const site = {} as { browser: Browser; url: string };
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const [{ builtSite }, { serveStatic }] = await Promise.all([import('./site.ts'), import('./static-server.ts')]);
    const [browser, server] = await Promise.all([launchChromium(), builtSite().then(serveStatic)]);
    Object.assign(site, { browser, url: server.url });
    close = server.close;
  }, 400_000);
  afterAll(async () => {
    await site.browser?.close();
    await close?.();
  });
  return site;
}
