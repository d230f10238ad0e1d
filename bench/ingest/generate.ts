import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { makeRun } from '../../tests/support/evidence-fixtures.ts';

/** Check ids a generated run reports on (a slice of the catalog, repeated per target). */
const CHECKS = ['routing.open-paths', 'routing.auth-matrix', 'health.liveliness', 'health.readiness', 'mcp.initialize', 'mcp.tools-list', 'sse.heartbeat', 'clients.codex', 'clients.open-webui', 'clients.inspector'];
const ORIGINS = ['sandbox', 'lan-host', 'ci'];
const VERDICTS = ['pass', 'pass', 'pass', 'pass', 'fail', 'degraded'] as const;

/** Real captures the imports are made from (varied per copy so digests differ). */
const IMPORT_SOURCES: [string, string][] = [
  ['tests/ingest/fixtures/real/demo-curl-n-mcp-tools.log', 'log'],
  ['tests/ingest/fixtures/real/codex-mcp-list.txt', 'txt'],
  ['tests/ingest/fixtures/real/codex-mcp-list.json', 'json'],
  ['tests/ingest/fixtures/real/codex-doctor-unreachable.json', 'json'],
  ['tests/ingest/fixtures/real/inspector-tools-list.json', 'json'],
  ['tests/ingest/fixtures/real/curl-v-tools-list.txt', 'txt'],
  ['evaluation/imports/test-openwebui-mcp-2025-09-18.log', 'log'],
  ['evaluation/imports/lan-mcp-tools-2025-09-18-075003.log', 'log'],
];

export interface GeneratedSet {
  runFiles: string[];
  importFiles: string[];
}

/**
 * Writes `runs` run.json files (one every 5 minutes per origin, `recordsPerRun` records each) and
 * `imports` imported captures under `evaluationDir`.
 */
export async function generateArtifacts(repo: string, evaluationDir: string, runs: number, imports: number, recordsPerRun: number): Promise<GeneratedSet> {
  const runFiles: string[] = [];
  const start = Date.parse('2026-03-01T00:00:00Z');
  for (let i = 0; i < runs; i++) {
    const origin = ORIGINS[i % ORIGINS.length];
    const at = new Date(start + Math.floor(i / ORIGINS.length) * 5 * 60_000);
    const stamp = at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
    const runId = `${stamp}-${origin}-${i.toString(16).padStart(5, '0')}`;
    const verdicts: Record<string, (typeof VERDICTS)[number]> = {};
    for (let r = 0; r < recordsPerRun; r++) verdicts[`${CHECKS[r % CHECKS.length]}${r >= CHECKS.length ? `-${Math.floor(r / CHECKS.length)}` : ''}`] = VERDICTS[(i + r) % VERDICTS.length];
    const dir = path.join(evaluationDir, 'runs', runId);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'run.json'), `${JSON.stringify(makeRun({ runId, at: at.toISOString(), verdicts }), null, 2)}\n`);
    runFiles.push(`runs/${runId}/run.json`);
  }
  const sources = await Promise.all(IMPORT_SOURCES.map(async ([file, ext]) => [await readFile(path.join(repo, file), 'utf8'), ext] as const));
  const importFiles: string[] = [];
  for (let i = 0; i < imports; i++) {
    const [text, ext] = sources[i % sources.length];
    const rel = `imports/batch-${Math.floor(i / 500)}/capture-${i}.${ext}`;
    await mkdir(path.join(evaluationDir, path.dirname(rel)), { recursive: true });
    // A trailing newline count makes every copy's digest unique without changing what it parses to.
    await writeFile(path.join(evaluationDir, rel), text.replace(/\s*$/, '') + '\n'.repeat(1 + (i % 7)));
    importFiles.push(rel);
  }
  return { runFiles, importFiles };
}
