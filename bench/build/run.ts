// Build benchmark for issue 7: the site with 200 checks × 3 origins × a year of hourly evidence (raw runs
// within retention + daily history files, i.e. what `npm run compact` leaves), built side by side with a
// plain Starlight site with the same number of pages.
// Usage: node bench/build/run.ts [--checks 200] [--raw-days 7] [--pairs 3] [--keep]
import { mkdir, mkdtemp, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { COPY_CONFIG, makeSiteCopy } from '../../tests/status/site-copy.ts';
import { generateEvidence } from './generate-evidence.ts';
import { benchCheckIds, countHtml, generatePlainSite, generateProjectContent } from './generate-site.ts';
import { fileCreationMs, median, timedBuild, type BuildSample } from './measure.ts';

const { values: args } = parseArgs({
  options: {
    checks: { type: 'string', default: '200' },
    origins: { type: 'string', default: 'sandbox,lan-host,ci' },
    'raw-days': { type: 'string', default: '7' },
    pairs: { type: 'string', default: '3' },
    keep: { type: 'boolean', default: false },
  },
});
const root = path.resolve(import.meta.dirname, '../..');
const binDir = path.join(root, 'node_modules/.bin');
const pairs = Number(args.pairs);
const log = (line: string) => process.stderr.write(`${line}\n`);

const now = new Date();
const checkIds = benchCheckIds(Number(args.checks));
// Both sites in a directory made for this run, not in the long-lived .tmp/: on this machine's ext4, creating a
// file in a directory where many thousands were created and deleted took 0.4-0.7 ms against ~0.02 ms in a new
// one, and the project writes ~420 more files than the plain site (bench/README.md).
const benchDir = await mkdtemp(path.join(root, '.bench-'));
const project = await makeSiteCopy(root, 'site-', benchDir);
const plainDir = await mkdtemp(path.join(benchDir, 'plain-'));
log(`project copy ${project.dir}, plain site ${plainDir}`);
await generateProjectContent(project.dir, checkIds);
const evidence = await generateEvidence(path.join(project.dir, 'evaluation'), { checkIds, origins: args.origins.split(','), rawDays: Number(args['raw-days']), historyDays: 365, now });
log(`evidence: ${evidence.runs} raw runs (${evidence.records} records), ${evidence.historyFiles} history files`);

const buildProject = (cold: boolean) => timedBuild(project.dir, binDir, { cold, config: COPY_CONFIG });
const buildPlain = (cold: boolean) => timedBuild(plainDir, binDir, { cold });

log('warm-up builds');
await buildProject(true);
const htmlPages = await countHtml(path.join(project.dir, 'dist'));
await generatePlainSite(plainDir, htmlPages - 2); // both sites also have an index and a 404 page
await buildPlain(true);
const plainPages = await countHtml(path.join(plainDir, 'dist'));

async function paired(cold: boolean): Promise<{ project: BuildSample[]; plain: BuildSample[] }> {
  const samples = { project: [] as BuildSample[], plain: [] as BuildSample[] };
  for (let i = 0; i < pairs; i++) {
    samples.project.push(await buildProject(cold));
    samples.plain.push(await buildPlain(cold));
    const [a, b] = [samples.project.at(-1)!, samples.plain.at(-1)!];
    log(`${cold ? 'cold' : 'warm'} pair ${i + 1}: project ${a.wallMs.toFixed(0)} ms (CPU ${a.cpuMs.toFixed(0)} ms), plain ${b.wallMs.toFixed(0)} ms (CPU ${b.cpuMs.toFixed(0)} ms)`);
  }
  return samples;
}
const fileCostBefore = fileCreationMs(benchDir);
const cold = await paired(true);
const fileCost = { before: fileCostBefore, after: fileCreationMs(benchDir) };
const warm = await paired(false);
const statusBytes = (await stat(path.join(project.dir, 'dist/status/index.html'))).size;

// 1 month vs 1 year of history, alternated: history files older than 30 days are moved aside and back.
const historyDir = path.join(project.dir, 'evaluation/history');
const asideDir = path.join(project.dir, 'history-aside');
await mkdir(asideDir, { recursive: true });
const cutoff = new Date(now.getTime() - 29 * 86_400_000).toISOString().slice(0, 10);
const old = (await readdir(historyDir)).filter((name) => name.slice(0, 10) < cutoff);
const span = { year: [] as BuildSample[], month: [] as BuildSample[] };
for (let i = 0; i < pairs; i++) {
  span.year.push(await buildProject(true));
  for (const name of old) await rename(path.join(historyDir, name), path.join(asideDir, name));
  span.month.push(await buildProject(true));
  for (const name of old) await rename(path.join(asideDir, name), path.join(historyDir, name));
  log(`history pair ${i + 1}: year ${span.year.at(-1)!.wallMs.toFixed(0)} ms, month ${span.month.at(-1)!.wallMs.toFixed(0)} ms`);
}

const med = (samples: BuildSample[], key: keyof BuildSample) => median(samples.map((s) => s[key]));
const pairRatios = (a: BuildSample[], b: BuildSample[]) => a.map((s, i) => s.wallMs / b[i]!.wallMs);
const ratio = (a: BuildSample[], b: BuildSample[]) => median(pairRatios(a, b));
const cpuRatio = (a: BuildSample[], b: BuildSample[]) => median(a.map((s, i) => s.cpuMs / b[i]!.cpuMs));
// The spread of the per-pair ratios, so a reader can tell a real change from this machine's noise.
const spread = (a: BuildSample[], b: BuildSample[]) => {
  const ratios = pairRatios(a, b);
  return ratios.length > 1 ? `, pairs ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}` : '';
};
const result = {
  at: now.toISOString(),
  evidence,
  htmlPages: { project: htmlPages, plain: plainPages },
  coldMs: { project: med(cold.project, 'wallMs'), plain: med(cold.plain, 'wallMs'), ratio: ratio(cold.project, cold.plain), pairRatios: pairRatios(cold.project, cold.plain) },
  warmMs: { project: med(warm.project, 'wallMs'), plain: med(warm.plain, 'wallMs'), ratio: ratio(warm.project, warm.plain), pairRatios: pairRatios(warm.project, warm.plain) },
  // Secondary: how much more work the project does, which the machine's cores partly hide in wall time.
  cpuMs: {
    cold: { project: med(cold.project, 'cpuMs'), plain: med(cold.plain, 'cpuMs'), ratio: cpuRatio(cold.project, cold.plain) },
    warm: { project: med(warm.project, 'cpuMs'), plain: med(warm.plain, 'cpuMs'), ratio: cpuRatio(warm.project, warm.plain) },
  },
  peakRssMiB: { project: Math.max(...[...cold.project, ...warm.project, ...span.year].map((s) => s.peakRssMiB)), plain: Math.max(...[...cold.plain, ...warm.plain].map((s) => s.peakRssMiB)) },
  statusHtmlKB: statusBytes / 1024,
  historyMs: { year: med(span.year, 'wallMs'), month: med(span.month, 'wallMs'), ratio: ratio(span.year, span.month) },
  fileCreationMs: fileCost,
};
const verdict = (ok: boolean) => (ok ? 'ok' : 'OVER TARGET');
console.log(`pages: project ${htmlPages} HTML, plain ${plainPages} HTML; evidence ${evidence.runs} runs / ${evidence.records} records + ${evidence.historyFiles} history days`);
console.log(`build time ratio (cold, median of ${pairs} pairs): ${result.coldMs.ratio.toFixed(3)}  [${result.coldMs.project.toFixed(0)} vs ${result.coldMs.plain.toFixed(0)} ms${spread(cold.project, cold.plain)}]  target <= 1.2: ${verdict(result.coldMs.ratio <= 1.2)}`);
console.log(`build time ratio (warm, median of ${pairs} pairs): ${result.warmMs.ratio.toFixed(3)}  [${result.warmMs.project.toFixed(0)} vs ${result.warmMs.plain.toFixed(0)} ms${spread(warm.project, warm.plain)}]  target <= 1.2: ${verdict(result.warmMs.ratio <= 1.2)}`);
console.log(`CPU time ratio (user + system, median of the per-pair ratios; not a target): cold ${result.cpuMs.cold.ratio.toFixed(3)} [${(result.cpuMs.cold.project / 1000).toFixed(2)} vs ${(result.cpuMs.cold.plain / 1000).toFixed(2)} s], warm ${result.cpuMs.warm.ratio.toFixed(3)} [${(result.cpuMs.warm.project / 1000).toFixed(2)} vs ${(result.cpuMs.warm.plain / 1000).toFixed(2)} s]`);
console.log(`peak memory (max RSS of astro build): ${result.peakRssMiB.project.toFixed(0)} MiB (plain ${result.peakRssMiB.plain.toFixed(0)} MiB)  target <= 1.5 GB: ${verdict(result.peakRssMiB.project <= 1536)}`);
console.log(`/status HTML: ${result.statusHtmlKB.toFixed(1)} KB  target <= 300 KB: ${verdict(result.statusHtmlKB <= 300)}`);
console.log(`creating a file where both sites are built (not a target): ${fileCost.before.toFixed(3)} ms before the cold pairs, ${fileCost.after.toFixed(3)} ms after them`);
console.log(`1 year vs 1 month of history (cold, median of ${pairs} pairs): ${result.historyMs.ratio.toFixed(3)}  [${result.historyMs.year.toFixed(0)} vs ${result.historyMs.month.toFixed(0)} ms${spread(span.year, span.month)}]  target <= 1.1: ${verdict(result.historyMs.ratio <= 1.1)}`);
await mkdir(path.join(root, 'bench/results'), { recursive: true });
await writeFile(path.join(root, 'bench/results', `build-${now.toISOString().replace(/[:.]/g, '')}.json`), `${JSON.stringify(result, null, 2)}\n`);
if (!args.keep) await rm(benchDir, { recursive: true, force: true });
