import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { GATEWAY_PATH } from '../../config/paths.ts';
import { renderCodeBlocks } from '../markdown/code-document.ts';
import { guideSnippetSets } from '../../clients/guide-snippets.ts';
import type { HighlightedSet } from '../../schemas/highlighted-set.ts';
import { parseGatewayFile } from '../../config/gateway-file.ts';

/**
 * Loads the guides' highlighted snippet sets (src/clients/guide-snippets.ts) from content/gateway.yaml. A set
 * whose Markdown is unchanged keeps its stored HTML; in `astro dev` a change to gateway.yaml syncs again.
 */
export function guideSnippetsLoader(gatewayFile: string = GATEWAY_PATH): Loader {
  return {
    name: 'proofbook-guide-snippets',
    load: async (ctx) => {
      const file = path.resolve(fileURLToPath(ctx.config.root), gatewayFile);
      const sync = async () => {
        const sets = guideSnippetSets(parseGatewayFile(await readFile(file, 'utf8'), gatewayFile));
        let highlighted = 0;
        for (const [id, set] of sets) {
          const digest = ctx.generateDigest(set);
          if (ctx.store.get(id)?.digest === digest) continue;
          const html = await renderCodeBlocks(ctx.renderMarkdown, set.snippets, `guide snippets "${id}"`);
          const data: HighlightedSet = { setups: set.setups, snippets: set.snippets.map((snippet, i) => ({ ...snippet, html: html[i]! })) };
          ctx.store.set({ id, data: await ctx.parseData({ id, data }), digest });
          highlighted++;
        }
        for (const id of ctx.store.keys()) if (!sets.has(id)) ctx.store.delete(id);
        if (highlighted > 0) ctx.logger.info(`guide snippets: highlighted ${highlighted} of ${sets.size} sets`);
      };
      await sync();
      if (!ctx.watcher) return;
      ctx.watcher.add(file);
      ctx.watcher.on('change', (changed) => {
        if (path.resolve(changed) === file) sync().catch((error: Error) => ctx.logger.error(`guide snippets: ${error.message}`));
      });
    },
  };
}
