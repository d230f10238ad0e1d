import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { EvidenceManifest, ManifestHead } from '../schemas/evidence-manifest.ts';
import { EvidencePathError, hashInside } from './inside-evaluation.ts';
import { walkChain, type ChainProblem } from './manifest-walk.ts';
import { RUN_SUMMARY_FILE } from './run-summary-file.ts';

/**
 * `npm run verify-evidence`: the chain (manifest-walk.ts) and every file it vouches for. Runs and imports are
 * written once, so each must still hash as its first manifest recorded; history files are rewritten by ingest
 * and compaction, so each must hash as its latest manifest recorded. A run or history file that no manifest
 * names was put there by hand. Files a later compaction removed on purpose are not expected.
 */

/** What was checked and what broke, oldest step first. */
export interface VerifyReport {
  head?: ManifestHead;
  manifests: number;
  /** Files checked against a manifest. */
  files: number;
  problems: ChainProblem[];
}

/** How a path was attested: by which step, with which hash. */
interface Attestation {
  sha256: string;
  sequence: number;
  runId: string;
}

/** Paths written once: a later manifest may repeat them but not change them. */
const isWriteOnce = (rel: string) => rel.startsWith('runs/') || rel.startsWith('imports/');

/** Files Proofbook writes that every manifest-writing step attests (imports are attested by the next ingest). */
async function ownFiles(evaluationDir: string): Promise<string[]> {
  const list = async (sub: string) =>
    (await readdir(path.join(evaluationDir, sub), { recursive: true, withFileTypes: true }).catch(() => []))
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(evaluationDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
  const runs = (await list('runs')).filter((rel) => !rel.split('/')[1]!.startsWith('.') && path.posix.basename(rel) !== RUN_SUMMARY_FILE);
  const history = (await list('history')).filter((rel) => rel.endsWith('.json'));
  return [...runs, ...history];
}

function isRemoved(rel: string, removed: readonly string[]): boolean {
  return removed.some((entry) => (entry.endsWith('/') ? rel.startsWith(entry) : rel === entry));
}

/** The hash each path must have, from the manifests oldest first; and the write-once paths a later step changed. */
function attestations(manifests: readonly EvidenceManifest[]): { expected: Map<string, Attestation>; problems: ChainProblem[] } {
  const expected = new Map<string, Attestation>();
  const problems: ChainProblem[] = [];
  for (const manifest of manifests) {
    for (const rel of [...expected.keys()]) if (isRemoved(rel, manifest.removed)) expected.delete(rel);
    for (const artifact of manifest.artifacts) {
      const earlier = expected.get(artifact.path);
      if (earlier && isWriteOnce(artifact.path)) {
        if (earlier.sha256 !== artifact.sha256) {
          problems.push({ sequence: manifest.sequence, runId: earlier.runId, path: artifact.path, message: `evaluation/${artifact.path} changed after run ${earlier.runId} wrote it (manifest #${earlier.sequence}); ${manifest.kind} ${manifest.runId} (#${manifest.sequence}) read it with sha256 ${artifact.sha256}, written as ${earlier.sha256}` });
        }
        continue;
      }
      expected.set(artifact.path, { sha256: artifact.sha256, sequence: manifest.sequence, runId: manifest.runId });
    }
  }
  return { expected, problems };
}

/** The run a path under runs/ belongs to, for messages. */
function runOf(rel: string): string | undefined {
  return rel.startsWith('runs/') ? rel.split('/')[1] : undefined;
}

/** Checks the chain and every file in it; never throws for what it finds (that is the report). */
export async function verifyEvidence(evaluationDir: string): Promise<VerifyReport> {
  const chain = await walkChain(evaluationDir);
  const { expected, problems: rewrites } = attestations(chain.manifests.map((entry) => entry.manifest));
  const problems = [...chain.problems, ...rewrites];
  // A write-once file a later step read changed is reported once, by that step.
  const reported = new Set(rewrites.map((problem) => problem.path));
  for (const [rel, attestation] of expected) {
    if (reported.has(rel)) continue;
    // Hashed through the same reader as everything else: a link out of evaluation/ or a FIFO is never read.
    let hashed: { sha256: string } | undefined;
    try {
      hashed = await hashInside(evaluationDir, rel);
    } catch (error) {
      if (!(error instanceof EvidencePathError)) throw error;
      if (error.problem !== 'missing') {
        problems.push({ ...attestation, path: rel, message: `evaluation/${rel} ${error.issues[0]?.message ?? error.message}` });
        continue;
      }
    }
    if (!hashed) {
      problems.push({ ...attestation, path: rel, message: `evaluation/${rel} is missing: ${attestation.runId} wrote it (manifest #${attestation.sequence}) and no later step removed it` });
    } else if (hashed.sha256 !== attestation.sha256) {
      problems.push({ ...attestation, path: rel, message: `evaluation/${rel} was changed after ${attestation.runId} wrote it (manifest #${attestation.sequence}): it hashes to ${hashed.sha256}, the manifest recorded ${attestation.sha256}` });
    }
  }
  for (const rel of await ownFiles(evaluationDir)) {
    if (expected.has(rel)) continue;
    const run = runOf(rel);
    problems.push({ ...(run ? { runId: run } : {}), path: rel, message: `evaluation/${rel} is in no manifest${run ? `: run ${run} was put there without one` : ''} (npm run verify-evidence -- --adopt vouches for such files, in a manifest of its own)` });
  }
  // Oldest step first, so the first problem is where the evidence first stopped being what was written.
  const ordered = problems.map((problem, i) => ({ problem, i })).sort((a, b) => (a.problem.sequence ?? Number.MAX_SAFE_INTEGER) - (b.problem.sequence ?? Number.MAX_SAFE_INTEGER) || a.i - b.i);
  return { head: chain.head, manifests: chain.manifests.length, files: expected.size, problems: ordered.map(({ problem }) => problem) };
}

/** Files Proofbook wrote (runs, history) or took in (imports) that no manifest names yet, for `--adopt`. */
export async function unattestedFiles(evaluationDir: string): Promise<string[]> {
  const chain = await walkChain(evaluationDir);
  const { expected } = attestations(chain.manifests.map((entry) => entry.manifest));
  const imports = (await readdir(path.join(evaluationDir, 'imports'), { recursive: true, withFileTypes: true }).catch(() => []))
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(evaluationDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
  return [...(await ownFiles(evaluationDir)), ...imports].filter((rel) => !expected.has(rel)).sort();
}
