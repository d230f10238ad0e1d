import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { EvalRunSchema, type EvalRun, type EvalRunInput, type GatewayFingerprint } from '../../src/schemas/eval-run.ts';
import { EvidenceRecordSchema, type EvidenceRecord, type EvidenceRecordInput, type Verdict } from '../../src/schemas/evidence.ts';
import { DailyHistorySchema, type DailyBucket, type DailyHistory } from '../../src/schemas/history.ts';

// One home for the evidence every test builds, so a schema change is mended here once and every builder is
// proven valid against the real schemas (evidence-fixtures.test.ts).

/** The fixed "now" that time-relative fixtures count back from. */
export const NOW = new Date('2026-11-24T15:00:00Z');
const HOUR = 3_600_000;

/** An ISO time `hours` before NOW. */
export function hoursAgo(hours: number): string {
  return new Date(NOW.getTime() - hours * HOUR).toISOString();
}

/** A run id for `origin` at the ISO time `at`, e.g. `20261124T140000Z-sandbox-abcd`. */
function runIdFor(at: string, origin: string, suffix = 'abcd'): string {
  return `${new Date(at).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z')}-${origin}-${suffix}`;
}

/** A run id `hours` before NOW for an origin. */
export function runIdAt(hours: number, origin: string, suffix = 'abcd'): string {
  return runIdFor(hoursAgo(hours), origin, suffix);
}

/** The origin a run id names (`20260301T100000Z-lan-host-0003` → `lan-host`). */
function originOf(runId: string): string {
  return runId.split('-').slice(1, -1).join('-');
}

/** The time a run id starts with, as ISO without milliseconds (`20260301T100000Z…` → `2026-03-01T10:00:00Z`). */
function timeOf(runId: string): string {
  const [, y, mo, d, h, mi, s] = /^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z/.exec(runId) ?? [];
  if (!y) throw new Error(`makeRun: run id ${runId} does not start with a UTC stamp; pass \`at\``);
  return `${y}-${mo}-${d}T${h}:${mi}:${s}Z`;
}

/** Fields of an evidence record to set; `hoursAgo` places it that many hours before NOW (default 1). */
export type RecordOverrides = Partial<EvidenceRecordInput> & { hoursAgo?: number };

/**
 * A valid evidence record: by default a pass of `mcp.tools-list` on `internal` from `sandbox`, finished one hour
 * before NOW. A failing or erroring record gets failure class `http_status` unless one is given.
 */
export function makeRecord(overrides: RecordOverrides = {}): EvidenceRecord {
  const { hoursAgo: age = 1, ...fields } = overrides;
  const origin = fields.origin ?? 'sandbox';
  const checkId = fields.checkId ?? 'mcp.tools-list';
  const verdict = fields.verdict ?? 'pass';
  return EvidenceRecordSchema.parse({
    checkId,
    target: 'internal',
    origin,
    runId: runIdAt(age, origin),
    startedAt: hoursAgo(age + 0.001),
    finishedAt: hoursAgo(age),
    verdict,
    failureClass: verdict === 'fail' || verdict === 'error' ? 'http_status' : null,
    summary: `${checkId} ${verdict}`,
    source: { type: 'probe', kind: 'http' },
    ...fields,
  });
}

/** What a synthetic run holds; every field has a default. */
export interface RunOptions {
  /** Defaults to a run id made from `at` and `origin`. */
  runId?: string;
  /** Defaults to the origin the run id names, else `sandbox`. */
  origin?: string;
  /** Start and finish of the run and of each record; defaults to the run id's stamp, else one hour before NOW. */
  at?: string;
  /** Gateway environment, also each record's target. */
  environment?: string;
  baseUrl?: string;
  toolVersion?: string;
  /** One record per check id with that verdict (listed first). */
  verdicts?: Record<string, Verdict>;
  /** Further records; run, origin, target and times come from the run unless given. */
  records?: RecordOverrides[];
  /** The LiteLLM and Traefik versions the run recorded. */
  gateway?: GatewayFingerprint;
}

/** A valid EvalRun (as `run.json` holds it): by default on the `demo` environment, one record per entry of `verdicts`. */
export function makeRun(options: RunOptions = {}): EvalRun {
  const origin = options.origin ?? (options.runId ? originOf(options.runId) : 'sandbox');
  const at = options.at ?? (options.runId ? timeOf(options.runId) : hoursAgo(1));
  const runId = options.runId ?? runIdFor(at, origin);
  const environment = options.environment ?? 'demo';
  const fromVerdicts = Object.entries(options.verdicts ?? {}).map(([checkId, verdict]) => ({ checkId, verdict }));
  return EvalRunSchema.parse({
    schemaVersion: 1,
    runId,
    origin,
    environment,
    baseUrl: options.baseUrl ?? 'http://127.0.0.1:4000',
    toolVersion: options.toolVersion ?? '0.1.0',
    ...(options.gateway ? { gateway: options.gateway } : {}),
    startedAt: at,
    finishedAt: at,
    records: [...fromVerdicts, ...(options.records ?? [])].map((fields) => makeRecord({ target: environment, origin, runId, startedAt: at, finishedAt: at, ...fields })),
  });
}

/** Counts and fields of one bucket to set; the rest default to an all-day `internal` bucket from `sandbox`. */
export type BucketOverrides = Partial<DailyBucket> & { checkId: string };

/** A valid day of history (`evaluation/history/<date>.json`) with one bucket per entry. */
export function makeHistoryDay(date: string, buckets: BucketOverrides[]): DailyHistory {
  return DailyHistorySchema.parse({
    schemaVersion: 1,
    date,
    runCount: 1,
    buckets: buckets.map((bucket) => ({ target: 'internal', origin: 'sandbox', firstAt: `${date}T00:00:00Z`, lastAt: `${date}T23:00:00Z`, lastVerdict: 'pass', ...bucket })),
  });
}

/** A temp project root with an empty `evaluation/` (runs/ and imports/) inside; remove `root` when done. */
export async function makeTempEvaluation(): Promise<{ root: string; evaluationDir: string }> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'proofbook-evidence-'));
  const evaluationDir = path.join(root, 'evaluation');
  await mkdir(path.join(evaluationDir, 'runs'), { recursive: true });
  await mkdir(path.join(evaluationDir, 'imports'), { recursive: true });
  return { root, evaluationDir };
}

/**
 * A fresh temp evaluation/ for every test of the calling file or block (beforeEach), removed after it
 * (afterEach); `take` receives each one: `useTempEvaluation((temp) => ({ root, evaluationDir } = temp))`.
 */
export function useTempEvaluation(take: (temp: { root: string; evaluationDir: string }) => void): void {
  let root: string | undefined;
  beforeEach(async () => {
    const temp = await makeTempEvaluation();
    root = temp.root;
    take(temp);
  });
  afterEach(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });
}

/**
 * Writes `runs/<id>/run.json` as pretty JSON, straight to disk: unlike the store's writeRun it neither validates
 * nor redacts, so tests can plant a broken run. Resolves to the file's path.
 */
export async function writeRunFile(evaluationDir: string, run: EvalRunInput | Record<string, unknown>, id = String((run as { runId: unknown }).runId)): Promise<string> {
  const dir = path.join(evaluationDir, 'runs', id);
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, 'run.json');
  await writeFile(file, `${JSON.stringify(run, null, 2)}\n`);
  return file;
}
