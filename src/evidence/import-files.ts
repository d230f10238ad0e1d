import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { CAPTURE_FILE } from '../ingest/import-capture.ts';

const isImportArtifact = (name: string): boolean => !name.startsWith('.') && !name.endsWith('.meta.yaml') && name !== 'README.md';

/** What `listImportFiles` found, with the sidecars and capture folders spelled out for the loader's pre-check. */
export interface ImportListing {
  /** Imported artifacts: single files and capture folders, relative to the evaluation dir, sorted. */
  files: string[];
  /** `<file>.meta.yaml` sidecars that exist. */
  sidecars: string[];
  /** Each capture folder (`imports/<name>`) with the names of the files in it. */
  captures: Map<string, string[]>;
}

/**
 * Every imported artifact under `imports/` (recursively), relative to the evaluation dir: each single file (sidecars
 * excluded) and each capture folder (a folder holding capture.yaml, issue 24 item 3) as ONE artifact, the files in it
 * not listed on their own.
 */
export async function listImportFiles(evaluationDir: string): Promise<string[]>;
/** The same, plus the sidecar manifests and the files of each capture folder (so callers need not probe for them). */
export async function listImportFiles(evaluationDir: string, options: { withSidecars: true }): Promise<ImportListing>;
export async function listImportFiles(evaluationDir: string, options?: { withSidecars: true }): Promise<string[] | ImportListing> {
  const root = path.join(evaluationDir, 'imports');
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  // String slicing instead of path.relative: this runs for every file on every warm sync.
  const prefix = evaluationDir.length + 1;
  const found: { dir: string; name: string }[] = [];
  const captures = new Map<string, string[]>();
  for (const e of entries) {
    // A link is listed like a file: reading it checks where it leads, and one out of evaluation/ is reported
    // as unparseable, never followed (src/evidence/inside-evaluation.ts). Folders are walked, links are not.
    if (!(e.isFile() || e.isSymbolicLink()) || e.name.startsWith('.')) continue;
    const dir = e.parentPath.slice(prefix).split(path.sep).join('/');
    if (dir.includes('/.')) continue; // hidden folders (editor swap dirs, temp copies)
    found.push({ dir, name: e.name });
    if (e.name === CAPTURE_FILE && dir !== 'imports') captures.set(dir, []);
  }
  const captureOf = (dir: string): string | undefined => {
    for (let d = dir; d.includes('/'); d = d.slice(0, d.lastIndexOf('/'))) if (captures.has(d)) return d;
    return undefined;
  };
  const files: string[] = [...captures.keys()];
  const sidecars: string[] = [];
  for (const { dir, name } of found) {
    const capture = captureOf(dir);
    if (capture) captures.get(capture)!.push(`${dir}/${name}`.slice(capture.length + 1));
    else if (name.endsWith('.meta.yaml')) sidecars.push(`${dir}/${name}`);
    else if (isImportArtifact(name)) files.push(`${dir}/${name}`);
  }
  files.sort();
  for (const names of captures.values()) names.sort();
  if (!options?.withSidecars) return files;
  return { files, sidecars, captures };
}
