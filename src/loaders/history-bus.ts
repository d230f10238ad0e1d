/**
 * Tells the history collection that the runs loader rewrote day files. Collections sync concurrently
 * and `astro build` has no watcher, so without this a build could render yesterday's aggregate for a
 * day whose runs it just loaded. One listener per evaluation dir: the history loader of the current sync.
 */
type HistoryListener = (rels: string[]) => Promise<void>;

const listeners = new Map<string, HistoryListener>();

/** Registers the history loader's re-sync for `evaluationDir` (replacing the previous sync's). */
export function onHistoryWritten(evaluationDir: string, listener: HistoryListener): void {
  listeners.set(evaluationDir, listener);
}

/** Reports history files (relative to the evaluation dir) that were just written. */
export async function historyWritten(evaluationDir: string, rels: string[]): Promise<void> {
  if (rels.length) await listeners.get(evaluationDir)?.(rels);
}
