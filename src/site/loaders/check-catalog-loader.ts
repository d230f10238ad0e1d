import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { z } from 'astro/zod';
import { parse as parseYaml } from 'yaml';

const CheckFileShape = z.object({ checks: z.array(z.looseObject({ id: z.string() })) });

/**
 * Loads `content/checks/*.yaml` (`checks: [...]`) into one entry per check; `group` defaults to the file name.
 * A file whose digest is unchanged is not parsed again; checks from deleted files are swept.
 */
export function checkCatalogLoader(dir: string): Loader {
  return {
    name: 'proofbook-check-catalog',
    async load({ store, meta, parseData, generateDigest, config, logger, watcher }) {
      const absolute = fileURLToPath(new URL(`${dir}/`, config.root));
      const sync = async () => {
        const names = (await readdir(absolute).catch(() => [] as string[])).filter((name) => /\.ya?ml$/.test(name)).sort();
        const seen = new Set<string>();
        const previous = JSON.parse(meta.get('digests') ?? '{}') as Record<string, string>;
        const digests: Record<string, string> = {};
        for (const name of names) {
          const text = await readFile(path.join(absolute, name), 'utf8');
          const digest = generateDigest(text);
          const filePath = `${dir}/${name}`;
          // An unchanged file keeps its entries without being parsed again (a warm build).
          if (previous[name] === digest) {
            digests[name] = digest;
            for (const entry of store.values()) if (entry.filePath === filePath) seen.add(entry.id);
            continue;
          }
          const group = name.replace(/\.ya?ml$/, '');
          const shape = CheckFileShape.safeParse(parseYaml(text));
          if (!shape.success) {
            logger.warn(`${filePath}: expected a top-level "checks:" list; skipped (the probe stage reports the details)`);
            continue;
          }
          for (const raw of shape.data.checks) {
            seen.add(raw.id);
            if (store.get(raw.id)?.digest === digest) continue;
            const data = await parseData({ id: raw.id, data: { group, ...raw } });
            store.set({ id: raw.id, data, digest, filePath });
          }
          digests[name] = digest;
        }
        for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
        meta.set('digests', JSON.stringify(digests));
      };
      await sync();
      if (!watcher) return;
      watcher.add(absolute);
      const onChange = (changed: string) => {
        if (changed.startsWith(absolute)) sync().catch((error: Error) => logger.error(`${dir}: ${error.message}`));
      };
      watcher.on('change', onChange).on('add', onChange).on('unlink', onChange);
    },
  };
}
