import type { z } from 'astro/zod';
import type { UnparseableSchema } from '../schemas/imported-artifact.ts';

/** Why an artifact could not be read, and where (see UnparseableSchema). */
export type Unparseable = z.output<typeof UnparseableSchema>;
