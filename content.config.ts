// Astro reads `<srcDir>/content.config.ts`; the collections themselves live in src/ (see astro.config.mjs).
export { collections } from './src/content.config.ts';
