/**
 * Client profiles: the request a generated snippet makes its client send. Pure; the I/O is in
 * src/probes/client-profile.ts and the judgement in src/checks/client-profile.ts.
 */
import type { ClientProfileObservation } from '../schemas/observation.ts';
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
