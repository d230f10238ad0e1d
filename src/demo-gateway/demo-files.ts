/** The folder `mcp_filesystem` serves when no `filesystemRoot` is given: a fresh temp dir. */
import { mkdir, realpath, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { forget, makeOwnedTempDir, sweepOwnedTempDirs } from '../util/leftovers.ts';

const PREFIX = 'proofbook-demo-fs-';

/** A temp folder with a couple of files, and how to remove it. */
export async function createDemoFilesystem(): Promise<{ root: string; remove: () => Promise<void> }> {
  // realpath: server-filesystem compares resolved paths, and os.tmpdir() may be a symlink.
  // Folders of demo gateways that were killed outright are swept; a stopped one removes its own (issue 25 item 13).
  sweepOwnedTempDirs(PREFIX);
  const made = makeOwnedTempDir(PREFIX);
  const root = await realpath(made);
  await writeFile(path.join(root, 'README.md'), '# Demo files\n\nServed by the Proofbook demo gateway as mcp_filesystem.\n');
  await mkdir(path.join(root, 'notes'));
  await writeFile(path.join(root, 'notes', 'hello.txt'), 'hello from the demo gateway\n');
  return {
    root,
    remove: async () => {
      await rm(root, { recursive: true, force: true });
      forget(made);
    },
  };
}
