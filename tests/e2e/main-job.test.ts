import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, test } from 'vitest';
import { builtProject, runNode, userEnv, type BuiltProject } from '../support/site.ts';
import { filesContaining, makeProjectCopy, processGroupMembers, startMainJob } from './pipeline.ts';
import { freePort } from '../../src/util/free-port.ts';

/** The forms a leaked key could take in a file: as is, URL-encoded, base64 (e.g. inside Basic auth or a dump). */
const leakForms = (secret: string) => [secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64')];

describe('npm start, the main job on the embedded default', () => {
  let project: BuiltProject;
  /** The probe's run and the runbooks' run, told apart by their records. */
  const readProbeAndRunbooksRuns = async (runs: string[]) => {
    const read = await Promise.all(runs.map(async (id) => JSON.parse(await readFile(path.join(project.dir, 'evaluation/runs', id, 'run.json'), 'utf8'))));
    const isRunbooks = (run: { records: { checkId: string }[] }) => run.records.every((record) => record.checkId.startsWith('runbook.'));
    return [read.find((run) => !isRunbooks(run)), read.find(isRunbooks)];
  };
  beforeAll(async () => {
    project = await builtProject();
  }, 400_000);

  test('runs probe → runbooks → ingest → build against the demo gateway, and the evidence it wrote verifies', async () => {
    const runs = (await readdir(path.join(project.dir, 'evaluation/runs'))).sort();
    expect(runs).toHaveLength(2);
    const [probe, runbooks] = await readProbeAndRunbooksRuns(runs);
    expect(probe).toMatchObject({ origin: 'local', environment: 'demo' });
    expect(probe.records.find((r: { checkId: string }) => r.checkId === 'mcp.server-filesystem')?.verdict).toBe('pass');
    // mcp_postgres runs on the embedded PostgreSQL, so the first site has no degraded MCP row.
    for (const id of ['mcp.server-postgres', 'mcp.tools-list']) expect(probe.records.find((r: { checkId: string }) => r.checkId === id)?.verdict, id).toBe('pass');
    expect(runbooks.records.length).toBeGreaterThanOrEqual(8);
    expect(runbooks.records.every((r: { checkId: string; verdict: string }) => r.checkId.startsWith('runbook.') && r.verdict === 'pass')).toBe(true);
    const status = await readFile(path.join(project.outDir, 'status/index.html'), 'utf8');
    expect(status).toContain(probe.runId);
    const verify = await runNode(['scripts/verify-evidence.ts'], project.dir, userEnv());
    expect(verify.code, verify.output).toBe(0);
    // probe, runbooks, and the ingest's batch (the history it wrote and the shipped imports it read).
    expect(verify.output).toMatch(/^evidence chain: 3 manifests/);
  });

  test('the demo gateway said who it is: both runs and every status.json row carry provenance, none of it real', async () => {
    const runs = (await readdir(path.join(project.dir, 'evaluation/runs'))).sort();
    for (const run of await readProbeAndRunbooksRuns(runs)) {
      expect(run).toMatchObject({ provenance: 'demo', override: false });
      expect(new Set(run.records.map((r: { provenance: string }) => r.provenance))).toEqual(new Set(['demo']));
    }
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
    const runs = (await readdir(path.join(project.dir, 'evaluation/runs'))).sort();
    const [probe, runbooks] = await readProbeAndRunbooksRuns(runs);
    expect(probe.records.find((r: { checkId: string }) => r.checkId === 'routing.auth-matrix')?.verdict).toBe('pass');
    expect(runbooks.records.find((r: { checkId: string }) => r.checkId === 'runbook.runbooks.gateway-routing.reading-a-refusal-which-layer-said-no-3')?.verdict).toBe('pass');
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
