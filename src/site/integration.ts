import { readdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { CHECKS_DIR } from '../config/paths.ts';
import { remarkCheckDirective, satteriCheckDirective } from './markdown/check-directive.ts';
import { remarkGuideDirectives, satteriGuideDirectives } from './markdown/guide-directives.ts';
import { estimateBadgeCount, fillBadgePool, writeBadgeFiles } from './speed/badge-writer.ts';

const routes: [pattern: string, file: string][] = [
  ['/status', './routes/status.astro'],
  ['/status.json', './routes/status.json.ts'],
  ['/junit.xml', './routes/junit.xml.ts'],
  ['/evidence', './routes/evidence/index.astro'],
  ['/evidence/[run]', './routes/evidence/[run].astro'],
];

// In a build, badges are written from the built status.json (400 tiny files for 200 checks cost ~0.7 s as
// prerendered routes; as files, src/site/speed/badge-writer.ts); `astro dev` serves the same content from these routes.
const devBadgeRoutes: [pattern: string, file: string][] = [
  ['/badges/[check].svg', './routes/badges/check-svg.ts'],
  ['/badges/[check].json', './routes/badges/check-json.ts'],
  ['/badges/group/[group].svg', './routes/badges/group-svg.ts'],
  ['/badges/group/[group].json', './routes/badges/group-json.ts'],
];

interface ProcessorLike {
  name: string;
  options?: { mdastPlugins?: unknown[]; remarkPlugins?: unknown[] };
}

/**
 * Adds the `:check[…]` and guide directives (`::client-setup`, `::secret-setup`) to whichever Markdown
 * processor is configured: Sätteri (Astro 7's default, which Starlight also supports) or unified. They must
 * be listed before Starlight, whose directive-restoration step would otherwise turn them back into text first.
 */
function registerDirectives(processor: ProcessorLike | undefined): boolean {
  if (processor?.options?.mdastPlugins) processor.options.mdastPlugins.push(satteriCheckDirective(), satteriGuideDirectives());
  else if (processor?.options?.remarkPlugins) processor.options.remarkPlugins.push(remarkCheckDirective, remarkGuideDirectives);
  else return false;
  return true;
}

/** Where an evidence run page waits while Pagefind reads the output directory. */
const HELD_SUFFIX = '.held-from-search';

/**
 * Moves the `/evidence/<run>/` pages out of Pagefind's way; returns their paths. They are not indexed
 * (`pagefind: false`), but Pagefind still reads every HTML file it finds, and these are the site's largest
 * (~230 KB each: 200 records and highlighted artifacts), ~130 ms of the search-index step for 6 pages.
 */
async function holdEvidencePages(outDir: string): Promise<string[]> {
  const evidenceDir = path.join(outDir, 'evidence');
  const entries = await readdir(evidenceDir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const pages = entries.filter((entry) => entry.isDirectory()).map((entry) => path.join(evidenceDir, entry.name, 'index.html'));
  await Promise.all(pages.map((page) => rename(page, page + HELD_SUFFIX)));
  return pages;
}

/** Puts held evidence pages back. */
async function restoreEvidencePages(pages: readonly string[]): Promise<void> {
  await Promise.all(pages.map((page) => rename(page + HELD_SUFFIX, page)));
}

/** Proofbook's status site: injects /status, /evidence, badges, status.json and junit.xml, and the check directive. */
export function proofbookStatus(): AstroIntegration {
  // Settles to undefined once the badges are written, or to the error that stopped them.
  let badgesWritten: Promise<Error | void> | undefined;
  // Evidence pages moved aside while Starlight's Pagefind step runs (see holdEvidencePages).
  let heldPages: string[] = [];
  // Astro's cache dir, where the badge pool is (see writeBadgeFiles).
  let cacheDir: string | undefined;
  let isBuild = false;
  // Creating the badge pool's files while the content layer syncs; settles to the error that stopped it.
  let poolFilled: Promise<Error | undefined> | undefined;
  const badgesSettled: AstroIntegration = {
    name: 'proofbook-status-badges',
    hooks: {
      'astro:build:done': async () => {
        const pages = heldPages;
        heldPages = [];
        const error = await badgesWritten;
        badgesWritten = undefined;
        await restoreEvidencePages(pages).catch((cause: Error) => {
          throw new Error(`Restoring the evidence pages held from the search index failed: ${cause.message}`, { cause });
        });
        if (error) throw new Error(`Writing the badge files failed: ${error.message}`, { cause: error });
      },
    },
  };
  return {
    name: 'proofbook-status',
    hooks: {
      'astro:config:setup': ({ config, command, injectRoute, logger }) => {
        isBuild = command === 'build';
        for (const [pattern, file] of [...routes, ...(command === 'dev' ? devBadgeRoutes : [])]) {
          injectRoute({ pattern, entrypoint: new URL(file, import.meta.url), prerender: true });
        }
        // Appended after Starlight (listed after us), so it runs after Starlight's own build hooks.
        if (!config.integrations.includes(badgesSettled)) config.integrations.push(badgesSettled);
        if (!registerDirectives(config.markdown.processor as ProcessorLike | undefined)) {
          logger.warn(`markdown.processor "${(config.markdown.processor as ProcessorLike | undefined)?.name}" takes neither mdast nor remark plugins; :check[…], ::client-setup and ::secret-setup directives will render as text`);
        }
      },
      // Config is done just before the content layer syncs: the badge files are made ready then, beside it (the
      // previous build's linked, the rest created; src/site/speed/badge-writer.ts), and only moved into place and
      // written at the end of the build.
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
        if (!isBuild) return;
        const dir = cacheDir;
        poolFilled = estimateBadgeCount(path.join(fileURLToPath(config.root), CHECKS_DIR))
          .then((count) => fillBadgePool(dir, count, path.join(fileURLToPath(config.outDir), 'badges')))
          .then(
            () => undefined,
            (error: unknown) => error as Error,
          );
      },
      // Badges are written while Starlight builds the search index (a separate Pagefind process): this hook
      // runs before Starlight's and does not wait; a hook that runs after Starlight's does, and puts the
      // evidence pages held from the index back.
      'astro:build:done': async ({ dir, logger }) => {
        const poolError = await poolFilled;
        poolFilled = undefined;
        if (poolError) logger.warn(`creating the badge files early failed (${poolError.message}); they are created now`);
        heldPages = await holdEvidencePages(fileURLToPath(dir));
        badgesWritten = writeBadgeFiles(fileURLToPath(dir), cacheDir).then(
          (count) => logger.info(`${count} badge files written`),
          (error: unknown) => error as Error,
        );
      },
    },
  };
}
