// Capture folders under evaluation/imports/ (issue 24 item 3): the imports loader lists each as ONE entry, re-parses it
// when any of its files changes, follows it in `astro dev`, and drops it with its capture.yaml.
import { EventEmitter } from 'node:events';
import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { ImportedArtifactSchema, type ImportedArtifact } from '../../src/schemas/imported-artifact.ts';
import { importsLoader } from '../../src/site/loaders/index.ts';
import { makeTempEvaluation } from '../support/evidence-fixtures.ts';
import { makeLoaderContext, makeStore } from './loader-context.ts';

const repo = path.resolve(import.meta.dirname, '../..');
const corpus = path.join(repo, 'tests/captures/corpus');
let root: string;
let evaluationDir: string;

beforeEach(async () => {
  ({ root, evaluationDir } = await makeTempEvaluation());
  await cp(path.join(repo, 'content/gateway.yaml'), path.join(root, 'content/gateway.yaml'));
  await cp(path.join(repo, 'content/checks'), path.join(root, 'content/checks'), { recursive: true });
});
afterEach(() => rm(root, { recursive: true, force: true }));

/** Copies a corpus capture into evaluation/imports/<name> without its expected.yaml (not part of the format). */
async function copyCapture(id: string, name: string): Promise<string> {
  const dir = path.join(evaluationDir, 'imports', name);
  await cp(path.join(corpus, id), dir, { recursive: true, filter: (src) => !src.endsWith('expected.yaml') });
  return dir;
}

const entries = (store: Awaited<ReturnType<typeof makeStore>>) =>
  Object.fromEntries(store.scopedStore('imports').entries().map(([id, e]) => [id, e.data as unknown as ImportedArtifact]));

test('a capture folder is one entry, judged from all its streams, and a stream edit re-parses it', async () => {
  const dir = await copyCapture('curl-streams/everything-keepalive-20s', 'lan-host/stream');
  await copyCapture('inspector/command-not-found-text', 'inspector-enoent');
  const store = await makeStore();
  const first = makeLoaderContext(store, 'imports', ImportedArtifactSchema, root);
  await importsLoader({ evaluationDir }).load(first.ctx);
  const loaded = entries(store);
  expect(Object.keys(loaded).sort()).toEqual(['imports/inspector-enoent', 'imports/lan-host/stream']);
  expect(loaded['imports/lan-host/stream']!.records).toMatchObject([{ checkId: 'sse.heartbeat', verdict: 'pass', source: { file: 'imports/lan-host/stream', stream: 'stdout' } }]);
  expect(loaded['imports/inspector-enoent']!.records).toMatchObject([{ checkId: 'clients.inspector', failureClass: 'command_not_found', source: { stream: 'stderr' } }]);

  // The stream had one keep-alive in its 20 s window; without it, it is an expectation miss.
  await writeFile(path.join(dir, 'stdout.txt'), 'HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\n\r\n');
  const second = makeLoaderContext(store, 'imports', ImportedArtifactSchema, root);
  await importsLoader({ evaluationDir }).load(second.ctx);
  expect(second.parses()).toBe(1);
  expect(entries(store)['imports/lan-host/stream']!.records).toMatchObject([{ verdict: 'fail', failureClass: 'expectation' }]);
});

test('in astro dev a folder that gets its capture.yaml becomes one entry, and goes when capture.yaml goes', async () => {
  const store = await makeStore();
  const context = makeLoaderContext(store, 'imports', ImportedArtifactSchema, root);
  const watcher = Object.assign(new EventEmitter(), { add: () => undefined });
  (context.ctx as unknown as { watcher: typeof watcher }).watcher = watcher;
  await importsLoader({ evaluationDir }).load(context.ctx);
  const dir = path.join(evaluationDir, 'imports', 'new-capture');
  await mkdir(dir);
  const settle = async (ids: string[]) => {
    for (let i = 0; i < 100 && JSON.stringify(Object.keys(entries(store)).sort()) !== JSON.stringify(ids); i++) await sleep(20);
    return Object.keys(entries(store)).sort();
  };
  // The stream file lands first: until capture.yaml names it, it is a single import of its own.
  await cp(path.join(corpus, 'curl-gate/upstream-stopped/stdout.txt'), path.join(dir, 'stdout.txt'));
  watcher.emit('add', path.join(dir, 'stdout.txt'));
  expect(await settle(['imports/new-capture/stdout.txt'])).toEqual(['imports/new-capture/stdout.txt']);
  await cp(path.join(corpus, 'curl-gate/upstream-stopped/capture.yaml'), path.join(dir, 'capture.yaml'));
  watcher.emit('add', path.join(dir, 'capture.yaml'));
  expect(await settle(['imports/new-capture'])).toEqual(['imports/new-capture']);
  expect(entries(store)['imports/new-capture']!.records).toMatchObject([{ checkId: 'mcp.tools-list', failureClass: 'http_status', measured: { status: 502 } }]);
  await rm(path.join(dir, 'capture.yaml'));
  watcher.emit('unlink', path.join(dir, 'capture.yaml'));
  expect(await settle([])).toEqual([]);
});
