import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { RunbookBlock } from '../schemas/runbook.ts';
import { extractBlocks } from './extract.ts';

/** Where the site's pages are, relative to the project root (Starlight's docs collection). */
export const DOCS_DIR = 'content/docs';

/** Docs pages under `root`, as paths relative to the docs folder, sorted (the order blocks run and are listed in). */
export async function listDocsPages(root: string, docsDir = DOCS_DIR): Promise<string[]> {
  const entries = await readdir(path.join(root, docsDir), { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  return entries
    .filter((entry) => entry.isFile() && /\.mdx?$/.test(entry.name))
    .map((entry) => path.relative(path.join(root, docsDir), path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((rel) => !rel.split('/').some((segment) => segment.startsWith('_'))) // Astro ignores _-prefixed entries
    .sort();
}

/** Every runnable block of every docs page under `root`; throws ProofbookInputError naming the first bad fence. */
export async function readRunbookBlocks(root: string, docsDir = DOCS_DIR): Promise<RunbookBlock[]> {
  const pages = await listDocsPages(root, docsDir);
  const texts = await Promise.all(pages.map((rel) => readFile(path.join(root, docsDir, rel), 'utf8')));
  return pages.flatMap((rel, i) => extractBlocks({ file: `${docsDir}/${rel}`, docsPath: rel, text: texts[i]! }));
}
