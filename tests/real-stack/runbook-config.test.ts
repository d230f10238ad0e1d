/** The gateway routing runbook shows the Traefik config the generator makes from content/gateway.yaml, verbatim. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from 'vitest';
import { loadProjectConfig } from '../../src/config/load.ts';
import { traefikDynamicConfig } from '../../src/real-stack/traefik-config.ts';
import { ROOT } from './support.ts';

test('the runbook block equals `npm run traefik-config -- --env internal`', async () => {
  const { gateway } = await loadProjectConfig(ROOT);
  const expected = traefikDynamicConfig({ environment: gateway.environments.internal!, backendUrl: 'http://litellm:4000' });
  const page = await readFile(path.join(ROOT, 'content/docs/runbooks/gateway-routing.md'), 'utf8');
  const block = /```yaml title="traefik\/dynamic\.yaml"\n([\s\S]*?)```/.exec(page)?.[1];
  expect(block, 'run `npm run traefik-config -- --env internal` and paste its output into the runbook').toBe(expected);
});
