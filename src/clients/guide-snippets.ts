import { z } from 'astro/zod';
import type { Gateway } from '../schemas/gateway.ts';
import { clientIds, generateSetup, guideEnvironments } from './registry.ts';
import { guideSecretSnippets } from './secrets.ts';
import type { Snippet } from './types.ts';

/**
 * The client guides' snippets, highlighted in the content layer rather than at page render. Each set (one per
 * client, one for the key setup) is rendered as one Markdown document of code fences, so Expressive Code runs
 * once per changed set and the content layer keeps the HTML with the set's digest: a rebuild with the same
 * gateway.yaml highlights nothing. The guide components look a snippet up by its text and fall back to
 * `<Code>` when the stored set does not hold it (in `astro dev`, after a generator changed).
 */

/** Entry id of the key setup's set; the others are client ids. */
export const SECRET_SETUP_SET = 'secret-setup';

/** What a block is looked up by. */
type SnippetText = Pick<Snippet, 'lang' | 'title' | 'code'>;

export const HighlightedBlockSchema = z.object({ lang: z.string(), title: z.string(), code: z.string(), html: z.string() });
export const HighlightedSetSchema = z.object({ blocks: z.array(HighlightedBlockSchema) });
export type HighlightedSet = z.output<typeof HighlightedSetSchema>;

/** Every snippet the guides show, by set id, in page order. */
export function guideSnippetSets(gateway: Gateway): Map<string, Snippet[]> {
  const sets = new Map<string, Snippet[]>();
  for (const client of clientIds) sets.set(client, guideEnvironments(gateway).flatMap((env) => generateSetup(gateway, client, env).snippets));
  sets.set(SECRET_SETUP_SET, guideSecretSnippets(gateway));
  return sets;
}

const marker = (index: number) => `<div data-pb-block="${index}"></div>`;
const MARKER = /<div data-pb-block="\d+"><\/div>/;

/** One Markdown document: a marker, then the snippet as a fenced block with its title, per snippet. */
export function snippetsMarkdown(snippets: readonly SnippetText[]): string {
  return snippets
    .map((snippet, i) => {
      if (snippet.title.includes('"')) throw new Error(`snippet title ${JSON.stringify(snippet.title)}: a title may not contain a double quote`);
      const longestRun = Math.max(0, ...(snippet.code.match(/`+/g) ?? []).map((run) => run.length));
      const fence = '`'.repeat(Math.max(3, longestRun + 1));
      return `${marker(i)}\n\n${fence}${snippet.lang} title="${snippet.title}"\n${snippet.code.replace(/\n$/, '')}\n${fence}\n`;
    })
    .join('\n');
}

/** The rendered document cut back into one HTML string per snippet. */
export function splitHighlighted(html: string, count: number, setId: string): string[] {
  const parts = html.split(MARKER).slice(1).map((part) => part.trim());
  if (parts.length !== count) throw new Error(`guide snippets "${setId}": expected ${count} highlighted blocks, the Markdown render gave ${parts.length}`);
  return parts;
}

/** The highlighted HTML of `snippet` from its stored set, or undefined when the set does not hold that text. */
export function highlightedHtml(set: HighlightedSet | undefined, snippet: SnippetText): string | undefined {
  return set?.blocks.find((block) => block.code === snippet.code && block.lang === snippet.lang && block.title === snippet.title)?.html;
}
