import gatewayYaml from '../../../content/gateway.yaml?raw';
import { parseGatewayYaml } from '../../clients/load-gateway.ts';
import type { Gateway } from '../../schemas/gateway.ts';

let parsed: { text: string; gateway: Gateway } | undefined;

/** content/gateway.yaml as the guide components see it (imported as text at build time; components do no fs), parsed once per text. */
export function guideGateway(): Gateway {
  if (parsed?.text !== gatewayYaml) parsed = { text: gatewayYaml, gateway: parseGatewayYaml(gatewayYaml, 'content/gateway.yaml') };
  return parsed.gateway;
}
