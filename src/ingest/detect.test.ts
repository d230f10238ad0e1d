import { expect, test } from 'vitest';
import { real } from '../../tests/ingest/fixtures.ts';
import { detectKind } from './detect.ts';

test.each([
  ['codex-mcp-list.txt', 'codex-mcp-list'],
  ['codex-mcp-list-empty.txt', 'codex-mcp-list'],
  ['codex-mcp-list.json', 'codex-mcp-list-json'],
  ['codex-mcp-get.txt', 'codex-mcp-get'],
  ['codex-mcp-get-disabled.txt', 'codex-mcp-get'],
  ['codex-mcp-get.json', 'codex-mcp-get-json'],
  ['codex-doctor-ok.json', 'codex-doctor-json'],
  ['inspector-tools-list.json', 'inspector-cli'],
  ['inspector-tools-list-format-json.json', 'inspector-cli'],
  ['inspector-unreachable.json.stderr', 'inspector-cli'],
  ['curl-i-tools-list.txt', 'curl-transcript'],
  ['curl-v-tools-list.txt', 'curl-transcript'],
  ['curl-i-refused.txt', 'curl-transcript'],
  ['demo-curl-n-mcp-tools.log', 'sse-capture'],
])('%s is detected as %s from its content', (name, kind) => {
  expect(detectKind('imports/capture.log', real(name))).toBe(kind);
});

test.each([
  ['imports/results.xml', '<?xml version="1.0"?>\n<testsuite name="x"></testsuite>', 'junit-xml'],
  ['imports/test-openwebui-mcp.log', 'Probe 1 ... Error or no response', 'openwebui-test-log'],
  ['imports/lan-mcp-tools-2025-09-18-075003.log', '', 'sse-capture'],
  ['imports/readme.txt', 'hello', 'unknown'],
])('%s falls back to content then name', (file, text, kind) => {
  expect(detectKind(file, text)).toBe(kind);
});
