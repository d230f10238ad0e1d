// Public surface of the ingest stage: pure parsers from captured text to observations, judged by src/checks/.
export { importArtifact, capturedAtFromName, UNKNOWN_ORIGIN, type ImportInput } from './import-artifact.ts';
export { importCapture, streamFilesOf, CAPTURE_FILE, type CaptureInput } from './import-capture.ts';
export { detectKind } from './detect.ts';
export { decodeArtifact, MAX_ARTIFACT_BYTES } from './decode.ts';
export { parseManifest } from './manifest.ts';
export { maskCommonSecrets } from './mask-secrets.ts';
export { parsers } from './registry.ts';
export { readCodexRun } from './codex-run.ts';
export type { Reading, ParseOutcome, Parser } from './reading.ts';
export type { CapturedText } from './captured-text.ts';
