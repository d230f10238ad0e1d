// Issue 25 item 8: an invalid content/baseline.yaml fails the build (it used to log an `[ERROR]` line and exit 0):
// the site reads it through the same strict reader as the probe (src/site/loaders/content-file-loaders.ts). A real
// `astro build` of a copy of the site whose baseline links to `javascript:`.
import { expect, test } from 'vitest';
import { buildEditedCopy } from '../site/edited-copy-build.ts';

test('a baseline entry with a javascript: doc link fails the build with the file, line and field', async () => {
  const { code, output } = await buildEditedCopy('content/baseline.yaml', 'doc: /runbooks/reachability/', "doc: 'javascript:alert(1)'");
  expect(code).not.toBe(0);
  expect(output).toMatch(/content\/baseline\.yaml:\d+ → entries\[0\]\.doc: Expected a site path such as \/runbooks\/reachability\/ or an http\(s\) URL/);
}, 300_000);
