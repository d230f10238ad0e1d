import { describe, expect, test } from 'vitest';
import { real } from '../../tests/ingest/fixtures.ts';
import { catalog } from '../../tests/ingest/import-helpers.ts';
import { ImportedArtifactSchema } from '../schemas/imported-artifact.ts';
import { capturedAtFromName, importArtifact } from './import-artifact.ts';

const enc = (text: string): Uint8Array => new TextEncoder().encode(text);
const base = { modifiedAt: '2026-11-24T00:00:00.000Z', checks: catalog };

describe('importArtifact', () => {
  test('manifest sets kind, origin, time and checks; records point at file and line', () => {
    const manifest = "kind: codex-mcp-list\norigin: lan-host\ncapturedAt: '2025-09-18T08:02:41Z'\nchecks: [clients.codex-cli, clients.codex]\n";
    const artifact = importArtifact({ ...base, file: 'imports/capture.txt', bytes: enc(real('codex-mcp-list.txt')), manifestText: manifest });
    expect(ImportedArtifactSchema.parse(artifact)).toEqual(artifact);
    expect(artifact).toMatchObject({ kind: 'codex-mcp-list', origin: 'lan-host', capturedAt: '2025-09-18T08:02:41Z', unparseable: null });
    // clients.codex replays the generated snippet against the gateway (kind client-profile): a `codex mcp list` cannot
    // speak for it, so its record says so (verdict error) instead of copying the list's pass as before.
    expect(artifact.records.map((r) => [r.checkId, r.verdict, r.source])).toEqual([
      ['clients.codex-cli', 'pass', { type: 'import', kind: 'codex-mcp-list', file: 'imports/capture.txt', line: 5 }],
      ['clients.codex', 'error', { type: 'import', kind: 'codex-mcp-list', file: 'imports/capture.txt', line: 5 }],
    ]);
    expect(artifact.records[1]?.summary).toBe('a codex-cli observation cannot be judged by client-profile check clients.codex');
  });

  test('a meta file naming a check content/checks does not define is unparseable with the known ids', () => {
    const manifest = "kind: codex-mcp-list\norigin: lan-host\ncapturedAt: '2025-09-18T08:02:41Z'\nchecks: [clients.codex-typo]\n";
    const artifact = importArtifact({ ...base, file: 'imports/capture.txt', bytes: enc(real('codex-mcp-list.txt')), manifestText: manifest });
    expect(artifact.unparseable?.reason).toMatch(/^capture\.txt\.meta\.yaml names check "clients\.codex-typo", which content\/checks\/ does not define \(checks: .*health\.readiness/);
  });

  test('without a manifest: kind from content, time from the file name, the kind default check', () => {
    const artifact = importArtifact({ ...base, file: 'imports/lan-host/capture-2025-09-18-075003.log', bytes: enc(': ping - 2025-09-18 07:50:18+00:00\r\n\r\n') });
    expect(artifact).toMatchObject({ kind: 'sse-capture', origin: 'unknown', capturedAt: '2025-09-18T07:50:03Z', records: [{ checkId: 'sse.heartbeat', verdict: 'fail' }] });
  });

  test('a bad manifest names the sidecar, the line and the field', () => {
    const artifact = importArtifact({ ...base, file: 'imports/x.log', bytes: enc('x'), manifestText: "kind: sse-capture\norigin: LAN Host\ncapturedAt: '2025-09-18T07:50:03Z'\n" });
    expect(artifact.unparseable).toEqual({ reason: 'imports/x.log.meta.yaml:2 → origin: Expected an origin id such as "lan-host"', line: 2 });
  });

  test('a file nobody recognises asks for a manifest', () => {
    const artifact = importArtifact({ ...base, file: 'imports/notes.txt', bytes: enc('just some notes\n') });
    expect(artifact).toMatchObject({ kind: 'unknown', records: [], unparseable: { line: 1, reason: expect.stringContaining('add notes.txt.meta.yaml with a `kind:`') } });
  });

  test('a file name is a hint, not a kind: without a meta file, content nothing recognises needs one', () => {
    const artifact = importArtifact({ ...base, file: 'imports/inspector-notes.txt', bytes: enc('ran the inspector, looked fine\n') });
    expect(artifact).toMatchObject({ kind: 'unknown', records: [], unparseable: { reason: expect.stringContaining('(its name suggests inspector-cli): it needs a meta file; add inspector-notes.txt.meta.yaml') } });
  });

  test('Bearer tokens and sk- keys are masked before parsing, so no record carries them', () => {
    const log = '[1/1] POST /mcp/ with Authorization: Bearer sk-live-abcdef123456 ... Error or no response (key sk-other-999999)\n';
    const secret = 'hunter2-secret-value';
    const artifact = importArtifact({ ...base, file: 'imports/test-openwebui.log', bytes: enc(`${log}Base URL: https://gw/?k=${secret}\n`), redact: (t) => t.split(secret).join('[redacted:K]') });
    const json = JSON.stringify(artifact);
    expect(json).not.toMatch(/sk-live|sk-other-9|hunter2/);
    expect(json).toContain('Bearer ****');
    expect(json).toContain('sk-****');
  });

  test('Codex column labels that mention "Bearer Token" survive redaction', () => {
    const artifact = importArtifact({ ...base, file: 'imports/codex.txt', bytes: enc(real('codex-mcp-list.txt')), redact: (t) => t.replace(/\b(Bearer)\s+[A-Za-z0-9._~+/=-]{4,}/gi, '$1 [redacted]') });
    expect(artifact.records[0]).toMatchObject({ verdict: 'pass', measured: { extra: { bearerTokenEnvVar: 'LITELLM_API_KEY' } } });
  });

  test('a bug in redaction or a parser becomes unparseable, not an exception', () => {
    const artifact = importArtifact({ ...base, file: 'imports/x.log', bytes: enc('x'), redact: () => { throw new Error('boom'); } });
    expect(artifact).toMatchObject({ kind: 'unknown', records: [], unparseable: { reason: 'import failed (Error; its message is not shown because redaction failed)' } });
    // A parser's error message may quote the input: it is redacted before it is cut.
    const quoting = importArtifact({ ...base, file: 'imports/x.log', bytes: enc('x'), redact: (text) => { if (text === 'x') throw new Error(`bad input near sk-secret-value-123`); return text.replaceAll('sk-secret-value-123', '[redacted:K]'); } });
    expect(quoting.unparseable?.reason).toBe('import failed: bad input near [redacted:K]');
  });

  test.each([
    ['lan-mcp-tools-2025-09-18-075003.log', '2025-09-18T07:50:03Z'],
    ['codex-cli-mcp-2025-09-18.txt', '2025-09-18T00:00:00Z'],
    ['notes.txt', undefined],
  ])('capturedAtFromName(%s)', (name, expected) => {
    expect(capturedAtFromName(`imports/${name}`)).toBe(expected);
  });
});
