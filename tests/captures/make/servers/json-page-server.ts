// An MCP server on the real @modelcontextprotocol/sdk in JSON-response mode (`enableJsonResponse`): POSTs are
// answered with `application/json`, not SSE, and `tools/list` pages its five tools two at a time, so a single
// captured page carries a `nextCursor`. Stateless, like LiteLLM. No auth: the nginx gate in front decides that.
// Run: node json-page-server.ts <port> [keepAliveMs]   (prints "listening <port>" once it accepts connections)
//      node json-page-server.ts stdio                  (the same server over stdio; it prints nothing on stderr)
import { createServer, type IncomingMessage } from 'node:http';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { CallToolRequestSchema, ListToolsRequestSchema, type Tool } from '@modelcontextprotocol/sdk/types.js';

const PAGE_SIZE = 2;

/** Names as LiteLLM lists them (`<server>-<tool>`), so the captures read like the gateway's. */
const tools: Tool[] = [
  ['mcp_postgres-query', 'Run a read-only SQL query', 'sql'],
  ['mcp_postgres-list_tables', 'List the tables of a schema', 'schema'],
  ['mcp_filesystem-read_file', 'Read a file', 'path'],
  ['mcp_filesystem-list_directory', 'List a directory', 'path'],
  ['mcp_filesystem-search_files', 'Search files by name', 'pattern'],
].map(([name, description, arg]) => ({ name, description, inputSchema: { type: 'object', properties: { [arg]: { type: 'string' } }, required: [arg] } }));

/** The low-level Server, because McpServer's own tools/list handler never pages. */
function buildServer(): Server {
  const server = new Server({ name: 'json-page-server', version: '1.0.0' }, { capabilities: { tools: {} } });
  server.setRequestHandler(ListToolsRequestSchema, (request) => {
    const start = Number(request.params?.cursor ?? 0);
    const page = tools.slice(start, start + PAGE_SIZE);
    const next = start + PAGE_SIZE < tools.length ? String(start + PAGE_SIZE) : undefined;
    return { tools: page, ...(next ? { nextCursor: next } : {}) };
  });
  server.setRequestHandler(CallToolRequestSchema, (request) => ({ content: [{ type: 'text', text: `called ${request.params.name}` }] }));
  return server;
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : undefined;
}

function serveHttp(port: number, keepAliveMs: number | undefined): void {
  const http = createServer(async (req, res) => {
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true, ...(keepAliveMs === undefined ? {} : { keepAliveMs }) });
    const server = buildServer();
    res.on('close', () => void transport.close().then(() => server.close()));
    await server.connect(transport);
    await transport.handleRequest(req, res, req.method === 'POST' ? await readBody(req) : undefined);
  });
  http.listen(port, '127.0.0.1', () => {
    const address = http.address();
    console.log(`listening ${typeof address === 'object' && address ? address.port : port}`);
  });
}

if (process.argv[2] === 'stdio') await buildServer().connect(new StdioServerTransport());
// keepAliveMs 0 turns the SDK's keep-alive comments off (a stream that goes silent); the SDK default is 15 s.
else serveHttp(Number(process.argv[2] ?? 0), process.argv[3] === undefined ? undefined : Number(process.argv[3]));
