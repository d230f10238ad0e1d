import { describe, expect, test } from 'vitest';
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
  test('aggregate plus one finding per testcase named after a check', () => {
    const out = parseJunitXml(xml);
    expect(out).toMatchObject({
      findings: [
        { verdict: 'fail', summary: 'JUnit: 3 tests, 1 failed, 0 errors, 1 skipped', line: 2 },
        { checkId: 'mcp.tools-list', verdict: 'pass', line: 4, measured: { latencyMs: 412 } },
        { checkId: 'sse.heartbeat', verdict: 'fail', failureClass: 'expectation', summary: expect.stringContaining('no ping within 30 s') },
      ],
    });
  });

  test.each([
    ['truncated inside a testcase', xml.slice(0, xml.indexOf('</testcase>')), /unclosed <testcase>/],
    ['truncated after the last testcase', xml.slice(0, xml.indexOf('</testsuite>')), /missing <\/testsuites>/],
    ['not JUnit', '<html></html>', /not JUnit XML/],
  ])('%s is unparseable', (_name, text, reason) => {
    const out = parseJunitXml(text);
    expect('unparseable' in out && out.unparseable.reason).toMatch(reason);
  });
});
