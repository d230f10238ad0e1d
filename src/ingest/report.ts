import type { ImportedArtifact } from '../schemas/imported-artifact.ts';

/** The summary `npm run ingest` prints (and emits with `--json`). */
export interface IngestReport {
  evaluationDir: string;
  /** `summariesWritten`: run summary sidecars that were missing or stale and were (re)written. */
  runs: { valid: number; invalid: number; records: number; summariesWritten?: number };
  imports: { total: number; records: number; byKind: Record<string, { files: number; unparseable: number }> };
  history: { written: string[]; unchanged: string[]; keptCompacted: string[] };
  unparseable: { file: string; line?: number; reason: string }[];
  invalid: { file: string; message: string }[];
  /** Temp files of atomic writes left by killed processes, removed by this ingest. */
  leftoversRemoved?: string[];
}

/** Counts what an ingest found (pure). */
export function summariseImports(imports: readonly ImportedArtifact[]): Pick<IngestReport, 'imports' | 'unparseable'> {
  const byKind: IngestReport['imports']['byKind'] = {};
  const unparseable: IngestReport['unparseable'] = [];
  let records = 0;
  for (const artifact of imports) {
    const kind = (byKind[artifact.kind] ??= { files: 0, unparseable: 0 });
    kind.files++;
    records += artifact.records.length;
    if (artifact.unparseable) {
      kind.unparseable++;
      unparseable.push({ file: `evaluation/${artifact.file}`, ...(artifact.unparseable.line ? { line: artifact.unparseable.line } : {}), reason: artifact.unparseable.reason });
    }
  }
  return { imports: { total: imports.length, records, byKind }, unparseable };
}

/** Whether `--strict` should fail the ingest. */
export function hasIngestProblems(report: IngestReport): boolean {
  return report.unparseable.length > 0 || report.invalid.length > 0;
}

/** Human-readable report: counts per kind, then every unparseable or invalid file as `file:line: reason`. */
export function formatIngestReport(report: IngestReport): string {
  const lines = [
    `evaluation dir: ${report.evaluationDir}`,
    `runs: ${report.runs.valid} valid (${report.runs.records} records), ${report.runs.invalid} invalid${report.runs.summariesWritten ? `, ${report.runs.summariesWritten} summary.json written` : ''}`,
    `imports: ${report.imports.total} files, ${report.imports.records} records`,
    ...Object.entries(report.imports.byKind)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([kind, c]) => `  ${kind}: ${c.files}${c.unparseable ? ` (${c.unparseable} unparseable)` : ''}`),
    `history: ${report.history.written.length} days written, ${report.history.unchanged.length} unchanged${report.history.keptCompacted.length ? `, ${report.history.keptCompacted.length} kept (raw runs compacted)` : ''}`,
  ];
  if (report.leftoversRemoved?.length) lines.push(`leftovers of killed writes removed: ${report.leftoversRemoved.join(', ')}`);
  if (report.unparseable.length) {
    lines.push('unparseable:');
    for (const u of report.unparseable) lines.push(`  ${u.file}${u.line ? `:${u.line}` : ''}: ${u.reason}`);
  }
  if (report.invalid.length) {
    lines.push('invalid (skipped):');
    for (const p of report.invalid) lines.push(...p.message.split('\n').map((l) => `  ${l}`));
  }
  return lines.join('\n');
}
