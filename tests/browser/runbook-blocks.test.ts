import { describe, expect, test } from 'vitest';
import { openWatchedPage, screenshot, useServedSite } from '../support/browser.ts';

// The site `npm start` built against the demo gateway, in the real Chromium: a runbook block shows, right under
// its commands and their expected output, what it printed when the pipeline ran it, with its state and age.
describe('runbook blocks in headless Chromium', () => {
  const site = useServedSite();

  test('the open-paths block of the routing runbook shows its output, exit code, age and origin under it', async () => {
    const { page, problems } = await openWatchedPage(site.browser);
    await page.goto(`${site.url}/runbooks/gateway-routing/`, { waitUntil: 'networkidle' });
    const figure = page.locator('figure[data-pb-run="runbook.runbooks.gateway-routing.the-three-routers-1"]');
    await figure.scrollIntoViewIfNeeded();
    await expect(figure.isVisible()).resolves.toBe(true);
    await expect(figure.getAttribute('data-state')).resolves.toBe('pass');
    // Right under the block: the previous element is the expected-output fence, and before it the commands.
    const above = await figure.evaluate((node) => [node.previousElementSibling?.textContent ?? '', node.previousElementSibling?.previousElementSibling?.textContent ?? '']);
    expect(above[0]).toContain('200 /openapi.json');
    expect(above[1]).toContain('for path in /ui /swagger/swagger-ui.css /docs /openapi.json');
    await expect(figure.locator('pre.pb-run-output').innerText()).resolves.toMatch(/^30[1278] \/ui\n200 \/swagger\/swagger-ui\.css\n200 \/docs\n200 \/openapi\.json$/);
    const caption = await figure.locator('figcaption').innerText();
    expect(caption).toMatch(/^passing demo exit 0 · ran (<1m|\d+m) ago against demo from local · \d+ ms · run \d{8}T\d{6}Z-local-[0-9a-f]{4}$/);
    const time = await figure.locator('time').getAttribute('datetime');
    expect(Date.now() - Date.parse(time!)).toBeLessThan(30 * 60_000);
    // The output is legible: dark on light or light on dark, as the theme's code blocks are.
    const colours = await figure.locator('pre.pb-run-output').evaluate((node) => [getComputedStyle(node).color, getComputedStyle(node).backgroundColor]);
    expect(colours[0]).not.toBe(colours[1]);
    await figure.screenshot({ path: (await screenshot(page, 'runbook-block')).replace(/\.png$/, '-figure.png') });
    // The run the caption links to has its page, with its manifest hash.
    await figure.locator('figcaption a').click();
    await page.waitForLoadState('networkidle');
    await expect(page.locator('[data-pb-manifest]').getAttribute('data-pb-manifest')).resolves.toMatch(/^[0-9a-f]{64}$/);
    expect(problems.list).toEqual([]);
    await page.context().close();
  });

  test('status.json has a runbooks group of at least 8 executed blocks, and junit.xml a case for each', async () => {
    const { page, problems } = await openWatchedPage(site.browser);
    await page.goto(`${site.url}/status/`, { waitUntil: 'networkidle' });
    const outputs = await page.evaluate(async () => {
      const status = (await (await fetch('/status.json')).json()) as { groups: { id: string; checks: { id: string; state: string; rows: unknown[] }[] }[] };
      const group = status.groups.find((candidate) => candidate.id === 'runbooks');
      const xml = new DOMParser().parseFromString(await (await fetch('/junit.xml')).text(), 'application/xml');
      const suite = [...xml.getElementsByTagName('testsuite')].find((candidate) => candidate.getAttribute('name') === 'runbooks');
      return {
        executed: group?.checks.filter((check) => check.rows.length > 0).length ?? 0,
        states: [...new Set(group?.checks.map((check) => check.state))],
        cases: [...(suite?.getElementsByTagName('testcase') ?? [])].map((testcase) => testcase.getAttribute('name')?.split(' ')[0]),
        ids: group?.checks.map((check) => check.id) ?? [],
      };
    });
    expect(outputs.executed).toBeGreaterThanOrEqual(8);
    expect(outputs.states).toEqual(['pass']);
    expect(outputs.cases).toEqual(outputs.ids);
    await expect(page.locator('#group-runbooks').isVisible()).resolves.toBe(true);
    expect(problems.list).toEqual([]);
    await page.context().close();
  });
});
