import { readdirSync } from 'node:fs';
import path from 'node:path';
import { EvidenceManifestSchema, type EvidenceManifest } from '../schemas/evidence-manifest.ts';
import { sha256Hex } from './file-digest.ts';
import { EvidencePathError, MAX_EVIDENCE_JSON_BYTES, readInsideSync } from './inside-evaluation.ts';
import { MANIFEST_FILE, MANIFESTS_DIR } from './manifest-chain.ts';

/** A run's manifest as its evidence page shows it: the file, its own hash, and the link before it. */
export interface RunManifest {
  file: string;
  sha256: string;
  manifest: EvidenceManifest;
}

/**
 * The manifest a run wrote, or undefined when it has none (runs from before manifests, or merged without one).
 * Synchronous like the evidence pages' other reads (src/site/routes/evidence/read-artifact.ts says why). The hash is
 * of the bytes on disk now; whether they are still the chained ones is verify-evidence's question.
 */
export function readRunManifest(evaluationDir: string, runId: string): RunManifest | undefined {
  const dir = path.join(evaluationDir, MANIFESTS_DIR);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const file = names.find((name) => MANIFEST_FILE.test(name) && name.slice(7) === `${runId}.json`);
  if (!file) return undefined;
  // Never through a link out of evaluation/, and a manifest that is not JSON is no manifest (the page must build).
  let bytes: Buffer;
  let value: unknown;
  try {
    bytes = readInsideSync(evaluationDir, `${MANIFESTS_DIR}/${file}`, { what: 'evidence manifest', maxBytes: MAX_EVIDENCE_JSON_BYTES }).bytes;
    value = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    if (error instanceof EvidencePathError || error instanceof SyntaxError) return undefined;
    throw error;
  }
  const parsed = EvidenceManifestSchema.safeParse(value);
  return parsed.success ? { file, sha256: sha256Hex(bytes), manifest: parsed.data } : undefined;
}
