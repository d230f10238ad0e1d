// Public surface of the ingest stage: pure parsers from captured text to typed evidence.
export { importArtifact, capturedAtFromName, UNKNOWN_ORIGIN, type ImportInput } from './import-artifact.ts';
export { detectKind } from './detect.ts';
export { decodeArtifact, MAX_ARTIFACT_BYTES } from './decode.ts';
export { parseManifest } from './manifest.ts';
export { maskCommonSecrets } from './mask-secrets.ts';
export { parsers, defaultChecks } from './registry.ts';
export type { Finding, ParseOutcome, Parser } from './finding.ts';
