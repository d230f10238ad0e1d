// npm run bench:ingest [-- --runs 4000 --imports 6000 --records 20 --json]
// Generates 10,000 mixed artifacts in a temp dir, then times the evidence loaders (the incremental
// path `astro build`/`astro dev` take) cold, and warm after one file changed. Target: warm < 5% of cold.
import { copyFile, cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { loadProjectConfig } from '../../src/config/load.ts';
import { updateHistory } from '../../src/evidence/history.ts';
import { RACY_MTIME_MS } from '../../src/evidence/file-digest.ts';
import { scanEvaluation } from '../../src/evidence/scan-evaluation.ts';
import { importsLoader, runsLoader } from '../../src/site/loaders/index.ts';
import { ImportedArtifactSchema } from '../../src/schemas/imported-artifact.ts';
import { RunSummarySchema } from '../../src/schemas/run-summary.ts';
import { makeLoaderContext, makeStore } from '../../tests/loaders/loader-context.ts';
import { generateArtifacts } from './generate.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '4000' },
    imports: { type: 'string', default: '6000' },
    records: { type: 'string', default: '20' },
    json: { type: 'boolean', default: false },
  },
});

const repo = path.resolve(import.meta.dirname, '../..');
const root = await mkdtemp(path.join(os.tmpdir(), 'proofbook-bench-'));
const evaluationDir = path.join(root, 'evaluation');
// The imports loader masks the secrets content/gateway.yaml names and judges with content/checks, so the bench root has the project's.
await mkdir(path.join(root, 'content'), { recursive: true });
await copyFile(path.join(repo, 'content/gateway.yaml'), path.join(root, 'content/gateway.yaml'));
await cp(path.join(repo, 'content/checks'), path.join(root, 'content/checks'), { recursive: true });
const { checks } = await loadProjectConfig(repo);

type Store = Awaited<ReturnType<typeof makeStore>>;
const collections = [
  ['runs', runsLoader({ evaluationDir }), RunSummarySchema],
  ['imports', importsLoader({ evaluationDir }), ImportedArtifactSchema],
] as const;

/** One content sync over all evidence collections; returns ms and how many entries were validated. */
async function sync(store: Store): Promise<{ ms: number; parses: number; entries: number }> {
  const t0 = performance.now();
  let parses = 0;
  let entries = 0;
  for (const [name, loader, schema] of collections) {
    const context = makeLoaderContext(store, name, schema, root);
    await loader.load(context.ctx);
    parses += context.parses();
    entries += context.ctx.store.keys().length;
  }
  return { ms: performance.now() - t0, parses, entries };
}

try {
  const t0 = performance.now();
  const set = await generateArtifacts(repo, evaluationDir, Number(values.runs), Number(values.imports), Number(values.records));
  const generateMs = performance.now() - t0;
  // Builds meet evidence written earlier. A file synced while its mtime is inside the racy window is read again
  // by the next sync (src/site/loaders/file-sync.ts), so let the freshly generated files settle first.
  await sleep(RACY_MTIME_MS);

  const store = await makeStore();
  const cold = await sync(store);
  // Between builds Astro persists the store (.astro/data-store.json) and loads it back.
  const t1 = performance.now();
  const persisted = await makeStore(store.toString());
  const storeReloadMs = performance.now() - t1;
  const unchanged = await sync(persisted);
  // One run changes (a verdict flips): the runs loader re-validates it and stores its new summary.
  const changedRun = path.join(evaluationDir, set.runFiles[42]);
  await writeFile(changedRun, (await readFile(changedRun, 'utf8')).replace('"pass"', '"fail"'));
  const warm = await sync(persisted);

  const t2 = performance.now();
  const scan = await scanEvaluation(evaluationDir, [], checks);
  await updateHistory(evaluationDir, scan.runFiles.map((file) => file.run));
  const cliMs = performance.now() - t2;

  const result = {
    files: set.runFiles.length + set.importFiles.length,
    runs: set.runFiles.length,
    imports: set.importFiles.length,
    recordsPerRun: Number(values.records),
    generateMs: Math.round(generateMs),
    coldMs: Math.round(cold.ms),
    coldParses: cold.parses,
    warmUnchangedMs: Math.round(unchanged.ms),
    warmUnchangedParses: unchanged.parses,
    warmOneChangedMs: Math.round(warm.ms),
    warmOneChangedParses: warm.parses,
    warmOverCold: Number((warm.ms / cold.ms).toFixed(4)),
    storeReloadMs: Math.round(storeReloadMs),
    storeBytes: store.toString().length,
    cliFullIngestMs: Math.round(cliMs),
    entries: warm.entries,
  };
  if (values.json) console.log(JSON.stringify(result, null, 2));
  else {
    console.log(`generated ${result.files} artifacts (${result.runs} runs × ${result.recordsPerRun} records, ${result.imports} imports) in ${result.generateMs} ms`);
    console.log(`cold ingest (loaders, empty store):        ${result.coldMs} ms, ${result.coldParses} entries validated`);
    console.log(`warm re-ingest, nothing changed:           ${result.warmUnchangedMs} ms, ${result.warmUnchangedParses} validated`);
    console.log(`warm re-ingest after 1 file changed:       ${result.warmOneChangedMs} ms, ${result.warmOneChangedParses} validated (${(result.warmOverCold * 100).toFixed(1)}% of cold; target < 5%)`);
    console.log(`data store reload between syncs:           ${result.storeReloadMs} ms for ${(result.storeBytes / 1e6).toFixed(1)} MB (Astro's cost, not the loaders')`);
    console.log(`npm run ingest equivalent (full re-parse): ${result.cliFullIngestMs} ms`);
  }
  if (result.warmOverCold >= 0.05) process.exitCode = 1;
} finally {
  await rm(root, { recursive: true, force: true });
}
