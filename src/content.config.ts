import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { sharedDocsSchema } from './schemas/docs-schema.ts';
import { PageFrontmatterSchema } from './schemas/page-frontmatter.ts';
import { clientCollections } from './site/loaders/client-collections.ts';
import { evidenceCollections } from './site/loaders/evidence-collections.ts';
import { statusCollections } from './site/loaders/status-collections.ts';

export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: sharedDocsSchema({ extend: PageFrontmatterSchema }) }),
  ...evidenceCollections,
  ...statusCollections,
  ...clientCollections,
};
