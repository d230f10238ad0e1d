import { createHash } from 'node:crypto';

/** SHA-256 of bytes or text, as hex. */
export function sha256Hex(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** What a run summary sidecar vouches for: run.json's size and SHA-256, and its mtime when that can be trusted. */
export interface RunJsonDigest {
  bytes: number;
  sha256: string;
  mtimeMs?: number;
}

/** Size and SHA-256 of run.json as stored (its bytes, or its text as UTF-8), with the mtime it had before it was read. */
export function runJsonDigest(content: Buffer | string, mtimeMs?: number): RunJsonDigest {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return { bytes: bytes.length, sha256: sha256Hex(bytes), ...(mtimeMs === undefined ? {} : { mtimeMs }) };
}

/**
 * How old an mtime must be before it may stand for the bytes: file timestamps advance in coarse clock ticks,
 * so a same-size edit within a tick or so of the last write could keep the mtime (git's "racily clean" files).
 */
export const RACY_MTIME_MS = 2_000;

/** `mtimeMs` when it is old enough that any later write must change it, else undefined. */
export function vouchingMtime(mtimeMs: number, now = Date.now()): number | undefined {
  return now - mtimeMs >= RACY_MTIME_MS ? mtimeMs : undefined;
}
