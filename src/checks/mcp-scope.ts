import type { McpScopeCase, McpScopeCheck } from '../schemas/depth-check.ts';
import type { FailureClass } from '../schemas/evidence.ts';
import type { McpObservation, McpScopeObservation } from '../schemas/observation.ts';
import { round } from './http.ts';
import { condition, decide, type CheckOutcome, type Condition } from './outcome.ts';

/** What one header value got: tools per server (an unattributed tool under `?`), or the refusal. */
export function describeScope(exchange: McpObservation): string {
  if (exchange.rpcError) return `refused: JSON-RPC ${exchange.rpcError.code} ${exchange.rpcError.message}`;
  if (exchange.failure) return `${exchange.failure.failureClass}: ${exchange.failure.message}`;
  const counts = new Map<string, number>();
  for (const tool of exchange.tools) counts.set(tool.server ?? '?', (counts.get(tool.server ?? '?') ?? 0) + 1);
  return counts.size === 0 ? 'no tools' : [...counts].map(([server, n]) => `${server} ${n}`).join(', ');
}

/** A refusal is the gateway's answer (a JSON-RPC error, or an HTTP 4xx), never a transport failure. */
function isRefusal(exchange: McpObservation): boolean {
  const isHttpRefusal = exchange.failure?.failureClass === 'http_status' && (exchange.status ?? 0) >= 400 && (exchange.status ?? 0) < 500;
  return exchange.tools.length === 0 && (exchange.rpcError !== undefined || isHttpRefusal);
}

/** Whether the listed servers are exactly the expected ones, each with at least one tool, and nothing unattributed. */
function listsExactly(exchange: McpObservation, expected: readonly string[]): boolean {
  if (exchange.failure) return false;
  const servers = new Set(exchange.tools.map((tool) => tool.server ?? '?'));
  return servers.size === expected.length && expected.every((server) => servers.has(server));
}

function caseCondition(scopeCase: McpScopeCase, exchange: McpObservation): Condition {
  const actual = describeScope(exchange);
  // A transport failure keeps its class; a gateway that answered otherwise than expected is `expectation`.
  const failureClass: FailureClass = exchange.failure && !exchange.rpcError && !isRefusal(exchange) ? exchange.failure.failureClass : 'expectation';
  if (scopeCase.refused) return condition(`x-mcp-servers: ${scopeCase.header} → refused`, isRefusal(exchange), actual, { failureClass });
  const lists = scopeCase.lists ?? [];
  return condition(`x-mcp-servers: ${scopeCase.header} → lists ${lists.join(', ')} only`, listsExactly(exchange, lists), actual, { failureClass });
}

/** Evaluates an `mcp-scope` check: one condition per header value. */
export function evaluateMcpScope(check: McpScopeCheck, obs: McpScopeObservation): CheckOutcome {
  const conditions = obs.cases.map((observed) => {
    const scopeCase = check.cases.find((c) => c.header === observed.header);
    return scopeCase ? caseCondition(scopeCase, observed.exchange) : condition(`x-mcp-servers: ${observed.header} is a case of the check`, false, 'not in the check');
  });
  const passed = conditions.filter((c) => c.ok).length;
  const extra = Object.fromEntries(obs.cases.map((observed) => [`x-mcp-servers: ${observed.header}`, describeScope(observed.exchange).slice(0, 120)]));
  return decide(conditions, obs.failure, { latencyMs: round(obs.latencyMs), extra }, `${passed}/${conditions.length} header values as expected`);
}
