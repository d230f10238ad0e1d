import { setTimeout as sleep } from 'node:timers/promises';
import type { Dispatcher } from 'undici';
import type { CheckOutcome } from '../checks/outcome.ts';
import { redactDeep, redactObservation, type SecretValue } from '../evidence/redact.ts';
import { runRelativeDir, safeArtifactName, type RawArtifact } from '../evidence/store.ts';
import type { Check } from '../schemas/check.ts';
import type { ArtifactRef, EvidenceRecord } from '../schemas/evidence.ts';
import { DEMO_GATEWAY_HEADER } from '../schemas/provenance.ts';
import type { GatewayEnvironment } from '../schemas/gateway.ts';
import type { ProbeContext } from './context.ts';
import { judge } from '../checks/registry.ts';
import type { ObservationCore } from '../schemas/observation.ts';
import { probes, type ProbeRegistry } from './registry.ts';
import { formatTranscript } from './transcript.ts';

/** What probing one check needs besides the check: shared by every check of a run. */
export interface RunContext {
  runId: string;
  environmentId: string;
  /** What records name as their target: the environment id, or `<id> (override <host>)` for a `--base-url` run. */
  target: string;
  /** Host (and port) probed. */
  host: string;
  environment: GatewayEnvironment;
  baseUrl: string;
  origin: string;
  dispatcher: Dispatcher;
  /** Fires at the run deadline. */
  runSignal: AbortSignal;
  credentials: ProbeContext['credentials'];
  secrets: readonly SecretValue[];
  maxBodyBytes: number;
  clock: () => Date;
  now: () => number;
  /** Receives the redacted raw transcript of each check. */
  onRaw?: (artifact: RawArtifact) => void;
}

/** Extra time past a check's deadline before the runner stops waiting for a probe that ignores its signal. */
const HARD_STOP_GRACE_MS = 1000;

function outcomeOfCrash(error: unknown): CheckOutcome {
  return { verdict: 'error', failureClass: null, summary: `probe crashed: ${(error as Error)?.message ?? String(error)}`, conditions: [], measured: {} };
}

/** Runs the probe under its deadline; a probe that overstays it is abandoned and recorded as a timeout. */
async function observe(check: Check, ctx: RunContext): Promise<{ obs?: ObservationCore; outcome?: CheckOutcome }> {
  const probe = (probes as ProbeRegistry)[check.kind];
  if (!probe) return { outcome: outcomeOfCrash(new Error(`no probe registered for kind "${check.kind}"`)) };
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(new Error(`deadline of ${check.timeout} ms reached`)), check.timeout);
  const signal = AbortSignal.any([deadline.signal, ctx.runSignal]);
  const probeCtx: ProbeContext = { ...ctx, signal };
  let hardStop: NodeJS.Timeout | undefined;
  try {
    // The run's deadline (--deadline) bounds every check as its own timeout does (issue 25 item 5): a probe that
    // does not react to either within the grace is abandoned.
    const stop = new Promise<'hard-stop'>((resolve) => {
      hardStop = setTimeout(resolve, check.timeout + HARD_STOP_GRACE_MS, 'hard-stop');
      const onRunDeadline = () => {
        clearTimeout(hardStop);
        hardStop = setTimeout(resolve, HARD_STOP_GRACE_MS, 'hard-stop');
      };
      if (ctx.runSignal.aborted) onRunDeadline();
      else ctx.runSignal.addEventListener('abort', onRunDeadline, { once: true });
    });
    const obs = await Promise.race([probe.run(check, probeCtx), stop]);
    if (obs === 'hard-stop') {
      const why = ctx.runSignal.aborted ? 'the run deadline was reached' : `no result within ${check.timeout} ms`;
      return { outcome: { verdict: 'fail', failureClass: 'timeout', summary: `timeout: ${why}`, conditions: [], measured: {} } };
    }
    // Checks cut what they show (summaries, `actual`): they see only redacted text, capped ends included.
    return { obs, outcome: judge(check, redactObservation(obs, ctx.secrets), ctx.environmentId) };
  } catch (error) {
    return { outcome: outcomeOfCrash(error) };
  } finally {
    clearTimeout(timer);
    clearTimeout(hardStop);
  }
}

/** Whether the demo gateway answered any request of an observation (it names itself in a response header). */
function answeredByDemoGateway(obs: ObservationCore | undefined): boolean {
  return obs?.transcript.some((entry) => entry.response?.headers[DEMO_GATEWAY_HEADER] !== undefined) ?? false;
}

/** One attempt at a check: what it observed, how it was judged, and when. */
interface AttemptRun {
  obs?: ObservationCore;
  outcome: CheckOutcome;
  startedAt: Date;
  finishedAt: Date;
}

