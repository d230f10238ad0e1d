import { statSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { vouchingMtime } from '../../evidence/file-digest.ts';
import { mapLimit } from '../../util/map-limit.ts';
import { keepRegistered } from './registered-when-empty.ts';

/**
 * The incremental engine the evidence loaders share, copied from Astro's glob loader: mark-and-sweep
 * over `store.keys()`, skip a file whose digest is unchanged, store `filePath` and `digest`, cap
 * concurrency, validate only through `parseData`. On top of that a cheap pre-check: each file's
 * mtime+size is kept in `meta`, so an unchanged file is not even read on a warm sync. A stamp is only
 * kept once its mtimes are old enough to vouch for the bytes (RACY_MTIME_MS): a same-size write within
 * the same clock tick keeps the mtime, so a fresher file is read and digested again on the next sync.
 */

/** How one collection maps files under the evaluation dir to entries. */
export interface FileSyncSpec<Raw = string> {
  evaluationDir: string;
  /** Paths relative to the evaluation dir, e.g. `runs/<id>/run.json`. */
  list: () => Promise<string[]>;
  idOf: (rel: string) => string;
  /** Files whose stat decides the pre-check (an import and its sidecar). Default: the file itself. */
  statPaths?: (rel: string) => string[];
  /** Raw content the digest is computed over. */
  readRaw: (rel: string) => Promise<Raw>;
  /** The entry digest of raw content. Default: Astro's digest of the raw string. */
  digestOf?: (raw: Raw) => string;
  /** Entry data before validation; throw to reject the file. */
  toData: (rel: string, raw: Raw) => Record<string, unknown> | Promise<Record<string, unknown>>;
  /** A readable `file:line → field: message` for a file that was rejected. */
  explain: (rel: string, raw: Raw | undefined, error: unknown) => string;
  /** Which watcher paths (relative to the evaluation dir) belong to this collection, mapped to the file to sync. */
  watchTarget: (rel: string) => string | undefined;
}

/** What a sync did, for logs, tests and the benchmark. */
export interface SyncStats {
  parsed: number;
  skipped: number;
  failed: number;
  removed: number;
  /** Entry ids whose data was (re)written or removed. */
  changed: string[];
}

type FileMeta = Record<string, [stamp: string, digest: string]>;
const META_KEY = 'files';

function readMeta(ctx: LoaderContext): FileMeta {
  const raw = ctx.meta.get(META_KEY);
  if (!raw) return {};
  try {
    return JSON.parse(raw) as FileMeta;
  } catch (error) {
    ctx.logger.warn(`ignoring unreadable loader meta (${(error as Error).message}); all files will be re-read`);
    return {};
  }
}

/**
 * `mtime:size` of a file under the evaluation dir, or `-` when it is missing: what tells a warm sync that a file
 * changed. Synchronous on purpose: on a warm sync of 10,000 files this is the whole cost, and a sync stat
 * without a promise or an ENOENT exception per file is ~5x faster.
 */
export function statStamp(evaluationDir: string, rel: string): string {
  const info = statSync(path.join(evaluationDir, rel), { throwIfNoEntry: false });
  return info ? `${info.mtimeMs}:${info.size}` : '-';
}

/** Kept in place of a stamp too fresh to vouch for the bytes; equal to no stamp `statStamp` returns. */
export const UNSETTLED = '';

/**
 * Whether every mtime in a stamp (`statStamp`s joined by `|`) is old enough at `now` that a later write must
 * change it; a stamp that is not could stand for bytes written after it was taken.
 */
export function isSettledStamp(stamp: string, now: number): boolean {
  return stamp.split('|').every((part) => part === '-' || vouchingMtime(Number(part.slice(0, part.indexOf(':'))), now) !== undefined);
}

/** The stamp of the file and its sidecar, or undefined when the file itself is missing. */
function stampOf<Raw>(spec: FileSyncSpec<Raw>, rel: string): string | undefined {
  const parts = (spec.statPaths?.(rel) ?? [rel]).map((p) => statStamp(spec.evaluationDir, p));
  return parts[0] === '-' ? undefined : parts.join('|');
}

/** Creates a syncer bound to one loader context; `syncAll` is a full mark-and-sweep, `syncOne` serves the watcher. */
export function createFileSync<Raw>(ctx: LoaderContext, spec: FileSyncSpec<Raw>) {
  const { store, logger } = ctx;
  const meta = readMeta(ctx);
  const relativeToRoot = (rel: string): string =>
    path.relative(fileURLToPath(ctx.config.root), path.join(spec.evaluationDir, rel)).split(path.sep).join('/');

  async function syncOne(rel: string, stats: SyncStats): Promise<void> {
    const id = spec.idOf(rel);
    const statedAt = Date.now();
    const stamp = stampOf(spec, rel);
    if (stamp === undefined) return removeOne(rel, stats);
    const kept = isSettledStamp(stamp, statedAt) ? stamp : UNSETTLED;
    const existing = store.get(id);
    if (existing && meta[rel]?.[0] === stamp && existing.digest === meta[rel][1]) {
      stats.skipped++;
      return;
    }
    let raw: Raw;
    try {
      raw = await spec.readRaw(rel);
    } catch (error) {
      // A file that may not be read (a link out of evaluation/, a folder in its place) is reported like a bad one.
      logger.error(spec.explain(rel, undefined, error));
      if (existing) {
        store.delete(id);
        stats.changed.push(id);
      }
      delete meta[rel];
      stats.failed++;
      return;
    }
    const digest = spec.digestOf ? spec.digestOf(raw) : ctx.generateDigest(raw as string);
    if (existing && existing.digest === digest) {
      meta[rel] = [kept, digest];
      stats.skipped++;
      return;
    }
    try {
      const data = await ctx.parseData({ id, data: await spec.toData(rel, raw), filePath: relativeToRoot(rel) });
      store.set({ id, data, filePath: relativeToRoot(rel), digest });
      meta[rel] = [kept, digest];
      stats.parsed++;
      stats.changed.push(id);
    } catch (error) {
      // A bad evidence file is logged with its file and field and skipped; it never breaks the build.
      logger.error(spec.explain(rel, raw, error));
      if (store.has(id)) {
        store.delete(id);
        stats.changed.push(id);
      }
      delete meta[rel];
      stats.failed++;
    }
  }

  function removeOne(rel: string, stats: SyncStats): void {
    const id = spec.idOf(rel);
    delete meta[rel];
    if (!store.has(id)) return;
    store.delete(id);
    stats.removed++;
    stats.changed.push(id);
  }

  const emptyStats = (): SyncStats => ({ parsed: 0, skipped: 0, failed: 0, removed: 0, changed: [] });

  return {
    /** Syncs every file and deletes entries whose file is gone. */
    async syncAll(): Promise<SyncStats> {
      const stats = emptyStats();
      const untouched = new Set(store.keys());
      const files = await spec.list();
      await mapLimit(files, 16, async (rel) => {
        untouched.delete(spec.idOf(rel));
        await syncOne(rel, stats);
      });
      for (const id of untouched) {
        store.delete(id);
        stats.removed++;
        stats.changed.push(id);
      }
      keepRegistered(store);
      const listed = new Set(files);
      for (const rel of Object.keys(meta)) if (!listed.has(rel)) delete meta[rel];
      ctx.meta.set(META_KEY, JSON.stringify(meta));
      return stats;
    },
    /** Syncs one file after a watcher event (add/change, or unlink when the file is gone). */
    async syncPath(rel: string): Promise<SyncStats> {
      const stats = emptyStats();
      await syncOne(rel, stats);
      ctx.meta.set(META_KEY, JSON.stringify(meta));
      return stats;
    },
  };
}

/**
 * In `astro dev`, watches `dir` (absolute) and re-syncs the file each event maps to, so pages update
 * without a restart. `onSynced` gets the stats of each event's sync.
 */
export async function watchFiles(
  ctx: LoaderContext,
  spec: Pick<FileSyncSpec<unknown>, 'evaluationDir' | 'watchTarget'>,
  dir: string,
  sync: { syncPath: (rel: string) => Promise<SyncStats> },
  onSynced?: (stats: SyncStats) => Promise<void>,
): Promise<void> {
  const { watcher, logger } = ctx;
  if (!watcher) return;
  // A folder that does not exist yet (history/ before the first aggregate) would not be watched.
  await mkdir(dir, { recursive: true });
  watcher.add(dir);
  const handle = async (changed: string): Promise<void> => {
    const rel = path.relative(spec.evaluationDir, changed).split(path.sep).join('/');
    if (rel.startsWith('..')) return;
    const target = spec.watchTarget(rel);
    if (!target) return;
    try {
      const stats = await sync.syncPath(target);
      if (stats.changed.length) logger.info(`Reloaded ${target}`);
      await onSynced?.(stats);
    } catch (error) {
      logger.error(`Failed to reload ${target}: ${(error as Error).message}`);
    }
  };
  for (const event of ['add', 'change', 'unlink'] as const) watcher.on(event, (changed: string) => void handle(changed));
}
