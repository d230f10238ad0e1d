// Issue 28 in the real Chromium: the overall state reads at once, the 90-day bars render, nothing overflows sideways
// on a 390 px phone and every evidence link stays reachable there, no table row wraps at 1366 px, run pages fold
// their transcripts, pills are never clipped, and axe-core finds no serious or critical violation.
import { DOMParser as XmlDomParser } from '@xmldom/xmldom';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { StatusJson } from '../../src/schemas/status.ts';
import { axeViolations } from '../support/axe.ts';
import { screenshot, useServedSite } from '../support/browser.ts';

const WIDTHS = [1366, 390] as const;

async function open(browser: Browser, url: string, width: number, colorScheme: 'light' | 'dark' = 'light'): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => message.type() === 'error' && problems.push(`console error: ${message.text()}`));
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('response', (response) => response.status() >= 400 && problems.push(`HTTP ${response.status()}: ${response.url()}`));
  await page.goto(url, { waitUntil: 'networkidle' });
  return { page, problems };
}

/** How far the page scrolls sideways (0 when nothing overflows). */
const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('the status page and its neighbours, in headless Chromium', () => {
  const site = useServedSite();
  let status: StatusJson;
  let runPage = '';

  async function pages(): Promise<Record<string, string>> {
    if (!status) {
      const { page } = await open(site.browser, `${site.url}/`, 1366);
      status = (await page.evaluate(async () => (await fetch('/status.json')).json())) as StatusJson;
      runPage = (await (await open(site.browser, `${site.url}/status/`, 1366)).page.locator('.pb-o a[href^="/evidence/"]').first().getAttribute('href'))!;
      await page.context().close();
    }
    return { home: '/', status: '/status/', group: `/status/${status.groups.find((group) => group.checks.length > 1)!.id}/`, runbook: '/runbooks/capturing-the-tool-catalog/', secrets: '/runbooks/mcp-servers-and-secrets/', guide: '/clients/codex/', run: runPage };
  }

  test.each(WIDTHS)('at %i px the overall state is the first thing on /status, in its colour, with its rule written out', async (width) => {
    await pages();
    const { page, problems } = await open(site.browser, `${site.url}/status/`, width);
    const overall = page.locator('[data-pb-overall]');
    await expect(overall.getAttribute('data-pb-overall')).resolves.toBe(status.overall.state);
    const box = (await overall.boundingBox())!;
    // Above the fold, below the title: read without scrolling.
    expect(box.y + box.height).toBeLessThan(900);
    const heading = (await overall.locator('h2').textContent())!;
    expect(heading).toMatch(/^(Operational|Degraded|Partial outage|Major outage|Maintenance|Unknown)/);
    const colour = await overall.evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(colour).not.toMatch(/rgba?\(0, 0, 0, 0\)|transparent/);
    await expect(page.locator('.pb-rule').textContent()).resolves.toMatch(/more than half of the origins that report on it fail/);
    await screenshot(page, `status-${width}`);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  test.each(WIDTHS)('at %i px every check has a 90-day bar that renders, linked to a group page whose cells carry their text', async (width) => {
    await pages();
    const { page, problems } = await open(site.browser, `${site.url}/status/`, width);
    const bars = page.locator('.pb-bar img');
    const checks = status.groups.reduce((n, group) => n + group.checks.length, 0);
    expect(await bars.count()).toBe(checks);
    const drawn = await bars.evaluateAll((images) => images.map((image) => [(image as HTMLImageElement).complete && (image as HTMLImageElement).naturalWidth, image.getBoundingClientRect().width]));
    for (const [natural, shown] of drawn) {
      expect(natural).toBe(270);
      expect(shown).toBeGreaterThan(100);
    }
    await page.locator('.pb-bar').first().click();
    await page.waitForURL(/\/status\/[^/]+\/#/);
    const cells = page.locator('.pb-days').first().locator('li');
    expect(await cells.count()).toBe(status.historyRange.days);
    // Keyboard: a focused cell shows its own text (date, uptime, runs).
    await cells.last().focus();
    const label = cells.last().locator('span');
    expect(await label.textContent()).toMatch(new RegExp(`^${status.historyRange.to}: (\\d+(\\.\\d+)?% up over \\d+ runs?|no runs)`));
    expect((await label.boundingBox())!.width).toBeGreaterThan(50);
    await screenshot(page, `status-group-${width}`);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  test('at 1366 px no row of the check tables wraps to a second line', async () => {
    const { group } = await pages();
    for (const path of ['/status/', group]) {
      const { page } = await open(site.browser, `${site.url}${path}`, 1366);
      const rows = await page.locator('table.pb-checks tbody tr, table.pb-t tbody tr').evaluateAll((trs) =>
        trs.map((tr) => ({ id: tr.id || tr.textContent!.slice(0, 40), height: tr.getBoundingClientRect().height, line: parseFloat(getComputedStyle(tr.querySelector('th, td')!).lineHeight) })),
      );
      expect(rows.length).toBeGreaterThan(3);
      for (const row of rows) expect(row.height, `${path} ${row.id}`).toBeLessThan(2 * row.line);
      await page.context().close();
    }
  });

  test('at 390 px no page overflows sideways, every evidence link on /status is reachable, and pills are never clipped', async () => {
    for (const [name, path] of Object.entries(await pages())) {
      for (const colorScheme of ['light', 'dark'] as const) {
        const { page, problems } = await open(site.browser, `${site.url}${path}`, 390, colorScheme);
        expect(await sideways(page), `${name} (${colorScheme}) scrolls sideways`).toBe(0);
        // A pill shows all of its text and no ancestor that scrolls or hides cuts it off.
        const clipped = await page.locator('main .pb-pill').evaluateAll((pills) =>
          pills.filter((pill) => {
            if (pill.scrollWidth > pill.clientWidth + 1) return true;
            const box = pill.getBoundingClientRect();
            for (let up = pill.parentElement; up; up = up.parentElement) {
              if (getComputedStyle(up).overflowX === 'visible') continue;
              const frame = up.getBoundingClientRect();
              if (box.left < frame.left - 1 || box.right > frame.right + 1) return true;
            }
            return false;
          }).map((pill) => pill.textContent),
        );
        expect(clipped, `${name}: clipped pills`).toEqual([]);
        if (colorScheme === 'light') await screenshot(page, `${name}-390`);
        expect(problems).toEqual([]);
        await page.context().close();
      }
    }
    const { page } = await open(site.browser, `${site.url}/status/`, 390);
    await page.locator('.pb-checks details').evaluateAll((all) => all.forEach((details) => ((details as HTMLDetailsElement).open = true)));
    const links = page.locator('.pb-checks a[href^="/evidence/"]');
    expect(await links.count()).toBeGreaterThan(10);
    for (const link of await links.all()) {
      await link.scrollIntoViewIfNeeded();
      const box = (await link.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
    }
    await page.locator('.pb-checks a[href^="/evidence/"]').last().click();
    await page.waitForURL(/\/evidence\//);
    await page.context().close();
  }, 120_000);

  test('a run page folds its transcripts, lists each check in On this page, and never clips a summary', async () => {
    const { run } = await pages();
    for (const width of WIDTHS) {
      const { page, problems } = await open(site.browser, `${site.url}${run}`, width);
      const artifacts = page.locator('details.pb-artifact');
      expect(await artifacts.count()).toBeGreaterThan(5);
      expect(await artifacts.evaluateAll((all) => all.filter((details) => (details as HTMLDetailsElement).open).length)).toBe(0);
      const checks = await page.locator('.pb-run-check h3').evaluateAll((headings) => headings.map((h) => h.id));
      expect(checks.length).toBeGreaterThan(10);
      const toc = await page.locator('starlight-toc a, mobile-starlight-toc a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      for (const id of checks) expect(toc, id).toContain(`#${id}`);
      const clipped = await page.locator('.pb-summary').evaluateAll((all) => all.filter((p) => p.scrollWidth > p.clientWidth + 1).length);
      expect(clipped).toBe(0);
      expect(await sideways(page)).toBe(0);
      await artifacts.first().locator('summary').click();
      await expect(artifacts.first().locator('pre').first().isVisible()).resolves.toBe(true);
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      // Folded, a check takes 250-950 px at 390 px (its row in the table and its section; 26 checks: 22,300 px);
      // one transcript left open runs to thousands, so the page grew to 40,000 px when they all were.
      expect(height).toBeLessThan(checks.length * 1_000);
      await screenshot(page, `run-page-${width}`);
      expect(problems).toEqual([]);
      await page.context().close();
    }
  });

  test('axe-core finds no serious or critical violation on the home page, /status, a group page, a runbook, a client guide and a run page', async () => {
    const found: Record<string, unknown[]> = {};
    for (const [name, path] of Object.entries(await pages())) {
      for (const [width, colorScheme] of [[1366, 'light'], [390, 'dark']] as const) {
        const { page } = await open(site.browser, `${site.url}${path}`, width, colorScheme);
        const violations = await axeViolations(page);
        if (violations.length > 0) found[`${name} ${width} ${colorScheme}`] = violations;
        await page.context().close();
      }
    }
    expect(found).toEqual({});
  }, 180_000);

  test('the incident and the maintenance window show on /status, in status.json and in the Atom feed (parsed as XML)', async () => {
    await pages();
    const { page } = await open(site.browser, `${site.url}/status/`, 1366);
    await expect(page.locator('[data-pb-incident="2025-09-18-lan-dns-ingress"] h3').textContent()).resolves.toMatch(/^LAN DNS and ingress unreachable from the Codex sandbox/);
    await expect(page.locator('[data-pb-maintenance="secrets-restart"]').count()).resolves.toBe(1);
    expect(status.incidents.map((incident) => [incident.id, incident.isActive])).toEqual([['2025-09-18-lan-dns-ingress', true]]);
    expect(status.maintenance.map((window) => window.id)).toEqual(['secrets-restart']);
    for (const check of status.groups.flatMap((group) => group.checks)) expect(Object.keys(check.uptime)).toEqual(['24h', '7d', '30d', '90d']);
    const feed = await page.evaluate(async () => {
      const response = await fetch('/status/feed.xml');
      return { type: response.headers.get('content-type'), text: await response.text() };
    });
    expect(feed.type).toMatch(/xml/);
    // Chromium's own XML parser, and a second one in Node.
    const inBrowser = await page.evaluate((text) => {
      const xml = new DOMParser().parseFromString(text, 'application/xml');
      return { errors: xml.getElementsByTagName('parsererror').length, root: xml.documentElement?.namespaceURI, titles: [...xml.getElementsByTagNameNS('http://www.w3.org/2005/Atom', 'entry')].map((entry) => entry.getElementsByTagName('title')[0]!.textContent) };
    }, feed.text);
    expect(inBrowser.errors).toBe(0);
    expect(inBrowser.root).toBe('http://www.w3.org/2005/Atom');
    expect(inBrowser.titles).toEqual(expect.arrayContaining([expect.stringMatching(/^LAN DNS and ingress unreachable/), expect.stringMatching(/^Maintenance \((scheduled|in progress)\): Weekly LiteLLM restart/)]));
    const errors: string[] = [];
    const doc = new XmlDomParser({ onError: (level, message) => errors.push(`${level}: ${message}`) }).parseFromString(feed.text, 'application/xml');
    expect(errors).toEqual([]);
    expect(doc.documentElement!.getElementsByTagName('entry').length).toBe(2);
    // A runbook backed by an affected check shows the incident, linked to /status.
    await page.goto(`${site.url}/runbooks/capturing-the-tool-catalog/`, { waitUntil: 'networkidle' });
    const banner = page.locator('[data-pb-incident-banner]');
    await expect(banner.getAttribute('data-pb-incident-banner')).resolves.toBe('2025-09-18-lan-dns-ingress');
    await expect(banner.locator('a[href="/status/#incident-2025-09-18-lan-dns-ingress"]').count()).resolves.toBe(1);
    await page.context().close();
  });
});
