import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, test } from 'vitest';
import { builtProject, type BuiltProject } from '../support/site.ts';
import { filesContaining, freePort, makeProjectCopy, processGroupMembers, startMainJob } from './pipeline.ts';

/** The forms a leaked key could take in a file: as is, URL-encoded, base64 (e.g. inside Basic auth or a dump). */
const leakForms = (secret: string) => [secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64')];

describe('npm start, the main job on the embedded default', () => {
  let project: BuiltProject;
  beforeAll(async () => {
    project = await builtProject();
  }, 400_000);

  test('runs probe → ingest → build against the demo gateway', async () => {
    const runs = await readdir(path.join(project.dir, 'evaluation/runs'));
    expect(runs).toHaveLength(1);
    const run = JSON.parse(await readFile(path.join(project.dir, 'evaluation/runs', runs[0], 'run.json'), 'utf8'));
    expect(run).toMatchObject({ origin: 'local', environment: 'demo' });
    expect(run.records.find((r: { checkId: string }) => r.checkId === 'mcp.server-filesystem')?.verdict).toBe('pass');
    const status = await readFile(path.join(project.outDir, 'status/index.html'), 'utf8');
    expect(status).toContain(runs[0]);
  });

  test('the demo gateway said who it is: the run and every status.json row carry provenance, none of it real', async () => {
    const runs = await readdir(path.join(project.dir, 'evaluation/runs'));
    const run = JSON.parse(await readFile(path.join(project.dir, 'evaluation/runs', runs[0], 'run.json'), 'utf8'));
    expect(run).toMatchObject({ provenance: 'demo', override: false });
    expect(new Set(run.records.map((r: { provenance: string }) => r.provenance))).toEqual(new Set(['demo']));
    const status = JSON.parse(await readFile(path.join(project.outDir, 'status.json'), 'utf8')) as { groups: { checks: { rows: { provenance?: string; importedFrom?: string }[] }[] }[]; summary: { provenance: Record<string, number> } };
    const rows = status.groups.flatMap((group) => group.checks.flatMap((check) => check.rows));
    expect(rows.length).toBeGreaterThan(15);
    for (const row of rows) expect(row.provenance, JSON.stringify(row)).toBe(row.importedFrom ? 'sample' : 'demo');
    expect(status.summary.provenance.real).toBe(0);
  });

  test('the canary key appears nowhere: not in evaluation/, not in dist/, not in the output', async () => {
    const needles = leakForms(project.key);
    expect(await filesContaining(path.join(project.dir, 'evaluation'), needles)).toEqual([]);
    expect(await filesContaining(project.outDir, needles)).toEqual([]);
    expect(needles.some((needle) => project.output.includes(needle))).toBe(false);
    // The key was really used: the checks behind the Bearer gate passed with it.
    const runs = await readdir(path.join(project.dir, 'evaluation/runs'));
    const run = JSON.parse(await readFile(path.join(project.dir, 'evaluation/runs', runs[0], 'run.json'), 'utf8'));
    expect(run.records.find((r: { checkId: string }) => r.checkId === 'routing.auth-matrix')?.verdict).toBe('pass');
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
