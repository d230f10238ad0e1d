import type { AstroIntegration } from 'astro';
import { remarkCheckDirective, satteriCheckDirective } from './markdown/check-directive.ts';

const routes: [pattern: string, file: string][] = [
  ['/status', './routes/status.astro'],
  ['/status.json', './routes/status.json.ts'],
  ['/junit.xml', './routes/junit.xml.ts'],
  ['/evidence/[run]', './routes/evidence/[run].astro'],
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
 * Adds the `:check[…]` directive to whichever Markdown processor is configured: Sätteri (Astro 7's default,
 * which Starlight also supports) or unified. It must be listed before Starlight, whose directive-restoration
 * step would otherwise turn the directive back into text first.
 */
function registerCheckDirective(processor: ProcessorLike | undefined): boolean {
  if (processor?.options?.mdastPlugins) processor.options.mdastPlugins.push(satteriCheckDirective());
  else if (processor?.options?.remarkPlugins) processor.options.remarkPlugins.push(remarkCheckDirective);
  else return false;
  return true;
}

/** Proofbook's status site: injects /status, /evidence, badges, status.json and junit.xml, and the check directive. */
export function proofbookStatus(): AstroIntegration {
  return {
    name: 'proofbook-status',
    hooks: {
      'astro:config:setup': ({ config, injectRoute, logger }) => {
        for (const [pattern, file] of routes) injectRoute({ pattern, entrypoint: new URL(file, import.meta.url), prerender: true });
        if (!registerCheckDirective(config.markdown.processor as ProcessorLike | undefined)) {
          logger.warn(`markdown.processor "${(config.markdown.processor as ProcessorLike | undefined)?.name}" takes neither mdast nor remark plugins; :check[…] directives will render as text`);
        }
      },
    },
  };
}
