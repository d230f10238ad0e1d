/**
 * How to start each upstream MCP server. They run as real child processes over stdio, started
 * with this very Node binary and the package's bin file, so they run on the project's pinned Node
 * whatever `PATH` says.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { StdioServerParameters } from '@modelcontextprotocol/sdk/client/stdio.js';

/** One upstream: its LiteLLM server name and how to spawn it (null = not configured). */
export interface UpstreamSpec {
  name: string;
  params: StdioServerParameters | null;
}

const require = createRequire(import.meta.url);

/** Absolute path of the JS file an npm package declares as its bin. */
export function resolvePackageBin(packageName: string): string {
  const manifestPath = require.resolve(`${packageName}/package.json`);
  const manifest = require(manifestPath) as { bin?: string | Record<string, string> };
  const bin = typeof manifest.bin === 'string' ? manifest.bin : Object.values(manifest.bin ?? {})[0];
  if (bin === undefined) {
    throw new Error(`${manifestPath} → bin: no executable declared; reinstall ${packageName} (npm ci)`);
  }
  return path.resolve(path.dirname(manifestPath), bin);
}

/** The reference deployment's two upstreams, in catalog order. */
export function upstreamSpecs(options: { filesystemRoot: string; postgresUrl: string | undefined }): UpstreamSpec[] {
  return [
    {
      name: 'mcp_postgres',
      params:
        options.postgresUrl === undefined
          ? null
          : { command: process.execPath, args: [resolvePackageBin('@modelcontextprotocol/server-postgres'), options.postgresUrl] },
    },
    {
      name: 'mcp_filesystem',
      params: { command: process.execPath, args: [resolvePackageBin('@modelcontextprotocol/server-filesystem'), options.filesystemRoot] },
    },
  ];
}
