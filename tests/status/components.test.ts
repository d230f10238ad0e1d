import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, test } from 'vitest';
import EvidenceBanner from '../../src/site/components/status/EvidenceBanner.astro';
import StatusTable from '../../src/site/components/status/StatusTable.astro';
import { checkPillHtml, fillCheckPills } from '../../src/site/components/status/pill-html.ts';
import { historySvg } from '../../src/site/components/status/history-svg.ts';
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
  test('a row per check × target × origin, the history beside the first, evidence links only to built runs', async () => {
    const html = await container.renderToString(StatusTable, {
      props: { group: model.groups[0]!, evidenceRuns: new Set(['20261124T130000Z-lan-host-abcd']), historyRange: model.historyRange },
    });
    expect(html.match(/<tr/g)?.length).toBe(4); // header + 2 rows of tools-list + 1 missing initialize
    expect(html).toContain('<a href="/runbooks/capturing-the-tool-catalog/">mcp.tools-list</a>');
    expect(html).toContain('<span class="pb-pill pb-limited">origin limitation</span>');
    expect(html).toContain('dns; passes from lan-host');
    expect(html).toContain('200 · 12 ms · mcp_postgres 1');
    expect(html).toContain('<a href="/evidence/20261124T130000Z-lan-host-abcd/">run</a>');
    expect(html).toContain('<small>20261124T140000Z-sandbox-abcd</small>');
    expect(html).toContain('<span class="pb-pill pb-missing">no evidence</span>');
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

  test('history SVG: the commonest mark is the background, other marks are merged runs of one stroked path', () => {
    expect(historySvg('ppp-ffpf', 'h')).toBe(
      '<svg class="pb-h" width="24" height="10" role="img" aria-label="h"><rect class="p" width="24" height="10"/><path class="f" d="M12 5h6m3 0h3"/><path class="n" d="M9 5h3"/></svg>',
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
