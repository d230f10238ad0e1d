// The corpus of real captures (npm run capture-fixtures): (a) it is well-formed; (b) the import reads every capture
// folder (capture.yaml + its streams, as ONE artifact, through the same reader as evaluation/imports/) the way
// expected.yaml says a careful operator would, judged by the project's own checks. The table printed at the end lists
// each capture and any mismatch.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { loadProjectConfig } from '../../src/config/load.ts';
import { readImport } from '../../src/evidence/read-import.ts';
import type { ImportedArtifact } from '../../src/schemas/imported-artifact.ts';
import { corpusDir, listCaptureFolders, readCapture, type CorpusEntry } from './read-corpus.ts';

const MIN_CAPTURES = 40;
const folders = listCaptureFolders();
const { checks } = await loadProjectConfig(path.resolve(import.meta.dirname, '../..'));

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

/** The parts of a reading the corpus pins: verdict and class always, the others when expected.yaml has them. */
interface Reading {
  verdict: string;
  failureClass: string | null;
  status?: number;
  tools?: number;
  morePages?: boolean;
  decidedBy?: string;
}

function expectedReading(entry: CorpusEntry): Reading {
  const { verdict, failureClass, status, tools, morePages, decidedBy } = entry.expected;
  return { verdict, failureClass, ...(status !== undefined ? { status } : {}), ...(tools !== undefined ? { tools } : {}), ...(morePages !== undefined ? { morePages } : {}), ...(decidedBy !== undefined ? { decidedBy } : {}) };
}

function importedReading(entry: CorpusEntry, artifact: ImportedArtifact): Reading | string {
  if (artifact.unparseable) return `unparseable: ${artifact.unparseable.reason}`;
  const record = artifact.records.find((r) => r.checkId === entry.expected.checkId);
  if (!record) return `no record for ${entry.expected.checkId} (${artifact.records.map((r) => r.checkId).join(', ') || 'none'})`;
  const reading: Reading = { verdict: record.verdict, failureClass: record.failureClass };
  const { expected } = entry;
  if (expected.status !== undefined) reading.status = record.measured.status;
  if (expected.tools !== undefined) reading.tools = record.measured.tools?.length;
  if (expected.morePages !== undefined) reading.morePages = record.measured.extra?.morePages as boolean | undefined;
  if (expected.decidedBy !== undefined && record.source.type === 'import') reading.decidedBy = record.source.stream;
  return reading;
}

const show = (r: Reading | string): string =>
  typeof r === 'string'
    ? r.slice(0, 90)
    : `${r.verdict}${r.failureClass ? `/${r.failureClass}` : ''}${r.status !== undefined ? ` ${r.status}` : ''}${r.tools !== undefined ? ` ${r.tools} tools` : ''}${r.morePages ? ' +pages' : ''}${r.decidedBy ? ` <${r.decidedBy}>` : ''}`;

const table: string[][] = [];

describe('capture corpus: the capture-folder import reads each capture as expected.yaml says', () => {
  afterAll(() => {
    const wrong = table.filter((row) => row[3] !== 'ok');
    const rows = [['capture', 'expected', 'imported', 'mismatch'], ...table];
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
    const lines = rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  '));
    console.log(`\n${lines.join('\n')}\n\n${table.length - wrong.length} of ${table.length} captures read as expected; ${wrong.length} mismatches\n`);
  });

  it.each(folders)('%s', async (id) => {
    const entry = readCapture(id);
    const want = expectedReading(entry);
    const artifact = await readImport(corpusDir, id, [], checks);
    const got = importedReading(entry, artifact);
    const fields = typeof got === 'string' ? ['parse'] : (Object.keys(want) as (keyof Reading)[]).filter((k) => want[k] !== got[k]);
    table.push([id, show(want), show(got), fields.length ? fields.join(',') : 'ok']);
    expect(got, `${id}: ${entry.expected.why}`).toEqual(want);
  });
});
