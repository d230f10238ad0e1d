import type { Dispatcher } from 'undici';
import type { CheckOutcome } from '../checks/outcome.ts';
import { redactDeep, redactObservation, type SecretValue } from '../evidence/redact.ts';
import { runRelativeDir, safeArtifactName, type RawArtifact } from '../evidence/store.ts';
import type { Check } from '../schemas/check.ts';
import type { EvidenceRecord } from '../schemas/evidence.ts';
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

/** Probes one check and returns its redacted evidence record (the raw transcript goes to `ctx.onRaw`). */
export async function probeCheck(check: Check, ctx: RunContext): Promise<EvidenceRecord> {
  const startedAt = ctx.clock();
  const { obs, outcome } = await observe(check, ctx);
  const finishedAt = ctx.clock();
  const artifacts = [];
  if (obs?.transcript.length) {
    const name = safeArtifactName(`${check.id}.txt`);
    const content = formatTranscript(check.id, obs.transcript, ctx.secrets);
    ctx.onRaw?.({ name, content });
    artifacts.push({ label: 'transcript', path: `${runRelativeDir(ctx.runId)}/raw/${name}`, bytes: Buffer.byteLength(content), mediaType: 'text/plain' });
  }
  const result = outcome!;
  const record: EvidenceRecord = {
    checkId: check.id,
    target: ctx.target,
    origin: ctx.origin,
    runId: ctx.runId,
    provenance: answeredByDemoGateway(obs) ? 'demo' : 'real',
    host: ctx.host,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    verdict: result.verdict,
    failureClass: result.failureClass,
    summary: result.summary,
    measured: result.measured,
    conditions: result.conditions,
    artifacts,
    source: { type: 'probe', kind: check.kind },
  };
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
