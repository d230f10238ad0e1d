// The client's own failure classes (issue 24: config_invalid, auth_env_missing, command_not_found) reach every
// surface as what they are: failing or degraded, never an origin limitation, named in JUnit, valid in status.json.
import { expect, test } from 'vitest';
import { makeRecord, NOW } from '../support/evidence-fixtures.ts';
import { check } from './fixtures.ts';
import { StatusJsonSchema } from '../../src/schemas/status.ts';
import { renderBadgeSvg } from '../../src/status/badge.ts';
import { renderJUnit } from '../../src/status/junit.ts';
import { toStatusJson } from '../../src/status/status-json.ts';
import { summariseStatus } from '../../src/status/summarise.ts';

const records = [
  makeRecord({ checkId: 'clients.codex-cli', verdict: 'fail', failureClass: 'auth_env_missing', summary: 'litellm: bearer token env var is set — got bearer token env var LITELLM_API_KEY is not set' }),
  // Another origin passes: a client's own failure is still a failure there, not a limitation of the origin.
  makeRecord({ checkId: 'clients.codex-cli', origin: 'lan-host' }),
  makeRecord({ checkId: 'clients.inspector', verdict: 'fail', failureClass: 'command_not_found', summary: 'command_not_found: spawn mcp-server-not-installed ENOENT' }),
  makeRecord({ checkId: 'clients.codex', verdict: 'degraded', failureClass: 'config_invalid', summary: 'codex doctor: config.load ok — got `mcp_servers.litellm.headers` is ignored.' }),
];
const model = summariseStatus({ now: NOW, checks: [check('clients.codex-cli'), check('clients.inspector'), check('clients.codex')], records });

test.each([
  ['clients.codex-cli', 'sandbox', 'fail', 'auth_env_missing'],
  ['clients.inspector', 'sandbox', 'fail', 'command_not_found'],
  ['clients.codex', 'sandbox', 'degraded', 'config_invalid'],
])('%s from %s: %s with %s in status.json and JUnit', (checkId, origin, state, failureClass) => {
  const json = StatusJsonSchema.parse(toStatusJson(model));
  const row = json.groups.flatMap((g) => g.checks).find((c) => c.id === checkId)?.rows.find((r) => r.origin === origin);
  expect(row).toMatchObject({ state, failureClass });
  expect(row?.limitation).toBeUndefined();
  expect(renderJUnit(model)).toMatch(new RegExp(`name="${checkId.replace('.', '\\.')} \\[internal from ${origin}\\]"[^\\n]*<failure type="${state}" message="[^"]*\\(${failureClass}\\)`));
  expect(renderBadgeSvg(checkId, state as 'fail' | 'degraded')).toContain(state === 'fail' ? 'failing' : 'degraded');
});
