import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { COPY_CONFIG, makeSiteCopy } from '../status/site-copy.ts';
import { projectRoot, runNode, userEnv } from '../support/site.ts';

/**
 * A real `astro build` of a copy of the site after `edit` has changed it; the copy is removed afterwards. The
 * output comes without colour codes (Astro colours it where FORCE_COLOR is set); `read` names built files
 * (relative to dist/) to return, missing ones as undefined; `env` is added to a user's environment.
 */
export async function buildCopy(edit: (siteDir: string) => Promise<void>, read: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; output: string; files: Map<string, string | undefined> }> {
  const site = await makeSiteCopy(projectRoot, 'edited-copy-');
  try {
    await edit(site.dir);
    const astro = path.join(projectRoot, 'node_modules/astro/bin/astro.mjs');
    const { code, output } = await runNode([astro, 'build', '--config', COPY_CONFIG], site.dir, userEnv(env), 240_000);
    const files = new Map(await Promise.all(read.map(async (file) => [file, await readFile(path.join(site.dir, 'dist', file), 'utf8').catch(() => undefined)] as const)));
    return { code, output: stripVTControlCharacters(output), files };
  } finally {
    await site.remove();
  }
}

/**
 * A real build of a copy of the site in which `file` (relative to the project root) has `from` replaced by `to`.
 * Throws when `from` is not in the file, so a test cannot pass because its edit no longer applies.
 */
export async function buildEditedCopy(file: string, from: string, to: string): Promise<{ code: number | null; output: string }> {
  return buildCopy(async (siteDir) => {
    const target = path.join(siteDir, file);
    const source = await readFile(target, 'utf8');
    if (!source.includes(from)) throw new Error(`${file} no longer contains ${JSON.stringify(from)}; update the test`);
    await writeFile(target, source.replace(from, to));
  });
}
