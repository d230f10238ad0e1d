import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { DOCS_DIR, listDocsPages } from '../../runbooks/docs-pages.ts';
import { extractBlocks } from '../../runbooks/extract.ts';
import { clearContentError, reportContentError } from '../content-errors.ts';
import { afterQuiet, oneAtATime, SETTLE_MS } from './dev-resync.ts';

const NAME = 'proofbook-runbook-blocks';

/**
 * The runnable blocks of every docs page (src/runbooks/extract.ts), one entry per block keyed by its check id.
 * They are checks like those of content/checks: /status lists them in a `runbooks` group, a page counts its
 * blocks in its banner, and the evidence under each block is judged against the block's current source hash, so
 * an edited block reads stale on the next build without being run. Skips the extraction when no page changed;
 * a bad fence fails the build with its file and line (in `astro dev`, the error overlay).
 */
export function runbookBlocksLoader(docsDir = DOCS_DIR): Loader {
  return {
    name: NAME,
    load: async (ctx) => {
      const root = fileURLToPath(ctx.config.root);
      const sync = async () => {
        const pages = await listDocsPages(root, docsDir);
        const texts = await Promise.all(pages.map((rel) => readFile(path.join(root, docsDir, rel), 'utf8')));
        const digest = ctx.generateDigest({ pages, texts });
        if (ctx.meta.get('inputs') === digest) return;
        const blocks = pages.flatMap((rel, i) => extractBlocks({ file: `${docsDir}/${rel}`, docsPath: rel, text: texts[i]! }));
        ctx.store.clear();
        for (const block of blocks) ctx.store.set({ id: block.id, data: await ctx.parseData({ id: block.id, data: block }), digest: block.sourceHash });
        ctx.meta.set('inputs', digest);
        ctx.logger.info(`runbooks: ${blocks.filter((block) => block.run === 'ci').length} run=ci and ${blocks.filter((block) => block.run === 'manual').length} run=manual blocks`);
      };
      if (!ctx.watcher) return sync();
      const syncInDev = oneAtATime(() =>
        sync().then(
          () => clearContentError(NAME),
          (error: Error) => {
            reportContentError(NAME, error.message);
            ctx.logger.error(error.message);
          },
        ),
      );
      await syncInDev();
      const docs = path.join(root, docsDir);
      ctx.watcher.add(docs);
      const syncSoon = afterQuiet(syncInDev, SETTLE_MS);
      const onChange = (changed: string) => {
        if (changed.startsWith(docs) && /\.mdx?$/.test(changed)) syncSoon();
      };
      ctx.watcher.on('change', onChange).on('add', onChange).on('unlink', onChange);
    },
  };
}
