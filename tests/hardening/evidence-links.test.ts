// Issue 25 item 1: nothing that reads evaluation/ follows a link out of it. Each reader is given a link to a file
// holding a canary and a link to /etc/passwd; neither content may come back, and each link is reported, not thrown
// past the reader.
import { execFileSync } from 'node:child_process';
import { cp, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from 'vitest';
import { readArtifactPreview } from '../../src/evidence/artifact-preview.ts';
import { readHistory } from '../../src/evidence/history-files.ts';
import { runJsonDigest } from '../../src/evidence/file-digest.ts';
import { formatRunSummaryFile, readRunSummaryInput } from '../../src/evidence/run-summary-file.ts';
import { readRun } from '../../src/evidence/run-files.ts';
import { scanEvaluation } from '../../src/evidence/scan-evaluation.ts';
import { importsLoader, runsLoader } from '../../src/site/loaders/index.ts';
import { ImportedArtifactSchema } from '../../src/schemas/imported-artifact.ts';
import { RunSummarySchema } from '../../src/schemas/run-summary.ts';
import { makeHistoryDay, makeRun, useTempEvaluation, writeRunFile } from '../support/evidence-fixtures.ts';
import { makeLoaderContext, makeStore } from '../loaders/loader-context.ts';

const CANARY = `PROOFBOOK-CANARY-${Math.random().toString(36).slice(2)}`;
const RUN = '20260301T100000Z-sandbox-aaaa';
const PASSWD = 'root:x:0:0';

let root: string;
let evaluationDir: string;
useTempEvaluation((temp) => ({ root, evaluationDir } = temp));

/** A file outside evaluation/ holding the canary, shaped like whatever `content` makes it (JSON, a transcript). */
async function outsideFile(name: string, content: string): Promise<string> {
  const file = path.join(root, 'outside', name);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, content);
  return file;
}

const leaked = (value: unknown) => {
  const text = JSON.stringify(value);
  return text.includes(CANARY) || text.includes(PASSWD);
};

test('a raw artifact linked out of evaluation/ is not previewed (canary and /etc/passwd)', async () => {
  await writeRunFile(evaluationDir, makeRun({ runId: RUN }));
  const raw = path.join(evaluationDir, 'runs', RUN, 'raw');
  await mkdir(raw, { recursive: true });
  await symlink(await outsideFile('secret.txt', CANARY), path.join(raw, 'canary.txt'));
  await symlink('/etc/passwd', path.join(raw, 'passwd.txt'));
  await symlink('/proc/self/environ', path.join(raw, 'environ.txt'));
  await writeFile(path.join(raw, 'own.txt'), 'a transcript');
  await symlink('own.txt', path.join(raw, 'inside-link.txt'));
  for (const name of ['canary.txt', 'passwd.txt', 'environ.txt']) {
    const preview = readArtifactPreview(evaluationDir, `runs/${RUN}/raw/${name}`, 4096);
    expect(preview).toEqual({ missing: `links outside evaluation/ (never followed): runs/${RUN}/raw/${name}` });
  }
  // A link that stays inside evaluation/ is only a shortcut.
  expect(readArtifactPreview(evaluationDir, `runs/${RUN}/raw/inside-link.txt`, 4096)).toEqual({ text: 'a transcript', truncated: false });
});

