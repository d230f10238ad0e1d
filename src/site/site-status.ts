import { getCollection } from 'astro:content';
import type { BaselineEntry } from '../schemas/baseline.ts';
import type { EvidenceRecord } from '../schemas/evidence.ts';
import type { ImportedArtifact } from '../schemas/imported-artifact.ts';
import type { OutstandingItem } from '../schemas/outstanding.ts';
import { decodeStatusEvidence, type StoredStatusEvidence } from './loaders/stored-status-evidence.ts';
import type { RunHead } from '../status/run-pages.ts';
import type { StatusCheck, StatusModel, UnparseableNote } from '../status/model.ts';
import { summariseStatus } from '../status/summarise.ts';
import { throwContentErrors } from './content-errors.ts';

/**
 * The one place the site turns content collections into a status model (I/O edge of src/status).
 * In a build every page shares one model computed against one clock; in `astro dev` it is recomputed
 * per request so a new run shows up without a restart.
 */

/** The status model plus the run heads the evidence pages are chosen from. */
export interface SiteStatus {
  model: StatusModel;
  runs: RunHead[];
}

type AnyEntry = { id: string; data: unknown };

/** Reads a collection that another stage may not have registered yet; absent means empty. */
async function readCollection<T>(name: string): Promise<{ id: string; data: T }[]> {
  try {
    return ((await getCollection(name as never)) as AnyEntry[]).map((entry) => ({ id: entry.id, data: entry.data as T }));
  } catch (error) {
    console.warn(`[proofbook status] collection "${name}" unavailable: ${(error as Error).message}`);
    return [];
  }
}

async function loadSiteStatus(now: Date): Promise<SiteStatus> {
  const [checks, evidence, imports, baseline, outstanding] = await Promise.all([
    readCollection<StatusCheck>('checks'),
    readCollection<StoredStatusEvidence>('statusEvidence'),
    readCollection<ImportedArtifact>('imports'),
    readCollection<BaselineEntry>('baseline'),
    readCollection<OutstandingItem>('outstanding'),
  ]);
  const latest = evidence.find((entry) => entry.id === 'latest');
  const distilled = latest && decodeStatusEvidence(latest.data);
  const records: EvidenceRecord[] = [];
  const unparseable: UnparseableNote[] = [];
  for (const artifact of imports) {
    records.push(...artifact.data.records);
    if (artifact.data.unparseable) unparseable.push({ file: artifact.data.file, ...artifact.data.unparseable });
  }
  const model = summariseStatus({
    now,
    checks: checks.map((entry) => entry.data),
    records,
    digest: distilled?.digest,
    historyMarks: distilled && { ...distilled.history, byCheck: new Map(Object.entries(distilled.history.byCheck)) },
    baseline: baseline.map((entry) => entry.data),
    outstanding: outstanding.map((entry) => entry.data),
    unparseable,
  });
  return { model, runs: distilled?.digest.runs ?? [] };
}

let cached: { at: number; status: Promise<SiteStatus> } | undefined;
/** In dev, one model serves the page and its overrides (banner, sidebar) rendered in the same request. */
const DEV_REUSE_MS = 1000;

/** The site's status model: memoised for a build, recomputed at most once a second in dev. */
export function getSiteStatus(): Promise<SiteStatus> {
  // A bad content file seen by `astro dev` is shown in the error overlay of every page until it is fixed.
  if (import.meta.env.DEV) throwContentErrors();
  const now = Date.now();
  if (!cached || (import.meta.env.DEV && now - cached.at > DEV_REUSE_MS)) cached = { at: now, status: loadSiteStatus(new Date(now)) };
  return cached.status;
}
