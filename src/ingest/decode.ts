import type { Unparseable } from './unparseable.ts';

/** Files above this size are refused before decoding: a capture this big is not a log we can show. */
export const MAX_ARTIFACT_BYTES = 32 * 1024 * 1024;

/** The result of turning an artifact's bytes into text. */
export type Decoded = { text: string } | { unparseable: Unparseable };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** 1-based line of byte `offset` (counts LF bytes before it). */
export function lineAtByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Offset of the first byte that breaks UTF-8, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return -1;
}

function looksUtf16(bytes: Uint8Array): boolean {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return true;
  // ASCII text saved as UTF-16 without a BOM: every other byte of the first few hundred is NUL.
  const sample = Math.min(bytes.length, 512);
  let nulOdd = 0;
  for (let i = 1; i < sample; i += 2) if (bytes[i] === 0 && bytes[i - 1] !== 0) nulOdd++;
  return sample >= 8 && nulOdd >= sample / 2 - 2;
}

/**
 * Decodes an artifact as UTF-8 text, or says why it is not text we can parse: empty, too big,
 * UTF-16, binary, or another 8-bit encoding (Latin-1). Never throws.
 */
export function decodeArtifact(bytes: Uint8Array): Decoded {
  if (bytes.length > MAX_ARTIFACT_BYTES) {
    return { unparseable: { reason: `file is ${bytes.length} bytes, over the ${MAX_ARTIFACT_BYTES}-byte import limit; trim the capture` } };
  }
  if (bytes.length === 0) return { unparseable: { reason: 'empty file: the capture has no content' } };
  if (looksUtf16(bytes)) {
    return { unparseable: { reason: 'UTF-16 encoded text; re-save the capture as UTF-8 (e.g. `iconv -f UTF-16 -t UTF-8`)', line: 1 } };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return { unparseable: { reason: `binary content (NUL byte at offset ${nul}); imports must be text logs`, line: lineAtByte(bytes, nul) } };
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    const hex = bytes[bad].toString(16).padStart(2, '0');
    return {
      unparseable: {
        reason: `not valid UTF-8 (byte 0x${hex} at offset ${bad}, perhaps Latin-1); re-save the capture as UTF-8`,
        line: lineAtByte(bytes, bad),
      },
    };
  }
  const text = utf8.decode(bytes);
  if (text.trim() === '') return { unparseable: { reason: 'empty file: only whitespace', line: 1 } };
  return { text };
}
