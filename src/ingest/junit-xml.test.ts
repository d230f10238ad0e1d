import { describe, expect, test } from 'vitest';
import { importText, parseFile } from '../../tests/ingest/import-helpers.ts';
import { parseJunitXml } from './junit-xml.ts';

const xml = `<?xml version="1.0" encoding="UTF-8"?>
<testsuites tests="3" failures="1">
  <testsuite name="gateway" tests="3">
    <testcase classname="gateway" name="mcp.tools-list" time="0.412"/>
    <testcase classname="gateway" name="sse.heartbeat" time="15.2">
      <failure message="no ping within 30 s">timeout</failure>
    </testcase>
    <testcase classname="other" name="renders home page" time="0.1"><skipped/></testcase>
  </testsuite>
</testsuites>
`;

describe('parseJunitXml', () => {
  test('the whole report for the meta file\'s checks, plus one record per testcase named after a check', () => {
    const artifact = importText('junit-xml', xml, ['clients.curl']);
    expect(artifact.records).toMatchObject([
      { checkId: 'clients.curl', verdict: 'fail', summary: 'JUnit: 3 steps, 1 passed, 1 failed, 0 errors, 1 skipped', source: { line: 2 } },
      { checkId: 'mcp.tools-list', verdict: 'pass', source: { line: 4 }, measured: { latencyMs: 412 } },
      { checkId: 'sse.heartbeat', verdict: 'fail', failureClass: 'expectation', summary: expect.stringContaining('no ping within 30 s') },
    ]);
  });

  test('without a meta file only the testcases that name a check become records', () => {
    expect(importText('junit-xml', xml).records.map((r) => r.checkId)).toEqual(['mcp.tools-list', 'sse.heartbeat']);
  });

  test('a report without a meta file whose testcases name no check needs a meta file', () => {
    const other = '<testsuites><testsuite name="s"><testcase name="renders home page"/></testsuite></testsuites>\n';
    expect(importText('junit-xml', other)).toMatchObject({ records: [], unparseable: { reason: expect.stringMatching(/^needs a meta file: a JUnit report as a whole/) } });
  });

  test.each([
    ['truncated inside a testcase', xml.slice(0, xml.indexOf('</testcase>')), /unclosed <testcase>/],
    ['truncated after the last testcase', xml.slice(0, xml.indexOf('</testsuite>')), /missing <\/testsuites>/],
    ['not JUnit', '<html></html>', /not JUnit XML/],
  ])('%s is unparseable', (_name, text, reason) => {
    const out = parseFile(parseJunitXml, text);
    expect('unparseable' in out && out.unparseable.reason).toMatch(reason);
  });
});
