/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// getViteConfig resolves the Astro config (so `astro:content` and .astro components work in tests);
// the dev toolbar is off so rendered HTML carries no source annotations (astro-starlight.md §3).
export default getViteConfig(
  {
    test: {
      environment: 'node',
      include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
      globalSetup: ['tests/support/global-setup.ts'],
      testTimeout: 30_000,
      hookTimeout: 120_000,
    },
  },
  { devToolbar: { enabled: false } },
);
