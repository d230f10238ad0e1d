import type { Gateway } from '../schemas/gateway.ts';
import { SECRET_SETUP_SET, type GuideSet } from '../schemas/guide-set.ts';
import { clientIds, generateSetup, guideEnvironments } from './registry.ts';
import { guideSecretSnippets } from './secrets.ts';

/**
 * What the client guides show, generated from content/gateway.yaml: one set per client (its setup for every
 * guide environment) and one for the key setup. The guide components render a set; nothing in a guide is
 * written by hand.
 */

/** Every set the guides show, by id, snippets in page order. */
export function guideSnippetSets(gateway: Gateway): Map<string, GuideSet> {
  const sets = new Map<string, GuideSet>();
  for (const client of clientIds) {
    const set: GuideSet = { setups: [], snippets: [] };
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
