import { describe, expect, test } from 'vitest';
import { sidebarMarkOf } from '../../src/site/overrides/sidebar-marks.ts';
import type { RowState } from '../../src/status/model.ts';
import { openWatchedPage, screenshot, useServedSite } from '../support/browser.ts';

describe('evidence on the built site, in headless Chromium', () => {
  const site = useServedSite();

  test('/status shows a verdict and an age for every check, and its 90-day bars render', async () => {
    const { page, problems } = await openWatchedPage(site.browser);
    await page.goto(`${site.url}/status/`, { waitUntil: 'networkidle' });
    const rows = page.locator('table.pb-checks tbody tr');
    expect(await rows.count()).toBeGreaterThanOrEqual(19);
    for (const row of await rows.all()) {
      await expect(row.locator('.pb-pill').first().isVisible()).resolves.toBe(true);
      expect((await row.locator('time').first().textContent())?.trim()).toMatch(/^(<1m|\d+[mhd]( \d+[mhd])?)$/);
    }
    const pills = await page.locator('table .pb-pill').allTextContents();
    expect(pills).toContain('passing');
    const bars = page.locator('.pb-bar img');
    expect(await bars.count()).toBeGreaterThanOrEqual(19);
    const box = await bars.first().boundingBox();
    expect(box?.width).toBeGreaterThan(50);
    expect(box?.height).toBeGreaterThan(4);
    expect(await bars.first().evaluate((image) => (image as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    await screenshot(page, 'status');
    expect(problems.list).toEqual([]);
    await page.context().close();
  });

  test('an evidence page, reached from /status, lists the run and its redacted raw transcripts', async () => {
    const { page, problems } = await openWatchedPage(site.browser);
    await page.goto(`${site.url}/status/`, { waitUntil: 'networkidle' });
    // A check's evidence per origin is behind its disclosure.
    const details = page.locator('.pb-checks details').filter({ has: page.locator('a[href^="/evidence/"]') }).first();
    await details.locator('summary').click();
    const link = details.locator('a[href^="/evidence/"]').first();
    const href = await link.getAttribute('href');
    await link.click();
    await page.waitForURL(`**${href}`);
    await expect(page.locator('h1').first().textContent()).resolves.toMatch(/^Run \d{8}T\d{6}Z-local-[0-9a-f]{4}/);
    expect(await page.locator('table tbody tr').count()).toBeGreaterThan(10);
    // Transcripts are folded: open the first.
    await page.locator('details.pb-artifact summary').first().click();
    const transcript = page.locator('details.pb-artifact .expressive-code pre').first();
    await expect(transcript.isVisible()).resolves.toBe(true);
    expect(await transcript.textContent()).toMatch(/HTTP|POST|GET/);
    expect(await page.content()).not.toMatch(/sk-canary-/);
    await screenshot(page, 'evidence');
    expect(problems.list).toEqual([]);
    await page.context().close();
  });

  test('a runbook whose evidence is stale says so in a banner, linking to the check', async () => {
    const { page, problems } = await openWatchedPage(site.browser);
    await page.goto(`${site.url}/runbooks/capturing-the-tool-catalog/`, { waitUntil: 'networkidle' });
    const banner = page.locator('aside[data-pb-banner]');
    await expect(banner.isVisible()).resolves.toBe(true);
    const text = await banner.textContent();
    expect(text).toMatch(/sse\.heartbeat\s+is stale/);
    await expect(banner.locator('a[href="/status/#sse.heartbeat"]').count()).resolves.toBe(1);
    await screenshot(page, 'runbook-stale-banner');
    // The sidebar marks the page with the banner's verdict wherever it is shown: on docs pages and on pages
    // built with StarlightPage; a page that declares no checks gets no mark.
    const expected = sidebarMarkOf((await banner.getAttribute('data-pb-banner')) as RowState)?.text;
    expect(expected).toBeDefined();
    const mark = page.locator('nav.sidebar a[href="/runbooks/capturing-the-tool-catalog/"] .pb-mark');
    await expect(mark.textContent()).resolves.toBe(expected);
    await page.goto(`${site.url}/status/`, { waitUntil: 'networkidle' });
    await expect(mark.textContent()).resolves.toBe(expected);
    await expect(page.locator('nav.sidebar a[href="/reference/demo-gateway/"] .pb-mark').count()).resolves.toBe(0);
    expect(problems.list).toEqual([]);
    await page.context().close();
  });

  test('a client guide switches tabs and its copy button copies the generated snippet', async () => {
    const { page, problems } = await openWatchedPage(site.browser);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
    await page.goto(`${site.url}/clients/codex/`, { waitUntil: 'networkidle' });

    const tablist = page.locator('starlight-tabs').filter({ has: page.getByRole('tab', { name: 'External' }) }).first();
    const lan = tablist.getByRole('tab', { name: /LAN/ });
    const external = tablist.getByRole('tab', { name: 'External' });
    await expect(lan.getAttribute('aria-selected')).resolves.toBe('true');
    const externalPanel = tablist.locator(`#${await external.getAttribute('aria-controls') ?? (await external.getAttribute('href'))?.slice(1)}`);
    await expect(externalPanel.isVisible()).resolves.toBe(false);
    await external.click();
    await expect(external.getAttribute('aria-selected')).resolves.toBe('true');
    await expect(externalPanel.isVisible()).resolves.toBe(true);
    await screenshot(page, 'client-guide-external-tab');

    const code = externalPanel.locator('.expressive-code').filter({ hasText: 'mcp_servers' }).first();
    const expected = (await code.locator('pre').textContent()) ?? '';
    await code.locator('.copy button').click({ force: true });
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('bearer_token_env_var = "LITELLM_API_KEY"');
    expect(copied).toContain('https://litellm.example.com');
    expect(copied.replace(/\s+/g, '')).toBe(expected.replace(/\s+/g, ''));
    expect(problems.list).toEqual([]);
    await page.context().close();
  });
});
