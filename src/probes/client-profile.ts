/**
 * `kind: client-profile`: replays what a client's generated snippet makes it send, through the same
 * MCP exchange as `kind: mcp` (initialize + tools/list), so a snippet that would not work fails here.
 */
import { contextFromEnvironment } from '../clients/context.ts';
import { clientProfileRequest, describeRequest } from '../clients/profile.ts';
import type { ClientProfileCheck } from '../schemas/client-profile-check.ts';
import type { ClientProfileObservation } from '../schemas/observation.ts';
import type { ProbeContext } from './context.ts';
import { mcpListTools } from './mcp.ts';

/** Probes the gateway as `check.client` would; `primaryText` replays another snippet than the generated one. */
export async function probeClientProfile(check: ClientProfileCheck, ctx: ProbeContext, primaryText?: string): Promise<ClientProfileObservation> {
  const context = contextFromEnvironment(check.serverName, ctx.environmentId, ctx.environment, ctx.baseUrl);
  const replay = clientProfileRequest(check.client, context, ctx.credentials.key, primaryText);
  if ('error' in replay) {
    return { kind: 'client-profile', failure: null, latencyMs: 0, transcript: [], step: 'initialize', sessionId: false, tools: [], pages: 0, scopedServers: context.servers, client: check.client, sentHeaders: [], configError: replay.error };
  }
  const obs = await mcpListTools({
    url: replay.request.url,
    headers: replay.request.headers,
    signal: ctx.signal,
    dispatcher: ctx.dispatcher,
    protocolVersion: check.protocolVersion,
    scopedServers: context.servers,
    maxBodyBytes: ctx.maxBodyBytes,
    now: ctx.now,
    ...(ctx.secrets ? { secrets: ctx.secrets } : {}),
    clientInfo: { name: `proofbook-client-profile-${check.client}`, version: '1' },
  });
  return { ...obs, kind: 'client-profile', client: check.client, ...describeRequest(replay.request) };
}

