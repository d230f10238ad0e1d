/**
 * The MCP server LiteLLM exposes: one low-level SDK `Server` per request (stateless mode) whose
 * catalog is the union of the in-scope upstreams, names prefixed `<server>-<tool>`, with
 * `_meta["litellm.ai/server_outcomes"]` saying which upstreams answered (reference §1.4).
 */
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  CallToolRequestSchema,
  ErrorCode,
  ListToolsRequestSchema,
  McpError,
  type CallToolResult,
  type Tool,
} from '@modelcontextprotocol/sdk/types.js';
import { deniedMessage } from './denied-scope.ts';
import { pageOf, prefixToolName, splitToolName } from './tool-catalog.ts';
import type { UpstreamPool } from './upstream-pool.ts';

/** One entry of `litellm.ai/server_outcomes`. */
export type ServerOutcome = { status: 'ok'; tool_count: number } | { status: 'unreachable' };

/** The `_meta` key LiteLLM (2026) uses for per-server listing results. */
export const SERVER_OUTCOMES_META_KEY = 'litellm.ai/server_outcomes';

interface AggregatorOptions {
  /** Upstreams this request may use, after path and `x-mcp-servers` narrowing. */
  servers: string[];
  /** The names asked for when none matched: tools/list is refused with them. */
  denied?: string;
  /** The one server a path or `x-mcp-servers` scoped the request to, when it named exactly one. */
  singleServer?: string;
  pool: UpstreamPool;
  pageSize: number;
}

/** LiteLLM reports tool-call failures as a successful JSON-RPC result with `isError`. */
function toolError(text: string): CallToolResult {
  return { content: [{ type: 'text', text: `Error: ${text}` }], isError: true };
}

async function listAggregated(options: AggregatorOptions): Promise<{ tools: Tool[]; outcomes: Record<string, ServerOutcome> }> {
  const results = await Promise.all(options.servers.map((name) => options.pool.listTools(name)));
  const tools: Tool[] = [];
  const outcomes: Record<string, ServerOutcome> = {};
  results.forEach((result, index) => {
    const server = options.servers[index] ?? '';
    if (result.status === 'unreachable') {
      outcomes[server] = { status: 'unreachable' };
      return;
    }
    outcomes[server] = { status: 'ok', tool_count: result.tools.length };
    for (const tool of result.tools) tools.push({ ...tool, name: prefixToolName(server, tool.name) });
  });
  return { tools, outcomes };
}

/**
 * On a request scoped to one server, another known server's tool is a mismatch and a name with no known prefix is
 * that server's own tool; null otherwise.
 */
function singleServerTarget(name: string, options: AggregatorOptions): { server: string; tool: string } | 'mismatch' | null {
  if (options.singleServer === undefined) return null;
  if (splitToolName(name, options.pool.names) !== null) return 'mismatch';
  return { server: options.singleServer, tool: name };
}

/** Builds a fresh aggregating MCP server for one request. */
export function createAggregatorServer(options: AggregatorOptions): Server {
  // LiteLLM 1.108 reports its MCP server as version 1.0.0, not the proxy's version (parity suite, issue 26).
  const server = new Server({ name: 'litellm-mcp-server', version: '1.0.0' }, { capabilities: { tools: {} } });

  server.setRequestHandler(ListToolsRequestSchema, async (request) => {
    // A plain error with a code: McpError would prefix the message with "MCP error -32600: ", which LiteLLM does not.
    if (options.denied !== undefined) throw Object.assign(new Error(deniedMessage(options.denied)), { code: ErrorCode.InvalidRequest });
    const { tools, outcomes } = await listAggregated(options);
    let page: ReturnType<typeof pageOf<Tool>>;
    try {
      page = pageOf(tools, request.params?.cursor, options.pageSize);
    } catch (error) {
      throw new McpError(ErrorCode.InvalidParams, error instanceof Error ? error.message : String(error));
    }
    // `_meta` first, as in the capture quoted in the reference.
    return {
      _meta: { [SERVER_OUTCOMES_META_KEY]: outcomes },
      tools: page.items,
      ...(page.nextCursor === undefined ? {} : { nextCursor: page.nextCursor }),
    };
  });

  server.setRequestHandler(CallToolRequestSchema, async (request) => {
    const name = request.params.name;
    // LiteLLM 1.108.4's answers, checked against the real proxy (issue 26).
    if (options.denied !== undefined) return toolError(deniedMessage(options.denied));
    const target = splitToolName(name, options.servers) ?? singleServerTarget(name, options);
    if (target === 'mismatch') return toolError('tool_server_mismatch');
    if (target === null) return toolError('User not allowed to call this tool.');
    try {
      const result = await options.pool.callTool(target.server, target.tool, request.params.arguments);
      // LiteLLM always states isError, false included (parity suite, issue 26).
      return { ...result, isError: result.isError ?? false };
    } catch (error) {
      // An upstream's JSON-RPC error reaches the client as LiteLLM 1.108.4 words it: `MCPError: <its message>`.
      if (error instanceof McpError) return { content: [{ type: 'text', text: `MCPError: ${error.message.replace(/^MCP error -?\d+: /, '')}` }], isError: true };
      return toolError(`MCP server '${target.server}' failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  });

  return server;
}
