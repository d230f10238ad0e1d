import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { readCodexRun, type CodexOutput } from '../ingest/codex-run.ts';
import { CheckSchema } from '../schemas/check.ts';
import type { CodexCliCheck } from '../schemas/client-profile-check.ts';
import type { CodexCliObservation } from '../schemas/observation.ts';
import { evaluateCodexCli } from './codex-cli.ts';

const check = CheckSchema.parse({ id: 'clients.codex-cli', title: 'c', kind: 'codex-cli' }) as CodexCliCheck;
const corpus = path.resolve(import.meta.dirname, '../../tests/captures/corpus/codex');

/** A run from the capture corpus, read by the same reader the probe uses. */
function run(name: string, output: CodexOutput, args: string[]) {
  const stdout = readFileSync(path.join(corpus, name, 'stdout.txt'), 'utf8');
  const read = readCodexRun(output, { args, code: 1, stdout, stderr: '' });
  if ('unparseable' in read) throw new Error(read.unparseable.reason);
  return read.run;
}

const observation = (extra: Partial<CodexCliObservation>): CodexCliObservation => ({ kind: 'codex-cli', failure: null, latencyMs: 1, transcript: [], ...extra });

describe('codex doctor: one evaluator for the probe and the import', () => {
  const unreachable = run('unreachable-doctor-json', 'doctor-json', ['doctor', '--json']);

  test('an imported doctor that could not connect fails with the class of its reachability text', () => {
    const outcome = evaluateCodexCli(check, observation({ doctor: unreachable }));
    expect([outcome.verdict, outcome.failureClass]).toEqual(['fail', 'tcp_refused']);
  });

  // The live probe runs Codex in a network namespace of its own when it is not in one already (isolated.ts): there
  // it reaches nothing on purpose, so the same warning is recorded, not judged. The difference is in the observation.
  test('the same report from a Codex isolated on purpose is not judged on reachability, and says so', () => {
    const outcome = evaluateCodexCli(check, observation({ doctor: unreachable, isolated: true }));
    expect([outcome.verdict, outcome.failureClass]).toEqual(['pass', null]);
    expect(outcome.summary).toContain('not judged (Codex was isolated on purpose): litellm: http://127.0.0.1:18107/mcp/ (HEAD connect failed; GET connect failed)');
    expect(outcome.measured.extra?.notJudged).toContain('HEAD connect failed');
  });

  test.each([
    ['env-unset-doctor-json', true, 'fail', 'auth_env_missing'],
    ['missing-command-doctor-json', true, 'fail', 'command_not_found'],
    ['headers-table-doctor-json', true, 'degraded', 'config_invalid'],
    ['toml-error-doctor-json', true, 'fail', 'config_invalid'],
  ])('%s (isolated: %s) is %s / %s: client-side findings do not depend on isolation', (name, isolated, verdict, failureClass) => {
    const outcome = evaluateCodexCli(check, observation({ doctor: run(name, 'doctor-json', ['doctor', '--json']), isolated }));
    expect([outcome.verdict, outcome.failureClass]).toEqual([verdict, failureClass]);
  });
});

describe('the probe is held to the generated config, an import is not', () => {
  const list = run('good-list-json', 'list-json', ['mcp', 'list', '--json']);
  const headersTable = run('headers-table-list-json', 'list-json', ['mcp', 'list', '--json']);
  const expected = { url: 'http://127.0.0.1:18080/json/mcp', keyEnv: 'LITELLM_API_KEY', scope: 'mcp_postgres,mcp_filesystem' };

  test('a list without the x-mcp-servers header passes as an import', () => {
    expect(evaluateCodexCli(check, observation({ list: { ...headersTable, code: 0 } })).verdict).toBe('pass');
  });

  test('the probe fails the same list: its generated config must send the scope', () => {
    const outcome = evaluateCodexCli(check, observation({ serverName: 'litellm', expected, list: { ...headersTable, code: 0 }, get: { ...headersTable, code: 0 } }));
    expect([outcome.verdict, outcome.failureClass, outcome.summary]).toEqual(['fail', 'expectation', 'transport.http_headers.x-mcp-servers == mcp_postgres,mcp_filesystem — got {}']);
  });

  test('the probe passes the list that reads back url, key env var and scope', () => {
    expect(evaluateCodexCli(check, observation({ serverName: 'litellm', expected, list: { ...list, code: 0 }, get: { ...list, code: 0 } })).verdict).toBe('pass');
  });
});
