import { describe, expect, test } from 'vitest';
import { matchMcpRoute, resolveMcpScope } from './mcp-paths.ts';

const KNOWN = ['mcp_postgres', 'mcp_filesystem'];

describe('matchMcpRoute', () => {
  test.each([
    ['/mcp', { kind: 'aggregate', names: [] }],
    ['/mcp/', { kind: 'aggregate', names: [] }],
    ['/mcp/tools', { kind: 'aggregate', names: ['tools'] }],
    ['/mcp/tools/list', { kind: 'aggregate', names: ['tools'] }],
    ['/mcp/a,b', { kind: 'aggregate', names: ['a', 'b'] }],
    ['/github/mcp', { kind: 'servers', names: ['github'] }],
    ['/a,b/mcp/', { kind: 'servers', names: ['a', 'b'] }],
    ['/{a,b}/mcp', { kind: 'servers', names: ['a', 'b'] }],
    ['/%7Ba,%20b%7D/mcp', { kind: 'servers', names: ['a', 'b'] }],
    ['/v1/models', null],
    ['/mcpx', null],
    ['/toolset/x/mcp', null],
    ['/,/mcp', null],
  ])('%s → %j', (path, expected) => {
    expect(matchMcpRoute(path)).toEqual(expected);
  });
});

describe('resolveMcpScope', () => {
  test.each([
    ['aggregate, no header → all', { kind: 'aggregate', names: [] }, undefined, { servers: KNOWN }],
    ['/mcp/tools names no server: denied (LiteLLM 1.108)', { kind: 'aggregate', names: ['tools'] }, undefined, { servers: [], denied: 'tools' }],
    ['/mcp/<server> narrows', { kind: 'aggregate', names: ['mcp_filesystem'] }, undefined, { servers: ['mcp_filesystem'] }],
    ['header narrows', { kind: 'aggregate', names: [] }, 'mcp_postgres', { servers: ['mcp_postgres'] }],
    ['header with spaces', { kind: 'aggregate', names: [] }, ' mcp_filesystem , mcp_postgres ', { servers: KNOWN }],
    ['header never grants', { kind: 'servers', names: ['mcp_filesystem'] }, 'mcp_postgres', { servers: ['mcp_filesystem'] }],
    ['per-server path', { kind: 'servers', names: ['mcp_filesystem'] }, undefined, { servers: ['mcp_filesystem'] }],
    ['unknown per-server name', { kind: 'servers', names: ['mcp_filesystem', 'nope'] }, undefined, { unknownName: 'nope' }],
  ] as const)('%s', (_label, route, header, expected) => {
    expect(resolveMcpScope({ kind: route.kind, names: [...route.names] }, KNOWN, header)).toEqual(expected);
  });
});
