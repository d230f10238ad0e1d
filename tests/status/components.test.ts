import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, test } from 'vitest';
import EvidenceBanner from '../../src/site/components/status/EvidenceBanner.astro';
import DayBar from '../../src/site/components/status/DayBar.astro';
import GroupCard from '../../src/site/components/status/GroupCard.astro';
import StatusTable from '../../src/site/components/status/StatusTable.astro';
import { checkPillHtml, fillCheckPills } from '../../src/site/components/status/pill-html.ts';
import { checkPlaceholderHtml, outstandingPlaceholderHtml } from '../../src/site/markdown/check-directive.ts';
import { judgePage } from '../../src/status/page-state.ts';
import { summariseStatus } from '../../src/status/summarise.ts';
import { makeRecord, NOW } from '../support/evidence-fixtures.ts';
import { check } from './fixtures.ts';

const model = summariseStatus({
  now: NOW,
  checks: [check('mcp.tools-list', 24, { docs: '/runbooks/capturing-the-tool-catalog/' }), check('mcp.initialize')],
  records: [
    makeRecord({ checkId: 'mcp.tools-list', origin: 'lan-host', hoursAgo: 2, measured: { status: 200, latencyMs: 12, toolsByServer: { mcp_postgres: 1 } } }),
    makeRecord({ checkId: 'mcp.tools-list', verdict: 'fail', failureClass: 'dns' }),
  ],
  historyDays: 5,
});

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

describe('status table', () => {
  test('a row per target × origin of a check, evidence links only to built runs', async () => {
    const html = await container.renderToString(StatusTable, {
      props: { check: model.checks.get('mcp.tools-list')!, evidenceRuns: new Set(['20261124T130000Z-lan-host-abcd']) },
    });
    expect(html.match(/<tr/g)?.length).toBe(3); // header + 2 rows
    expect(html).toContain('<span class="pb-pill pb-limited">origin limitation</span>');
    expect(html).toContain('dns; passes from lan-host');
    expect(html).toContain('200 · 12 ms · mcp_postgres 1');
    expect(html).toContain('<a href="/evidence/20261124T130000Z-lan-host-abcd/">run</a>');
    expect(html).toContain('<small>20261124T140000Z-sandbox-abcd</small>');
    expect(html).not.toContain('data-astro-cid');
    const missing = await container.renderToString(StatusTable, { props: { check: model.checks.get('mcp.initialize')!, evidenceRuns: new Set() } });
    expect(missing).toContain('<span class="pb-pill pb-missing">no evidence</span>');
  });

  test('a group card: a row per check with its state, bar image, uptime and evidence per origin behind a disclosure', async () => {
    const html = await container.renderToString(GroupCard, { props: { group: model.groups[0]!, evidenceRuns: new Set(['20261124T130000Z-lan-host-abcd']) } });
    expect(html.match(/<tr id=/g)?.length).toBe(2);
    expect(html).toContain('<a href="/runbooks/capturing-the-tool-catalog/">mcp.tools-list</a>');
    expect(html).toContain('<img src="/badges/history/mcp.tools-list.svg" alt="5 days: 5 no runs">');
    expect(html).toContain('<a class="pb-bar" href="/status/mcp/#mcp.tools-list">');
    expect(html).toMatch(/<details><summary>2 origins<\/summary><ul class="pb-o"><li><a href="\/evidence\/20261124T130000Z-lan-host-abcd\/">lan-host<\/a> <span class="pb-pill pb-pass">passing<\/span>/);
    expect(html).toContain('<span class="pb-none">none yet</span>');
    expect(html).not.toContain('data-astro-cid');
  });
});

describe('evidence banner', () => {
  test('names each problem and since when, and the build time', async () => {
    const html = await container.renderToString(EvidenceBanner, { props: { evidence: judgePage(model, ['mcp.initialize', 'mcp.tools-list']), builtAt: NOW.toISOString() } });
    expect(html).toContain('data-pb-banner="missing"');
    expect(html).toMatch(/<code>mcp.initialize<\/code><\/a> is <strong>no evidence<\/strong>\s*\(nothing recorded yet\)/);
    expect(html).toContain('2026-11-24 15:00 UTC');
  });

  test('a page whose evidence passes says when and from where', async () => {
    const html = await container.renderToString(EvidenceBanner, { props: { evidence: judgePage(model, ['mcp.tools-list']), builtAt: NOW.toISOString() } });
    expect(html).toMatch(/Verified <time[^>]*>2h<\/time> ago\s+against internal from lan-host/);
  });
});

describe('inline pills and history', () => {
  test('placeholders from the Markdown plugin become live pills', () => {
    const html = `<p>See ${checkPlaceholderHtml('mcp.tools-list')} and ${checkPlaceholderHtml('clients.cursor')}.</p>`;
    const filled = fillCheckPills(html, (id) => model.checks.get(id));
    expect(filled).toBe(
      `<p>See ${checkPillHtml('mcp.tools-list', model.checks.get('mcp.tools-list'))} and <a class="pb-check" href="/status/#clients.cursor"><code>clients.cursor</code> <span class="pb-pill pb-missing">no evidence</span></a>.</p>`,
    );
    expect(filled).toContain('<span class="pb-pill pb-limited">origin limitation</span> <time datetime="2026-11-24T14:00:00.000Z"');
  });

  test('the day bar: a focusable cell per day whose text says the date, uptime and runs', async () => {
    const check = { id: 'a.one', history: 'pf-', days: [[10, 0, 0, 0, 0, 0], [7, 1, 2, 1, 0, 0], [0, 0, 0, 0, 0, 0]] as [number, number, number, number, number, number][] };
    const html = await container.renderToString(DayBar, { props: { check, from: '2026-11-22' } });
    expect(html).toBe(
      '<ol class="pb-days" aria-label="Daily history of a.one, oldest first">' +
        '<li class="m-p" tabindex="0"><span>2026-11-22: 100% up over 10 runs</span></li>' +
        '<li class="m-f" tabindex="0"><span>2026-11-23: 80% up over 10 runs; 2 failures, 1 degraded, 1 passed after a retry</span></li>' +
        '<li class="m-n" tabindex="0"><span>2026-11-24: no runs</span></li></ol>',
    );
  });
});

describe('outstanding items in the page', () => {
  test('an :outstanding[…] placeholder becomes the item state, naming what holds it open and why', () => {
    const item = { id: 'codex-workflow', title: 'Codex', detail: 'd', closes: [{ check: 'clients.codex-cli' }] };
    const open = { item, closes: [{ check: 'clients.codex-cli', state: 'missing' as const, reason: 'only demo evidence, which closes nothing' }], isReadyToClose: false };
    const html = fillCheckPills(`<p>State: ${outstandingPlaceholderHtml('codex-workflow')}</p>`, () => undefined, (id) => (id === 'codex-workflow' ? open : undefined));
    expect(html).toContain('data-pb-outstanding="open"');
    expect(html).toContain('<code>clients.codex-cli</code> <span class="pb-pill pb-missing">no evidence</span> <small>only demo evidence, which closes nothing</small>');
    const ready = fillCheckPills(outstandingPlaceholderHtml('codex-workflow'), () => undefined, () => ({ ...open, closes: [{ check: 'clients.codex-cli', state: 'pass' as const }], isReadyToClose: true }));
    expect(ready).toContain('data-pb-outstanding="ready"');
  });
});
