import { describe, expect, test } from 'vitest';
import { importArtifact } from '../../src/ingest/import-artifact.ts';
import { parsers } from '../../src/ingest/registry.ts';
import { ImportedArtifactSchema } from '../../src/schemas/imported-artifact.ts';
import { real } from './fixtures.ts';
import { catalog } from './import-helpers.ts';

/** A real (or realistic) sample per kind, to damage in each way below. */
const samples: Record<keyof typeof parsers, string> = {
  'sse-capture': real('demo-curl-n-mcp-tools.log'),
  'codex-mcp-list': real('codex-mcp-list.txt'),
  'codex-mcp-list-json': real('codex-mcp-list.json'),
  'codex-mcp-get': real('codex-mcp-get.txt'),
  'codex-mcp-get-json': real('codex-mcp-get.json'),
  'codex-doctor-json': real('codex-doctor-unreachable.json'),
  'inspector-cli': real('inspector-tools-list.json'),
  'curl-transcript': real('curl-i-tools-list.txt'),
  'openwebui-test-log': '[1/2] GET /mcp/enabled ... Error or no response\n[2/2] POST /mcp/ tools/list ... Error or no response\n',
  'junit-xml': '<testsuites><testsuite name="s"><testcase name="mcp.tools-list"/></testsuite></testsuites>\n',
};

const kinds = Object.keys(samples) as (keyof typeof parsers)[];
const manifest = (kind: string): string => `kind: ${kind}\norigin: sandbox\ncapturedAt: '2025-09-18T07:50:03Z'\n`;
const utf16 = (text: string): Uint8Array => new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);

const damages: [string, (text: string) => Uint8Array, RegExp][] = [
  ['empty', () => new Uint8Array(), /^empty file/],
  ['UTF-16', (t) => utf16(t), /^UTF-16 encoded text/],
  ['Latin-1 bytes', (t) => Buffer.concat([Buffer.from(t.slice(0, 40)), Buffer.from([0xe9, 0x74, 0xe9]), Buffer.from(t.slice(40))]), /^not valid UTF-8 \(byte 0xe9/],
  ['binary', () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]), /^binary content \(NUL byte/],
];

function importAs(kind: string, bytes: Uint8Array) {
  const artifact = importArtifact({ file: `imports/sample.${kind}`, bytes, manifestText: manifest(kind), modifiedAt: '2026-01-01T00:00:00Z', checks: catalog });
  // Whatever happened, the result is a valid collection entry.
  ImportedArtifactSchema.parse(artifact);
  return artifact;
}

describe.each(kinds)('%s', (kind) => {
  test('the intact sample parses into records', () => {
    const artifact = importAs(kind, Buffer.from(samples[kind]));
    expect(artifact.unparseable).toBeNull();
    expect(artifact.records.length).toBeGreaterThan(0);
  });

  test.each(damages)('%s input is unparseable with a clear reason', (_name, damage, reason) => {
    const artifact = importAs(kind, damage(samples[kind]));
    expect(artifact).toMatchObject({ kind, records: [] });
    expect(artifact.unparseable?.reason).toMatch(reason);
  });

  test('a truncated capture never throws and is either unparseable with a reason or a judged record', () => {
    const text = samples[kind];
    const artifact = importAs(kind, Buffer.from(text.slice(0, Math.floor(text.length / 2))));
    if (artifact.unparseable) expect(artifact.unparseable.reason.length).toBeGreaterThan(10);
    else expect(artifact.records.every((r) => r.summary.length > 0)).toBe(true);
  });

  test('a 5 MB single line is handled without an exception', () => {
    const artifact = importAs(kind, Buffer.from(`${samples[kind].slice(0, 30)}${'A'.repeat(5 * 1024 * 1024)}\n`));
    expect(artifact.unparseable?.reason).toBeTruthy();
  });
});

test('a 40 MB file is refused before decoding', () => {
  const artifact = importArtifact({ file: 'imports/big.log', bytes: new Uint8Array(40 * 1024 * 1024).fill(0x41), modifiedAt: '2026-01-01T00:00:00Z', checks: catalog });
  expect(artifact.unparseable?.reason).toMatch(/over the 33554432-byte import limit/);
});
