import { describe, expect, test } from 'vitest';
import { makeRecord, NOW } from '../../tests/support/evidence-fixtures.ts';
import { check } from '../../tests/status/fixtures.ts';
import { renderBadgeSvg, shieldsEndpoint } from './badge.ts';
import { renderJUnit } from './junit.ts';
import { formatAge, formatMeasured } from './present.ts';
import { toStatusJson } from './status-json.ts';
import { summariseStatus } from './summarise.ts';

const model = summariseStatus({
  now: NOW,
  checks: [check('mcp.tools-list'), check('clients.cursor')],
  records: [
    makeRecord({ checkId: 'mcp.tools-list', origin: 'lan-host', measured: { status: 200, latencyMs: 41.6 } }),
    makeRecord({ checkId: 'mcp.tools-list', verdict: 'fail', failureClass: 'dns', summary: 'getaddrinfo ENOTFOUND <host>' }),
  ],
});

describe('JUnit', () => {
  test('one suite per group, limitations skipped, missing evidence fails', () => {
    expect(renderJUnit(model)).toMatchInlineSnapshot(`
      "<?xml version="1.0" encoding="UTF-8"?>
      <testsuites name="proofbook status">
      <testsuite name="clients" tests="1" failures="1" errors="0" skipped="0" timestamp="2026-11-24T15:00:00.000Z">
        <testcase classname="clients" name="clients.cursor" time="0"><failure type="missing" message="no evidence"/></testcase>
      </testsuite>
      <testsuite name="mcp" tests="2" failures="0" errors="0" skipped="1" timestamp="2026-11-24T15:00:00.000Z">
        <testcase classname="mcp" name="mcp.tools-list [internal from lan-host]" time="0"/>
        <testcase classname="mcp" name="mcp.tools-list [internal from sandbox]" time="0"><skipped message="origin limitation (dns from sandbox; passes from lan-host), 1h old, run 20261124T140000Z-sandbox-abcd: getaddrinfo ENOTFOUND &#60;host&#62;"/></testcase>
      </testsuite>
      </testsuites>
      "
    `);
  });
});

describe('badges', () => {
  test('SVG badge names the check and the state, escaped', () => {
    const svg = renderBadgeSvg('a<b', 'fail');
    expect(svg).toContain('aria-label="a&#60;b: failing"');
    expect(svg).toContain('fill="#b3261e"');
  });
  test('Shields endpoint JSON', () => {
    expect(shieldsEndpoint('mcp', 'limited')).toEqual({ schemaVersion: 1, label: 'mcp', message: 'origin limitation', color: 'blueviolet' });
  });
});

describe('presentation', () => {
  test.each([
    [30_000, '<1m'],
    [5 * 60_000, '5m'],
    [3 * 3_600_000 + 5 * 60_000, '3h 5m'],
    [2 * 86_400_000 + 4 * 3_600_000, '2d 4h'],
    [2 * 86_400_000 + 5 * 60_000, '2d'],
  ])('formatAge(%i) = %s', (ms, text) => expect(formatAge(ms)).toBe(text));

  test('measured values in one line', () => {
    expect(formatMeasured({ status: 200, latencyMs: 42, toolsByServer: { mcp_postgres: 1, mcp_filesystem: 14 }, protocolVersion: '2025-06-18', pingCount: 3 })).toBe(
      '200 · 42 ms · mcp_postgres 1, mcp_filesystem 14 · MCP 2025-06-18 · 3 pings',
    );
  });

  test('status.json is plain JSON with a schema version', () => {
    const json = JSON.parse(JSON.stringify(toStatusJson(model)));
    expect(json).toMatchObject({ schemaVersion: 2, generatedAt: '2026-11-24T15:00:00.000Z', summary: { rows: 2, checks: 2 } });
    expect(json.checks).toBeUndefined();
    expect(json.groups[1].checks[0].rows[1].state).toBe('limited');
  });
});
