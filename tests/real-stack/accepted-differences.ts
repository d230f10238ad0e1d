/**
 * Every difference between the demo gateway and the real stack (LiteLLM 1.108.4 behind Traefik 3.7.15) that the
 * parity suite accepts, with its reason. One place, so the demo gateway's reference page can list them. A field
 * listed here that no longer differs fails the suite ("stale"), so the list cannot rot.
 */

export interface AcceptedDifference {
  /** Parity case id (parity-cases.ts), `verdict:<check id>`, or `sse:<field>`. */
  case: string;
  /** Shape fields allowed to differ. */
  fields: string[];
  reason: string;
}

const NO_DATABASE = 'The real stack runs LiteLLM without a database (its Prisma engines cannot be installed offline), so it cannot look up a key other than the master key and answers a wrong key with 400 "No connected db."; the demo gateway models a deployment with a database and answers 401.';

export const acceptedDifferences: AcceptedDifference[] = [
  { case: 'wrong key GET /v1/models', fields: ['status'], reason: `${NO_DATABASE} (real: {"error":{…"type":"no_db_connection"…}})` },
  { case: 'wrong key POST /mcp/', fields: ['status'], reason: `${NO_DATABASE} (real: 400 {"detail":"No connected db."})` },
  { case: 'verdict:routing.auth-matrix', fields: ['verdict'], reason: NO_DATABASE },
  {
    case: 'open /docs', fields: ['status', 'mediaType'],
    reason: 'LiteLLM serves Swagger at / and has no /docs unless DOCS_URL is set (real: 404 {"detail":"Not Found"}); the demo gateway behaves as if DOCS_URL=/docs, which the seed\'s open /docs rule implies. Baselined for real-stack in content/baseline.yaml.',
  },
  { case: 'verdict:routing.open-paths', fields: ['verdict'], reason: 'The /docs difference above.' },
  {
    case: 'right key GET /v1/models', fields: [],
    reason: 'Listed for the record: both answer {data, object}; the real stack has no model (data is []), the demo one demo-model. Only the keys are compared.',
  },
  {
    case: 'readiness', fields: ['jsonKeys'],
    reason: 'LiteLLM 1.108 keeps /health/readiness terse ({status, db}) and moved litellm_version and the rest to /health/readiness/details (key required); the demo gateway still answers the older detailed body. The fingerprint reads either.',
  },
  {
    case: 'status route without a key', fields: ['jsonKeys'],
    reason: 'LiteLLM 1.108 adds source_revision and etag to the cost-map status body; the four fields the check needs are compared in "required".',
  },
  {
    case: 'initialize', fields: ['capabilities', 'sessionId'],
    reason: 'LiteLLM 1.108 also declares prompts and resources, and hands out an mcp-session-id (it still answers requests without one, and DELETE on any id is 200); the demo gateway serves tools only, statelessly. Clients and probes work with both.',
  },
  {
    case: 'POST without text/event-stream in Accept', fields: ['error'],
    reason: 'Both answer 406 with the same message; the JSON-RPC error code is the MCP SDK\'s own: -32600 in the Python SDK LiteLLM uses, -32000 in the TypeScript SDK the demo gateway is built on.',
  },
  {
    case: 'PUT /mcp/', fields: ['error'],
    reason: 'Both answer 405 with allow: GET, POST, DELETE; the error code and wording are each MCP SDK\'s own (Python: -32600 "Method Not Allowed"; TypeScript: -32000 "Method not allowed.").',
  },
  { case: 'a wrong x-litellm-api-key beside the right Bearer', fields: ['status'], reason: `${NO_DATABASE} LiteLLM prefers x-litellm-api-key, so the wrong key there decides on both.` },
  {
    case: 'MCP server list', fields: [],
    reason: 'Listed for the record: only server_id, server_name and transport are compared. The demo gateway answers a reduced entry (ids, names, transport, url, status fields); LiteLLM 1.108 adds some forty more (commands, args, OAuth and access settings).',
  },
];
