import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { samplesDir } from '../../tests/ingest/fixtures.ts';
import { parseFile, recordOf } from '../../tests/ingest/import-helpers.ts';
import { parseOpenWebuiLog } from './openwebui-log.ts';

describe('parseOpenWebuiLog', () => {
  test('the seed sample: every probe "Error or no response" fails, DNS from the summary', () => {
    const text = readFileSync(path.join(samplesDir, 'test-openwebui-mcp-2025-09-18.log'), 'utf8');
    expect(recordOf('openwebui-test-log', text)).toMatchObject({ checkId: 'clients.open-webui', verdict: 'fail', failureClass: 'dns', source: { line: 7 }, startedAt: '2025-09-18T08:14:02.000Z', measured: { extra: { probes: 6, failed: 6 } } });
  });

  // Was "degraded": one relay rule for results another tool judged (src/checks/reported.ts): a client that cannot do
  // one of its steps (here tools/list) cannot be used, so a failed step fails the check.
  test.each([
    ['some probes answer → fail', '[1/2] GET /mcp/enabled ... OK (200)\n[2/2] POST /mcp/ tools/list ... Error or no response\n', 'fail'],
    ['all answer → pass', 'Test 1: initialize: OK\nTest 2: tools/list: PASS\n', 'pass'],
    ['two-line form', 'Testing tools/list...\nResponse: Error or no response\n', 'fail'],
  ])('%s', (_name, text, verdict) => {
    expect(recordOf('openwebui-test-log', text)).toMatchObject({ verdict });
  });

  test('a log without probe lines is unparseable', () => {
    expect(parseFile(parseOpenWebuiLog, 'starting…\n')).toMatchObject({ unparseable: { line: 1, reason: expect.stringContaining('no probe result lines') } });
  });
});
