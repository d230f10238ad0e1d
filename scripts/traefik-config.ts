// `npm run traefik-config -- [--env internal] [--backend http://litellm:4000]`: prints the Traefik v3 file-provider
// config generated from content/gateway.yaml (the one the real stack runs and the gateway routing runbook shows).
import { defineCommand } from '../src/cli/command.ts';
import { loadProjectConfig } from '../src/config/load.ts';
import { traefikDynamicConfig } from '../src/real-stack/traefik-config.ts';

const { values } = defineCommand({
  name: 'traefik-config',
  summary: 'Print the Traefik v3 file-provider config generated from content/gateway.yaml (the one the real stack runs).',
  options: {
    env: { type: 'string', value: 'id', description: 'gateway environment (default: its defaultEnvironment)' },
    backend: { type: 'string', value: 'URL', default: 'http://litellm:4000', description: 'where Traefik sends the requests it routes (LiteLLM)' },
  },
  examples: ['npm run traefik-config -- --env internal > dynamic.yaml', 'npm run traefik-config -- --backend http://127.0.0.1:4000'],
  exitCodes: ['0 printed', '2 a usage or configuration error'],
}).parse();
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
