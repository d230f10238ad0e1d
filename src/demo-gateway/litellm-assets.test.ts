import { readFile } from 'node:fs/promises';
import { expect, test } from 'vitest';
import { DEMO_LITELLM_VERSION } from './litellm-assets.ts';

test('the demo gateway reports the LiteLLM version the parity suite holds it to', async () => {
  const requirements = await readFile(new URL('../real-stack/requirements.txt', import.meta.url), 'utf8');
  const pinned = /^litellm\[proxy\]==(\S+)$/m.exec(requirements)?.[1];
  expect(pinned, 'src/real-stack/requirements.txt pins litellm[proxy]').toBeDefined();
  expect(DEMO_LITELLM_VERSION).toBe(pinned);
});
