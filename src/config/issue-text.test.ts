// Config errors in the words of someone editing the file (issue 27), pinned as the user sees them.
import { describe, expect, test } from 'vitest';
import { parseBaselineFile } from './baseline-file.ts';
import { parseChecksFile } from './checks-file.ts';
import { parseGatewayFile } from './gateway-file.ts';

const check = (body: string) => () => parseChecksFile(`checks:\n  - id: a.b\n${body}`, 'content/checks/x.yaml');

describe('content/checks', () => {
  test('a misspelt key names the nearest known one, also inside a nested object', () => {
    expect(check('    title: x\n    kind: http\n    path: /x\n    freshnes: 1h\n    expect:\n      stauts: 200\n')).toThrowErrorMatchingInlineSnapshot(`
      [ProofbookInputError: Invalid check definitions:
      content/checks/x.yaml:8 → checks[0].expect.stauts: unknown key \`stauts\` — did you mean \`status\`?
      content/checks/x.yaml:6 → checks[0].freshnes: unknown key \`freshnes\` — did you mean \`freshness\`?
      hint: every field of each kind: content/docs/reference/checks.md (/reference/checks/ on the site)]
    `);
  });
  test('a misspelt kind names the nearest kind and lists them all', () => {
    expect(check('    title: x\n    kind: htp\n    path: /x\n')).toThrowErrorMatchingInlineSnapshot(`
      [ProofbookInputError: Invalid check definitions:
      content/checks/x.yaml:4 → checks[0].kind: unknown kind \`htp\` — did you mean \`http\`? Expected one of http, auth-matrix, mcp, sse-capture, client-profile, codex-cli, mcp-health, mcp-call, mcp-scope
      hint: every field of each kind: content/docs/reference/checks.md (/reference/checks/ on the site)]
    `);
  });
  test('a missing field says missing, with what it should be', () => {
    expect(check('    kind: http\n    path: /x\n')).toThrowErrorMatchingInlineSnapshot(`
      [ProofbookInputError: Invalid check definitions:
      content/checks/x.yaml:2 → checks[0].title: missing — expected string
      hint: every field of each kind: content/docs/reference/checks.md (/reference/checks/ on the site)]
    `);
    expect(check('    title: x\n    path: /x\n')).toThrowErrorMatchingInlineSnapshot(`
      [ProofbookInputError: Invalid check definitions:
      content/checks/x.yaml:2 → checks[0].kind: missing — expected one of http, auth-matrix, mcp, sse-capture, client-profile, codex-cli, mcp-health, mcp-call, mcp-scope
      hint: every field of each kind: content/docs/reference/checks.md (/reference/checks/ on the site)]
    `);
  });
  test('a value of the wrong type says which types it may be', () => {
    expect(check('    title: x\n    kind: http\n    path: /x\n    expect: { status: ok }\n')).toThrowErrorMatchingInlineSnapshot(`
      [ProofbookInputError: Invalid check definitions:
      content/checks/x.yaml:6 → checks[0].expect.status: expected number or array
      hint: every field of each kind: content/docs/reference/checks.md (/reference/checks/ on the site)]
    `);
  });
});

test('gateway.yaml: a missing URL is missing, not "not a URL"', () => {
  const text = 'schemaVersion: 1\nname: g\nenvironments:\n  demo:\n    label: d\n    keyEnv: K\n    servers: [a]\n';
  expect(() => parseGatewayFile(text, 'content/gateway.yaml')).toThrowErrorMatchingInlineSnapshot(`
    [ProofbookInputError: Invalid gateway definition:
    content/gateway.yaml:4 → environments.demo.baseUrl: missing — expected an http(s) URL such as https://litellm.linuxserver.lan
    hint: every field: content/docs/reference/gateway.md (/reference/gateway/ on the site)]
  `);
});

test('baseline.yaml: keys are checked strictly too', () => {
  const text = 'schemaVersion: 1\nentries:\n  - check: a.b\n    tagret: internal\n    failureClass: dns\n    reason: r\n    doc: /x/\n    since: 2025-09-18\n';
  expect(() => parseBaselineFile(text)).toThrowErrorMatchingInlineSnapshot(`
    [ProofbookInputError: Invalid expected-failure baseline:
    content/baseline.yaml:4 → entries[0].tagret: unknown key \`tagret\` — did you mean \`target\`?
    hint: every field: content/docs/reference/baseline.md (/reference/baseline/ on the site)]
  `);
});
