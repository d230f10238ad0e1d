/**
 * A seeded PGlite data directory kept as a gzip tarball in `node_modules/.cache/`, so that only the first
 * embedded PostgreSQL after an install pays for PGlite's initdb (figures in bench/README.md, "embedded
 * PostgreSQL"). The key holds the PGlite version and the seed's hash, so an upgrade or a new seed makes a new file.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';

const gunzipAsync = promisify(gunzip);

/** Where the snapshot for this PGlite version and seed lives. */
export function snapshotPath(seedSql: string): string {
  // The package exports no package.json, so its folder is found from its entry point.
  const entry = fileURLToPath(import.meta.resolve('@electric-sql/pglite'));
  const marker = path.join('node_modules', '@electric-sql', 'pglite', path.sep);
  const at = entry.lastIndexOf(marker);
  if (at === -1) throw new Error(`@electric-sql/pglite resolved outside a node_modules folder: ${entry}`);
  const nodeModules = entry.slice(0, at + 'node_modules'.length);
  const { version } = JSON.parse(readFileSync(path.join(entry.slice(0, at + marker.length), 'package.json'), 'utf8')) as { version: string };
  const seedHash = createHash('sha256').update(seedSql).digest('hex').slice(0, 16);
  return path.join(nodeModules, '.cache', 'proofbook-demo-postgres', `pglite-${version}-${seedHash}.tar.gz`);
}

/**
 * The snapshot as an uncompressed tarball, or null when there is none yet. It is unzipped here because gzip's
 * checksum catches a damaged file, which PGlite's own unzipping reports by crashing the process.
 */
export async function readSnapshot(file: string): Promise<Blob | null> {
  const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (bytes === null) return null;
  return new Blob([new Uint8Array(await gunzipAsync(bytes))]);
}

/** Writes the snapshot atomically, so a concurrent reader sees the old file, the new one or none. */
export async function writeSnapshot(file: string, snapshot: Blob): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temp, new Uint8Array(await snapshot.arrayBuffer()));
    await rename(temp, file);
  } finally {
    await rm(temp, { force: true });
  }
}
