import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { aggregateDay, formatHistory, historyRelPath } from '../../src/evidence/history.ts';
import { writeRun, type RawArtifact } from '../../src/evidence/store.ts';
import type { EvalRun } from '../../src/schemas/eval-run.ts';
import { makeRunId } from '../../src/schemas/eval-run.ts';
import type { EvidenceRecordInput } from '../../src/schemas/evidence.ts';
import type { DailyHistory } from '../../src/schemas/history.ts';

/** Shape of the synthetic evidence: what `npm run compact` leaves after a year of hourly runs. */
export interface EvidencePlan {
  checkIds: string[];
  origins: string[];
  /** Days of raw runs kept (retention), today included. */
  rawDays: number;
  /** Days of daily history files, today included. */
  historyDays: number;
  now: Date;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Deterministic pseudo-random numbers so every bench run builds the same evidence. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 0x1_0000_0000;
  };
}

function recordFor(checkId: string, index: number, origin: string, runId: string, at: Date, random: () => number): { record: EvidenceRecordInput; raw?: RawArtifact } {
  const started = new Date(at.getTime() - 200);
  const group = checkId.split('.')[0]!;
  // The sandbox cannot resolve the LAN name for one group: origin-scoped limitations on /status.
  const dns = origin === 'sandbox' && group === 'g00';
  const roll = random();
  const verdict = dns ? 'fail' : roll < 0.01 ? 'fail' : roll < 0.03 ? 'degraded' : 'pass';
  const latencyMs = Math.round(20 + random() * 180);
  const hasTools = group === 'g02';
  const tools = hasTools ? Array.from({ length: 12 }, (_, t) => ({ name: `mcp_postgres-tool_${t}`, server: 'mcp_postgres', schemaDigest: `d${(t * 7 + (index % 3)) % 97}` })) : undefined;
  const rawName = `${checkId}.json`;
  const hasRaw = group === 'g01' || hasTools;
  const record: EvidenceRecordInput = {
    checkId,
    target: 'internal',
    origin,
    runId,
    startedAt: started.toISOString(),
    finishedAt: at.toISOString(),
    verdict,
    failureClass: dns ? 'dns' : verdict === 'fail' ? 'http_status' : verdict === 'degraded' ? 'expectation' : null,
    summary: dns ? 'getaddrinfo ENOTFOUND litellm.linuxserver.lan' : `GET /bench/${checkId} → ${verdict === 'fail' ? 502 : 200} in ${latencyMs} ms`,
    measured: dns ? {} : { status: verdict === 'fail' ? 502 : 200, latencyMs, ...(tools ? { tools, toolsByServer: { mcp_postgres: tools.length } } : {}) },
    conditions: dns ? [] : [{ condition: 'status == 200', ok: verdict !== 'fail', actual: String(verdict === 'fail' ? 502 : 200) }],
    artifacts: hasRaw && !dns ? [{ label: 'response', path: `runs/${runId}/raw/${rawName}`, mediaType: 'application/json' }] : [],
    source: { type: 'probe', kind: 'http' },
  };
  const raw = hasRaw && !dns ? { name: rawName, content: JSON.stringify({ jsonrpc: '2.0', id: index, result: { tools: tools ?? [], note: 'x'.repeat(600) } }, null, 2) } : undefined;
  return { record, raw };
}

/** One probe run of every check from one origin at one time. */
function makeRun(plan: EvidencePlan, origin: string, at: Date, random: () => number): { run: EvalRun; raws: RawArtifact[] } {
  const runId = makeRunId(origin, at, random);
  const made = plan.checkIds.map((checkId, i) => recordFor(checkId, i, origin, runId, new Date(at.getTime() + i * 5), random));
  const run = {
    schemaVersion: 1,
    runId,
    origin,
    environment: 'internal',
    baseUrl: 'https://litellm.linuxserver.lan',
    toolVersion: 'bench',
    startedAt: at.toISOString(),
    finishedAt: new Date(at.getTime() + plan.checkIds.length * 5 + 200).toISOString(),
    records: made.map((m) => m.record),
  } as EvalRun;
  return { run, raws: made.flatMap((m) => (m.raw ? [m.raw] : [])) };
}

/** A day older than the raw retention, as the compacted history file it left behind. */
function syntheticDay(plan: EvidencePlan, date: string, random: () => number): DailyHistory {
  const buckets = plan.origins.flatMap((origin) =>
    plan.checkIds.map((checkId) => {
      const fail = random() < 0.05 ? 1 + Math.floor(random() * 3) : 0;
      const degraded = random() < 0.05 ? 1 : 0;
      // As ingest writes them now: the failures as one span of a 502 in the afternoon, each one a flip in and out.
      const failures = fail > 0 ? [{ from: `${date}T14:00:00.000Z`, to: `${date}T${String(13 + fail).padStart(2, '0')}:00:00.000Z`, count: fail, key: 'http_status:502' }] : [];
      return { checkId, target: 'internal', origin, provenance: 'real' as const, pass: 24 - fail - degraded, fail, degraded, error: 0, flaky: 0, unstable: fail > 0 ? 2 : 0, firstAt: `${date}T00:00:00.000Z`, lastAt: `${date}T23:00:00.000Z`, lastVerdict: 'pass' as const, failures };
    }),
  );
  return { schemaVersion: 1, date, runCount: 24 * plan.origins.length, buckets: buckets.sort((a, b) => (a.checkId + a.origin < b.checkId + b.origin ? -1 : 1)) };
}

/** Writes raw runs for the retention window and daily history for the whole window into `evaluationDir`. */
export async function generateEvidence(evaluationDir: string, plan: EvidencePlan): Promise<{ runs: number; records: number; historyFiles: number }> {
  const random = seeded(42);
  const today = Date.UTC(plan.now.getUTCFullYear(), plan.now.getUTCMonth(), plan.now.getUTCDate());
  const rawSince = today - (plan.rawDays - 1) * DAY;
  const byDay = new Map<string, EvalRun[]>();
  let runs = 0;
  for (let t = rawSince; t <= plan.now.getTime() - HOUR / 2; t += HOUR) {
    for (const origin of plan.origins) {
      const { run, raws } = makeRun(plan, origin, new Date(t + 60_000), random);
      await writeRun(evaluationDir, run, raws);
      const day = run.startedAt.slice(0, 10);
      byDay.set(day, [...(byDay.get(day) ?? []), run]);
      runs++;
    }
  }
  await mkdir(path.join(evaluationDir, 'history'), { recursive: true });
  for (let d = 0; d < plan.historyDays; d++) {
    const date = new Date(today - d * DAY).toISOString().slice(0, 10);
    const dayRuns = byDay.get(date);
    const history = dayRuns ? aggregateDay(date, dayRuns) : syntheticDay(plan, date, random);
    await writeFile(path.join(evaluationDir, historyRelPath(date)), formatHistory(history));
  }
  return { runs, records: runs * plan.checkIds.length, historyFiles: plan.historyDays };
}
