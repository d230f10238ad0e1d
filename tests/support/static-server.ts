import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** Serves a built static site on loopback the way a static host does (`/x/` → `/x/index.html`, 404.html). */
export async function serveStatic(root: string): Promise<{ url: string; close(): Promise<void> }> {
  const resolveFile = async (urlPath: string): Promise<string | null> => {
    const clean = path.normalize(decodeURIComponent(urlPath.split('?')[0])).replace(/^(\.\.[/\\])+/, '');
    const candidate = path.join(root, clean);
    if (!candidate.startsWith(root)) return null;
    for (const file of [candidate, path.join(candidate, 'index.html')]) {
      const info = await stat(file).catch(() => null);
      if (info?.isFile()) return file;
    }
    return null;
  };
  const server: Server = createServer((req, res) => {
    void resolveFile(req.url ?? '/').then((file) => {
      const status = file ? 200 : 404;
      const body = file ?? path.join(root, '404.html');
      res.writeHead(status, { 'content-type': TYPES[path.extname(body)] ?? 'application/octet-stream' });
      createReadStream(body).on('error', () => res.end()).pipe(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
