import { randomBytes } from 'node:crypto';

/** Env var NAMES the gateway definition uses for the demo environment (content/gateway.yaml). */
export const DEMO_KEY_ENV = 'LITELLM_API_KEY';
export const DEMO_ADMIN_KEY_ENV = 'LITELLM_MASTER_KEY';

/**
 * The key the demo gateway accepts: the user's own LITELLM_API_KEY when set (so they can try client snippets with a
 * key they know), otherwise a fresh random one that lives only in this process tree and is never printed.
 */
export function demoKey(env: NodeJS.ProcessEnv): string {
  return env[DEMO_KEY_ENV] || `sk-demo-${randomBytes(16).toString('hex')}`;
}

/** The stages of the main job against a gateway at `baseUrl`, in order. */
export function pipelineStages(baseUrl: string, origin: string) {
  return [
    { name: 'probe', args: ['scripts/probe.ts', '--env', 'demo', '--base-url', baseUrl, '--origin', origin], okCodes: [0, 1] },
    { name: 'ingest', args: ['scripts/ingest.ts'] },
    { name: 'build', args: ['node_modules/astro/bin/astro.mjs', 'build'] },
  ];
}
