/** The folder `mcp_filesystem` serves when no `filesystemRoot` is given: a fresh temp dir. */
import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** A temp folder with a couple of files, and how to remove it. */
export async function createDemoFilesystem(): Promise<{ root: string; remove: () => Promise<void> }> {
  // realpath: server-filesystem compares resolved paths, and os.tmpdir() may be a symlink.
  const root = await realpath(await mkdtemp(path.join(os.tmpdir(), 'proofbook-demo-fs-')));
  await writeFile(path.join(root, 'README.md'), '# Demo files\n\nServed by the Proofbook demo gateway as mcp_filesystem.\n');
  await mkdir(path.join(root, 'notes'));
  await writeFile(path.join(root, 'notes', 'hello.txt'), 'hello from the demo gateway\n');
  return { root, remove: () => rm(root, { recursive: true, force: true }) };
}
