import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { filesContaining, freePort, makeProjectCopy, processGroupMembers, startMainJob } from './pipeline.ts';

/** The forms a leaked key could take in a file: as is, URL-encoded, base64 (e.g. inside Basic auth or a dump). */
const leakForms = (secret: string) => [secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64')];

describe('npm start, the main job on the embedded default', () => {
  const canary = `sk-canary-${randomBytes(12).toString('hex')}`;
  let copy: Awaited<ReturnType<typeof makeProjectCopy>>;
  let output = '';
  let exitCode: number | null;

  beforeAll(async () => {
    copy = await makeProjectCopy('main-job-');
    const job = startMainJob(copy.dir, ['--no-serve'], { LITELLM_API_KEY: canary });
    exitCode = await job.exited;
    output = job.output.text;
  }, 240_000);
  afterAll(() => copy?.remove());

  test('runs probe → ingest → build against the demo gateway and exits 0', async () => {
    expect(exitCode, output.slice(-3000)).toBe(0);
    const runs = await readdir(path.join(copy.dir, 'evaluation/runs'));
    expect(runs).toHaveLength(1);
    const run = JSON.parse(await readFile(path.join(copy.dir, 'evaluation/runs', runs[0], 'run.json'), 'utf8'));
    expect(run).toMatchObject({ origin: 'local', environment: 'demo' });
    expect(run.records.find((r: { checkId: string }) => r.checkId === 'mcp.server-filesystem')?.verdict).toBe('pass');
    const status = await readFile(path.join(copy.dir, 'dist/status/index.html'), 'utf8');
    expect(status).toContain(runs[0]);
  });

  test('the canary key appears nowhere: not in evaluation/, not in dist/, not in the output', async () => {
    const needles = leakForms(canary);
    expect(await filesContaining(path.join(copy.dir, 'evaluation'), needles)).toEqual([]);
    expect(await filesContaining(path.join(copy.dir, 'dist'), needles)).toEqual([]);
    expect(needles.some((needle) => output.includes(needle))).toBe(false);
    // The key was really used: the gated checks passed with it.
    expect(output).toMatch(/routing\.auth-matrix/);
  });
});

describe('npm start serving the site', () => {
  test('serves the site, and Ctrl-C stops the server, the demo gateway and its upstreams', async () => {
    const copy = await makeProjectCopy('serve-');
    try {
      const port = await freePort();
      const job = startMainJob(copy.dir, ['--port', String(port)], {});
      const pgid = job.child.pid!;
      for (let waited = 0; !job.output.text.includes('Press Ctrl-C'); waited += 200) {
        if (waited > 200_000 || job.child.exitCode !== null) throw new Error(`no site served:\n${job.output.text.slice(-3000)}`);
        await sleep(200);
      }
      const home = await fetch(`http://127.0.0.1:${port}/status/`);
      expect(home.status).toBe(200);
      expect(await home.text()).toContain('<h1');
      expect((await processGroupMembers(pgid)).length).toBeGreaterThan(2); // start, preview, filesystem upstream

      process.kill(-pgid, 'SIGINT'); // what a terminal sends on Ctrl-C: the whole foreground group
      await job.exited;
      for (let waited = 0; (await processGroupMembers(pgid)).length > 0 && waited < 10_000; waited += 100) await sleep(100);
      expect(await processGroupMembers(pgid)).toEqual([]);
      await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
      expect(existsSync(path.join(copy.dir, 'dist/index.html'))).toBe(true);
    } finally {
      await copy.remove();
    }
  }, 240_000);
});
