import type { ArtifactKind } from '../schemas/imported-artifact.ts';
import { parseCodexDoctorJson, parseCodexMcpGet, parseCodexMcpGetJson, parseCodexMcpList, parseCodexMcpListJson } from './codex-captures.ts';
import { parseCurlTranscript } from './curl-transcript.ts';
import { parseInspectorCli } from './inspector-cli.ts';
import { parseJunitXml } from './junit-xml.ts';
import { parseOpenWebuiLog } from './openwebui-log.ts';
import type { Parser } from './reading.ts';
import { parseSseCapture } from './sse-capture.ts';

export type ParsableKind = Exclude<ArtifactKind, 'unknown'>;

/** One parser per artifact kind; the kind enum in src/schemas/imported-artifact.ts lists the same keys. */
export const parsers = {
  'sse-capture': parseSseCapture,
  'codex-mcp-list': parseCodexMcpList,
  'codex-mcp-list-json': parseCodexMcpListJson,
  'codex-mcp-get': parseCodexMcpGet,
  'codex-mcp-get-json': parseCodexMcpGetJson,
  'codex-doctor-json': parseCodexDoctorJson,
  'inspector-cli': parseInspectorCli,
  'curl-transcript': parseCurlTranscript,
  'openwebui-test-log': parseOpenWebuiLog,
  'junit-xml': parseJunitXml,
} satisfies Record<ParsableKind, Parser>;
