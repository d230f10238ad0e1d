import { setTimeout as sleep } from 'node:timers/promises';
import { docsSchema } from '@astrojs/starlight/schema';
import { z } from 'astro/zod';
import { describe, expect, test } from 'vitest';
import { sharedDocsSchema } from './docs-schema.ts';
import { PageFrontmatterSchema } from '../schemas/page-frontmatter.ts';

type SchemaFunction = ReturnType<typeof docsSchema>;
type Context = Parameters<SchemaFunction>[0];

/**
 * An entry's `image()` as Astro makes one: it resolves against the entry's own folder, asynchronously
 * (like the plugin-context variant, which awaits a resolve), and rejects what it cannot resolve.
 */
function entryContext(folder: string, delayMs: number): Context {
  const image = () =>
    z.string().transform(async (file, ctx) => {
      await sleep(delayMs);
      if (file.includes('missing')) {
        ctx.addIssue({ code: 'custom', message: `Image ${file} does not exist. Is the path correct?`, fatal: true });
        return z.NEVER;
      }
      return { src: `${folder}/${file}`, width: 1, height: 1, format: 'png' };
    });
  return { image } as unknown as Context;
}

/**
 * What Astro's getEntryData does per entry: call the schema function with the entry's context, then parse.
 * `pauseMs` lets other entries get their schema in between.
 */
async function validate(schemaFunction: SchemaFunction, context: Context, data: unknown, pauseMs = 0) {
  const schema = schemaFunction(context);
  if (pauseMs) await sleep(pauseMs);
  const result = await schema.safeParseAsync(data);
  return result.success ? { data: result.data } : { issues: result.error.issues.map((issue) => ({ path: issue.path, message: issue.message })) };
}

const frontmatters: Record<string, unknown> = {
  plain: { title: 'Routing', checks: ['routing.open-paths'], kind: 'runbook' },
  'hero file': { title: 'Home', hero: { tagline: 't', image: { alt: 'logo', file: 'logo.png' } } },
  'hero dark and light': { title: 'Home', hero: { image: { dark: 'dark.png', light: 'light.png' } } },
  'hero html': { title: 'Home', hero: { image: { html: '<svg></svg>' } } },
  'missing image': { title: 'Home', hero: { image: { file: 'missing.png' } } },
  'bad check id': { title: 'Routing', checks: ['Not An Id'] },
  'no title': { description: 'untitled' },
};

describe('sharedDocsSchema', () => {
  test('returns one schema for every entry', () => {
    const shared = sharedDocsSchema({ extend: PageFrontmatterSchema });
    expect(shared(entryContext('a', 0))).toBe(shared(entryContext('b', 0)));
  });

  test.each(Object.entries(frontmatters))('validates %s exactly as Starlight’s per-entry schema does', async (_name, data) => {
    const context = entryContext('content/docs/runbooks', 0);
    const expected = await validate(docsSchema({ extend: PageFrontmatterSchema }), context, data);
    expect(await validate(sharedDocsSchema({ extend: PageFrontmatterSchema }), context, data)).toEqual(expected);
  });

  test('images resolve against their own entry when entries are validated concurrently', async () => {
    const shared = sharedDocsSchema({ extend: PageFrontmatterSchema });
    // Each entry parses only after the later ones got their schema, and later entries resolve sooner,
    // so validations interleave both before and while their images resolve.
    const folders = Array.from({ length: 12 }, (_, i) => `content/docs/area-${i}`);
    const hero = { image: { dark: 'dark.png', light: 'light.png' } };
    const results = await Promise.all(folders.map((folder, i) => validate(shared, entryContext(folder, (folders.length - i) * 2), { title: folder, hero }, 5)));
    const darkSrc = (data: unknown) => (data as { hero?: { image?: { dark?: { src: string } } } } | undefined)?.hero?.image?.dark?.src;
    expect(results.map((result) => darkSrc(result.data))).toEqual(folders.map((folder) => `${folder}/dark.png`));
  });
});
