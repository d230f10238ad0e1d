import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { samplesDir } from '../../tests/ingest/fixtures.ts';
import { parseOpenWebuiLog } from './openwebui-log.ts';

describe('parseOpenWebuiLog', () => {
  test('the seed sample: every probe "Error or no response" fails, DNS from the summary', () => {
    const text = readFileSync(path.join(samplesDir, 'test-openwebui-mcp-2025-09-18.log'), 'utf8');
    const out = parseOpenWebuiLog(text);
    expect(out).toMatchObject({ findings: [{ verdict: 'fail', failureClass: 'dns', line: 7, startedAt: '2025-09-18T08:14:02.000Z', measured: { extra: { probes: 6, failed: 6 } } }] });
  });

  test.each([
    ['some probes answer → degraded', '[1/2] GET /mcp/enabled ... OK (200)\n[2/2] POST /mcp/ tools/list ... Error or no response\n', 'degraded'],
    ['all answer → pass', 'Test 1: initialize: OK\nTest 2: tools/list: PASS\n', 'pass'],
    ['two-line form', 'Testing tools/list...\nResponse: Error or no response\n', 'fail'],
  ])('%s', (_name, text, verdict) => {
    expect(parseOpenWebuiLog(text)).toMatchObject({ findings: [{ verdict }] });
  });

  test('a log without probe lines is unparseable', () => {
    expect(parseOpenWebuiLog('starting…\n')).toMatchObject({ unparseable: { line: 1, reason: expect.stringContaining('no probe result lines') } });
  });
});
