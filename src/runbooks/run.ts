import { judgeRunbookBlock } from '../checks/registry.ts';
import { collectSecrets } from '../evidence/redact.ts';
import { writeAttestedRun } from '../evidence/attested-run.ts';
import type { RawArtifact } from '../evidence/store.ts';
import { mapBounded } from '../probes/pool.ts';
import { targetLabel, type ExecutedRun, type RunTargetOptions } from '../probes/run.ts';
import { planRun } from '../probes/select.ts';
import { TOOL_VERSION } from '../probes/version.ts';
import { makeRunId, type EvalRun } from '../schemas/eval-run.ts';
import { EVIDENCE_SCHEMA_VERSION } from '../schemas/evidence.ts';
import { ProofbookInputError } from '../schemas/parse.ts';
import type { RunbookBlock } from '../schemas/runbook.ts';
import { blockEnv } from './block-env.ts';
import { blockRecord, type BlockRunContext } from './block-record.ts';
import { runBlock } from './run-block.ts';
import { gitCommit, provenanceAt } from './surroundings.ts';

/**
 * `npm run runbooks`: every `run=ci` block of the docs, executed against one environment from one origin, judged
 * by src/checks/, and stored as one run in evaluation/runs/ (one record per block), like a probe run.
 */

/** Blocks run a few at a time: most wait on the gateway, and a stream capture waits out its window. */
export const DEFAULT_BLOCK_CONCURRENCY = 4;

export interface RunbooksOptions extends RunTargetOptions {
  root: string;
  blocks: readonly RunbookBlock[];
  /** Block ids, check ids or pages (`runbooks/gateway-routing`) to run; all `run=ci` blocks when empty. */
  only?: readonly string[];
  tempRoot?: string;
}

export interface RunbooksRun extends ExecutedRun {
  /** `run=manual` blocks, listed but never executed. */
  manual: RunbookBlock[];
}

function selects(entry: string, block: RunbookBlock): boolean {
  return entry === block.id || entry === block.blockId || entry === block.page || block.id.startsWith(`${entry}.`);
}

/** The `run=ci` blocks `only` selects; an entry that selects nothing is a usage error naming what exists. */
export function selectBlocks(blocks: readonly RunbookBlock[], only: readonly string[] = []): RunbookBlock[] {
  const runnable = blocks.filter((block) => block.run === 'ci');
  const unknown = only.filter((entry) => !runnable.some((block) => selects(entry, block)));
  if (unknown.length > 0) {
    throw new ProofbookInputError('--only', 'runbooks run', [{ path: 'only', message: `no run=ci block matches ${unknown.map((u) => `"${u}"`).join(', ')}` }], `blocks are: ${runnable.map((b) => b.blockId).join(', ')}`);
  }
  return only.length === 0 ? runnable : runnable.filter((block) => only.some((entry) => selects(entry, block)));
}

/** Executes the selected blocks, judges each, and stores the run when `evaluationDir` is given. */
export async function runRunbooks(options: RunbooksOptions): Promise<RunbooksRun> {
  const plan = planRun({ gateway: options.gateway, checks: [], environment: options.environment, ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}), env: options.env });
  const blocks = selectBlocks(options.blocks, options.only);
  const clock = options.clock ?? (() => new Date());
  const startedAt = clock();
  const secrets = collectSecrets(options.gateway, options.env);
  const { env, missing } = blockEnv({ environment: plan.environment, baseUrl: plan.baseUrl, from: options.env });
  const [provenance, commit] = await Promise.all([provenanceAt(plan.baseUrl), gitCommit(options.root)]);
  const ctx: BlockRunContext = {
    runId: makeRunId(options.origin, startedAt), target: targetLabel(options.environment, plan), origin: options.origin, host: plan.host, provenance, secrets,
    ...(commit ? { gitCommit: commit } : {}),
  };
  const raw: RawArtifact[] = [];
  let done = 0;
  const records = await mapBounded(blocks, options.concurrency ?? DEFAULT_BLOCK_CONCURRENCY, async (block) => {
    const blockStart = clock();
    const obs = await runBlock({ code: block.code, timeoutMs: block.timeoutMs, env, secrets, baseUrl: plan.baseUrl, missingEnv: missing, ...(options.tempRoot ? { tempRoot: options.tempRoot } : {}) });
    const { record, artifact } = blockRecord(block, obs, judgeRunbookBlock(block, obs), { startedAt: blockStart, finishedAt: clock() }, ctx);
    raw.push(artifact);
    options.onResult?.(record, ++done, blocks.length);
    return record;
  });
  const run: EvalRun = {
    schemaVersion: EVIDENCE_SCHEMA_VERSION, runId: ctx.runId, origin: options.origin, environment: options.environment, baseUrl: plan.displayBaseUrl,
    override: plan.isOverride, provenance, toolVersion: TOOL_VERSION, startedAt: startedAt.toISOString(), finishedAt: clock().toISOString(), records,
  };
  const manual = options.blocks.filter((block) => block.run === 'manual');
  if (!options.evaluationDir || options.write === false) return { run, raw, manual };
  const dir = await writeAttestedRun(options.evaluationDir, run, raw, { secrets }, 'runbooks');
  return { run, raw, dir, manual };
}
