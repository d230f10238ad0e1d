// Astro content-layer loaders over evaluation/, exported like Starlight's loaders.ts.
export { runsLoader, type RunsLoaderOptions } from './runs-loader.ts';
export { importsLoader } from './imports-loader.ts';
export { historyLoader } from './history-loader.ts';
export type { EvidenceLoaderOptions } from './evaluation-dir.ts';
