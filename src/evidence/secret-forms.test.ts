import { describe, expect, test } from 'vitest';
import { redactCutText, redactedExcerpt, redactText } from './redact.ts';

// Issue 25 item 3: a secret written in any encoding a gateway, a client or a page uses must be redacted.
const SPECIAL = `sk-Zq9"x/Lm 4&pT<7>wE'rY2\\`;
const LITELLM = `sk-${'0123456789abcdef'.repeat(3)}`;

const json = (s: string) => JSON.stringify(s).slice(1, -1);
const jsonAllU = (s: string, upper = false) => Array.from(s, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')[upper ? 'toUpperCase' : 'toString']().replace(/\\U/g, '\\u');
const pctAll = (s: string, upper: boolean) => Array.from(Buffer.from(s), (b) => `%${b.toString(16).padStart(2, '0')}`).map((p) => (upper ? p.toUpperCase() : p)).join('');
const htmlDec = (s: string) => Array.from(s, (c) => `&#${c.codePointAt(0)};`).join('');
const htmlHex = (s: string) => Array.from(s, (c) => `&#x${c.codePointAt(0)!.toString(16)};`).join('');
const htmlNamed = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
const b64 = (s: string) => Buffer.from(s).toString('base64');
const b64url = (s: string) => Buffer.from(s).toString('base64url');

/** Every way the test can read a secret back out of a text: as is and through each decoding, 8 characters at a time. */
function leaks(text: string, secret: string): boolean {
  const pieces = Array.from({ length: secret.length - 7 }, (_, i) => secret.slice(i, i + 8));
  const decoded = [text];
  try {
    decoded.push(decodeURIComponent(text.replace(/\+/g, ' ')));
  } catch {
    decoded.push(text.replace(/%([0-9a-f]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))));
  }
  decoded.push(text.replace(/\\u([0-9a-f]{4})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))).replace(/\\(.)/g, '$1'));
  decoded.push(text.replace(/&#x([0-9a-f]+);?/gi, (_m, h: string) => String.fromCodePoint(parseInt(h, 16))).replace(/&#(\d+);?/g, (_m, d: string) => String.fromCodePoint(Number(d))).replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
  for (const run of text.match(/[A-Za-z0-9+/_-]{8,}/g) ?? []) {
    for (let shift = 0; shift < 4; shift++) decoded.push(Buffer.from(run.slice(shift), run.includes('_') || run.includes('-') ? 'base64url' : 'base64').toString('latin1'));
  }
  return decoded.some((d) => pieces.some((p) => d.includes(p)));
}

const forms: [string, (s: string) => string][] = [
  ['as is', (s) => s],
  ['JSON-escaped', json],
  ['JSON \\u escapes, lower-case hex', (s) => jsonAllU(s)],
  ['JSON \\u escapes, upper-case hex', (s) => jsonAllU(s, true)],
  ['encodeURIComponent', encodeURIComponent],
  ['every byte percent-encoded, upper-case', (s) => pctAll(s, true)],
  ['every byte percent-encoded, lower-case', (s) => pctAll(s, false)],
  ['form-encoded (space as +)', (s) => encodeURIComponent(s).replace(/%20/g, '+')],
  ['HTML decimal entities', htmlDec],
  ['HTML hex entities', htmlHex],
  ['HTML named entities', htmlNamed],
  ['mixed: half JSON \\u, half percent', (s) => jsonAllU(s.slice(0, 10)) + pctAll(s.slice(10), true)],
  ['base64', b64],
  ['base64url', b64url],
  ['base64 of user:secret (Basic auth)', (s) => b64(`user:${s}`)],
  ['base64 of ab:secret (second alignment)', (s) => b64(`ab:${s}`)],
  ['base64 of a:secret (third alignment)', (s) => b64(`a:${s}`)],
  ['base64url of user:secret', (s) => b64url(`user:${s}`)],
  ['base64 of secret:trailer', (s) => b64(`${s}:x`)],
];

describe.each([
  ['a key with characters every encoding changes', SPECIAL],
  ['a LiteLLM-style key', LITELLM],
])('%s', (_what, secret) => {
  const secrets = [{ name: 'LITELLM_API_KEY', value: secret }];
  test.each(forms)('the %s form is redacted', (_name, encode) => {
    const encoded = encode(secret);
    const text = `before ${encoded} after`;
    expect(leaks(text, secret), 'the test can read the secret back before redaction').toBe(true);
    const out = redactText(text, secrets);
    expect(out).toContain('[redacted:LITELLM_API_KEY]');
    expect(out.startsWith('before ')).toBe(true);
    expect(out.endsWith(' after')).toBe(true);
    expect(leaks(out, secret)).toBe(false);
  });
});

describe('redact before cutting (issue 25 item 2)', () => {
  const secrets = [{ name: 'LITELLM_API_KEY', value: LITELLM }];
  // LiteLLM's 401 body (litellm-traefik.md §1.5): the key starts at character 87.
  const body = `{"detail":"Authentication Error, Invalid proxy server token passed. Received API Key = ${LITELLM}, Key Hash (Token) =2ab06c. Unable to find token in cache or \`LiteLLM_VerificationTokenTable\`"}`;

  test('an excerpt is cut after redaction, so the cut cannot leave a prefix of the key', () => {
    const cutFirst = body.slice(0, 120);
    expect(redactText(cutFirst, secrets)).toContain(LITELLM.slice(0, 20)); // what cutting first leaked
    const excerpt = redactedExcerpt(body, 120, secrets);
    expect(excerpt).toContain('Received API Key = [redacted:LITELLM_API_KEY]');
    expect(excerpt.length).toBeLessThanOrEqual(120);
    expect(leaks(excerpt, LITELLM)).toBe(false);
  });

  test.each([4, 5, 12, 30, LITELLM.length - 1])('a text cut %i characters into the key loses that start', (n) => {
    const capped = `Received API Key = ${LITELLM.slice(0, n)}`;
    expect(redactCutText(capped, secrets)).toBe('Received API Key = [redacted:LITELLM_API_KEY]');
  });

  test('a cut shorter than 4 characters, or text merely ending like the key, is kept', () => {
    expect(redactCutText('key sk-', secrets)).toBe('key sk-');
    expect(redactCutText('sk-1', secrets)).toBe('sk-1');
  });
});
