import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * The gateway's master key, which rotates under the `rotateKey` fault. Only the current key is
 * valid; every key ever held is remembered so that logs and errors can be scrubbed of all of them.
 */
export interface KeyRing {
  /** The key Traefik's `inject-admin` middleware writes into the status route's Authorization. */
  readonly current: () => string;
  /** True when `candidate` is the current key (constant-time comparison). */
  readonly isValid: (candidate: string) => boolean;
  /** Replaces the current key; the previous one stops working at once. */
  readonly rotate: (newKey: string) => void;
  /** Replaces every key this ring ever held (and any extra secret) with `***`. */
  readonly redact: (text: string) => string;
  /** Adds a secret that is not a key (a database password) to what `redact` scrubs. */
  readonly addSecret: (secret: string) => void;
}

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/** Creates a key ring holding `masterKey`. */
export function createKeyRing(masterKey: string): KeyRing {
  assertUsableKey(masterKey, 'masterKey');
  let current = masterKey;
  const secrets = new Set<string>([masterKey]);
  return {
    current: () => current,
    isValid: (candidate) => timingSafeEqual(digest(candidate), digest(current)),
    rotate: (newKey) => {
      assertUsableKey(newKey, 'rotateKey(newKey)');
      current = newKey;
      secrets.add(newKey);
    },
    redact: (text) => {
      let out = text;
      // Longest first, so a key that contains another is scrubbed whole.
      for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
        out = out.split(secret).join('***');
      }
      return out;
    },
    addSecret: (secret) => {
      if (secret.length >= 4) secrets.add(secret);
    },
  };
}

function assertUsableKey(key: string, field: string): void {
  if (key.trim().length === 0 || /\s/.test(key)) {
    throw new Error(
      `demo gateway → ${field}: must be a non-empty key without whitespace (it travels as "Authorization: Bearer <key>"); pass e.g. a random "sk-…" string`,
    );
  }
}
