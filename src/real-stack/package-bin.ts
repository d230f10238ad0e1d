/** Absolute path of the JS file an npm package declares as its bin (the MCP servers run on the project's Node). */
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** Resolves `packageName`'s bin file from node_modules; throws with the fix when it has none. */
export function resolvePackageBin(packageName: string): string {
  const manifestPath = require.resolve(`${packageName}/package.json`);
  const manifest = require(manifestPath) as { bin?: string | Record<string, string> };
  const bin = typeof manifest.bin === 'string' ? manifest.bin : Object.values(manifest.bin ?? {})[0];
  if (bin === undefined) throw new Error(`${manifestPath} → bin: no executable declared; reinstall ${packageName} (npm ci)`);
  return path.resolve(path.dirname(manifestPath), bin);
}
