import type { ArtifactKind } from '../schemas/imported-artifact.ts';

/** Detection reads only the head of a file, so a 30 MB capture costs the same to classify as a small one. */
const HEAD_CHARS = 64 * 1024;

const byName: [RegExp, ArtifactKind][] = [
  [/\.xml$/i, 'junit-xml'],
  [/(^|\/)lan-mcp-tools-[^/]*\.log$|\bsse\b|\.sse$/i, 'sse-capture'],
  [/openwebui|open-webui/i, 'openwebui-test-log'],
  [/inspector/i, 'inspector-cli'],
  [/codex-doctor/i, 'codex-doctor-json'],
  [/\bcurl\b/i, 'curl-transcript'],
];

function detectJson(head: string): ArtifactKind | undefined {
  if (/^\s*\{\s*"error"\s*:\s*\{\s*"code"/m.test(head)) return 'inspector-cli';
  if (/^\s*\[/.test(head) && /"transport"\s*:/.test(head)) return 'codex-mcp-list-json';
  if (/^\s*\[\s*\]\s*$/.test(head)) return 'codex-mcp-list-json';
  if (/"checks"\s*:/.test(head) && /"(mcp\.config|codexVersion|overallStatus)"/.test(head)) return 'codex-doctor-json';
  if (/^\s*\{/.test(head) && /"transport"\s*:\s*\{/.test(head) && /"name"\s*:/.test(head)) return 'codex-mcp-get-json';
  if (/^\s*\{/.test(head) && /"(tools|content|result)"\s*:/.test(head)) return 'inspector-cli';
  return undefined;
}

function detectText(head: string): ArtifactKind | undefined {
  if (/<testsuites?\b/.test(head)) return 'junit-xml';
  if (/^Name {2,}(Command|Url)\b/m.test(head) || /^No MCP servers configured yet\./m.test(head)) return 'codex-mcp-list';
  if (/^[A-Za-z0-9_-]+( \(disabled\))?\r?\n {2}(enabled|transport): /m.test(head)) return 'codex-mcp-get';
  if (/^\s*[A-Za-z0-9_-]+ \(disabled\)\s*$/.test(head)) return 'codex-mcp-get';
  if (/Error or no response/.test(head)) return 'openwebui-test-log';
  const pings = head.match(/^: ?ping\b/gm)?.length ?? 0;
  if (pings >= 1 && !/^(< )?HTTP\/\d(\.\d)? [1-5]\d\d/m.test(head.replace(/^[\s\S]*?\n\r?\n/, ''))) return 'sse-capture';
  if (/^(< )?HTTP\/\d(\.\d)? [1-5]\d\d/m.test(head) || /^curl: \(\d+\)/m.test(head)) return 'curl-transcript';
  if (/^(event|data): /m.test(head)) return 'sse-capture';
  return undefined;
}

/**
 * Guesses an artifact's kind from its content, then its file name, when no `<file>.meta.yaml` says.
 * Content wins because names are often generic (`capture.log`).
 */
export function detectKind(file: string, text: string): ArtifactKind {
  const fromContent = detectKindByContent(text);
  if (fromContent !== 'unknown') return fromContent;
  return kindByName(file) ?? 'unknown';
}

/** The kind an artifact's content shows, or `unknown`: what the import goes by without a meta file (a name is only a hint). */
export function detectKindByContent(text: string): ArtifactKind {
  const head = text.slice(0, HEAD_CHARS);
  const trimmed = head.trimStart();
  return (trimmed.startsWith('{') || trimmed.startsWith('[') ? (detectJson(head) ?? detectText(head)) : detectText(head)) ?? 'unknown';
}

/** The kind a file name suggests, if any. */
export function kindByName(file: string): ArtifactKind | undefined {
  return byName.find(([pattern]) => pattern.test(file))?.[1];
}
