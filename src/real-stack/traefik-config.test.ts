import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { traefikDynamicConfig, traefikStaticConfig } from './traefik-config.ts';

const environment = { baseUrl: 'https://litellm.linuxserver.lan', adminKeyEnv: 'LITELLM_MASTER_KEY' };

describe('traefikDynamicConfig', () => {
  test('the seed routers, host from the environment, key only as a template of the env var name', () => {
    const text = traefikDynamicConfig({ environment, backendUrl: 'http://127.0.0.1:4000' });
    expect(text).toMatchInlineSnapshot(`
      "# Generated from content/gateway.yaml by src/real-stack/traefik-config.ts. Traefik fills in
      # {{ env "LITELLM_MASTER_KEY" }} when it loads this file; the key itself is never written here.
      http:
        routers:
          litellm-open:
            entryPoints:
              - web
            rule: Host(\`litellm.linuxserver.lan\`) && (PathPrefix(\`/ui\`) || PathPrefix(\`/swagger\`) || Path(\`/docs\`) || Path(\`/openapi.json\`))
            priority: 200
            service: litellm
          litellm-status:
            entryPoints:
              - web
            rule: Host(\`litellm.linuxserver.lan\`) && Path(\`/schedule/model_cost_map_reload/status\`)
            middlewares:
              - inject-admin
            service: litellm
          litellm-api:
            entryPoints:
              - web
            rule: Host(\`litellm.linuxserver.lan\`) && HeaderRegexp(\`Authorization\`, \`^Bearer .+\`)
            service: litellm
        middlewares:
          inject-admin:
            headers:
              customRequestHeaders:
                Authorization: Bearer {{ env "LITELLM_MASTER_KEY" }}
        services:
          litellm:
            loadBalancer:
              servers:
                - url: http://127.0.0.1:4000
      "
    `);
  });

  test('the status rule is longer than the API rule, so Traefik prefers it without an explicit priority', () => {
    const routers = parse(traefikDynamicConfig({ environment: { ...environment, baseUrl: 'http://127.0.0.1:1' }, backendUrl: 'http://x' })).http.routers;
    expect(routers['litellm-status'].rule.length).toBeGreaterThan(routers['litellm-api'].rule.length);
  });

  test('an environment without adminKeyEnv is refused with the field named', () => {
    expect(() => traefikDynamicConfig({ environment: { baseUrl: 'http://x' }, backendUrl: 'http://y' })).toThrowErrorMatchingInlineSnapshot(
      `[Error: environment.adminKeyEnv: the status router injects the admin key, so the environment must name its env var]`,
    );
  });
});

test('traefikStaticConfig keeps the API on its own address and makes no outside calls', () => {
  const config = parse(traefikStaticConfig({ webAddress: '127.0.0.1:1', apiAddress: '127.0.0.1:2', dynamicFile: '/tmp/d.yaml' }));
  expect(config.entryPoints).toEqual({ web: { address: '127.0.0.1:1' }, traefik: { address: '127.0.0.1:2' } });
  expect(config.global).toEqual({ checkNewVersion: false, sendAnonymousUsage: false });
  expect(config.providers.file.filename).toBe('/tmp/d.yaml');
});
