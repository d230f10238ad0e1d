import { Agent } from 'undici';
import { collectSecrets } from '../evidence/redact.ts';
import { writeAttestedRun } from '../evidence/attested-run.ts';
import type { RawArtifact } from '../evidence/store.ts';
import type { Check } from '../schemas/check.ts';
import { EVIDENCE_SCHEMA_VERSION, type EvidenceRecord } from '../schemas/evidence.ts';
import { makeRunId, type EvalRun } from '../schemas/eval-run.ts';
import type { Provenance } from '../schemas/provenance.ts';
import type { Gateway } from '../schemas/gateway.ts';
import { DEFAULT_MAX_BODY_BYTES } from './context.ts';
import { dispatchOrder } from './dispatch-order.ts';
import { readFingerprint } from './fingerprint.ts';
import { mapBounded } from './pool.ts';
import { notStartedRecord, probeCheck, type RunContext } from './probe-check.ts';
import { planRun, type RunPlan } from './select.ts';
import { TOOL_VERSION } from './version.ts';

/** Gatus's default: a small global limit, because a single gateway gains little from more (perf-anchors.md B.4). */
export const DEFAULT_CONCURRENCY = 3;
export const DEFAULT_RUN_DEADLINE_MS = 5 * 60_000;
/** Reading the gateway's versions gives up after this long. */
const FINGERPRINT_TIMEOUT_MS = 3_000;

/** What every run against a gateway is told: probes (below) and runbook blocks (src/runbooks/run.ts). */
export interface RunTargetOptions {
  gateway: Gateway;
  /** Environment id from gateway.yaml, e.g. `internal`. */
  environment: string;
  /** Where this run happens, e.g. `lan-host`; recorded in every record. */
  origin: string;
  /** Overrides the environment's base URL (the demo gateway's URL is only known at run time). */
  baseUrl?: string;
  concurrency?: number;
  /** Where key values are read from, by the env var NAMES in gateway.yaml (and, for runbook blocks, PATH). */
  env: Readonly<Record<string, string | undefined>>;
  clock?: () => Date;
  /** `evaluation/` directory; the run is written there unless `write` is false. */
  evaluationDir?: string;
  write?: boolean;
  /** Called as each check finishes (in completion order). */
  onResult?: (record: EvidenceRecord, done: number, total: number) => void;
}

export interface RunProbesOptions extends RunTargetOptions {
  checks: readonly Check[];
  /** Only these check ids (or groups, `mcp` / `mcp.*`). */
  only?: readonly string[];
  now?: () => number;
  runDeadlineMs?: number;
  maxBodyBytes?: number;
  /** Traefik's API base URL, when known (the real stack), so the run records the Traefik version. */
  traefikApiUrl?: string;
}

/** A finished run and its raw transcripts, before or after it was stored. */
export interface ExecutedRun {
  run: EvalRun;
  raw: RawArtifact[];
  /** Directory the run was written to, when it was. */
  dir?: string;
}

/** What a run's records name as their target: a `--base-url` elsewhere than the environment's own URL is never that environment. */
export function targetLabel(environment: string, plan: Pick<RunPlan, 'host' | 'isOverride'>): string {
  return plan.isOverride ? `${environment} (override ${plan.host})` : environment;
}

/** Runs the selected checks with bounded concurrency under a run deadline; never throws for a failing target. */
export async function executeRun(options: RunProbesOptions): Promise<ExecutedRun> {
  const plan = planRun(options);
  const clock = options.clock ?? (() => new Date());
  const startedAt = clock();
  const runId = makeRunId(options.origin, startedAt);
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const dispatcher = new Agent({ keepAliveTimeout: 10_000, connections: null });
  const runDeadlineMs = options.runDeadlineMs ?? DEFAULT_RUN_DEADLINE_MS;
  const runDeadline = new AbortController();
  const runTimer = setTimeout(() => runDeadline.abort(new Error(`run deadline of ${runDeadlineMs} ms reached`)), runDeadlineMs);
  const raw: RawArtifact[] = [];
  const ctx: RunContext = {
    runId, environmentId: options.environment, target: targetLabel(options.environment, plan), host: plan.host, environment: plan.environment, baseUrl: plan.baseUrl, origin: options.origin,
    dispatcher, runSignal: runDeadline.signal, credentials: plan.credentials, secrets: collectSecrets(options.gateway, options.env),
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES, clock, now: options.now ?? (() => performance.now()),
    onRaw: (artifact) => raw.push(artifact),
  };
  let done = 0;
  // What answered (the LiteLLM and Traefik versions) is read beside the checks, bounded so an unresponsive
  // gateway costs the run nothing beyond its checks' own deadlines.
  const fingerprint = readFingerprint({ baseUrl: plan.baseUrl, key: plan.credentials.key, traefikApiUrl: options.traefikApiUrl, dispatcher, signal: AbortSignal.any([runDeadline.signal, AbortSignal.timeout(FINGERPRINT_TIMEOUT_MS)]) }).catch(() => undefined);
  try {
    const probed = new Array<EvidenceRecord>(plan.checks.length);
    await mapBounded(dispatchOrder(plan.checks, options.environment), concurrency, async (index) => {
      const check = plan.checks[index]!;
      const record = runDeadline.signal.aborted ? notStartedRecord(check, ctx, runDeadlineMs) : await probeCheck(check, ctx);
      options.onResult?.(record, ++done, plan.checks.length);
      probed[index] = record;
    });
    // One answer from the demo gateway makes the whole run demo evidence, its client CLI checks included.
    const provenance: Provenance = probed.some((record) => record.provenance === 'demo') ? 'demo' : 'real';
    const records = probed.map((record) => ({ ...record, provenance }));
    const gateway = await fingerprint;
    const run: EvalRun = {
      schemaVersion: EVIDENCE_SCHEMA_VERSION, runId, origin: options.origin, environment: options.environment,
      baseUrl: plan.displayBaseUrl, override: plan.isOverride, provenance, toolVersion: TOOL_VERSION, ...(gateway ? { gateway } : {}),
      startedAt: startedAt.toISOString(), finishedAt: clock().toISOString(), records,
    };
    return { run, raw };
  } finally {
    clearTimeout(runTimer);
    // Streams are all finished or aborted here; destroy rather than close so a stuck socket cannot hold the process.
    await dispatcher.destroy();
  }
}

/** Runs the probes and, with an `evaluationDir`, stores the run atomically; resolves to the run. */
export async function runProbes(options: RunProbesOptions): Promise<EvalRun> {
  return (await runAndStore(options)).run;
}

/** Like {@link runProbes}, also returning the raw transcripts and the directory written. */
export async function runAndStore(options: RunProbesOptions): Promise<ExecutedRun> {
  const executed = await executeRun(options);
  if (options.evaluationDir && options.write !== false) {
    executed.dir = await writeAttestedRun(options.evaluationDir, executed.run, executed.raw, { secrets: collectSecrets(options.gateway, options.env) }, 'probe');
  }
  return executed;
}
