/**
 * Shared by the real-stack tests: the stack is required, never skipped. A missing venv fails with the command that
 * installs it; requests are bounded in time and bytes.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { installProblem } from '../../src/real-stack/install-state.ts';
import type { Answer } from './parity-cases.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');

/** Throws (failing the test) when the real stack is not installed, with how to install it. */
export function requireRealStack(): void {
  const problem = installProblem(ROOT);
  if (problem) throw new Error(`real-stack tests need the real LiteLLM and Traefik: ${problem}`);
}

/** A fresh key per run, so a leak can be searched for. */
export const newKey = (): string => `sk-parity-${randomBytes(12).toString('hex')}`;

const MAX_BYTES = 256 * 1024;

/** A stdio upstream that LiteLLM spawns for a request can take seconds on a loaded machine; 30 s is far beyond that. */
const SEND_TIMEOUT_MS = 30_000;

/** Sends one request within 30 s and reads at most 256 KiB of the answer; a timeout names the request. */
export async function send(baseUrl: string, request: { method: string; path: string; headers?: Record<string, string>; body?: unknown }): Promise<Answer> {
  const signal = AbortSignal.timeout(SEND_TIMEOUT_MS);
  const response = await fetch(`${baseUrl}${request.path}`, {
    method: request.method,
    headers: request.headers,
    body: request.body === undefined ? undefined : JSON.stringify(request.body),
    redirect: 'manual',
    signal,
  }).catch((error: Error) => {
    throw new Error(`${request.method} ${baseUrl}${request.path}: ${error.message}`, { cause: error });
  });
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  let text = '';
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
    if (text.length > MAX_BYTES) {
      await reader.cancel();
      break;
    }
  }
  return { status: response.status, headers: response.headers, text };
}

/** Opens the GET event stream and reads until the first comment (a ping) or `timeoutMs`. */
export async function firstComment(url: string, headers: Record<string, string>, timeoutMs: number) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: controller.signal });
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    while (text.length < 64 * 1024) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
      const comment = /^:[^\r\n]*\r?\n\r?\n/m.exec(text);
      if (comment) {
        await reader.cancel();
        return { status: response.status, mediaType: response.headers.get('content-type')?.split(';')[0] ?? null, comment: comment[0], before: text.slice(0, comment.index) };
      }
    }
    return { status: response.status, mediaType: response.headers.get('content-type'), comment: null, before: text };
  } finally {
    clearTimeout(timer);
  }
}
