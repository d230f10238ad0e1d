/**
 * Issue 27 item 3: the README's own demo flow passes exactly as written. The two commands are read from the
 * README (the docs page must show the same two), run with bash in a throwaway copy of the project: the first
 * starts the demo gateway, the second probes it with the URL it printed in place of the README's example URL.
 * Every check must pass. Also keeps the demo environment's SSE expectation and the demo gateway's ping interval
 * (standalone and under `npm start`) in step.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect, test } from 'vitest';
import { DEMO_PING_INTERVAL_MS } from '../../src/demo-gateway/cli-args.ts';
import { loadProjectConfig } from '../../src/config/load.ts';
import { resolveSseCheck } from '../../src/checks/sse.ts';
import { demoGatewayOptions } from '../../src/pipeline/embedded-default.ts';
import { projectRoot, userEnv } from '../support/site.ts';
import { makeProjectCopy, processGroupMembers } from './pipeline.ts';

/** Bounds every wait in this file: the gateway's URL, the probe run, the shutdown. */
const START_TIMEOUT_MS = 90_000;
const PROBE_TIMEOUT_MS = 120_000;
const MAX_OUTPUT_CHARS = 1_000_000;

/** The shell lines of `markdown`'s code blocks, without trailing `# …` comments. */
function codeLines(markdown: string): string[] {
  const lines: string[] = [];
  for (const block of markdown.matchAll(/^```(?:bash|sh)\n([\s\S]*?)^```/gm)) {
    for (const line of (block[1] ?? '').split('\n')) lines.push(line.replace(/\s+#.*$/, '').trim());
  }
  return lines;
}

/** The README's flow: the demo gateway command and the probe command that follows it. */
function demoFlow(markdown: string): { gateway: string; probe: string } {
  const lines = codeLines(markdown);
  const probeAt = lines.findIndex((line) => /npm run probe -- --env demo --base-url/.test(line));
  const gateway = lines[probeAt - 1];
  const probe = lines[probeAt];
  if (probeAt < 1 || gateway === undefined || probe === undefined || !gateway.startsWith('npm run demo-gateway')) {
    throw new Error('no `npm run demo-gateway` line followed by `npm run probe -- --env demo --base-url …` in a code block');
  }
  return { gateway, probe };
}

function collect(child: ChildProcess): { text: string } {
  const output = { text: '' };
  const append = (chunk: Buffer): void => {
    if (output.text.length < MAX_OUTPUT_CHARS) output.text += chunk.toString('utf8');
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  return output;
}

test('the demo environment expects the interval the demo gateway pings at, standalone and under npm start', async () => {
  const { checks } = await loadProjectConfig(projectRoot);
  const heartbeat = checks.find((check) => check.id === 'sse.heartbeat');
  if (heartbeat?.kind !== 'sse-capture') throw new Error('content/checks: sse.heartbeat is missing or not an sse-capture check');
  expect(resolveSseCheck(heartbeat, 'demo').expect.pingInterval).toBe(DEMO_PING_INTERVAL_MS);
  expect(demoGatewayOptions({}, 'sk-test').pingIntervalMs).toBe(DEMO_PING_INTERVAL_MS);
});

test('the README and the docs page show the same demo flow', async () => {
  const readme = demoFlow(await readFile(path.join(projectRoot, 'README.md'), 'utf8'));
  const docs = demoFlow(await readFile(path.join(projectRoot, 'content/docs/reference/demo-gateway.md'), 'utf8'));
  expect(docs).toEqual(readme);
});

test('npm run demo-gateway, then the probe command as the README writes it: exit 0, every check passes', async () => {
  const flow = demoFlow(await readFile(path.join(projectRoot, 'README.md'), 'utf8'));
  const exampleUrl = /http:\/\/127\.0\.0\.1:\d+/.exec(flow.probe)?.[0];
  if (exampleUrl === undefined) throw new Error(`no example URL in: ${flow.probe}`);
  const copy = await makeProjectCopy('readme-flow-');
  // No key in the environment, as on a fresh machine: the gateway writes one to .tmp/demo-gateway.key.
  const env = userEnv();
  const gateway = spawn('bash', ['-c', flow.gateway], { cwd: copy.dir, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const gatewayOutput = collect(gateway);
  const pgid = gateway.pid!;
  try {
    let url: string | undefined;
    for (let waited = 0; url === undefined; waited += 100) {
      url = /^http:\/\/127\.0\.0\.1:\d+$/m.exec(gatewayOutput.text)?.[0];
      if (url !== undefined) break;
      if (waited > START_TIMEOUT_MS || gateway.exitCode !== null) throw new Error(`the demo gateway printed no URL:\n${gatewayOutput.text.slice(-3000)}`);
      await sleep(100);
    }
    expect(gatewayOutput.text).toContain(`SSE pings every ${DEMO_PING_INTERVAL_MS} ms`);

    const probe = spawn('bash', ['-c', flow.probe.replaceAll(exampleUrl, url)], { cwd: copy.dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const probeOutput = collect(probe);
    const timer = setTimeout(() => probe.kill('SIGKILL'), PROBE_TIMEOUT_MS);
    const code = await new Promise<number | null>((resolve) => probe.once('exit', (exitCode) => resolve(exitCode)));
    clearTimeout(timer);
    expect(code, probeOutput.text).toBe(0);
    expect(probeOutput.text).not.toMatch(/^(FAIL|ERROR|DEGRADED)\b/m);
    const summary = /^(\d+) checks against demo from \S+ in \d+ ms: (\d+) pass$/m.exec(probeOutput.text);
    expect(summary, probeOutput.text).not.toBeNull();
    expect(summary?.[2]).toBe(summary?.[1]);
    const key = (await readFile(path.join(copy.dir, '.tmp/demo-gateway.key'), 'utf8')).trim();
    expect(key.length).toBeGreaterThan(16);
    expect(gatewayOutput.text.includes(key) || probeOutput.text.includes(key)).toBe(false);

    process.kill(-pgid, 'SIGINT'); // Ctrl-C in the gateway's terminal
    for (let waited = 0; (await processGroupMembers(pgid)).length > 0 && waited < 15_000; waited += 100) await sleep(100);
    expect(await processGroupMembers(pgid)).toEqual([]);
  } finally {
    if ((await processGroupMembers(pgid)).length > 0) process.kill(-pgid, 'SIGKILL');
    await copy.remove();
  }
}, 300_000);
