/** The fixed gateway definition client tests generate from. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseGatewayFile as parseGatewayYaml } from '../../../src/config/gateway-file.ts';

export const FIXTURE_GATEWAY_FILE = fileURLToPath(new URL('../fixtures/gateway.yaml', import.meta.url));

/** Parsed `tests/clients/fixtures/gateway.yaml`. */
export const fixtureGateway = parseGatewayYaml(readFileSync(FIXTURE_GATEWAY_FILE, 'utf8'), 'tests/clients/fixtures/gateway.yaml');
