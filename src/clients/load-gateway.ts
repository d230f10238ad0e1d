/** Reads `content/gateway.yaml` through the probe stage's strict loader, so guides and probes agree. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { GATEWAY_PATH } from '../config/load.ts';
import { parseGatewayFile } from '../config/gateway-file.ts';
import type { Gateway } from '../schemas/gateway.ts';

/** Parses gateway YAML text; `file` names it in errors, which carry the line of the bad field. */
export const parseGatewayYaml = (text: string, file: string): Gateway => parseGatewayFile(text, file);

/** Loads `content/gateway.yaml` under `root` (the project root by default). */
export async function loadGateway(root: string = process.cwd(), file = GATEWAY_PATH): Promise<Gateway> {
  return parseGatewayYaml(await readFile(path.resolve(root, file), 'utf8'), file);
}
