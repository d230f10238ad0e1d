/**
 * A capture as every parser reads it: its streams as text (decoded and redacted), and what the run said about itself.
 * A capture folder (capture.yaml + stream files) fills every field; a single imported file is one text, the streams
 * mixed as the user saved them (`separate: false`), and its parser finds curl's error line or `exit code: N` inside it.
 */
export interface CapturedText {
  /** The tool's output; for a single file, the whole file. */
  stdout: string;
  /** The tool's error output; empty for a single file. */
  stderr: string;
  /** True when stdout and stderr were captured apart, so a parser can say which stream decided. */
  separate: boolean;
  /** Exit code; null when a signal ended the run, undefined when the capture does not say. */
  exitCode?: number | null;
  /** The command line, one argv element per entry (secrets already written as `$VAR`). */
  command?: readonly string[];
  /** Wall-clock time of the run. */
  durationMs?: number;
}

/** A single imported file as a capture: one text, the streams mixed. */
export function singleFile(text: string): CapturedText {
  return { stdout: text, stderr: '', separate: false };
}
