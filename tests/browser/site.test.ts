import { describe, expect, test } from 'vitest';
import { openWatchedPage, screenshot, useServedSite } from '../support/browser.ts';

describe('the built site in headless Chromium', () => {
  const site = useServedSite();

  test('the home page renders with the sidebar and no console errors or failed requests', async () => {
    const { page, problems } = await openWatchedPage(site.browser);
    await page.goto(`${site.url}/`, { waitUntil: 'networkidle' });
    await expect(page.locator('h1').first().textContent()).resolves.toBe('Proofbook');
    await expect(page.locator('nav[aria-label="Main"] a[href="/runbooks/gateway-routing/"]').count()).resolves.toBe(1);
    await screenshot(page, 'home');
    expect(problems.list).toEqual([]);
    await page.context().close();
  });

  test('after npm start, every page with evidence says it is demo or sample evidence, and /status counts none as real', async () => {
    const { page, problems } = await openWatchedPage(site.browser);
    await page.goto(`${site.url}/`, { waitUntil: 'networkidle' });
    const links = [...new Set(await page.locator('nav.sidebar a[href^="/"]').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')!)))];
    const withEvidence: string[] = [];
    for (const href of links) {
      await page.goto(`${site.url}${href}`, { waitUntil: 'networkidle' });
      if ((await page.locator('[data-pb-banner]').count()) === 0) continue;
      withEvidence.push(href);
      const said = await page.locator('[data-pb-provenance]').first().getAttribute('data-pb-provenance').catch(() => null);
      expect(said, `${href} shows evidence without saying where it came from`).toMatch(/^(demo|sample)( (demo|sample))?$/);
    }
    expect(withEvidence.length).toBeGreaterThan(8);
    await page.goto(`${site.url}/status/`, { waitUntil: 'networkidle' });
    await expect(page.locator('[data-pb-provenance-counts]').textContent()).resolves.toMatch(/^0 real, \d+ from the demo gateway, \d+ hand-written samples$/);
    // The demo gateway names the LiteLLM version it imitates: the versions list says whose claim that is.
    const versions = await page.locator('[data-pb-versions] li').allTextContents();
    expect(versions.length).toBeGreaterThan(0);
    for (const entry of versions) expect(entry).toMatch(/^\s*demo · \S+: the demo gateway \(a stand-in, not LiteLLM\) reports LiteLLM \d/);
    expect(problems.list).toEqual([]);
    await page.context().close();
  });

  test('Pagefind search finds a runbook by a word that only appears in its body', async () => {
    const { page, problems } = await openWatchedPage(site.browser);
    await page.goto(`${site.url}/`, { waitUntil: 'networkidle' });
    await page.locator('button[data-open-modal]').first().click();
    const input = page.locator('#starlight__search .pagefind-ui__search-input');
    await input.waitFor();
    await input.pressSequentially('HeaderRegexp');
    const firstResult = page.locator('#starlight__search .pagefind-ui__result-link').first();
    await firstResult.waitFor({ timeout: 15_000 });
    const hrefs = await page.locator('#starlight__search .pagefind-ui__result-link').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs).toContain('/runbooks/gateway-routing/');
    await screenshot(page, 'search');
    expect(problems.list).toEqual([]);
    await page.context().close();
  });

  test('the theme switch toggles between dark and light', async () => {
    const { page, problems } = await openWatchedPage(site.browser, 'light');
    await page.goto(`${site.url}/runbooks/gateway-routing/`, { waitUntil: 'networkidle' });
    const select = page.locator('starlight-theme-select select').first();
    await select.selectOption('dark');
    await expect(page.locator('html').getAttribute('data-theme')).resolves.toBe('dark');
    const darkBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await screenshot(page, 'runbook-dark');
    await select.selectOption('light');
    await expect(page.locator('html').getAttribute('data-theme')).resolves.toBe('light');
    const lightBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(lightBackground).not.toBe(darkBackground);
    await screenshot(page, 'runbook-light');
    expect(problems.list).toEqual([]);
    await page.context().close();
  });

  test('status.json, junit.xml and a badge are served, and junit.xml (parsed by the browser) has a case per status row', async () => {
    const { page, problems } = await openWatchedPage(site.browser);
    await page.goto(`${site.url}/`, { waitUntil: 'networkidle' });
    const outputs = await page.evaluate(async () => {
      const status = (await (await fetch('/status.json')).json()) as { groups: { id: string; checks: { id: string; state: string; rows: { state: string }[] }[] }[] };
      const xml = new DOMParser().parseFromString(await (await fetch('/junit.xml')).text(), 'application/xml');
      const badge = await fetch(`/badges/${status.groups[0]!.checks[0]!.id}.svg`);
      return {
        parseErrors: xml.getElementsByTagName('parsererror').length,
        expected: status.groups.map((group) => ({ id: group.id, cases: group.checks.reduce((n, check) => n + Math.max(check.rows.length, 1), 0) })),
        suites: [...xml.getElementsByTagName('testsuite')].map((suite) => ({ id: suite.getAttribute('name'), cases: suite.getElementsByTagName('testcase').length })),
        // A check with no rows is one failing "missing" case.
        failing: status.groups.flatMap((group) => group.checks.flatMap((check) => (check.rows.length ? check.rows : [{ state: 'missing' }]))).filter((row) => ['fail', 'degraded', 'stale', 'missing'].includes(row.state)).length,
        failures: xml.getElementsByTagName('failure').length,
        badgeType: badge.headers.get('content-type'),
      };
    });
    expect(outputs.parseErrors).toBe(0);
    expect(outputs.suites).toEqual(outputs.expected);
    expect(outputs.failing).toBeGreaterThan(0);
    expect(outputs.failures).toBe(outputs.failing);
    expect(outputs.badgeType).toMatch(/^image\/svg\+xml/);
    expect(problems.list).toEqual([]);
    await page.context().close();
  });
});
