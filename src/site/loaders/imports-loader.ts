import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { readImport, readImportBytes, readManifestText } from '../../evidence/read-import.ts';
import { loadGateway } from '../../config/gateway-file.ts';
import { collectSecrets, type SecretValue } from '../../evidence/redact.ts';
import { listImportFiles } from '../../evidence/import-files.ts';
import { evaluationDirOf, type EvidenceLoaderOptions } from './evaluation-dir.ts';
import { createFileSync, watchFiles, type FileSyncSpec } from './file-sync.ts';

function importsSpec(evaluationDir: string, secrets: readonly SecretValue[]): FileSyncSpec {
  // Sidecars seen by the last listing, so the pre-check does not stat thousands of absent ones.
  let sidecars = new Set<string>();
  return {
    evaluationDir,
    list: async () => {
      const listed = await listImportFiles(evaluationDir, { withSidecars: true });
      sidecars = new Set(listed.sidecars);
      return listed.files;
    },
    idOf: (rel) => rel,
    statPaths: (rel) => (sidecars.has(`${rel}.meta.yaml`) ? [rel, `${rel}.meta.yaml`] : [rel]),
    // The digest covers the artifact bytes and its sidecar: editing the manifest re-parses the artifact. Neither is
    // read through a link out of evaluation/, and a file over the import limit is not read at all (a 600 MB one
    // overflowed V8's string length): its size and mtime stand for it.
    readRaw: async (rel) => {
      const [file, manifest] = await Promise.all([readImportBytes(evaluationDir, rel), readManifestText(evaluationDir, rel)]);
      const body = 'bytes' in file ? file.bytes.toString('latin1') : `unreadable ${file.size} ${file.modifiedAt} ${file.unreadable}`;
      const meta = 'unreadable' in manifest ? `unreadable ${manifest.unreadable}` : (manifest.text ?? '');
      return `${body}\u0000${meta}`;
    },
    toData: async (rel) => (await readImport(evaluationDir, rel, secrets)) as unknown as Record<string, unknown>,
    explain: (rel, _raw, error) => `skipped evaluation/${rel}: ${(error as Error).message}`,
    watchTarget: (rel) => {
      if (!rel.startsWith('imports/') || rel.split('/').some((part) => part.startsWith('.'))) return undefined;
      if (!rel.endsWith('.meta.yaml')) return rel;
      sidecars.add(rel);
      return rel.slice(0, -'.meta.yaml'.length);
    },
  };
}

/**
 * Loads every file under `evaluation/imports/` as an ImportedArtifact (id = path relative to
 * `evaluation/`). Artifacts no parser understands become entries with `unparseable` set.
 */
export function importsLoader(options: EvidenceLoaderOptions = {}): Loader {
  return {
    name: 'proofbook-imports-loader',
    load: async (ctx) => {
      const evaluationDir = evaluationDirOf(ctx, options);
      // The values of the secret env vars content/gateway.yaml names are masked in every import.
      const secrets = collectSecrets(await loadGateway(fileURLToPath(ctx.config.root)), process.env);
      const spec = importsSpec(evaluationDir, secrets);
      const sync = createFileSync(ctx, spec);
      const stats = await sync.syncAll();
      ctx.logger.info(`imports: ${stats.parsed} parsed, ${stats.skipped} unchanged, ${stats.removed} removed`);
      await watchFiles(ctx, spec, path.join(evaluationDir, 'imports'), sync);
    },
  };
}
