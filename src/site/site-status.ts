import { getCollection } from 'astro:content';
import type { BaselineEntry } from '../schemas/baseline.ts';
import type { EvidenceRecord } from '../schemas/evidence.ts';
import type { ImportedArtifact } from '../schemas/imported-artifact.ts';
import type { Incident } from '../schemas/incident.ts';
import type { MaintenanceWindow } from '../schemas/maintenance.ts';
import type { OutstandingItem } from '../schemas/outstanding.ts';
import { blockAnchor } from '../runbooks/block-id.ts';
import type { RunbookBlock } from '../schemas/runbook.ts';
import { standsOver } from '../status/latest.ts';
import { rowKey } from '../status/model.ts';
import type { StoredStatusEvidence } from './loaders/stored-status-evidence.ts';
import type { RunHead } from '../status/run-pages.ts';
import type { StatusCheck, StatusModel, UnparseableNote } from '../status/model.ts';
import { summariseStatus } from '../status/summarise.ts';
import { throwContentErrors } from './content-errors.ts';

/**
 * The one place the site turns content collections into a status model (I/O edge of src/status).
 * In a build every page shares one model computed against one clock; in `astro dev` it is recomputed
 * per request so a new run shows up without a restart.
 */

/** The runnable blocks of the docs and the records their pages show under them. */
export interface SiteRunbooks {
  /** Blocks by page (docs entry id), in document order. */
  byPage: Map<string, RunbookBlock[]>;
  /** The latest record of a block's check × target × origin, output included. */
  recordOf: (checkId: string, target: string, origin: string) => EvidenceRecord | undefined;
}

/** The status model plus the run heads the evidence pages are chosen from. */
export interface SiteStatus {
  model: StatusModel;
  runs: RunHead[];
  runbooks: SiteRunbooks;
}

/** A `run=ci` block as a check of the `runbooks` group: fresh for its maxAge, stale once its source changes. */
function blockCheck(block: RunbookBlock): StatusCheck {
  const where = block.headingText || 'top of the page';
  return {
    id: block.id,
    title: `${block.pageTitle || block.page}: ${where} (block ${block.index})`,
    description: `Runs the commands of ${block.file}:${block.line} under bash -euo pipefail.`,
    group: 'runbooks',
    freshness: block.maxAgeMs,
    docs: `/${block.page}/#${blockAnchor(block)}`,
    sourceHash: block.sourceHash,
  };
}

/** The runbooks' view of the evidence: blocks by page and the newest record of each block row. */
function siteRunbooks(blocks: readonly RunbookBlock[], records: Iterable<EvidenceRecord>): SiteRunbooks {
  const byPage = new Map<string, RunbookBlock[]>();
  for (const block of [...blocks].sort((a, b) => a.ordinal - b.ordinal)) byPage.set(block.page, [...(byPage.get(block.page) ?? []), block]);
  const latest = new Map<string, EvidenceRecord>();
  for (const record of records) {
    if (!record.runbook) continue;
    const key = rowKey(record.checkId, record.target, record.origin);
    const other = latest.get(key);
    if (!other || standsOver(record, other)) latest.set(key, record);
  }
  return { byPage, recordOf: (checkId, target, origin) => latest.get(rowKey(checkId, target, origin)) };
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
  const [checks, blocks, evidence, imports, baseline, outstanding, incidents, maintenance] = await Promise.all([
    readCollection<StatusCheck>('checks'),
    readCollection<RunbookBlock>('runbookBlocks'),
    readCollection<StoredStatusEvidence>('statusEvidence'),
    readCollection<ImportedArtifact>('imports'),
    readCollection<BaselineEntry>('baseline'),
    readCollection<OutstandingItem>('outstanding'),
    readCollection<Incident>('incidents'),
    readCollection<MaintenanceWindow>('maintenance'),
  ]);
  const latest = evidence.find((entry) => entry.id === 'latest');
  const distilled = latest?.data.evidence;
  const records: EvidenceRecord[] = [];
  const unparseable: UnparseableNote[] = [];
  for (const artifact of imports) {
    records.push(...artifact.data.records);
    if (artifact.data.unparseable) unparseable.push({ file: artifact.data.file, ...artifact.data.unparseable });
  }
  const model = summariseStatus({
    now,
    checks: [...checks.map((entry) => entry.data), ...blocks.filter((entry) => entry.data.run === 'ci').map((entry) => blockCheck(entry.data))],
    records,
    digest: distilled?.digest,
    historyDigest: distilled && { ...distilled.history, byCheck: new Map(Object.entries(distilled.history.byCheck)) },
    baseline: baseline.map((entry) => entry.data),
    outstanding: outstanding.map((entry) => entry.data),
    incidents: incidents.map((entry) => entry.data),
    maintenance: maintenance.map((entry) => entry.data),
    unparseable,
  });
  const runbooks = siteRunbooks(blocks.map((entry) => entry.data), [...(distilled?.digest.latest ?? []).map((row) => row.record), ...records]);
  return { model, runs: distilled?.digest.runs ?? [], runbooks };
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

/** The rendered write-up of each incident (content/incidents/*.md bodies), by incident id. */
export async function incidentBodies(): Promise<Map<string, string>> {
  try {
    const entries = (await getCollection('incidents' as never)) as { id: string; rendered?: { html: string } }[];
    return new Map(entries.map((entry) => [entry.id, entry.rendered?.html ?? '']));
  } catch (error) {
    console.warn(`[proofbook status] incidents unavailable: ${(error as Error).message}`);
    return new Map();
  }
}
