/** How the loaders read their inputs again in `astro dev` when the watcher reports a change. */

/**
 * Wraps a loader's re-sync for `astro dev`'s change events: one run at a time, and a call during a run makes one
 * more run after it. Without it, an editor's save (truncate, then write) starts two syncs at once; the one that
 * read the empty file could finish last and leave its error on the overlay after the file was fixed.
 */
export function oneAtATime(task: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  let again = false;
  const run = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await task();
        } while (again);
      } finally {
        running = undefined;
      }
    })();
    return running;
  };
  return run;
}

/** How long a watched file must stay unchanged before a loader reads it again in `astro dev`. */
export const SETTLE_MS = 150;

/** Calls `run` once `ms` have passed without another call: an editor's save (a truncate, then a write) is read once. */
export function afterQuiet(run: () => unknown, ms: number): () => void {
  let timer: NodeJS.Timeout | undefined;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(run, ms);
  };
}
