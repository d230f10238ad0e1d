import type { CheckOutcome } from '../checks/outcome.ts';
import { redactDeep, type SecretValue } from '../evidence/redact.ts';
import { runRelativeDir, safeArtifactName, type RawArtifact } from '../evidence/store.ts';
import type { EvidenceRecord } from '../schemas/evidence.ts';
import type { RunbookBlockObservation } from '../schemas/observation.ts';
import type { Provenance } from '../schemas/provenance.ts';
import type { RunbookBlock } from '../schemas/runbook.ts';

/** What every block of one runbook run shares. */
export interface BlockRunContext {
  runId: string;
  target: string;
  origin: string;
  host: string;
  provenance: Provenance;
  gitCommit?: string;
  secrets: readonly SecretValue[];
}

/** The raw artifact of a block: where it is, what ran, what it printed and how it ended (already redacted). */
export function blockTranscript(block: RunbookBlock, obs: RunbookBlockObservation): string {
  const ending = obs.timedOut ? `killed after ${block.timeoutMs} ms (timeout)` : obs.exitCode === null ? `ended by ${obs.signal ?? 'a signal'}` : `exit ${obs.exitCode}`;
  return [
    `# runbook block ${block.blockId} (${block.file}:${block.line})`,
    `# source sha256:${block.sourceHash}`,
    `# bash -euo pipefail against ${obs.baseUrl}`,
    ...block.code.split('\n').map((line) => `$ ${line}`),
    obs.output.replace(/\n$/, ''),
    ...(obs.truncated ? [`# output cut at ${Buffer.byteLength(obs.output)} of ${obs.outputBytes} bytes`] : []),
    `# ${ending} after ${Math.round(obs.latencyMs)} ms`,
    '',
  ].join('\n');
}

/** The evidence record of one executed block and its raw artifact, redacted. */
export function blockRecord(block: RunbookBlock, obs: RunbookBlockObservation, outcome: CheckOutcome, times: { startedAt: Date; finishedAt: Date }, ctx: BlockRunContext): { record: EvidenceRecord; artifact: RawArtifact } {
  const name = safeArtifactName(`${block.id}.txt`);
  const content = blockTranscript(block, obs);
  const record: EvidenceRecord = {
    checkId: block.id,
    target: ctx.target,
    origin: ctx.origin,
    runId: ctx.runId,
    startedAt: times.startedAt.toISOString(),
    finishedAt: times.finishedAt.toISOString(),
    verdict: outcome.verdict,
    failureClass: outcome.failureClass,
    summary: outcome.summary,
    measured: outcome.measured,
    conditions: outcome.conditions,
    artifacts: [{ label: 'block output', path: `${runRelativeDir(ctx.runId)}/raw/${name}`, bytes: Buffer.byteLength(content), mediaType: 'text/plain' }],
    provenance: ctx.provenance,
    host: ctx.host,
    runbook: {
      page: block.page,
      blockId: block.blockId,
      location: `${block.file}:${block.line}`,
      sourceHash: block.sourceHash,
      exitCode: obs.exitCode,
      timedOut: obs.timedOut,
      output: obs.output,
      outputBytes: obs.outputBytes,
      truncated: obs.truncated,
      durationMs: Math.round(obs.latencyMs),
      ...(ctx.gitCommit ? { gitCommit: ctx.gitCommit } : {}),
    },
    source: { type: 'probe', kind: 'runbook-block' },
  };
  return { record: redactDeep(record, ctx.secrets), artifact: { name, content } };
}