/**
 * Runs a check, and retries a `fail` or `error` as its policy says (src/schemas/retry.ts), waiting the backoff
 * (doubled each time) between attempts; a retry is never started once the run deadline has passed. Each attempt
 * has the check's own deadline, so a retried check takes at most (count + 1) × timeout plus its backoffs.
 */
async function attemptAll(check: Check, ctx: RunContext): Promise<AttemptRun[]> {
  const { count, backoff } = check.retry;
  const attempts: AttemptRun[] = [];
  for (let retry = 0; ; retry++) {
    const startedAt = ctx.clock();
    const { obs, outcome } = await observe(check, ctx);
    attempts.push({ obs, outcome: outcome!, startedAt, finishedAt: ctx.clock() });
    const failed = outcome!.verdict === 'fail' || outcome!.verdict === 'error';
    if (!failed || retry >= count || ctx.runSignal.aborted) return attempts;
    const waited = await sleep(backoff * 2 ** retry, undefined, { signal: ctx.runSignal }).then(
      () => true,
      (error: Error) => {
        if (error.name !== 'AbortError') throw error;
        return false;
      },
    );
    if (!waited) return attempts;
  }
}

/** The redacted transcript of each attempt, the last one under the check's own name (`<id>.txt`). */
function keepTranscripts(check: Check, ctx: RunContext, attempts: readonly AttemptRun[]): (ArtifactRef | undefined)[] {
  return attempts.map(({ obs }, i) => {
    if (!obs?.transcript.length) return undefined;
    const isLast = i === attempts.length - 1;
    const name = safeArtifactName(isLast ? `${check.id}.txt` : `${check.id}.attempt-${i + 1}.txt`);
    const content = formatTranscript(check.id, obs.transcript, ctx.secrets);
    ctx.onRaw?.({ name, content });
    const label = attempts.length === 1 ? 'transcript' : `transcript, attempt ${i + 1} of ${attempts.length}`;
    return { label, path: `${runRelativeDir(ctx.runId)}/raw/${name}`, bytes: Buffer.byteLength(content), mediaType: 'text/plain' };
  });
}

/** The record's summary: the last attempt's; a pass after a retry also says what the first attempt saw. */
function summaryOf(attempts: readonly AttemptRun[]): string {
  const last = attempts.at(-1)!.outcome;
  if (attempts.length === 1 || last.verdict !== 'pass') return last.summary;
  return `${last.summary} (passed on attempt ${attempts.length} of ${attempts.length}; attempt 1: ${attempts[0]!.outcome.summary})`;
}

/** Probes one check (retrying a failure as its policy says) and returns its redacted evidence record; transcripts go to `ctx.onRaw`. */
export async function probeCheck(check: Check, ctx: RunContext): Promise<EvidenceRecord> {
  const attempts = await attemptAll(check, ctx);
  const transcripts = keepTranscripts(check, ctx, attempts);
  const final = attempts.at(-1)!;
  const result = final.outcome;
  const record: EvidenceRecord = {
    checkId: check.id,
    target: ctx.target,
    origin: ctx.origin,
    runId: ctx.runId,
    provenance: attempts.some((attempt) => answeredByDemoGateway(attempt.obs)) ? 'demo' : 'real',
    host: ctx.host,
    startedAt: attempts[0]!.startedAt.toISOString(),
    finishedAt: final.finishedAt.toISOString(),
    verdict: result.verdict,
    failureClass: result.failureClass,
    summary: summaryOf(attempts),
    measured: result.measured,
    conditions: result.conditions,
    // The last attempt's transcript first: it is the one the verdict rests on.
    artifacts: [transcripts.at(-1), ...transcripts.slice(0, -1)].filter((artifact): artifact is ArtifactRef => artifact !== undefined),
    source: { type: 'probe', kind: check.kind },
  };
  if (attempts.length > 1) {
    record.attempts = attempts.map(({ outcome, startedAt, finishedAt }, i) => ({
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      verdict: outcome.verdict === 'expected-fail' ? 'fail' : outcome.verdict,
      failureClass: outcome.failureClass,
      summary: outcome.summary,
      ...(transcripts[i] ? { artifact: transcripts[i]!.path } : {}),
    }));
  }
  return redactDeep(record, ctx.secrets);
}

/** The record for a check the run never started because its deadline had passed. */
export function notStartedRecord(check: Check, ctx: RunContext, runDeadlineMs: number): EvidenceRecord {
  const at = ctx.clock().toISOString();
  return {
    checkId: check.id, target: ctx.target, origin: ctx.origin, runId: ctx.runId, provenance: 'real', host: ctx.host, startedAt: at, finishedAt: at,
    verdict: 'error', failureClass: 'timeout', summary: `not started: the run deadline (${runDeadlineMs} ms) had passed`,
    measured: {}, conditions: [], artifacts: [], source: { type: 'probe', kind: check.kind },
  };
}
