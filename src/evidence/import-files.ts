import { readdir } from 'node:fs/promises';
import path from 'node:path';

const isImportArtifact = (name: string): boolean => !name.startsWith('.') && !name.endsWith('.meta.yaml') && name !== 'README.md';

/** Every imported artifact under `imports/` (recursively), relative to the evaluation dir; sidecars excluded. */
export async function listImportFiles(evaluationDir: string): Promise<string[]>;
/** The same, plus the sidecar manifests that exist (so callers need not probe for them). */
export async function listImportFiles(evaluationDir: string, options: { withSidecars: true }): Promise<{ files: string[]; sidecars: string[] }>;
export async function listImportFiles(evaluationDir: string, options?: { withSidecars: true }): Promise<string[] | { files: string[]; sidecars: string[] }> {
  const root = path.join(evaluationDir, 'imports');
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  // String slicing instead of path.relative: this runs for every file on every warm sync.
  const prefix = evaluationDir.length + 1;
  const files: string[] = [];
  const sidecars: string[] = [];
  for (const e of entries) {
    // A link is listed like a file: reading it checks where it leads, and one out of evaluation/ is reported
    // as unparseable, never followed (src/evidence/inside-evaluation.ts). Folders are walked, links are not.
    if (!(e.isFile() || e.isSymbolicLink()) || e.name.startsWith('.')) continue;
    const dir = e.parentPath.slice(prefix).split(path.sep).join('/');
    if (dir.includes('/.')) continue; // hidden folders (editor swap dirs, temp copies)
    const rel = `${dir}/${e.name}`;
    if (e.name.endsWith('.meta.yaml')) sidecars.push(rel);
    else if (isImportArtifact(e.name)) files.push(rel);
  }
  files.sort();
  if (!options?.withSidecars) return files;
  return { files, sidecars };
}
