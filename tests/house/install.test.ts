// The first screen of `npm install` (issue 27): what it may still print is what the README explains, and that
// explanation stays true. npm checks each package's `engines` against the Node that runs npm itself (Node 20 on
// these machines), while every npm script runs on the Node of the pinned `node` devDependency.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { expect, test } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');

type LockEntry = { version?: string; engines?: { node?: string } | string[]; hasInstallScript?: boolean; optional?: boolean };
const packages = Object.entries(lock.packages as Record<string, LockEntry>).filter(([key]) => key.startsWith('node_modules/'));
const nameOf = (key: string) => key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
const nodeRange = (entry: LockEntry) => (Array.isArray(entry.engines) ? undefined : entry.engines?.node);

/** The oldest Node that may run `npm install`, as package.json's devEngines says. */
const installNode = semver.minVersion(pkg.devEngines.runtime.version)!.version;
/** The Node npm scripts run on: the locked version of the `node` devDependency. */
const scriptNode = lock.packages['node_modules/node'].version as string;

test('npm scripts run on the locked Node (the tests themselves are proof), and it satisfies every package', () => {
  expect(process.versions.node).toBe(scriptNode);
  const unmet = packages.filter(([, entry]) => !entry.optional && nodeRange(entry) && !semver.satisfies(scriptNode, nodeRange(entry)!, { includePrerelease: true }));
  expect(unmet.map(([key, entry]) => `${nameOf(key)} needs ${nodeRange(entry)}`)).toEqual([]);
  expect(semver.satisfies(scriptNode, pkg.engines.node)).toBe(true);
});

test('nothing that needs a newer Node than the install runs on is run by the install', () => {
  const allowed = pkg.allowScripts as Record<string, boolean>;
  const scripted = packages.filter(([, entry]) => entry.hasInstallScript);
  // Every install script is reviewed (no "not yet covered by allowScripts" warning) …
  expect(scripted.map(([key]) => nameOf(key)).filter((name) => !(name in allowed))).toEqual([]);
  // … and the ones allowed to run work on the Node that runs npm install.
  const tooNew = scripted.filter(([key, entry]) => allowed[nameOf(key)] && nodeRange(entry) && !semver.satisfies(installNode, nodeRange(entry)!));
  expect(tooNew.map(([key]) => nameOf(key))).toEqual([]);
});

test('the README names the Node to install with and explains the EBADENGINE warnings that remain', () => {
  const warned = packages.filter(([, entry]) => !entry.optional && nodeRange(entry) && !semver.satisfies(installNode, nodeRange(entry)!, { includePrerelease: true }));
  expect(warned.length).toBeGreaterThan(0);
  expect(readme).toContain(`Node ${installNode.replace(/\.0$/, '')} or newer`);
  const paragraph = readme.split('\n\n').find((p) => p.includes('EBADENGINE')) ?? '';
  expect(paragraph).toContain('node_modules/.bin/node');
  // The floor the README quotes is the highest one npm will warn about, so a newer requirement cannot slip in.
  const floor = semver.maxSatisfying(warned.map(([, entry]) => semver.minVersion(nodeRange(entry)!)!.version), '*')!;
  expect(readme).toContain(`Node ${floor.replace(/\.0$/, '')}`);
});
