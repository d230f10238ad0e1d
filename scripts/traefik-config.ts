// `npm run traefik-config -- [--env internal] [--backend http://litellm:4000]`: prints the Traefik v3 file-provider
// config generated from content/gateway.yaml (the one the real stack runs and the gateway routing runbook shows).
import { parseArgs } from 'node:util';
import { loadProjectConfig } from '../src/config/load.ts';
import { traefikDynamicConfig } from '../src/real-stack/traefik-config.ts';

const { values } = parseArgs({ options: { env: { type: 'string' }, backend: { type: 'string', default: 'http://litellm:4000' } } });
try {
  const { gateway } = await loadProjectConfig(process.cwd());
  const id = values.env ?? gateway.defaultEnvironment ?? 'internal';
  const environment = gateway.environments[id];
  if (!environment) throw new Error(`--env ${id}: no such environment in content/gateway.yaml (known: ${Object.keys(gateway.environments).join(', ')})`);
  process.stdout.write(traefikDynamicConfig({ environment, backendUrl: values.backend }));
} catch (error) {
  process.stderr.write(`traefik-config: ${(error as Error).message}\n`);
  process.exitCode = 2;
}
