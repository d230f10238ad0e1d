import { z } from 'astro/zod';
import { OriginSchema } from './evidence.ts';
import { ArtifactKindSchema } from './imported-artifact.ts';
import { CheckIdSchema } from './check-id.ts';

/** A stream file beside capture.yaml: a plain name inside the capture folder, never a path out of it. */
const StreamFileSchema = z
  .string()
  .regex(/^(?!\.\.?$)[A-Za-z0-9._-]+$/, { error: 'Expected a file name inside the capture folder, e.g. "stdout.txt"' });

/** `Bearer <value>` in a recorded command must name the env var or say `<redacted>`, never carry the key. */
const SECRET_IN_COMMAND = /\bBearer\s+(?!\$[A-Za-z_][A-Za-z0-9_]*\b|\$\{[A-Za-z_][A-Za-z0-9_]*\}|<redacted>)\S+/;

/**
 * `capture.yaml`: one run of a tool, taken as one piece of evidence (issue 24 item 3). The folder holds this
 * file and the stream files it names; an empty stream has no file.
 */
export const CaptureSchema = z
  .object({
    /** Which parser reads the streams. @example 'inspector-cli' */
    kind: ArtifactKindSchema.exclude(['unknown']),
    /** The tool that was run, with its version as the tool itself reports it. @example { name: 'mcp-inspector-cli', version: '2.12.0' } */
    tool: z.object({ name: z.string().min(1), version: z.string().min(1) }).strict(),
    /** What was run, one argv element per entry; secrets written as `$VAR` or `<redacted>`. @example ['curl', '-sS', '-i', 'http://127.0.0.1:4000/mcp/'] */
    command: z
      .array(z.string())
      .min(1)
      .refine((argv) => !argv.some((arg) => SECRET_IN_COMMAND.test(arg)), { error: 'a Bearer value appears in the command; write `Bearer $LITELLM_API_KEY` or `Bearer <redacted>`' }),
    /** The exit code; null when a signal ended the tool. */
    exitCode: z.number().int().nullable(),
    /** The signal that ended the tool, e.g. `SIGTERM`; null when it exited. */
    signal: z.string().nullable().default(null),
    /** Wall-clock time of the run. */
    durationMs: z.number().int().nonnegative(),
    /** The stream files, by stream; a stream that printed nothing is left out. @example { stdout: 'stdout.txt', stderr: 'stderr.txt' } */
    streams: z.object({ stdout: StreamFileSchema.optional(), stderr: StreamFileSchema.optional() }).strict(),
    /** Where it was captured. @example 'lan-host' */
    origin: OriginSchema,
    /** When it was captured (ISO 8601 with offset). @example '2026-12-06T10:00:00Z' */
    capturedAt: z.iso.datetime({ offset: true }),
    /** Gateway environment it was captured against. @example 'internal' */
    target: z.string().min(1).default('internal'),
    /** Checks this capture is evidence for. @example ['clients.inspector'] */
    checks: z.array(CheckIdSchema).default([]),
    /** True only for hand-written examples; a capture made by running a real tool is false. */
    sample: z.boolean().default(false),
    /** One line on what this capture shows. */
    note: z.string().optional(),
  })
  .strict();

export type Capture = z.output<typeof CaptureSchema>;
export type CaptureInput = z.input<typeof CaptureSchema>;
