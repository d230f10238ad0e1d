/** uvicorn-style access-log lines; the path is logged without its query string. */
import { STATUS_CODES, type IncomingMessage } from 'node:http';

/** `INFO:     127.0.0.1:57230 - "POST /mcp HTTP/1.1" 200 OK` (reference §5, example 9). */
export function formatAccessLine(req: IncomingMessage, status: number): string {
  const client = `${req.socket.remoteAddress ?? '-'}:${req.socket.remotePort ?? 0}`;
  const path = (req.url ?? '/').split('?')[0];
  return `INFO:     ${client} - "${req.method} ${path} HTTP/${req.httpVersion}" ${status} ${STATUS_CODES[status] ?? ''}`.trimEnd();
}
