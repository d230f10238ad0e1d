/**
 * Client profiles: the request a generated snippet makes its client send, and what a probe of the
 * gateway with exactly that request means. Pure; the I/O is in src/probes/client-profile.ts.
 */
import { condition, decide, type CheckOutcome, type Condition } from '../checks/outcome.ts';
import { mcpMeasured } from '../checks/mcp.ts';
import type { McpObservation } from '../schemas/observation.ts';
import type { ClientProfileCheck } from '../schemas/client-profile-check.ts';
import { clients, type ClientId } from './registry.ts';
import { ClientConfigError, type ClientContext, type ClientGenerator, type ClientRequest, type SecretSource } from './types.ts';

/** The secrets a user of `context` has: the key in its env var, typed into prompts, pasted over placeholders. */
export function userSecrets(context: ClientContext, key: string | undefined): SecretSource {
  return { env: { [context.keyEnv]: key }, answerInput: () => key };
}

/** What replaying a client's snippet produced: the request, or why the client would not send one. */
export type ProfileRequest = { request: ClientRequest; primaryText: string } | { error: string; primaryText: string };

/**
 * The request `client` sends for its generated primary snippet (or `primaryText`, to replay a user's
 * or a deliberately broken snippet), with the real key in place of every reference to it.
 */
export function clientProfileRequest(client: ClientId, context: ClientContext, key: string | undefined, primaryText?: string): ProfileRequest {
  const generator: ClientGenerator = clients[client];
  const text = primaryText ?? generator.generate(context).primary.code;
  try {
    return { request: generator.resolve(text, userSecrets(context, key)), primaryText: text };
  } catch (error) {
    if (error instanceof ClientConfigError) return { error: error.message, primaryText: text };
    throw error;
  }
}

/** An MCP observation plus what the client-profile probe knows about the request it replayed. */
export interface ClientProfileObservation extends McpObservation {
  client: ClientId;
  /** Header names sent (values stay in memory: they hold the key). */
  sentHeaders: string[];
  /** The `x-mcp-servers` value sent, or undefined when the snippet sends none. */
  scopeSent?: string;
  /** The auth scheme sent (`Bearer`, `Token`, …), or undefined without an Authorization header. */
  authScheme?: string;
  /** Set when the client would refuse its config before sending anything. */
  configError?: string;
}

const headerValue = (headers: Record<string, string>, name: string): string | undefined =>
  Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];

/** The request facts the evaluation looks at, without the values that could hold a key. */
export function describeRequest(request: ClientRequest): Pick<ClientProfileObservation, 'sentHeaders' | 'scopeSent' | 'authScheme'> {
  const auth = headerValue(request.headers, 'authorization');
  return {
    sentHeaders: Object.keys(request.headers),
    ...(headerValue(request.headers, 'x-mcp-servers') !== undefined ? { scopeSent: headerValue(request.headers, 'x-mcp-servers') } : {}),
    ...(auth !== undefined ? { authScheme: auth.split(/\s+/)[0] ?? '' } : {}),
  };
}

/** Evaluates a client-profile probe: the client's config must load, scope the servers, and list tools through the gateway. */
export function evaluateClientProfile(check: ClientProfileCheck, obs: ClientProfileObservation, servers: readonly string[]): CheckOutcome {
  const measured = { ...mcpMeasured(obs), clientProfile: obs.client };
  measured.extra = { ...measured.extra, headersSent: obs.sentHeaders.join(', ') || '(none)', authScheme: obs.authScheme ?? null };
  const conditions: Condition[] = [condition('client loads the generated config', obs.configError === undefined, obs.configError ?? 'ok')];
  if (obs.configError !== undefined) return decide(conditions, null, measured, '');
  const wanted = servers.join(',');
  if (check.expect.scopeHeader) conditions.push(condition(`x-mcp-servers == ${wanted}`, obs.scopeSent === wanted, obs.scopeSent));
  conditions.push(condition('initialize answered', obs.protocolVersion !== undefined, obs.protocolVersion ?? obs.failure?.message, { failureClass: obs.failure?.failureClass ?? 'protocol' }));
  conditions.push(condition(`tools >= ${check.expect.minTools}`, obs.tools.length >= check.expect.minTools, obs.tools.length));
  const foreign = obs.tools.filter((tool) => !servers.some((server) => tool.name.startsWith(`${server}-`))).map((tool) => tool.name);
  conditions.push(condition('every tool belongs to a scoped server', foreign.length === 0, foreign.length ? foreign.join(', ') : 'yes'));
  const summary = `${check.client}: ${obs.tools.length} tools via ${obs.sentHeaders.join(', ')}, protocol ${obs.protocolVersion}`;
  return decide(conditions, obs.failure, measured, summary);
}
