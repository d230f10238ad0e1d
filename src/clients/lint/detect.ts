/** Which client a config file belongs to, from its name first and its content second. */
import path from 'node:path';
import type { ClientId } from '../../schemas/client-profile-check.ts';

/** Clients whose files we can validate (Inspector and curl are commands, not files). */
export type LintableClient = Exclude<ClientId, 'inspector' | 'curl'>;

const BY_NAME: Array<[RegExp, LintableClient]> = [
  [/\.toml$/i, 'codex'],
  [/(^|[\\/])claude_desktop_config\.json$/i, 'claude-desktop'],
  [/(^|[\\/])\.vscode[\\/]mcp\.json$/i, 'vscode'],
  [/(^|[\\/])\.cursor[\\/]mcp\.json$/i, 'cursor'],
  [/(^|[\\/])\.mcp\.json$/i, 'claude-code'],
  [/tool[_-]?server[_-]?connections/i, 'open-webui'],
];

/** Guesses the client for `file`; returns undefined when neither name nor content decides it. */
export function detectClient(file: string, text: string): LintableClient | undefined {
  const normalized = file.split(path.sep).join('/');
  for (const [pattern, client] of BY_NAME) if (pattern.test(normalized)) return client;
  const head = text.trimStart();
  if (head.startsWith('[')) return /^\s*\[\s*\{/.test(head) ? 'open-webui' : 'codex';
  if (/"servers"\s*:/.test(text)) return 'vscode';
  if (/"mcpServers"\s*:/.test(text)) {
    if (/"command"\s*:\s*"npx"[\s\S]*mcp-remote/.test(text)) return 'claude-desktop';
    if (/\$\{env:/.test(text)) return 'cursor';
    if (/"type"\s*:\s*"(http|sse)"/.test(text) || /\$\{[A-Za-z_]/.test(text)) return 'claude-code';
  }
  return undefined;
}
