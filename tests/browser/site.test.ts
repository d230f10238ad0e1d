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
});
