// Issue 25 item 14: every import parser and both import boundaries (a single file with its meta file, a capture
// folder), fed arbitrary and mutated real inputs (the real tool captures), never throw past their boundary and take
// at most 1 s per MB.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { loadProjectConfig } from '../../src/config/load.ts';
import { singleFile, type CapturedText } from '../../src/ingest/captured-text.ts';
import { importArtifact } from '../../src/ingest/import-artifact.ts';
import { importCapture } from '../../src/ingest/import-capture.ts';
import { parseManifest } from '../../src/ingest/manifest.ts';
import { parsers } from '../../src/ingest/registry.ts';
import { ImportedArtifactSchema } from '../../src/schemas/imported-artifact.ts';
import { aliasBomb, anyText, budgetMs, captureSeeds, corpusEntries, mutatedText, timed, yamlSeeds, type Seed } from './property-seeds.ts';

const { checks } = await loadProjectConfig(path.resolve(import.meta.dirname, '../..'));
const seeds = captureSeeds();
const metaSeeds = yamlSeeds().filter((seed) => seed.name.endsWith('.meta.yaml'));
const kinds = Object.keys(parsers) as (keyof typeof parsers)[];
const redact = (text: string) => text.replaceAll('sk-', 'sk_');

test('the seeds are the real captures', () => {
  expect(corpusEntries.length).toBeGreaterThanOrEqual(80);
  expect(new Set(seeds.map((s) => s.kind).filter(Boolean))).toEqual(new Set(['inspector-cli', 'curl-transcript', 'sse-capture', 'codex-mcp-list', 'codex-mcp-list-json', 'codex-mcp-get', 'codex-mcp-get-json', 'codex-doctor-json']));
  expect(metaSeeds.length).toBeGreaterThan(0);
});

/** A capture's streams, each damaged, with any exit code: what a parser gets from a capture folder. */
const mutatedCapture: fc.Arbitrary<CapturedText> = fc
  .record({
    stdout: mutatedText(seeds),
    stderr: fc.oneof(fc.constant({ seed: '', text: '' }), mutatedText(seeds)),
    exitCode: fc.oneof(fc.constant(null), fc.constant(undefined), fc.integer({ min: -1, max: 255 })),
    command: fc.option(fc.array(fc.string({ maxLength: 30 }), { maxLength: 8 }), { nil: undefined }),
  })
  .map(({ stdout, stderr, exitCode, command }) => ({ stdout: stdout.text, stderr: stderr.text, separate: true, ...(exitCode === undefined ? {} : { exitCode }), ...(command ? { command } : {}) }));

const sizeOf = (captured: CapturedText) => captured.stdout.length + captured.stderr.length;

describe.each(kinds)('parser %s', (kind) => {
  const parse = parsers[kind];
  const check = (captured: CapturedText) => {
    let outcome: ReturnType<typeof parse> | undefined;
    const budget = budgetMs(sizeOf(captured));
    const ms = timed(() => {
      outcome = parse(captured);
    }, budget);
    expect(outcome && ('readings' in outcome || 'unparseable' in outcome)).toBe(true);
    expect(ms).toBeLessThanOrEqual(budget);
  };

  test('never throws on mutated real captures (one file, or separate streams), within 1 s per MB', () => {
    fc.assert(fc.property(fc.oneof(mutatedText(seeds).map(({ text }) => singleFile(text)), mutatedCapture), check), { numRuns: 300 });
  });

  test('never throws on arbitrary text', () => {
    fc.assert(fc.property(anyText, anyText, (stdout, stderr) => check({ stdout, stderr, separate: true })), { numRuns: 200 });
  });

  test('a 4 MB capture (a real one repeated and damaged) within 1 s per MB', () => {
    fc.assert(
      fc.property(mutatedText(seeds), ({ text }) => {
        const big = text.repeat(Math.ceil((4 * 1024 * 1024) / Math.max(1, text.length))).slice(0, 4 * 1024 * 1024);
        check(singleFile(big));
      }),
      { numRuns: 3 },
    );
  });
});

function checkArtifact(build: () => ReturnType<typeof importArtifact>, size: number): void {
  let artifact: ReturnType<typeof importArtifact> | undefined;
  const budget = budgetMs(size);
  const ms = timed(() => {
    artifact = build();
  }, budget);
  expect(ImportedArtifactSchema.safeParse(artifact).success).toBe(true);
  expect(ms).toBeLessThanOrEqual(budget);
}

describe('importArtifact, the single-file boundary', () => {
  const meta = fc.oneof(fc.constant(undefined), anyText, mutatedText(metaSeeds).map((m) => m.text), aliasBomb(metaSeeds));
  const run = (bytes: Uint8Array, manifestText: string | undefined, file: string) =>
    checkArtifact(() => importArtifact({ file, bytes, ...(manifestText === undefined ? {} : { manifestText }), modifiedAt: '2026-01-01T00:00:00.000Z', redact, checks }), bytes.length + (manifestText?.length ?? 0));

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

  test('each real capture with a meta file naming every kind and a check, damaged', () => {
    fc.assert(
      fc.property(mutatedText(seeds), fc.constantFrom(...kinds), fc.constantFrom(...checks.map((c) => c.id)), ({ text }, kind, checkId) =>
        run(Buffer.from(text), `kind: ${kind}\norigin: ci\ncapturedAt: '2026-01-01T00:00:00Z'\nchecks: [${checkId}]\n`, 'imports/x.txt'),
      ),
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

describe('importCapture, the capture-folder boundary', () => {
  const captureYamls: Seed[] = corpusEntries.map((entry) => ({ name: entry.id, bytes: Buffer.from(JSON.stringify(entry.capture)) }));
  const realYamls = corpusEntries.map((entry) => ({ name: entry.id, bytes: Buffer.from(readCaptureYaml(entry.dir)) }));

  test('never throws on damaged capture.yaml and streams, within 1 s per MB', () => {
    fc.assert(
      fc.property(fc.nat(corpusEntries.length - 1), fc.oneof(mutatedText(realYamls).map((m) => m.text), aliasBomb(realYamls), mutatedText(captureYamls).map((m) => m.text)), mutatedCapture, (index, captureText, streams) => {
        const entry = corpusEntries[index]!;
        const files = { 'stdout.txt': Buffer.from(streams.stdout), 'stderr.txt': Buffer.from(streams.stderr) };
        checkArtifact(() => importCapture({ dir: `imports/${entry.id}`, captureText, files, modifiedAt: '2026-01-01T00:00:00.000Z', redact, checks }), captureText.length + sizeOf(streams));
      }),
      { numRuns: 400 },
    );
  });
});

function readCaptureYaml(dir: string): string {
  return readFileSync(path.join(dir, 'capture.yaml'), 'utf8');
}
