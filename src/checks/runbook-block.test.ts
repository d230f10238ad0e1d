import { describe, expect, test } from 'vitest';
import type { RunbookBlockObservation } from '../schemas/observation.ts';
import { compileExpected, matchExpected } from './expected-output.ts';
import { judgeRunbookBlock } from './registry.ts';
import { SCRUB_RULES, scrubOutput } from './scrub.ts';

// Output lines below were printed by curl 7.88 and getent against the demo gateway (`npm run demo-gateway`), as the
// seed runbooks' blocks print them.
const PING = ': ping - 2026-12-06 10:30:47.515000+00:00';
const HTTP_DATE = 'Date: Sun, 06 Dec 2026 10:29:36 GMT';

describe('expected output, cram-style', () => {
  test.each([
    ['exact lines', '200 /docs\n200 /openapi.json', '200 /docs\n200 /openapi.json\n', true],
    ['a final newline and trailing spaces do not count', '406', '406  \n\n', true],
    ['a missing line', '200 /docs\n200 /openapi.json', '200 /docs\n', false],
    ['an extra line', '406', '406\n200\n', false],
    ['(re) matches the whole line', '30[1278] /ui (re)', '307 /ui\n', true],
    ['(re) is anchored', '30[1278] (re)', '307 /ui\n', false],
    ['... takes any number of lines', 'event: message\n...\n *[1-9][0-9]* mcp_filesystem (re)\n...', 'event: message\n     14 mcp_filesystem\n', true],
    ['... takes none at the end', 'a\n...', 'a\n', true],
    ['... in the middle must still find what follows', 'a\n...\nz', 'a\nb\nc\n', false],
    ['JSON braces in a (re) line need no escaping', '"mcp_postgres":{"status":"[a-z]+" (re)', '"mcp_postgres":{"status":"unreachable"\n', true],
  ])('%s', (_name, expected, output, matches) => {
    expect(matchExpected(compileExpected(expected), output) === undefined).toBe(matches);
  });

  test('a mismatch names the expected line and the output line it stopped at', () => {
    const mismatch = matchExpected(compileExpected('HTTP/[0-9.]+ 404( Not Found)? (re)\n0\n404 page not found'), 'HTTP/1.1 404 Not Found\n1\n404 page not found\n');
    expect(mismatch).toEqual({ expectedLine: 2, expected: '0', actual: '1', actualLine: 2 });
    expect(matchExpected(compileExpected('a'), 'a\nextra')).toEqual({ expectedLine: 2, expected: '(end of expected output)', actual: 'extra', actualLine: 2 });
  });

  test('long output does not overflow the stack', () => {
    const output = Array.from({ length: 50_000 }, (_, i) => `line ${i}`).join('\n');
    expect(matchExpected(compileExpected('line 0\n...\nline 49999'), output)).toBeUndefined();
  });
});

describe('scrub rules', () => {
  test.each([
    ['keep-alive comment', PING, ': ping - <ts>'],
    ['HTTP date header', HTTP_DATE, 'Date: <ts>'],
    ['ISO time with Z', '"last_run": "2025-09-18T06:00:00Z"', '"last_run": "<ts>"'],
    ['curl time_total', '404 after 0.003412s', '404 after <duration>'],
    ['milliseconds', 'took 12 ms', 'took <duration>'],
    ['the gateway URL, whatever its port', 'curl: (7) Failed to connect to http://127.0.0.1:43567/mcp/', 'curl: (7) Failed to connect to $GATEWAY_URL/mcp/'],
    ['another loopback port', 'listening on 127.0.0.1:51234', 'listening on 127.0.0.1:<port>'],
    ['a session id', 'mcp-session-id: 3f2b9c1e-8d4a-4b7e-9f0a-1c2d3e4f5a6b', 'mcp-session-id: <uuid>'],
    ['a long hex id', 'trace 9f86d081884c7d659a2feaa0c55ad015', 'trace <hex>'],
    ['the block home and mktemp paths', 'wrote /tmp/proofbook-block-AbC123/home/x and /tmp/tmp.Xy12Ab34/y', 'wrote <tmp>/home/x and <tmp>/y'],
    ['terminal colours', '\x1b[32mok\x1b[0m', 'ok'],
    ['what must stay', '200 /swagger/swagger-ui.css', '200 /swagger/swagger-ui.css'],
    ['status codes and counts stay', 'pings: 19\n     14 mcp_filesystem', 'pings: 19\n     14 mcp_filesystem'],
  ])('%s', (_name, input, output) => {
    expect(scrubOutput(input, { baseUrl: 'http://127.0.0.1:43567' })).toBe(output);
  });
});

