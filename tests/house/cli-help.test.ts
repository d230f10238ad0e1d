// Every command a user can run (issue 27): `--help` answers with the usage, every option and an example, and a
// mistyped flag is refused with exit 2, the nearest flag suggested and no stack trace. The list comes from
// package.json, so a new command without help fails here.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const scripts = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).scripts as Record<string, string>;
const commands = Object.entries(scripts).flatMap(([name, line]) => {
  const file = /^node (scripts\/[\w-]+\.ts)$/.exec(line)?.[1];
  return file ? [[name, file] as const] : [];
});

const run = (file: string, args: string[]) => spawnSync(process.execPath, [file, ...args], { cwd: root, encoding: 'utf8', timeout: 30_000, env: { PATH: process.env.PATH, HOME: process.env.HOME } });

test('the commands are found', () => {
  expect(commands.map(([name]) => name)).toEqual(expect.arrayContaining(['start', 'probe', 'ingest', 'compact', 'lint-client', 'verify-client', 'demo-gateway', 'capture-fixtures']));
});

test.each(commands)('npm run %s -- --help: usage, options and an example', (name, file) => {
  const result = run(file, ['--help']);
  expect(result.status, result.stderr).toBe(0);
  expect(result.stdout).toMatch(/^usage:/im);
  expect(result.stdout).toMatch(/^examples?:\n\s+npm (run|start)/m);
});

test.each(commands)('npm run %s with a mistyped flag: exit 2, the nearest flag, no stack trace', (name, file) => {
  const flag = [...run(file, ['--help']).stdout.matchAll(/--([a-z][a-z-]{3,})/g)].map((m) => m[1]!).find((f) => f !== 'help');
  if (flag === undefined) return; // a command without options has no flag to mistype
  const result = run(file, [`--${flag.slice(0, -1)}`]);
  expect(result.status, result.stdout + result.stderr).toBe(2);
  expect(result.stderr).toContain(`did you mean --${flag}?`);
  expect(result.stderr).not.toMatch(/^\s+at /m);
});

test.each([
  ['probe', ['--no-write']],
  ['ingest', []],
  ['lint-client', ['some.toml']],
  ['verify-client', ['codex', '--config', 'some.toml']],
])('npm run %s on a mistyped content/gateway.yaml: the message alone, exit 2', async (name, args) => {
  const { mkdtemp, mkdir, writeFile, rm } = await import('node:fs/promises');
  const os = await import('node:os');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'proofbook-cli-config-'));
  try {
    await mkdir(path.join(dir, 'content/checks'), { recursive: true });
    await writeFile(path.join(dir, 'content/gateway.yaml'), 'schemaVersion: 1\nname: g\nenvironments:\n  demo:\n    label: d\n    baseUrl: http://127.0.0.1:9\n    keyEnv: K\n    servers: [a]\n    sever: [b]\n');
    await writeFile(path.join(dir, 'some.toml'), '[mcp_servers.g]\nurl = "http://127.0.0.1:9/mcp/"\n');
    const result = spawnSync(process.execPath, [path.join(root, scripts[name]!.replace(/^node /, '')), ...args], { cwd: dir, encoding: 'utf8', timeout: 30_000, env: { PATH: process.env.PATH, HOME: process.env.HOME } });
    expect(result.status, result.stdout + result.stderr).toBe(2);
    expect(result.stderr).toContain('content/gateway.yaml:9 → environments.demo.sever: unknown key `sever` — did you mean `servers`?');
    expect(result.stderr).toContain('hint: every field: content/docs/reference/gateway.md');
    expect(result.stderr).not.toMatch(/^\s+at /m);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
