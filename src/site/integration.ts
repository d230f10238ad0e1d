import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { remarkCheckDirective, satteriCheckDirective } from './markdown/check-directive.ts';
import { remarkRunBlocks, satteriRunBlocks } from './markdown/run-block-placeholder.ts';
import { writeBadgeFiles } from './badge-files-writer.ts';

const routes: [pattern: string, file: string][] = [
  ['/status', './routes/status.astro'],
  ['/status/[group]', './routes/status/[group].astro'],
  ['/status/feed.xml', './routes/status/feed.xml.ts'],
  ['/status.json', './routes/status.json.ts'],
  ['/junit.xml', './routes/junit.xml.ts'],
  ['/evidence', './routes/evidence/index.astro'],
  ['/evidence/[run]', './routes/evidence/[run].astro'],
  ['/404', './routes/not-found.astro'],
];

// In a build, badges are written as files from the built status.json (./badge-files-writer.ts); `astro dev`
// serves the same content from these routes.
const devBadgeRoutes: [pattern: string, file: string][] = [
  ['/badges/[check].svg', './routes/badges/check-svg.ts'],
  ['/badges/[check].json', './routes/badges/check-json.ts'],
  ['/badges/group/[group].svg', './routes/badges/group-svg.ts'],
  ['/badges/group/[group].json', './routes/badges/group-json.ts'],
  ['/badges/history/[check].svg', './routes/badges/history-svg.ts'],
];

interface ProcessorLike {
  name: string;
  options?: { mdastPlugins?: unknown[]; remarkPlugins?: unknown[] };
}

/**
 * Adds the `:check[…]` and `:outstanding[…]` directives, and the runbook blocks' placeholders, to whichever Markdown
 * processor is configured: Sätteri (Astro 7's default, which Starlight also supports) or unified. They must
 * be listed before Starlight, whose directive-restoration step would otherwise turn them back into text first.
 */
function registerDirectives(processor: ProcessorLike | undefined): boolean {
  if (processor?.options?.mdastPlugins) processor.options.mdastPlugins.push(satteriCheckDirective(), satteriRunBlocks());
  else if (processor?.options?.remarkPlugins) processor.options.remarkPlugins.push(remarkCheckDirective, remarkRunBlocks);
  else return false;
  return true;
}

/** Proofbook's status site: injects /status, /evidence, badges, status.json and junit.xml, and the check directive. */
export function proofbookStatus(): AstroIntegration {
  return {
    name: 'proofbook-status',
    hooks: {
      'astro:config:setup': ({ config, command, injectRoute, logger }) => {
        for (const [pattern, file] of [...routes, ...(command === 'dev' ? devBadgeRoutes : [])]) {
          injectRoute({ pattern, entrypoint: new URL(file, import.meta.url), prerender: true });
        }
        if (!registerDirectives(config.markdown.processor as ProcessorLike | undefined)) {
          logger.warn(`markdown.processor "${(config.markdown.processor as ProcessorLike | undefined)?.name}" takes neither mdast nor remark plugins; :check[…] and :outstanding[…] directives will render as text`);
        }
      },
      'astro:build:done': async ({ dir, logger }) => {
        const count = await writeBadgeFiles(fileURLToPath(dir));
        logger.info(`${count} badge files written`);
      },
    },
  };
}
