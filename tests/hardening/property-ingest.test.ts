// Issue 25 item 14: every import parser and the import boundary, fed arbitrary and mutated real inputs (the real
// tool captures), never throw past their boundary and take at most 1 s per MB.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { importArtifact } from '../../src/ingest/import-artifact.ts';
import { parseManifest } from '../../src/ingest/manifest.ts';
import { parsers } from '../../src/ingest/registry.ts';
import { ImportedArtifactSchema } from '../../src/schemas/imported-artifact.ts';
import { aliasBomb, anyText, budgetMs, captureSeeds, mutatedText, timed, yamlSeeds } from './property-seeds.ts';

const seeds = captureSeeds();
const metaSeeds = yamlSeeds().filter((seed) => seed.name.endsWith('.meta.yaml'));
const kinds = Object.keys(parsers) as (keyof typeof parsers)[];

test('the seeds are the real captures', () => {
  expect(seeds.length).toBeGreaterThan(100);
  expect(new Set(seeds.map((s) => s.kind).filter(Boolean))).toEqual(new Set(['inspector-cli', 'curl-transcript', 'sse-capture', 'codex-mcp-list', 'codex-mcp-list-json', 'codex-mcp-get', 'codex-mcp-get-json', 'codex-doctor-json']));
  expect(metaSeeds.length).toBeGreaterThan(0);
});

describe.each(kinds)('parser %s', (kind) => {
  const parse = parsers[kind];
  const check = (text: string) => {
    let outcome: ReturnType<typeof parse> | undefined;
    const ms = timed(() => {
      outcome = parse(text);
    }, budgetMs(text.length));
    expect(outcome && ('findings' in outcome || 'unparseable' in outcome)).toBe(true);
    expect(ms).toBeLessThanOrEqual(budgetMs(text.length));
  };

  test('never throws on mutated real captures, within 1 s per MB', () => {
    fc.assert(fc.property(mutatedText(seeds), ({ text }) => check(text)), { numRuns: 300 });
  });

  test('never throws on arbitrary text', () => {
    fc.assert(fc.property(anyText, check), { numRuns: 200 });
  });

  test('a 4 MB capture (a real one repeated and damaged) within 1 s per MB', () => {
    fc.assert(
      fc.property(mutatedText(seeds), ({ text }) => {
        const big = text.repeat(Math.ceil((4 * 1024 * 1024) / Math.max(1, text.length))).slice(0, 4 * 1024 * 1024);
        check(big);
      }),
      { numRuns: 3 },
    );
  });
});

describe('importArtifact, the import boundary', () => {
  const meta = fc.oneof(fc.constant(undefined), anyText, mutatedText(metaSeeds).map((m) => m.text), aliasBomb(metaSeeds));
  const run = (bytes: Uint8Array, manifestText: string | undefined, file: string) => {
    let artifact: ReturnType<typeof importArtifact> | undefined;
    const ms = timed(() => {
      artifact = importArtifact({ file, bytes, ...(manifestText === undefined ? {} : { manifestText }), modifiedAt: '2026-01-01T00:00:00.000Z', redact: (t) => t.replaceAll('sk-', 'sk_') });
    }, budgetMs(bytes.length + (manifestText?.length ?? 0)));
    expect(ImportedArtifactSchema.safeParse(artifact).success).toBe(true);
    expect(ms).toBeLessThanOrEqual(budgetMs(bytes.length + (manifestText?.length ?? 0)));
  };

  test('never throws on mutated real captures with any meta file, within 1 s per MB', () => {
    fc.assert(
      fc.property(mutatedText(seeds), meta, fc.constantFrom('imports/capture.txt', 'imports/curl-x.txt', 'imports/lan-mcp-tools-2025-09-18-075003.log', 'imports/x.xml', 'imports/inspector.json'), ({ text }, manifestText, file) =>
        run(Buffer.from(text, 'utf8'), manifestText, file),
      ),
      { numRuns: 400 },
    );
  });

  test('never throws on arbitrary bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 4096 }), meta, (bytes, manifestText) => run(bytes, manifestText, 'imports/any.log')), { numRuns: 300 });
  });

  test('each real capture with a meta file naming every kind, damaged', () => {
    fc.assert(
      fc.property(mutatedText(seeds), fc.constantFrom(...kinds), ({ text }, kind) => run(Buffer.from(text), `kind: ${kind}\norigin: ci\ncapturedAt: '2026-01-01T00:00:00Z'\n`, 'imports/x.txt')),
      { numRuns: 300 },
    );
  });

  test('a meta file never throws, whatever it holds', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, mutatedText(metaSeeds).map((m) => m.text), aliasBomb(metaSeeds)), (text) => {
        const result = parseManifest(text, 'imports/x.meta.yaml');
        expect('manifest' in result || 'unparseable' in result).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});
