// Judged once (issue 24 item 1): src/ingest/ reads captures into observations and never decides a verdict or the
// `expectation` class itself. Checked twice: by reading its source, and by running every parser on every real capture
// and fixture and finding only observations that the observation schema accepts, with no verdict anywhere in them.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { CapturedText } from '../../src/ingest/captured-text.ts';
import { singleFile } from '../../src/ingest/captured-text.ts';
import { parsers } from '../../src/ingest/registry.ts';
import { ObservationSchema } from '../../src/schemas/observation.ts';
import { listCaptureFolders, readCapture } from '../captures/read-corpus.ts';
import { real } from './fixtures.ts';

const ingestDir = path.resolve(import.meta.dirname, '../../src/ingest');
const sources = readdirSync(ingestDir).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));

describe('src/ingest/ holds no verdict rule', () => {
  test.each(sources)('%s assigns no verdict, no `expectation` class, and builds no conditions of its own', (name) => {
    const text = readFileSync(path.join(ingestDir, name), 'utf8');
    expect(text).not.toMatch(/\bverdict\s*[:=]/);
    expect(text).not.toMatch(/failureClass\s*:\s*['"]expectation['"]/);
    expect(text).not.toMatch(/checks\/outcome\.ts/);
  });

  test('only the filing step calls the one judgement', () => {
    expect(sources.filter((name) => /checks\/registry\.ts/.test(readFileSync(path.join(ingestDir, name), 'utf8')))).toEqual(['file-records.ts']);
  });
});

/** Every real capture the repository holds, as its parser reads it: the corpus folders and the single-file fixtures. */
function captures(): [string, keyof typeof parsers, CapturedText][] {
  const corpus = listCaptureFolders().map((id): [string, keyof typeof parsers, CapturedText] => {
    const { capture, stdout, stderr } = readCapture(id);
    return [id, capture.kind, { stdout: stdout.toString('utf8'), stderr: stderr.toString('utf8'), separate: true, exitCode: capture.exitCode, command: capture.command, durationMs: capture.durationMs }];
  });
  const fixturesDir = path.resolve(import.meta.dirname, 'fixtures/real');
  const kindOf = (name: string): keyof typeof parsers | undefined =>
    name.startsWith('codex-doctor') ? 'codex-doctor-json'
      : name.startsWith('codex-mcp-list') ? (name.endsWith('.json') ? 'codex-mcp-list-json' : 'codex-mcp-list')
        : name.startsWith('codex-mcp-get') ? (name.endsWith('.json') ? 'codex-mcp-get-json' : 'codex-mcp-get')
          : name.startsWith('inspector') ? 'inspector-cli'
            : name.startsWith('curl-n') || name.endsWith('.log') ? 'sse-capture'
              : name.includes('curl') ? 'curl-transcript' : undefined;
  const fixtures = readdirSync(fixturesDir)
    .filter((name) => !/\.(exit|stderr)$/.test(name) && readFileSync(path.join(fixturesDir, name)).length > 0)
    .flatMap((name): [string, keyof typeof parsers, CapturedText][] => {
      const kind = kindOf(name);
      return kind ? [[name, kind, singleFile(real(name))]] : [];
    });
  return [...corpus, ...fixtures];
}

describe('parsers return observations only', () => {
  test.each(captures())('%s (%s)', (_id, kind, capture) => {
    const outcome = parsers[kind](capture);
    if ('unparseable' in outcome) return;
    for (const reading of outcome.readings) {
      expect(reading.observations.length).toBeGreaterThan(0);
      for (const observation of reading.observations) expect(ObservationSchema.parse(observation)).toEqual(observation);
      expect(JSON.stringify(reading)).not.toMatch(/"verdict"/);
    }
  });

  test('the corpus and the fixtures are all read (none unparseable)', () => {
    const unread = captures().filter(([, kind, capture]) => 'unparseable' in parsers[kind](capture)).map(([id]) => id);
    expect(unread).toEqual([]);
  });
});