test('a run folder, run.json or summary.json linked out is refused by every run reader', async () => {
  const outsideRun = makeRun({ runId: RUN, verdicts: { 'mcp.tools-list': 'fail' } });
  (outsideRun.records[0] as { summary: string }).summary = CANARY;
  const outsideDir = path.dirname(await outsideFile('run/run.json', JSON.stringify(outsideRun)));
  await symlink(outsideDir, path.join(evaluationDir, 'runs', RUN));
  const second = '20260301T110000Z-sandbox-bbbb';
  await mkdir(path.join(evaluationDir, 'runs', second));
  await symlink(path.join(outsideDir, 'run.json'), path.join(evaluationDir, 'runs', second, 'run.json'));

  expect(() => readRun(evaluationDir, `runs/${RUN}/run.json`)).toThrow(/links \(or lies\) outside evaluation\//);
  expect(() => readRun(evaluationDir, `runs/${second}/run.json`)).toThrow(/never followed/);
  await expect(readRunSummaryInput(evaluationDir, `runs/${RUN}/run.json`)).rejects.toThrow(/outside evaluation\//);
  const scan = await scanEvaluation(evaluationDir, [], []);
  expect(scan.runFiles).toEqual([]);
  expect(scan.problems.map((p) => p.file).sort()).toEqual([`evaluation/runs/${RUN}/run.json`, `evaluation/runs/${second}/run.json`]);
  expect(leaked(scan)).toBe(false);

  const context = makeLoaderContext(await makeStore(), 'runs', RunSummarySchema, root);
  await runsLoader({ evaluationDir }).load(context.ctx);
  expect(context.ctx.store.keys()).toEqual([]);
  expect(context.logs.error.join('\n')).toMatch(/never followed/);
  expect(leaked(context.ctx.store.entries())).toBe(false);
});

test('a summary.json linked out is no sidecar: the run is read from its own run.json', async () => {
  const run = makeRun({ runId: RUN });
  const runJson = await readFile(await writeRunFile(evaluationDir, run));
  // A sidecar that vouches for the real run.json by its hash, with the canary in its summary.
  const forged = formatRunSummaryFile({ ...run, environment: CANARY }, runJsonDigest(runJson));
  await symlink(await outsideFile('summary.json', forged), path.join(evaluationDir, 'runs', RUN, 'summary.json'));
  const input = await readRunSummaryInput(evaluationDir, `runs/${RUN}/run.json`);
  expect(input.vouched).toBeUndefined();
  expect(leaked(input)).toBe(false);
});

test('a history file linked out is refused and reported', async () => {
  await mkdir(path.join(evaluationDir, 'history'));
  const day = makeHistoryDay('2026-03-01', [{ checkId: 'mcp.tools-list' }]);
  await symlink(await outsideFile('history.json', JSON.stringify({ ...day, note: CANARY })), path.join(evaluationDir, 'history', '2026-03-01.json'));
  await symlink('/etc/passwd', path.join(evaluationDir, 'history', '2026-03-02.json'));
  await expect(readHistory(evaluationDir, 'history/2026-03-01.json')).rejects.toThrow(/never followed/);
  const scan = await scanEvaluation(evaluationDir, [], []);
  expect(scan.histories).toEqual([]);
  expect(scan.problems.map((p) => p.message).join('\n')).toMatch(/2026-03-01\.json[\s\S]*never followed[\s\S]*2026-03-02\.json[\s\S]*never followed/);
  expect(leaked(scan)).toBe(false);
});

test('an import or a meta file linked out becomes an unparseable entry naming the link (scan and loader)', async () => {
  const imports = path.join(evaluationDir, 'imports');
  await symlink(await outsideFile('curl.txt', `HTTP/1.1 401 Unauthorized\n\n${CANARY}\n`), path.join(imports, 'canary-curl.txt'));
  await symlink('/etc/passwd', path.join(imports, 'passwd-curl.txt'));
  await writeFile(path.join(imports, 'good-curl.txt'), 'HTTP/1.1 200 OK\ncontent-type: application/json\n\n{}\n');
  await symlink(await outsideFile('meta.yaml', `kind: curl-transcript\norigin: ci\ncapturedAt: '2026-03-01T10:00:00Z'\nnote: ${CANARY}\n`), path.join(imports, 'good-curl.txt.meta.yaml'));
  await mkdir(path.join(root, 'outside/dir'), { recursive: true });
  await writeFile(path.join(root, 'outside/dir/inner-curl.txt'), CANARY);
  await symlink(path.join(root, 'outside/dir'), path.join(imports, 'linked-folder'));

  const scan = await scanEvaluation(evaluationDir, [], []);
  const byFile = Object.fromEntries(scan.imports.map((artifact) => [artifact.file, artifact.unparseable?.reason]));
  expect(byFile).toEqual({
    'imports/canary-curl.txt': 'canary-curl.txt links (or lies) outside evaluation/; links out of the evidence store are never followed',
    'imports/good-curl.txt': 'good-curl.txt.meta.yaml links (or lies) outside evaluation/; links out of the evidence store are never followed',
    'imports/linked-folder': 'linked-folder links (or lies) outside evaluation/; links out of the evidence store are never followed',
    'imports/passwd-curl.txt': 'passwd-curl.txt links (or lies) outside evaluation/; links out of the evidence store are never followed',
  });
  expect(leaked(scan)).toBe(false);

  await cp(path.resolve(import.meta.dirname, '../../content'), path.join(root, 'content'), { recursive: true });
  const context = makeLoaderContext(await makeStore(), 'imports', ImportedArtifactSchema, root);
  await importsLoader({ evaluationDir }).load(context.ctx);
  expect(context.ctx.store.keys().sort()).toEqual(['imports/canary-curl.txt', 'imports/good-curl.txt', 'imports/linked-folder', 'imports/passwd-curl.txt']);
  expect(leaked(context.ctx.store.entries())).toBe(false);
  expect(await readFile(path.join(root, 'outside/curl.txt'), 'utf8')).toContain(CANARY); // the canary was really there
});

test('a capture folder whose stream or capture.yaml links out is an unparseable entry naming the link', async () => {
  const corpus = path.resolve(import.meta.dirname, '../captures/corpus/curl-gate/strict-right-key');
  const streamLinked = path.join(evaluationDir, 'imports', 'stream-linked');
  const yamlLinked = path.join(evaluationDir, 'imports', 'yaml-linked');
  await cp(corpus, streamLinked, { recursive: true });
  await cp(corpus, yamlLinked, { recursive: true });
  const secret = await outsideFile('stream.txt', `HTTP/1.1 200 OK\n\n${CANARY}\n`);
  await rm(path.join(streamLinked, 'stdout.txt'));
  await symlink(secret, path.join(streamLinked, 'stdout.txt'));
  await rm(path.join(yamlLinked, 'capture.yaml'));
  await symlink(await outsideFile('capture.yaml', `${await readFile(path.join(corpus, 'capture.yaml'), 'utf8')}note: ${CANARY}\n`), path.join(yamlLinked, 'capture.yaml'));
  const scan = await scanEvaluation(evaluationDir, [], []);
  const byFile = Object.fromEntries(scan.imports.map((artifact) => [artifact.file, artifact.unparseable?.reason]));
  expect(byFile['imports/stream-linked']).toBe('imports/stream-linked/stdout.txt → (root): links (or lies) outside evaluation/; links out of the evidence store are never followed hint: replace the link with the file itself');
  expect(byFile['imports/yaml-linked']).toBe('capture.yaml: capture.yaml links (or lies) outside evaluation/; links out of the evidence store are never followed');
  expect(leaked(scan)).toBe(false);
});

test('a FIFO or a link to /dev/zero in evaluation/ never blocks or floods a reader', async () => {
  await writeRunFile(evaluationDir, makeRun({ runId: RUN }));
  const raw = path.join(evaluationDir, 'runs', RUN, 'raw');
  await mkdir(raw, { recursive: true });
  execFileSync('mkfifo', [path.join(raw, 'fifo.txt')]);
  await symlink('fifo.txt', path.join(raw, 'fifo-link.txt'));
  await symlink('/dev/zero', path.join(raw, 'zero.txt'));
  expect(readArtifactPreview(evaluationDir, `runs/${RUN}/raw/fifo.txt`, 4096)).toEqual({ missing: 'not a file' });
  expect(readArtifactPreview(evaluationDir, `runs/${RUN}/raw/fifo-link.txt`, 4096)).toEqual({ missing: 'not a file' });
  expect(readArtifactPreview(evaluationDir, `runs/${RUN}/raw/zero.txt`, 4096)).toEqual({ missing: `links outside evaluation/ (never followed): runs/${RUN}/raw/zero.txt` });
  execFileSync('mkfifo', [path.join(evaluationDir, 'imports', 'pipe-curl.txt.real')]);
  await symlink('pipe-curl.txt.real', path.join(evaluationDir, 'imports', 'pipe-curl.txt'));
  await mkdir(path.join(evaluationDir, 'history'));
  await symlink('/dev/zero', path.join(evaluationDir, 'history', '2026-03-01.json'));
  const scan = await scanEvaluation(evaluationDir, [], []);
  expect(scan.imports.find((a) => a.file === 'imports/pipe-curl.txt')?.unparseable?.reason).toBe('pipe-curl.txt is a folder (or another special file), not a file');
  expect(scan.problems.map((p) => p.message).join('\n')).toMatch(/2026-03-01\.json → \(root\): links \(or lies\) outside evaluation\//);
}, 10_000);
