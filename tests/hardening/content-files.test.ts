// Issue 25 items 8 and 10: content files are read by strict readers. A YAML alias bomb in any of them stops every
// stage with the file and line (the probe exits 2); a link that is not a site path or an http(s) URL
// (`javascript:…`) is refused in the schema, and never rendered as a working link either.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseBaselineFile } from '../../src/config/baseline-file.ts';
import { parseChecksFile } from '../../src/config/checks-file.ts';
import { parseGatewayFile } from '../../src/config/gateway-file.ts';
import { parseOutstandingFile } from '../../src/config/outstanding-file.ts';
import { isSiteLink } from '../../src/schemas/site-link.ts';
import GroupCard from '../../src/site/components/status/GroupCard.astro';
import { summariseStatus } from '../../src/status/summarise.ts';
import { spawnProbe } from '../probes/cli-fixture.ts';
import { tempDir } from '../probes/helpers.ts';
import { NOW } from '../support/evidence-fixtures.ts';
import { check } from '../status/fixtures.ts';

const BOMB = ['bomb:', '  a: &a [x, x, x, x, x, x, x, x, x]', '  b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]', '  c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]', '  d: [*c, *c, *c, *c, *c, *c, *c, *c, *c]'].join('\n');

describe('YAML alias bombs (item 8)', () => {
  test.each([
    ['content/gateway.yaml', (text: string) => parseGatewayFile(text, 'content/gateway.yaml'), 'schemaVersion: 1\nname: g\n'],
    ['content/checks/x.yaml', (text: string) => parseChecksFile(text, 'content/checks/x.yaml'), 'checks: []\n'],
    ['content/baseline.yaml', (text: string) => parseBaselineFile(text, 'content/baseline.yaml'), 'schemaVersion: 1\nentries: []\n'],
    ['content/outstanding.yaml', (text: string) => parseOutstandingFile(text, 'content/outstanding.yaml'), 'schemaVersion: 1\nitems: []\n'],
  ])('%s: a located error, not a resource exhaustion', (file, parse, head) => {
    const started = performance.now();
    expect(() => parse(`${head}${BOMB}\n`)).toThrow(new RegExp(`^Invalid [^\\n]+:\\n${file.replace(/[./]/g, '\\$&')}:\\d+ → \\(root\\): YAML aliases expand too far`));
    expect(performance.now() - started).toBeLessThan(1000);
  });

  let scratch: Awaited<ReturnType<typeof tempDir>>;
  beforeAll(async () => {
    scratch = await tempDir('proofbook-bomb-');
  });
  afterAll(() => scratch?.remove());

  test('the probe exits 2 naming the file and line of the bomb', async () => {
    await mkdir(path.join(scratch.dir, 'content/checks'), { recursive: true });
    await writeFile(path.join(scratch.dir, 'content/gateway.yaml'), 'schemaVersion: 1\nname: litellm\nenvironments:\n  demo: { label: t, baseUrl: "http://127.0.0.1:9", keyEnv: K, servers: [s] }\n');
    await writeFile(path.join(scratch.dir, 'content/checks/bomb.yaml'), `checks: []\n${BOMB}\n`);
    const result = await spawnProbe(['--env', 'demo', '--no-write'], { cwd: scratch.dir }).done;
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^Invalid check definitions:\ncontent\/checks\/bomb\.yaml:4 → \(root\): YAML aliases expand too far/);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});

describe('links from content files (item 10)', () => {
  test.each([
    ['/runbooks/reachability/', true],
    ['#known-limitations', true],
    ['https://docs.litellm.ai/docs/mcp', true],
    ['http://intranet.lan/page', true],
    ['javascript:alert(document.cookie)', false],
    ['JavaScript:alert(1)', false],
    [' javascript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['//evil.example/phish', false],
    ['/\\evil.example/phish', false],
    ['vbscript:msgbox(1)', false],
    ['runbooks/relative', false],
    ['https:evil', false],
    ['/ok\u0000javascript:', false],
  ])('%j is a site link: %s', (link, ok) => {
    expect(isSiteLink(link)).toBe(ok);
  });

  test('a check file with docs: javascript:… fails with its file, line and field', () => {
    const text = 'checks:\n  - id: mcp.x\n    title: t\n    kind: mcp\n    docs: "javascript:alert(1)"\n';
    expect(() => parseChecksFile(text, 'content/checks/x.yaml')).toThrow('content/checks/x.yaml:5 → checks[0].docs: Expected a site path such as /runbooks/reachability/ or an http(s) URL');
  });

  test('a baseline doc: javascript:… fails too', () => {
    const text = "schemaVersion: 1\nentries:\n  - check: mcp.x\n    reason: r\n    since: '2026-01-01'\n    doc: 'javascript:alert(1)'\n    failureClass: dns\n";
    expect(() => parseBaselineFile(text)).toThrow(/content\/baseline\.yaml:6 → entries\[0\]\.doc: Expected a site path/);
  });

  test('whatever reaches /status, only a site link becomes a link', async () => {
    const container = await AstroContainer.create();
    const model = summariseStatus({ now: NOW, checks: [check('mcp.evil', 24, { docs: 'javascript:alert(1)' }), check('mcp.good', 24, { docs: '/runbooks/x/' })], records: [], historyDays: 1 });
    // The checks' rows on /status are the group cards (issue 28).
    const html = await container.renderToString(GroupCard, { props: { group: model.groups[0]!, evidenceRuns: new Set<string>() } });
    expect(html).not.toContain('javascript:');
    expect(html).toContain('<a href="/runbooks/x/">mcp.good</a>');
    expect(html).toMatch(/<th scope="row">mcp\.evil<\/th>/);
  });
});
