import { expect, test } from 'vitest';
import { parse } from 'yaml';
import { liteLLMConfig, referenceServers } from './litellm-config.ts';

const servers = referenceServers({ node: '/n/node', filesystemBin: '/fs.js', filesystemRoot: '/data', postgresBin: '/pg.js', postgresUrl: 'postgresql://u@127.0.0.1:5/db' });

test('the master key is an os.environ/ reference and both stdio servers are registered', () => {
  const config = parse(liteLLMConfig({ masterKeyEnv: 'LITELLM_MASTER_KEY', servers }));
  expect(config.general_settings).toEqual({ master_key: 'os.environ/LITELLM_MASTER_KEY' });
  expect(config.mcp_servers).toEqual({
    mcp_postgres: { transport: 'stdio', command: '/n/node', args: ['/pg.js', 'postgresql://u@127.0.0.1:5/db'] },
    mcp_filesystem: { transport: 'stdio', command: '/n/node', args: ['/fs.js', '/data'] },
  });
  expect(config.model_list).toEqual([]);
});

test('a key value given where a name belongs is refused without echoing it', () => {
  expect(() => liteLLMConfig({ masterKeyEnv: 'sk-live-0123456789', servers })).toThrowErrorMatchingInlineSnapshot(
    `[Error: masterKeyEnv: expected an env var NAME such as LITELLM_MASTER_KEY, got "sk-…"]`,
  );
});
