import { describe, expect, test } from 'vitest';
import path from 'node:path';
import { loadIncidents, parseIncidentFile } from './incidents-file.ts';
import { loadMaintenance, parseMaintenanceFile } from './maintenance-file.ts';

const root = path.resolve(import.meta.dirname, '../..');

describe('content/maintenance.yaml', () => {
  test('a window that is neither one-off nor recurring, a bad cron, zone and duration are named with their line', () => {
    const text = `schemaVersion: 1
windows:
  - id: a
    title: A
    affects: ['*']
  - id: b
    title: B
    affects: [mcp.*]
    cron: '61 4 * * SUN'
    timezone: Europe/Berlin
    duration: 15m
  - id: c
    title: C
    affects: ['mcp.tools-list']
    cron: '0 4 * * SUN'
    timezone: Mars/Olympus
    duration: 15 minutes
  - id: d
    title: D
    affects: ['Not A Check']
    start: 2026-12-20T06:00:00+01:00
    end: 2026-12-20T05:00:00+01:00
`;
    expect(() => parseMaintenanceFile(text)).toThrowErrorMatchingInlineSnapshot(`
      [ProofbookInputError: Invalid maintenance windows:
      content/maintenance.yaml:3 → windows[0].start: missing — give "start" (a one-off window) or "cron" (a recurring one)
      content/maintenance.yaml:9 → windows[1].cron: not a cron pattern croner accepts (CronPattern: Invalid value for minute: 61); e.g. "0 4 * * SUN" is Sundays at 04:00
      content/maintenance.yaml:17 → windows[2].duration: Expected a duration such as "500ms", "30s", "15m", "6h" or "2d", received "15 minutes"
      content/maintenance.yaml:20 → windows[3].affects[0]: Expected a check id such as "mcp.tools-list", a prefix such as "mcp.*", or "*" for every check
      content/maintenance.yaml:22 → windows[3].end: "end" must be after "start" (2026-12-20T06:00:00+01:00)
      hint: one-off: start + duration (or end); recurring: cron + duration + timezone (content/docs/reference/status-page.md)]
    `);
  });

  test('a repeated id names both windows', () => {
    const window = `  - { id: x, title: X, affects: ['*'], start: '2026-12-20T06:00:00Z', duration: 1h }\n`;
    expect(() => parseMaintenanceFile(`schemaVersion: 1\nwindows:\n${window}${window}`)).toThrowErrorMatchingInlineSnapshot(`
      [ProofbookInputError: Invalid maintenance windows:
      content/maintenance.yaml:4 → windows[1].id: duplicate id "x", already used by windows[0]]
    `);
  });

  test('the project file loads', async () => {
    expect((await loadMaintenance(root)).map((window) => window.id)).toEqual(['secrets-restart']);
  });
});

describe('content/incidents/*.md', () => {
  test('errors point at the line in the file, frontmatter lines counted from the top', () => {
    const text = `---
title: Outage
affects: []
timeline:
  - at: 2025-09-18T08:00:00Z
    status: identified
    note: found it
  - at: 2025-09-18T07:00:00Z
    status: investigating
    note: looking
  - { at: 2025-09-18T09:00:00Z, status: resolved, note: fixed, by: me }
---

Body.
`;
    expect(() => parseIncidentFile(text, 'content/incidents/x.md')).toThrowErrorMatchingInlineSnapshot(`
      [ProofbookInputError: Invalid incident:
      content/incidents/x.md:3 → affects: List at least one affected check (a check id, "mcp.*", or "*")
      content/incidents/x.md:11 → timeline[2].by: unknown key \`by\`
      content/incidents/x.md:8 → timeline[1].at: entries go oldest first: 2025-09-18T07:00:00Z is before 2025-09-18T08:00:00Z
      content/incidents/x.md:9 → timeline[1].status: "investigating" cannot follow "identified": stages go investigating → identified → monitoring → resolved
      hint: frontmatter: title, affects (check ids, "mcp.*" or "*"), timeline (at, status, note) (content/docs/reference/status-page.md)]
    `);
  });

  test('a file without frontmatter is refused at line 1', () => {
    expect(() => parseIncidentFile('# Outage\n', 'content/incidents/y.md')).toThrowErrorMatchingInlineSnapshot(`
      [ProofbookInputError: Invalid incident:
      content/incidents/y.md:1 → (root): expected YAML frontmatter between "---" lines at the top of the file
      hint: frontmatter: title, affects (check ids, "mcp.*" or "*"), timeline (at, status, note) (content/docs/reference/status-page.md)]
    `);
  });

  test("the seed's LAN DNS outage is the first incident, still open, with its body", async () => {
    const [incident] = await loadIncidents(root);
    expect(incident).toMatchObject({ id: '2025-09-18-lan-dns-ingress', timeline: [{ status: 'investigating' }, { status: 'identified' }] });
    expect(incident!.body).toMatch(/^The integration status notes of 2025-09-18/);
  });
});
