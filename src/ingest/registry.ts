import type { ArtifactKind } from '../schemas/imported-artifact.ts';
import { parseCodexDoctorJson } from './codex-doctor.ts';
import { parseCodexMcpGetJson, parseCodexMcpListJson } from './codex-json.ts';
import { parseCodexMcpGet } from './codex-mcp-get.ts';
import { parseCodexMcpList } from './codex-mcp-list.ts';
import { parseCurlTranscript } from './curl-transcript.ts';
import type { Parser } from './finding.ts';
import { parseInspectorCli } from './inspector-cli.ts';
import { parseJunitXml } from './junit-xml.ts';
import { parseOpenWebuiLog } from './openwebui-log.ts';
import { parseSseCapture } from './sse-capture.ts';

type ParsableKind = Exclude<ArtifactKind, 'unknown'>;

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

/** The check an artifact of each kind speaks for when its manifest names none. */
export const defaultChecks = {
  'sse-capture': 'sse.heartbeat',
  'codex-mcp-list': 'clients.codex-cli',
  'codex-mcp-list-json': 'clients.codex-cli',
  'codex-mcp-get': 'clients.codex-cli',
  'codex-mcp-get-json': 'clients.codex-cli',
  'codex-doctor-json': 'clients.codex-cli',
  'inspector-cli': 'clients.inspector',
  'curl-transcript': 'mcp.tools-list',
  'openwebui-test-log': 'clients.open-webui',
  // A JUnit file's aggregate speaks for the manifest's checks only; its testcases can name their own.
  'junit-xml': null,
} satisfies Record<ParsableKind, string | null>;
