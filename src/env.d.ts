/// <reference types="astro/client" />

// Plain `tsc` does not know .astro files (Astro's editor plugin does); tests import components for the Container API.
declare module '*.astro' {
  import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
  const Component: AstroComponentFactory;
  export default Component;
}

declare namespace App {
  interface Locals {
    /** A docs page's evidence verdict, left by the Starlight route middleware (src/site/overrides/route-data.ts). */
    pageEvidence?: { evidence?: import('./status/page-state.ts').PageEvidence; builtAt: string };
  }
}
