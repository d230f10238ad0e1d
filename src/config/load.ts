import type { Gateway } from '../schemas/gateway.ts';
import { loadChecks, type CheckCatalog } from './checks-file.ts';
import { loadGateway } from './gateway-file.ts';

export type { CheckSource } from './checks-file.ts';
export { CHECKS_DIR, GATEWAY_PATH } from './paths.ts';

/** The gateway and its checks, as every stage reads them. */
export interface ProjectConfig extends CheckCatalog {
  gateway: Gateway;
}

/** Reads `content/gateway.yaml` and every `content/checks/*.yaml` under `root`; throws ProofbookInputError on any problem. */
export async function loadProjectConfig(root: string): Promise<ProjectConfig> {
  const gateway = await loadGateway(root);
  return { gateway, ...(await loadChecks(root, gateway)) };
}
