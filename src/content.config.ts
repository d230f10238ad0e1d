import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { sharedDocsSchema } from './schemas/docs-schema.ts';
import { PageFrontmatterSchema } from './schemas/page-frontmatter.ts';
import { clientCollections } from './clients/collections.ts';
import { evidenceCollections } from './loaders/collections.ts';
import { statusCollections } from './status/collections.ts';

export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: sharedDocsSchema({ extend: PageFrontmatterSchema }) }),
  ...evidenceCollections,
  ...statusCollections,
  ...clientCollections,
};
