import type { GatewayEnvironment } from '../schemas/gateway.ts';

/**
 * The whole environment a runbook block gets (issue 29): PATH, the gateway's URLs, and the values of the key env
 * vars content/gateway.yaml names for the environment. Nothing else of the runner's environment leaks in (no
 * cloud credentials, no CI tokens); `HOME` is set to the block's own temporary folder by the runner.
 */

/** What a block is told about where it runs. */
export interface BlockEnvInput {
  environment: Pick<GatewayEnvironment, 'keyEnv' | 'adminKeyEnv' | 'mcpPath'>;
  /** Base URL the blocks run against (no trailing slash). */
  baseUrl: string;
  /** The runner's own environment, where PATH and the key values are read. */
  from: Readonly<Record<string, string | undefined>>;
}

/** The block environment, and the key env var names that were meant to be in it but are unset. */
export function blockEnv({ environment, baseUrl, from }: BlockEnvInput): { env: Record<string, string>; missing: string[] } {
  const env: Record<string, string> = {
    PATH: from.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    GATEWAY_URL: baseUrl,
    MCP_URL: `${baseUrl}${environment.mcpPath}`,
  };
  const missing: string[] = [];
  for (const name of [environment.keyEnv, environment.adminKeyEnv]) {
    if (!name) continue;
    const value = from[name];
    if (value) env[name] = value;
    else missing.push(name);
  }
  return { env, missing };
}
