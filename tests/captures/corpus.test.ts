// The corpus of real captures (npm run capture-fixtures): (a) it is well-formed; (b) today's import reads every
// capture the way expected.yaml says a careful operator would. (b) is expected to fail for many captures until
// the parsers are fixed (issue 24 item 2); the table printed at the end lists each mismatch.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { ImportedArtifact } from '../../src/schemas/imported-artifact.ts';
import { importLegacy } from './legacy-import.ts';
import { corpusDir, listCaptureFolders, readCapture, type CorpusEntry } from './read-corpus.ts';

const MIN_CAPTURES = 40;
const folders = listCaptureFolders();

function knownCheckIds(): Set<string> {
  const dir = path.resolve(import.meta.dirname, '../../content/checks');
  const ids = readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .flatMap((name) => ((parseYaml(readFileSync(path.join(dir, name), 'utf8')) as { checks?: { id: string }[] }).checks ?? []).map((c) => c.id));
  return new Set(ids);
}

describe('capture corpus: well-formed', () => {
  it(`holds at least ${MIN_CAPTURES} captures under ${path.relative(process.cwd(), corpusDir)}`, () => {
    expect(folders.length).toBeGreaterThanOrEqual(MIN_CAPTURES);
  });

  const checkIds = knownCheckIds();
  it.each(folders)('%s', (id) => {
    const entry = readCapture(id);
    const named = Object.values(entry.capture.streams).sort();
    expect(entry.files, 'the folder holds exactly the stream files capture.yaml names').toEqual(named);
    for (const [stream, bytes] of [['stdout', entry.stdout], ['stderr', entry.stderr]] as const) {
      if (entry.capture.streams[stream]) expect(bytes.length, `${stream} file is not empty (an empty stream has no file)`).toBeGreaterThan(0);
    }
    expect(entry.capture.sample, 'a capture made by running a real tool is not a sample').toBe(false);
    expect(entry.capture.checks, 'expected.yaml speaks for a check capture.yaml names').toContain(entry.expected.checkId);
    expect(checkIds.has(entry.expected.checkId), `${entry.expected.checkId} is a check in content/checks/`).toBe(true);
    expect(entry.stdout.toString('latin1') + entry.stderr.toString('latin1'), 'no gate key in a stream').not.toMatch(/sk-capture-(fixture|wrong)-\d+/);
  });
});

/** The parts of a reading the corpus pins: verdict and class always, status and tool count when expected.yaml has them. */
interface Reading {
  verdict: string;
  failureClass: string | null;
  status?: number;
  tools?: number;
}

function expectedReading(entry: CorpusEntry): Reading {
  const { verdict, failureClass, status, tools } = entry.expected;
  return { verdict, failureClass, ...(status !== undefined ? { status } : {}), ...(tools !== undefined ? { tools } : {}) };
}

function importedReading(entry: CorpusEntry, artifact: ImportedArtifact): Reading | string {
  if (artifact.unparseable) return `unparseable: ${artifact.unparseable.reason}`;
  const record = artifact.records.find((r) => r.checkId === entry.expected.checkId) ?? artifact.records[0];
  if (!record) return 'no record';
  const reading: Reading = { verdict: record.verdict, failureClass: record.failureClass };
  if (entry.expected.status !== undefined && record.measured.status !== undefined) reading.status = record.measured.status;
  if (entry.expected.tools !== undefined && record.measured.tools !== undefined) reading.tools = record.measured.tools.length;
  return reading;
}

const show = (r: Reading | string): string =>
  typeof r === 'string' ? r.slice(0, 90) : `${r.verdict}${r.failureClass ? `/${r.failureClass}` : ''}${r.status !== undefined ? ` ${r.status}` : ''}${r.tools !== undefined ? ` ${r.tools} tools` : ''}`;

const table: string[][] = [];

describe('capture corpus: today\'s import reads each capture as expected.yaml says', () => {
  afterAll(() => {
    const wrong = table.filter((row) => row[3] !== 'ok');
    const rows = [['capture', 'expected', 'today\'s import', 'mismatch'], ...table];
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
    const lines = rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  '));
    console.log(`\n${lines.join('\n')}\n\n${table.length - wrong.length} of ${table.length} captures read as expected; ${wrong.length} mismatches\n`);
  });

  it.each(folders)('%s', (id) => {
    const entry = readCapture(id);
    const want = expectedReading(entry);
    const got = importedReading(entry, importLegacy(entry));
    const fields = typeof got === 'string' ? ['parse'] : (Object.keys(want) as (keyof Reading)[]).filter((k) => want[k] !== got[k]);
    table.push([id, show(want), show(got), fields.length ? fields.join(',') : 'ok']);
    expect(got, `${id}: ${entry.expected.why}`).toEqual(want);
  });
});
