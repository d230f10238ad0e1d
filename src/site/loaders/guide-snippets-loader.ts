import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { guideSnippetSets } from '../../clients/guide-snippets.ts';
import { parseGatewayFile } from '../../config/gateway-file.ts';
import { GATEWAY_PATH } from '../../config/paths.ts';

/**
 * Loads the guides' generated setup (src/clients/guide-snippets.ts) from content/gateway.yaml, one entry per
 * client and one for the key setup; in `astro dev` a change to gateway.yaml syncs again.
 */
export function guideSnippetsLoader(gatewayFile: string = GATEWAY_PATH): Loader {
  return {
    name: 'proofbook-guide-snippets',
    load: async (ctx) => {
      const file = path.resolve(fileURLToPath(ctx.config.root), gatewayFile);
      const sync = async () => {
        const sets = guideSnippetSets(parseGatewayFile(await readFile(file, 'utf8'), gatewayFile));
        for (const [id, set] of sets) {
          const digest = ctx.generateDigest(set);
          if (ctx.store.get(id)?.digest === digest) continue;
          ctx.store.set({ id, data: await ctx.parseData({ id, data: set }), digest });
        }
        for (const id of ctx.store.keys()) if (!sets.has(id)) ctx.store.delete(id);
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
