import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { readImport, readImportBytes } from '../../evidence/read-import.ts';
import { loadProjectConfig } from '../../config/load.ts';
import type { Check } from '../../schemas/check.ts';
import { collectSecrets, type SecretValue } from '../../evidence/redact.ts';
import { listImportFiles } from '../../evidence/import-files.ts';
import { CAPTURE_FILE } from '../../ingest/import-capture.ts';
import { evaluationDirOf, type EvidenceLoaderOptions } from './evaluation-dir.ts';
import { createFileSync, watchFiles, type FileSyncSpec } from './file-sync.ts';

/**
 * The text a digest stands for: the file's bytes, '' when it is missing, or what is known of it when it may not be
 * read (a link out of evaluation/, a folder, over the import limit: a 600 MB one overflowed V8's string length).
 */
async function digestText(evaluationDir: string, rel: string): Promise<string> {
  const file = await readImportBytes(evaluationDir, rel);
  if ('bytes' in file) return file.bytes.toString('latin1');
  return file.unreadable.includes('not found') ? '' : `unreadable ${file.size} ${file.modifiedAt} ${file.unreadable}`;
}

const SEP = '\u0000';

function importsSpec(evaluationDir: string, secrets: readonly SecretValue[], checks: readonly Check[], onNewCapture: (dir: string) => void): FileSyncSpec {
  // Sidecars and capture folders seen by the last listing, so the pre-check does not stat thousands of absent ones.
  let sidecars = new Set<string>();
  let captures = new Map<string, string[]>();
  const captureOf = (rel: string): string | undefined => [...captures.keys()].find((dir) => rel.startsWith(`${dir}/`));
  return {
    evaluationDir,
    list: async () => {
      const listed = await listImportFiles(evaluationDir, { withSidecars: true });
      sidecars = new Set(listed.sidecars);
      captures = listed.captures;
      return listed.files;
    },
    idOf: (rel) => rel,
    // A capture folder is stamped by its capture.yaml (first: its absence removes the entry) and every file in it.
    statPaths: (rel) => {
      const files = captures.get(rel);
      if (files) return [`${rel}/${CAPTURE_FILE}`, ...files.filter((name) => name !== CAPTURE_FILE).map((name) => `${rel}/${name}`)];
      return sidecars.has(`${rel}.meta.yaml`) ? [rel, `${rel}.meta.yaml`] : [rel];
    },
    // The digest covers the artifact bytes and its sidecar (or every file of a capture folder): editing any re-parses it.
    readRaw: async (rel) => {
      const files = captures.get(rel);
      if (files) return (await Promise.all(files.map(async (name) => `${name}${SEP}${await digestText(evaluationDir, `${rel}/${name}`)}`))).join(SEP);
      const [bytes, manifest] = await Promise.all([digestText(evaluationDir, rel), digestText(evaluationDir, `${rel}.meta.yaml`)]);
      return `${bytes}${SEP}${manifest}`;
    },
    toData: async (rel) => (await readImport(evaluationDir, rel, secrets, checks)) as unknown as Record<string, unknown>,
    explain: (rel, _raw, error) => `skipped evaluation/${rel}: ${(error as Error).message}`,
    watchTarget: (rel) => {
      if (!rel.startsWith('imports/') || rel.split('/').some((part) => part.startsWith('.'))) return undefined;
      if (rel.endsWith(`/${CAPTURE_FILE}`)) {
        // A new capture folder: from now on its files belong to it.
        const dir = rel.slice(0, -CAPTURE_FILE.length - 1);
        if (!captures.has(dir)) {
          captures.set(dir, [CAPTURE_FILE]);
          onNewCapture(dir);
        }
        return dir;
      }
      const capture = captureOf(rel);
      if (capture) {
        const name = rel.slice(capture.length + 1);
        const files = captures.get(capture)!;
        if (!files.includes(name)) files.push(name);
        return capture;
      }
      if (!rel.endsWith('.meta.yaml')) return rel;
      sidecars.add(rel);
      return rel.slice(0, -'.meta.yaml'.length);
    },
  };
}

/**
 * Loads every file and capture folder under `evaluation/imports/` as an ImportedArtifact (id = path relative to
 * `evaluation/`). Artifacts no parser understands become entries with `unparseable` set.
 */
export function importsLoader(options: EvidenceLoaderOptions = {}): Loader {
  return {
    name: 'proofbook-imports-loader',
    load: async (ctx) => {
      const evaluationDir = evaluationDirOf(ctx, options);
      // The values of the secret env vars content/gateway.yaml names are masked in every import; content/checks judges them.
      const config = await loadProjectConfig(fileURLToPath(ctx.config.root));
      // Stream files written before their capture.yaml were single imports until then: they are part of the capture now.
      const dropFilesOf = (dir: string) => {
        for (const id of ctx.store.keys()) if (id.startsWith(`${dir}/`)) ctx.store.delete(id);
      };
      const spec = importsSpec(evaluationDir, collectSecrets(config.gateway, process.env), config.checks, dropFilesOf);
      const sync = createFileSync(ctx, spec);
      const stats = await sync.syncAll();
      ctx.logger.info(`imports: ${stats.parsed} parsed, ${stats.skipped} unchanged, ${stats.removed} removed`);
      await watchFiles(ctx, spec, path.join(evaluationDir, 'imports'), sync);
    },
  };
}
