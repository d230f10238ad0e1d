import { readFile } from 'node:fs/promises';
import { z } from 'astro/zod';
import { GatewayEnvironmentSchema, GatewaySchema, type Gateway } from '../schemas/gateway.ts';
import { GATEWAY_PATH, readOrExplain } from './paths.ts';
import { readYaml, validateYaml } from './yaml-source.ts';

/**
 * `content/gateway.yaml` read strictly: the shared schema strips unknown keys, which would let a typo such as
 * `keyenv:` pass silently and leave the probe without a key. Same fields, unknown keys are errors.
 */
export const StrictGatewaySchema = z
  .strictObject({
    ...GatewaySchema.shape,
    environments: z.record(GatewaySchema.shape.environments.keyType, z.strictObject(GatewayEnvironmentSchema.shape)),
  })
  .superRefine((gateway, ctx) => {
    if (gateway.defaultEnvironment !== undefined && !(gateway.defaultEnvironment in gateway.environments)) {
      ctx.issues.push({ code: 'custom', input: gateway.defaultEnvironment, path: ['defaultEnvironment'], message: `no environment "${gateway.defaultEnvironment}" is defined` });
    }
  });

/** Parses the text of `content/gateway.yaml`; errors name `file:line → field`. */
export function parseGatewayFile(text: string, file: string): Gateway {
  return validateYaml(StrictGatewaySchema, readYaml(text, file, 'gateway definition'), 'gateway definition', 'every field: content/docs/reference/gateway.md (/reference/gateway/ on the site)');
}

/** Reads `content/gateway.yaml` under `root` (the project root by default). */
export async function loadGateway(root: string = process.cwd()): Promise<Gateway> {
  return parseGatewayFile(await readOrExplain(root, GATEWAY_PATH, 'gateway definition', (file) => readFile(file, 'utf8')), GATEWAY_PATH);
}
