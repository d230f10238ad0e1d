import type { Gateway } from '../schemas/gateway.ts';
import { SECRET_SETUP_SET, type HighlightedSet, type HighlightedSnippet } from '../schemas/highlighted-set.ts';
import { clientIds, generateSetup, guideEnvironments } from './registry.ts';
import { guideSecretSnippets } from './secrets.ts';

/**
 * What the client guides show, generated from content/gateway.yaml and highlighted in the content layer
 * rather than at page render (src/site/markdown/code-document.ts): one set per client (its setup for every guide
 * environment) and one for the key setup, each highlighted as one Markdown document, so Expressive Code runs
 * once per changed set and a rebuild with the same gateway.yaml highlights nothing. The guide components only
 * render a stored set; neither the generators nor gateway.yaml are read at page render.
 */

/** A set before highlighting. */
export type SnippetSet = { setups: HighlightedSet['setups']; snippets: Omit<HighlightedSnippet, 'html'>[] };

/** Every set the guides show, by id, snippets in page order. */
export function guideSnippetSets(gateway: Gateway): Map<string, SnippetSet> {
  const sets = new Map<string, SnippetSet>();
  for (const client of clientIds) {
    const set: SnippetSet = { setups: [], snippets: [] };
    for (const env of guideEnvironments(gateway)) {
      const setup = generateSetup(gateway, client, env);
      const { label, notes } = gateway.environments[env]!;
      set.setups.push({ env, label, ...(notes === undefined ? {} : { notes }), steps: setup.steps, sends: { url: setup.sends.url, headers: setup.sends.headers } });
      set.snippets.push(...setup.snippets.map(({ id, os, title, lang, code }) => ({ env, id, os, title, lang, code })));
    }
    sets.set(client, set);
  }
  sets.set(SECRET_SETUP_SET, { setups: [], snippets: guideSecretSnippets(gateway).map(({ id, os, title, lang, code }) => ({ id, os, title, lang, code })) });
  return sets;
}
