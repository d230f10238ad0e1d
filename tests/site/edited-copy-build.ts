import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { COPY_CONFIG, makeSiteCopy } from '../status/site-copy.ts';
import { projectRoot, runNode, userEnv } from '../support/site.ts';

/**
 * A real `astro build` of a copy of the site in which `file` (relative to the project root) has `from` replaced
 * by `to`; the copy is removed afterwards. Throws when `from` is not in the file, so a test cannot pass because
 * its edit no longer applies. The output comes without colour codes (Astro colours it where FORCE_COLOR is set).
 */
export async function buildEditedCopy(file: string, from: string, to: string): Promise<{ code: number | null; output: string }> {
  const site = await makeSiteCopy(projectRoot, 'edited-copy-');
  try {
    const target = path.join(site.dir, file);
    const source = await readFile(target, 'utf8');
    if (!source.includes(from)) throw new Error(`${file} no longer contains ${JSON.stringify(from)}; update the test`);
    await writeFile(target, source.replace(from, to));
    const astro = path.join(projectRoot, 'node_modules/astro/bin/astro.mjs');
    const { code, output } = await runNode([astro, 'build', '--config', COPY_CONFIG], site.dir, userEnv(), 240_000);
    return { code, output: stripVTControlCharacters(output) };
  } finally {
    await site.remove();
  }
}
