import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { EvidenceManifestSchema, type EvidenceManifest, type ManifestHead } from '../schemas/evidence-manifest.ts';
import { parseOrThrow } from '../schemas/parse.ts';
import { sha256Hex } from './file-digest.ts';
import { EvidencePathError, MAX_EVIDENCE_JSON_BYTES, readInside } from './inside-evaluation.ts';
import { HEAD_FILE, MANIFEST_FILE, MANIFESTS_DIR, readHead } from './manifest-chain.ts';

/**
 * Reads the manifest chain from its head back to its first link and says where it breaks: a link whose file is
 * gone (a step taken out of the chain), a manifest whose bytes no longer hash to what the next one recorded, a
 * numbering gap, a manifest no link reaches. When a link is gone the walk goes on from the manifest numbered just
 * before it, so the files of older steps are still checked.
 */

/** A break in the chain or in a file it vouches for, named by the step (run) it concerns. */
export interface ChainProblem {
  /** Sequence number of the manifest concerned, when known. */
  sequence?: number;
  /** Run or batch id of the step concerned, when known. */
  runId?: string;
  /** The file concerned, relative to evaluation/, when the problem is one file. */
  path?: string;
  message: string;
}

/** The chain as read: its manifests oldest first, and the problems found while reading it. */
export interface WalkedChain {
  head?: ManifestHead;
  manifests: { file: string; sha256: string; manifest: EvidenceManifest }[];
  problems: ChainProblem[];
}

/** The run id a manifest file name carries (`000012-20261124T153000Z-ci-7f3a.json`). */
function runIdOfFile(file: string): string {
  return file.replace(/^\d{6}-/, '').replace(/\.json$/, '');
}

interface Expected {
  file: string;
  sequence: number;
  runId: string;
  /** Unknown when the walk resumed after a missing link. */
  sha256?: string;
  /** Who points at it, for messages. */
  referrer: string;
}

async function readManifestFile(dir: string, file: string): Promise<Buffer | undefined> {
  // Bounded, and never through a link out of evaluation/: a manifest that may not be read is a missing link.
  try {
    return (await readInside(path.dirname(dir), `${path.basename(dir)}/${file}`, { what: 'evidence manifest', maxBytes: MAX_EVIDENCE_JSON_BYTES })).bytes;
  } catch (error) {
    if (error instanceof EvidencePathError) return undefined;
    throw error;
  }
}

/** Walks the chain in `evaluation/manifests/`; never throws for a broken chain (that is what it reports). */
export async function walkChain(evaluationDir: string): Promise<WalkedChain> {
  const dir = path.join(evaluationDir, MANIFESTS_DIR);
  const files = (await readdir(dir).catch(() => [] as string[])).filter((name) => MANIFEST_FILE.test(name)).sort();
  const problems: ChainProblem[] = [];
  let head: ManifestHead | undefined;
  try {
    head = await readHead(evaluationDir);
  } catch (error) {
    problems.push({ message: (error as Error).message });
  }
  if (!head) {
    if (files.length > 0) problems.push({ message: `evaluation/${MANIFESTS_DIR}/${HEAD_FILE} is missing while ${files.length} manifests remain: the newest link of the chain was removed or never written` });
    return { manifests: [], problems };
  }
  const manifests: WalkedChain['manifests'] = [];
  const visited = new Set<string>();
  let expected: Expected | undefined = { file: head.file, sequence: head.sequence, runId: head.runId, sha256: head.sha256, referrer: HEAD_FILE };
  while (expected) {
    const bytes = await readManifestFile(dir, expected.file);
    if (!bytes) {
      problems.push({ sequence: expected.sequence, runId: expected.runId, message: `run ${expected.runId} is missing from the chain: its manifest ${expected.file} (#${expected.sequence}) is gone, and ${expected.referrer} points to it` });
      const before = files.find((name) => name.startsWith(`${String(expected!.sequence - 1).padStart(6, '0')}-`));
      expected = before ? { file: before, sequence: expected.sequence - 1, runId: runIdOfFile(before), referrer: '(the walk, resumed)' } : undefined;
      continue;
    }
    visited.add(expected.file);
    const sha256 = sha256Hex(bytes);
    if (expected.sha256 && sha256 !== expected.sha256) {
      problems.push({ sequence: expected.sequence, runId: expected.runId, message: `the manifest of run ${expected.runId} (${expected.file}, #${expected.sequence}) was changed after it was chained: it hashes to ${sha256}, ${expected.referrer} recorded ${expected.sha256}` });
    }
    let manifest: EvidenceManifest;
    try {
      manifest = parseOrThrow(EvidenceManifestSchema, JSON.parse(bytes.toString('utf8')), { file: `evaluation/${MANIFESTS_DIR}/${expected.file}`, what: 'evidence manifest' });
    } catch (error) {
      problems.push({ sequence: expected.sequence, runId: expected.runId, message: (error as Error).message });
      break;
    }
    if (manifest.sequence !== expected.sequence) {
      problems.push({ sequence: manifest.sequence, runId: manifest.runId, message: `${expected.file} says it is #${manifest.sequence}, but the chain expects #${expected.sequence} there: manifests were removed or reordered` });
    }
    manifests.unshift({ file: expected.file, sha256, manifest });
    if (!manifest.previous && manifest.sequence !== 1) {
      problems.push({ sequence: manifest.sequence, runId: manifest.runId, message: `the chain starts at #${manifest.sequence} (run ${manifest.runId}), not #1: the manifests before it are no longer linked` });
    }
    expected = manifest.previous ? { ...manifest.previous, referrer: expected.file } : undefined;
  }
  for (const file of files.filter((name) => !visited.has(name))) {
    const seq = Number(file.slice(0, 6));
    problems.push({ sequence: seq, runId: runIdOfFile(file), message: `manifest ${file} (run ${runIdOfFile(file)}) is not linked from ${HEAD_FILE}: it was added outside the chain or its successor was replaced` });
  }
  return { head, manifests, problems };
}
