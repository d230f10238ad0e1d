import { judge, observationKinds } from '../checks/registry.ts';
import type { Check } from '../schemas/check.ts';
import { EvidenceRecordSchema, type ArtifactRef, type EvidenceRecord } from '../schemas/evidence.ts';
import type { Observation } from '../schemas/observation.ts';
import { DEMO_GATEWAY_HEADER, type Provenance } from '../schemas/provenance.ts';
import { checksByContent } from './file-by-content.ts';
import type { Reading } from './reading.ts';
import type { ParsableKind } from './registry.ts';
import type { Unparseable } from './unparseable.ts';

/** What an import says about itself (its meta file or capture.yaml), for filing its readings as records. */
export interface ImportMeta {
  /** The imported file, or the capture folder. */
  file: string;
  kind: ParsableKind;
  origin: string;
  target: string;
  capturedAt: string;
  provenance: Provenance;
  /** Checks the meta file names; empty: filed by content. */
  checks: readonly string[];
  /** Run time of a capture folder: then its records run from capturedAt to capturedAt + durationMs. */
  durationMs?: number;
  artifacts: ArtifactRef[];
  /** The file that names the checks: `<file>.meta.yaml` or the folder's capture.yaml. */
  metaFile: string;
  /** How to say which checks it speaks for, for the "needs a meta file" reason. */
  metaAdvice: string;
}

/** The observation a check of this kind is judged on; another tool's own results stand for any check. */
function observationFor(check: Check, reading: Reading): Observation | undefined {
  const wanted: string = observationKinds[check.kind];
  return reading.observations.find((o) => o.kind === wanted) ?? reading.observations.find((o) => o.kind === 'reported') ?? reading.observations[0];
}

/** The demo gateway names itself in a response header; a capture of its answers is demo evidence whatever the meta says (except a sample). */
function provenanceOf(meta: ImportMeta, reading: Reading): Provenance {
  if (meta.provenance !== 'real') return meta.provenance;
  const demo = reading.observations.some((o) => o.kind === 'http' && o.response?.headers[DEMO_GATEWAY_HEADER] !== undefined);
  return demo ? 'demo' : 'real';
}

function timesOf(meta: ImportMeta, reading: Reading): { startedAt: string; finishedAt: string } {
  if (meta.durationMs !== undefined) {
    return { startedAt: meta.capturedAt, finishedAt: new Date(Date.parse(meta.capturedAt) + meta.durationMs).toISOString() };
  }
  const startedAt = reading.startedAt ?? meta.capturedAt;
  return { startedAt, finishedAt: reading.finishedAt ?? startedAt };
}

function record(check: Check, reading: Reading, meta: ImportMeta): EvidenceRecord | undefined {
  const observation = observationFor(check, reading);
  if (!observation) return undefined;
  const outcome = judge(check, observation, meta.target);
  const extra = { ...outcome.measured.extra, ...reading.extra };
  return EvidenceRecordSchema.parse({
    checkId: check.id,
    target: meta.target,
    origin: meta.origin,
    runId: `import:${meta.file}`,
    provenance: provenanceOf(meta, reading),
    ...timesOf(meta, reading),
    ...outcome,
    measured: { ...outcome.measured, ...(Object.keys(extra).length ? { extra } : {}) },
    artifacts: meta.artifacts,
    source: { type: 'import', kind: meta.kind, file: meta.file, ...(reading.line && reading.line > 0 ? { line: reading.line } : {}), ...(reading.stream ? { stream: reading.stream } : {}) },
  });
}

/**
 * Files each reading under its checks (the capture's own, the meta file's, or by content) and has the check's own
 * definition judge it through src/checks/ (issue 24: judged once). An unknown check, or a capture whose checks cannot
 * be told without a meta file, makes the import unparseable with the reason.
 */
export function fileReadings(readings: readonly Reading[], meta: ImportMeta, catalog: readonly Check[]): { records: EvidenceRecord[] } | { unparseable: Unparseable } {
  const byId = new Map(catalog.map((check) => [check.id, check]));
  const unknown = meta.checks.find((id) => !byId.has(id));
  if (unknown) return { unparseable: { reason: `${meta.metaFile} names check "${unknown}", which content/checks/ does not define (checks: ${catalog.map((c) => c.id).join(', ')})` } };
  const records: EvidenceRecord[] = [];
  const reasons: string[] = [];
  for (const reading of readings) {
    let ids: readonly string[];
    if (reading.checkId) ids = byId.has(reading.checkId) ? [reading.checkId] : [];
    else if (meta.checks.length) ids = meta.checks;
    else {
      const filed = checksByContent(meta.kind, reading, catalog);
      if ('reason' in filed) reasons.push(filed.reason);
      ids = 'checkIds' in filed ? filed.checkIds : [];
    }
    for (const id of ids) {
      const made = record(byId.get(id)!, reading, meta);
      if (made) records.push(made);
    }
  }
  if (records.length === 0 && reasons.length) {
    return { unparseable: { reason: `needs a meta file: ${reasons[0]}; ${meta.metaAdvice} (see /reference/capturing-evidence/)`, ...(readings[0]?.line ? { line: readings[0].line } : {}) } };
  }
  return { records };
}
