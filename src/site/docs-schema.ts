import { AsyncLocalStorage } from 'node:async_hooks';
import { docsSchema } from '@astrojs/starlight/schema';
import { z } from 'astro/zod';

type DocsSchemaFunction = ReturnType<typeof docsSchema>;
type SchemaContext = Parameters<DocsSchemaFunction>[0];
type ImageFunction = SchemaContext['image'];

/** The `image()` of the entry being validated, set by the schema function Astro calls for that entry. */
const entryImage = new AsyncLocalStorage<ImageFunction>();

/**
 * An `image()` for the shared schema that validates with the `image()` Astro made for the entry being
 * validated now, so a relative hero image still resolves against its own page. Issues keep their
 * message and params (Astro hoists its own errors through `params`).
 */
function delegatingImage(): ReturnType<ImageFunction> {
  const schema = z.unknown().transform(async (value, ctx) => {
    const image = entryImage.getStore();
    if (!image) throw new Error('the shared docs schema was used without the schema context of an entry');
    const result = await image().safeParseAsync(value);
    if (result.success) return result.data;
    for (const issue of result.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path, params: 'params' in issue ? issue.params : undefined });
    return z.NEVER;
  });
  return schema as unknown as ReturnType<ImageFunction>;
}

/**
 * Starlight's `docsSchema(options)`, built once. Astro calls a collection's schema function once per
 * entry with that entry's `image()`, and Starlight builds the whole frontmatter schema (~60 zod objects)
 * on every call: 1.1–1.4 ms per page here, ~0.25 s of a cold build of 216 pages, against ~0.01 s to
 * validate them with one schema. This function returns the same schema every time and keeps the entry's
 * `image()` for the duration of its validation (AsyncLocalStorage), which the schema's image fields use.
 */
export function sharedDocsSchema(options?: Parameters<typeof docsSchema>[0]): DocsSchemaFunction {
  const build = docsSchema(options);
  let shared: ReturnType<DocsSchemaFunction> | undefined;
  return (context: SchemaContext) => {
    // For the rest of this entry's validation (its async continuations too), not for other entries.
    entryImage.enterWith(context.image);
    shared ??= build({ image: delegatingImage });
    return shared;
  };
}
