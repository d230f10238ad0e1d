import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Project files an Astro build of the site needs. */
const SITE_FILES = ['astro.config.mjs', 'content.config.ts', 'tsconfig.json', 'package.json', 'src', 'content'];

/** Config wrapper that keeps Astro's and Vite's caches inside the copy, away from the shared node_modules. */
const CONFIG_WRAPPER = `import base from './astro.config.mjs';
export default { ...base, cacheDir: './.cache/astro', vite: { ...(base.vite ?? {}), cacheDir: './.cache/vite' } };
`;
export const COPY_CONFIG = 'astro.copy.config.mjs';

/**
 * A throwaway copy of the site, so tests and benchmarks can add content and evidence without touching the
 * shared work tree. It lives under the project's git-ignored `.tmp/` (or `parent`, which must be inside the
 * project too) so packages resolve from the project's node_modules by the usual upward lookup: a symlinked
 * node_modules outside the root breaks Astro's compile-metadata lookup ("No cached compile metadata found").
 * Build it with `--config astro.copy.config.mjs`.
 */
export async function makeSiteCopy(projectRoot: string, prefix = 'site-', parent = path.join(projectRoot, '.tmp')): Promise<{ dir: string; remove: () => Promise<void> }> {
  await mkdir(parent, { recursive: true });
  const dir = await mkdtemp(path.join(parent, prefix));
  for (const name of SITE_FILES) await cp(path.join(projectRoot, name), path.join(dir, name), { recursive: true });
  await writeFile(path.join(dir, COPY_CONFIG), CONFIG_WRAPPER);
  await mkdir(path.join(dir, 'evaluation'), { recursive: true });
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
