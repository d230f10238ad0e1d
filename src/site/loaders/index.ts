// Astro content-layer loaders over evaluation/, exported like Starlight's loaders.ts.
export { runsLoader } from './runs-loader.ts';
export { importsLoader } from './imports-loader.ts';
export type { EvidenceLoaderOptions } from './evaluation-dir.ts';
