// The floor: the bare undici loop of /work/shared/anchors/probe-undici.mjs (initialize → notifications/initialized →
// tools/list, keep-alive, bounded concurrency), plus the session DELETE the probe engine always sends.
import { Agent, request } from 'undici';

const PV = '2025-11-25';

function pickResponse(contentType: string, text: string, id: number): { result: { protocolVersion?: string; tools?: unknown[] } } {
  if (contentType.startsWith('application/json')) return JSON.parse(text);
  for (const line of text.split('\n')) {
    if (!line.startsWith('data:')) continue;
    const payload = line.slice(5).trim();
    if (!payload) continue;
    const msg = JSON.parse(payload);
    if (msg.id === id) return msg;
  }
  throw new Error(`no JSON-RPC response with id ${id}`);
}

/** Runs `checks` exchanges against `url` at `concurrency`; resolves to the wall time in ms and the tool count seen. */
export async function runFloor(url: string, headers: Record<string, string>, checks: number, concurrency: number): Promise<{ elapsedMs: number; tools: number; errors: number }> {
  const dispatcher = new Agent({ connections: concurrency, keepAliveTimeout: 10_000 });
  const base = { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers };
  const post = async (body: unknown, extra: Record<string, string>) => {
    const res = await request(url, { method: 'POST', dispatcher, headers: { ...base, ...extra }, body: JSON.stringify(body) });
    return { status: res.statusCode, headers: res.headers, text: await res.body.text() };
  };
  let tools = 0;
  let errors = 0;
  const check = async () => {
    const init = await post({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: PV, capabilities: {}, clientInfo: { name: 'floor', version: '0' } } }, {});
    if (init.status !== 200) throw new Error(`initialize HTTP ${init.status}`);
    const sid = init.headers['mcp-session-id'] as string | undefined;
    const pv = pickResponse(String(init.headers['content-type']), init.text, 1).result.protocolVersion ?? PV;
    const h: Record<string, string> = { 'mcp-protocol-version': pv, ...(sid ? { 'mcp-session-id': sid } : {}) };
    await post({ jsonrpc: '2.0', method: 'notifications/initialized' }, h);
    const tl = await post({ jsonrpc: '2.0', id: 2, method: 'tools/list' }, h);
    tools = pickResponse(String(tl.headers['content-type']), tl.text, 2).result.tools?.length ?? 0;
    if (sid) await (await request(url, { method: 'DELETE', dispatcher, headers: { ...base, ...h } })).body.dump();
  };
  let next = 0;
  const start = performance.now();
  const worker = async () => {
    while (next < checks) {
      next++;
      await check().catch(() => errors++);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsedMs = performance.now() - start;
  await dispatcher.close();
  return { elapsedMs, tools, errors };
}