function observation(fields: Partial<RunbookBlockObservation> = {}): RunbookBlockObservation {
  return { kind: 'runbook-block', failure: null, latencyMs: 12.5, transcript: [], exitCode: 0, signal: null, timedOut: false, output: '', outputBytes: 0, truncated: false, baseUrl: 'http://127.0.0.1:4000', missingEnv: [], ...fields };
}

const block = (expected?: string) => ({ id: 'runbook.runbooks.x.y-1', timeoutMs: 20_000, ...(expected === undefined ? {} : { expected }) });

describe('the judgement of a block', () => {
  test.each([
    ['exit 0, output as expected', block(': ping - <ts>'), observation({ output: `${PING}\n` }), 'pass', null],
    ['exit 0 and no expected block', block(), observation({ output: 'anything\n' }), 'pass', null],
    ['exit 0, output differs', block('406'), observation({ output: '200\n' }), 'fail', 'expectation'],
    ['a command failed', block(), observation({ exitCode: 1, output: 'grep: body.json: No such file or directory\n' }), 'fail', 'expectation'],
    ['a command is not installed', block(), observation({ exitCode: 127, output: 'bash: line 1: getent: command not found\n' }), 'fail', 'command_not_found'],
    ['the key env var was not given', block(), observation({ exitCode: 1, output: 'bash: line 1: LITELLM_API_KEY: unbound variable\n', missingEnv: ['LITELLM_API_KEY'] }), 'fail', 'auth_env_missing'],
    ['curl could not connect', block(), observation({ exitCode: 7, output: 'curl: (7) Failed to connect to 127.0.0.1 port 9 after 0 ms: Couldn\'t connect to server\n' }), 'fail', 'tcp_refused'],
    ['curl could not resolve', block(), observation({ exitCode: 6, output: 'curl: (6) Could not resolve host: litellm.linuxserver.lan\n' }), 'fail', 'dns'],
    ['killed at its timeout', block(), observation({ exitCode: null, signal: 'SIGTERM', timedOut: true, failure: { failureClass: 'timeout', message: 'killed after 20000 ms' } }), 'fail', 'timeout'],
    ['a bad (re) line is the page author\'s error', block('[x (re)'), observation({ output: 'x\n' }), 'fail', 'config_invalid'],
  ])('%s → %s', (_name, judged, obs, verdict, failureClass) => {
    const outcome = judgeRunbookBlock(judged, obs);
    expect([outcome.verdict, outcome.failureClass]).toEqual([verdict, failureClass]);
  });

  test('a failure says which line differs; a pass says what ran', () => {
    expect(judgeRunbookBlock(block('406'), observation({ output: '200\n' })).summary).toBe('output matches the expected block (after scrubbing) — got expected line 1 "406", output line 1 "200"');
    expect(judgeRunbookBlock(block('a\n...'), observation({ output: 'a\nb\n', outputBytes: 4 }))).toMatchObject({
      summary: 'exit 0 in 12.5 ms, 2 output lines as expected',
      measured: { latencyMs: 13, bytes: 4, extra: { exitCode: 0 } },
    });
  });

  test('another observation kind is an error, not a throw', () => {
    const outcome = judgeRunbookBlock(block(), { kind: 'http', failure: null, latencyMs: 1, transcript: [], response: null });
    expect(outcome.verdict).toBe('error');
  });
});

test('the reference page documents every scrub rule, in order, as the code applies it', async () => {
  const { readFile } = await import('node:fs/promises');
  const page = await readFile(new URL('../../content/docs/reference/runbook-blocks.md', import.meta.url), 'utf8');
  const rows = SCRUB_RULES.map((rule) => `| \`${rule.name}\` | ${rule.description} |`);
  expect(rows.filter((row) => !page.includes(row))).toEqual([]);
  expect(rows.map((row) => page.indexOf(row))).toEqual(rows.map((row) => page.indexOf(row)).sort((a, b) => a - b));
});
