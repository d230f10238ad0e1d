import type { Gateway, GatewayEnvironment } from '../schemas/gateway.ts';
import type { ClientContext, SecretSource } from './types.ts';

/** The placeholder that stands for the value of env var `name` in generated text: `<LITELLM_API_KEY>`. */
export function keyPlaceholder(name: string): string {
  return `<${name}>`;
}

/**
 * Replaces `<NAME>` placeholders with the env values the secret source holds, as a user does when
 * pasting their key over the placeholder. Unknown names stay as they are.
 */
export function fillPlaceholders(text: string, secrets: SecretSource): string {
  return text.replace(/<([A-Za-z_][A-Za-z0-9_]*)>/g, (whole, name: string) => secrets.env[name] ?? whole);
}

/** Joins a base URL and an MCP path without doubling or dropping the slash between them. */
export function joinUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/**
 * Builds the generator context for environment `environment` of `gateway`. `baseUrl` overrides the
 * file's value, for the demo gateway whose URL is only known at run time.
 */
export function buildClientContext(gateway: Gateway, environment: string, overrides: { baseUrl?: string } = {}): ClientContext {
  const env = gateway.environments[environment];
  if (env === undefined) {
    const known = Object.keys(gateway.environments).join(', ');
    throw new Error(`content/gateway.yaml → environments.${environment}: no such environment (known: ${known})`);
  }
  return contextFromEnvironment(gateway.name, environment, env, overrides.baseUrl);
}

/** Builds the generator context from one environment entry, for callers that hold no whole gateway (probes). */
export function contextFromEnvironment(serverName: string, environment: string, env: GatewayEnvironment, baseUrl?: string): ClientContext {
  return {
    serverName,
    environment,
    label: env.label,
    mcpUrl: joinUrl(baseUrl ?? env.baseUrl, env.mcpPath),
    keyEnv: env.keyEnv,
    servers: env.servers,
    ...(env.notes !== undefined ? { notes: env.notes } : {}),
  };
}

/** The `x-mcp-servers` value for a context: server names joined by commas. */
export function serversHeader(context: ClientContext): string {
  return context.servers.join(',');
}
