/** Every client we generate a setup for, by id. The id is also the guide's slug. */
import { buildClientContext } from './context.ts';
import { claudeCode } from './claude-code.ts';
import { claudeDesktop } from './claude-desktop.ts';
import { codex } from './codex.ts';
import { cursor } from './cursor.ts';
import { curl } from './curl.ts';
import { inspector } from './inspector.ts';
import { openWebui } from './open-webui.ts';
import type { ClientGenerator, ClientSetup } from './types.ts';
import { vscode } from './vscode.ts';
import type { Gateway } from '../schemas/gateway.ts';
import type { ClientId } from '../schemas/client-profile-check.ts';

export type { ClientId };

export const clients = {
  codex,
  vscode,
  'claude-code': claudeCode,
  cursor,
  'open-webui': openWebui,
  'claude-desktop': claudeDesktop,
  inspector,
  curl,
} satisfies Record<ClientId, ClientGenerator>;

/** Client ids in guide order. */
export const clientIds = Object.keys(clients) as ClientId[];

/** True when `id` names a client we generate for. */
export const isClientId = (id: string): id is ClientId => Object.hasOwn(clients, id);

/** The gateway environments guides show: every environment except the run-time-only demo and real stack. */
export function guideEnvironments(gateway: Gateway): string[] {
  return Object.keys(gateway.environments).filter((id) => id !== 'demo' && id !== 'real-stack');
}

/** Generates `client`'s setup for one environment of `gateway`. */
export function generateSetup(gateway: Gateway, client: ClientId, environment: string, overrides: { baseUrl?: string } = {}): ClientSetup {
  const generator: ClientGenerator = clients[client];
  return generator.generate(buildClientContext(gateway, environment, overrides));
}
