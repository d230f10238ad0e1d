// Debian's nginx as the Bearer gate in front of the capture servers, split like the seed's Traefik: a request
// without `Authorization: Bearer …` matches no API route and gets Traefik's plain `404 page not found`; a second
// gate checks the key itself and answers 401 with `WWW-Authenticate`; a route whose upstream was stopped gives
// nginx's own 502. A TLS listener with a throwaway self-signed certificate serves the TLS-failure captures.
import { spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startService, type Service } from './process.ts';
import { PORTS } from './ports.ts';

/** The gate's routes, as the families use them. */
export const GATE = {
  everything: '/mcp',
  json: '/json/mcp',
  pings: '/mcp/tools',
  strict: '/strict/mcp',
  down: '/down/mcp',
} as const;

function config(dir: string, key: string): string {
  const gate = 'if ($has_bearer = 0) { return 404 "404 page not found\\n"; }';
  const upstream = (port: number, uri: string) => `proxy_pass http://127.0.0.1:${port}${uri};`;
  return `daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 64; }
http {
  access_log off;
  default_type text/plain;
  charset utf-8;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  # Event streams must reach the client as they are written, and stay open between keep-alives.
  proxy_http_version 1.1;
  proxy_set_header Connection "";
  proxy_buffering off;
  proxy_read_timeout 60s;
  map $http_authorization $has_bearer { "~^Bearer .+" 1; default 0; }
  server {
    listen 127.0.0.1:${PORTS.gate};
    location = ${GATE.everything} { ${gate} ${upstream(PORTS.everything, '')} }
    location = ${GATE.json} { ${gate} ${upstream(PORTS.json, '/mcp')} }
    location = ${GATE.pings} { ${gate} ${upstream(PORTS.pings, '/mcp/tools')} }
    location = ${GATE.down} { ${gate} ${upstream(PORTS.jsonDown, '/mcp')} }
    location = ${GATE.strict} {
      if ($http_authorization != "Bearer ${key}") {
        add_header WWW-Authenticate 'Bearer realm="mcp-gateway", error="invalid_token"' always;
        return 401;
      }
      ${upstream(PORTS.json, '/mcp')}
    }
    location / { return 404 "404 page not found\\n"; }
  }
  server {
    listen 127.0.0.1:${PORTS.tls} ssl;
    ssl_certificate ${dir}/cert.pem;
    ssl_certificate_key ${dir}/key.pem;
    location / { ${upstream(PORTS.json, '/mcp')} }
  }
}
`;
}

/** nginx's version as `nginx -v` prints it (`nginx/1.22.1`); throws with the install step when it is missing. */
export function nginxVersion(env: NodeJS.ProcessEnv): string {
  const out = spawnSync('nginx', ['-v'], { encoding: 'utf8', env });
  const version = /nginx\/(\S+)/.exec(`${out.stdout}${out.stderr}`)?.[1];
  if (!version) throw new Error(`nginx is not installed (${out.error?.message ?? out.stderr.trim()}); install it once, outside the namespace: apt-get install -y nginx`);
  return version;
}

/** Writes the config and a self-signed certificate to `dir` and starts nginx in the foreground. */
export async function startGate(dir: string, key: string, env: NodeJS.ProcessEnv): Promise<Service> {
  await mkdir(dir, { recursive: true });
  const cert = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=localhost', '-days', '2', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')], { encoding: 'utf8' });
  if (cert.status !== 0) throw new Error(`openssl could not make the self-signed certificate: ${cert.stderr}`);
  const file = path.join(dir, 'nginx.conf');
  await writeFile(file, config(dir, key));
  return startService('nginx', ['nginx', '-e', path.join(dir, 'error.log'), '-p', dir, '-c', file], PORTS.gate, { env, cwd: dir });
}
