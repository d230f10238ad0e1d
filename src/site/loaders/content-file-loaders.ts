import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { loadBaseline } from '../../config/baseline-file.ts';
import { loadProjectConfig } from '../../config/load.ts';
import { loadIncidents } from '../../config/incidents-file.ts';
import { loadMaintenance } from '../../config/maintenance-file.ts';
import { loadOutstanding } from '../../config/outstanding-file.ts';
import { BASELINE_PATH, CHECKS_DIR, GATEWAY_PATH, INCIDENTS_DIR, MAINTENANCE_PATH, OUTSTANDING_PATH } from '../../config/paths.ts';
import { baselineEntryId } from '../../schemas/baseline.ts';
import { clearContentError, reportContentError } from '../content-errors.ts';
import { afterQuiet, oneAtATime, SETTLE_MS } from './dev-resync.ts';

/**
 * Collections over the team's content files, read by the same strict readers the probe uses (src/config/), so
 * a typo the probe rejects fails the build with the same `file:line → field` message: a build must not go on
 * with half a catalog. In `astro dev` the error goes to the browser's error overlay instead (../content-errors.ts).
 */

type Entry = { id: string; data: Record<string, unknown>; markdown?: string };

/** The text of a file, or of each YAML or Markdown file in a folder (a path ending in `/`), in name order; missing is empty. */
async function readInputs(root: string, rel: string): Promise<string[]> {
  const full = path.join(root, rel);
  if (!rel.endsWith('/')) return [rel, await readFile(full, 'utf8').catch(() => '')];
  const names = (await readdir(full).catch(() => [] as string[])).filter((name) => /\.(ya?ml|md)$/.test(name)).sort();
  return [rel, ...(await Promise.all(names.map(async (name) => `${name}\n${await readFile(path.join(full, name), 'utf8')}`)))];
}

/** A loader that keeps one entry per item `read` returns, and reads again when one of `files` changes in `astro dev`. */
function contentFileLoader(name: string, files: readonly string[], read: (root: string) => Promise<Entry[]>): Loader {
  return {
    name,
    load: async (ctx) => {
      const root = fileURLToPath(ctx.config.root);
      const sync = async () => {
        const digest = ctx.generateDigest({ inputs: await Promise.all(files.map((rel) => readInputs(root, rel))) });
        if (ctx.meta.get('inputs') === digest) return;
        const entries = await read(root);
        ctx.store.clear();
        for (const entry of entries) {
          const rendered = entry.markdown === undefined ? undefined : await ctx.renderMarkdown(entry.markdown);
          ctx.store.set({ id: entry.id, data: await ctx.parseData(entry), digest, ...(rendered ? { rendered } : {}) });
        }
        ctx.meta.set('inputs', digest);
      };
      // In a build (no watcher) the error stops it; in dev it is kept for the overlay and the last good entries stay.
      const syncInDev = oneAtATime(() =>
        sync().then(
          () => clearContentError(name),
          (error: Error) => {
            reportContentError(name, error.message);
            ctx.logger.error(error.message);
          },
        ),
      );
      if (!ctx.watcher) return sync();
      await syncInDev();
      const watched = files.map((rel) => path.join(root, rel));
      ctx.watcher.add(watched);
      const syncSoon = afterQuiet(syncInDev, SETTLE_MS);
      const onChange = (changed: string) => {
        if (watched.some((file) => changed === file || changed.startsWith(file))) syncSoon();
      };
      ctx.watcher.on('change', onChange).on('add', onChange).on('unlink', onChange);
    },
  };
}

/** `content/checks/*.yaml`, checked against `content/gateway.yaml`: one entry per check, with its group. */
export const checkCatalogLoader = (): Loader =>
  contentFileLoader('proofbook-check-catalog', [GATEWAY_PATH, `${CHECKS_DIR}/`], async (root) =>
    (await loadProjectConfig(root)).checks.map(({ id, title, description, group, freshness, docs }) => ({ id, data: { id, title, description, group, freshness, docs } })),
  );

/** `content/baseline.yaml`: one entry per expected failure, keyed by its stable id. */
export const baselineLoader = (): Loader =>
  contentFileLoader('proofbook-baseline', [BASELINE_PATH], async (root) => (await loadBaseline(root)).map((entry) => ({ id: baselineEntryId(entry), data: { ...entry } })));

/** `content/outstanding.yaml`: one entry per open item. */
export const outstandingLoader = (): Loader =>
  contentFileLoader('proofbook-outstanding', [OUTSTANDING_PATH], async (root) => (await loadOutstanding(root)).map((item) => ({ id: item.id, data: { ...item } })));

/** `content/incidents/*.md`: one entry per incident (id = file name), its Markdown body rendered for /status. */
export const incidentsLoader = (): Loader =>
  contentFileLoader('proofbook-incidents', [`${INCIDENTS_DIR}/`], async (root) => (await loadIncidents(root)).map((incident) => ({ id: incident.id, data: { ...incident }, markdown: incident.body })));

/** `content/maintenance.yaml`: one entry per maintenance window. */
export const maintenanceLoader = (): Loader =>
  contentFileLoader('proofbook-maintenance', [MAINTENANCE_PATH], async (root) => (await loadMaintenance(root)).map((window) => ({ id: window.id, data: { ...window } })));
