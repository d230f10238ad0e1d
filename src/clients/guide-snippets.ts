import type { Gateway } from '../schemas/gateway.ts';
import type { HighlightedSet } from './highlighted-set.ts';
import { clientIds, generateSetup, guideEnvironments } from './registry.ts';
import { guideSecretSnippets } from './secrets.ts';
import type { Snippet } from './types.ts';

/**
 * The client guides' snippets, highlighted in the content layer rather than at page render
 * (src/markdown/code-document.ts): one Markdown document per set (one per client, one for the key setup), so
 * Expressive Code runs once per changed set and a rebuild with the same gateway.yaml highlights nothing.
 * The guide components look a snippet up by its text and fall back to `<Code>` when the stored set does not
 * hold it (in `astro dev`, after a generator changed).
 */

/** Entry id of the key setup's set; the others are client ids. */
export const SECRET_SETUP_SET = 'secret-setup';

/** What a block is looked up by. */
type SnippetText = Pick<Snippet, 'lang' | 'title' | 'code'>;


/** Every snippet the guides show, by set id, in page order. */
export function guideSnippetSets(gateway: Gateway): Map<string, Snippet[]> {
  const sets = new Map<string, Snippet[]>();
  for (const client of clientIds) sets.set(client, guideEnvironments(gateway).flatMap((env) => generateSetup(gateway, client, env).snippets));
  sets.set(SECRET_SETUP_SET, guideSecretSnippets(gateway));
  return sets;
}

/** The highlighted HTML of `snippet` from its stored set, or undefined when the set does not hold that text. */
export function highlightedHtml(set: HighlightedSet | undefined, snippet: SnippetText): string | undefined {
  return set?.blocks.find((block) => block.code === snippet.code && block.lang === snippet.lang && block.title === snippet.title)?.html;
}
