import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { guideSnippetSets } from '../../src/clients/guide-snippets.ts';
import { HighlightedSetSchema, SECRET_SETUP_SET, type HighlightedSet } from '../../src/schemas/highlighted-set.ts';
import { loadGateway } from '../../src/config/gateway-file.ts';
import { clientIds } from '../../src/clients/registry.ts';
import { guideSnippetsLoader } from '../../src/site/loaders/guide-snippets-loader.ts';
import { codeBlocksMarkdown, splitCodeBlocks } from '../../src/site/markdown/code-document.ts';
import { makeLoaderContext, makeStore } from './loader-context.ts';

const projectRoot = path.resolve(import.meta.dirname, '../..');

/** A real Markdown renderer (unified), counting its calls; the site's is Sätteri with Expressive Code. */
function markdownRenderer() {
  const calls: string[] = [];
  const processor = unified().use(remarkParse).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeStringify, { allowDangerousHtml: true });
  return { calls, render: async (markdown: string) => (calls.push(markdown), { html: String(await processor.process(markdown)) }) };
}

describe('guide snippet sets', () => {
  test('one set per client and one for the key setup, holding every environment\'s setup and snippet the guides show', async () => {
    const sets = guideSnippetSets(await loadGateway(projectRoot));
    expect([...sets.keys()]).toEqual([...clientIds, SECRET_SETUP_SET]);
    const codex = sets.get('codex')!;
    expect(codex.setups.map((setup) => [setup.env, setup.label])).toEqual([['internal', 'LAN (internal)'], ['external', 'External']]);
    expect(codex.setups[1]!.sends.url).toBe('https://litellm.example.com/mcp/');
    expect(codex.snippets.some((s) => s.env === 'external' && s.code.includes('bearer_token_env_var = "LITELLM_API_KEY"'))).toBe(true);
    expect(sets.get(SECRET_SETUP_SET)!.snippets.every((s) => s.env === undefined)).toBe(true);
  });

  test('Markdown fences outlast backticks in the code, and the render splits back into one block per snippet', async () => {
    const snippets = [
      { lang: 'bash' as const, title: 'one', code: 'echo ```not a fence```\n' },
      { lang: 'toml' as const, title: '~/.codex/config.toml', code: '[a]\nb = 1\n' },
    ];
    const markdown = codeBlocksMarkdown(snippets);
    expect(markdown).toContain('````bash title="one"\necho ```not a fence```\n````');
    const { render } = markdownRenderer();
    const blocks = splitCodeBlocks((await render(markdown)).html, 2, 'test');
    expect(blocks).toEqual(['<pre><code class="language-bash">echo ```not a fence```\n</code></pre>', '<pre><code class="language-toml">[a]\nb = 1\n</code></pre>']);
    expect(() => splitCodeBlocks('<pre>no markers</pre>', 2, 'test')).toThrow('test: expected 2 highlighted blocks, the Markdown render gave 0');
    expect(() => codeBlocksMarkdown([{ lang: 'bash', title: 'say "hi"', code: '' }])).toThrow('code block 0: title "say \\"hi\\"" may not contain a double quote');
    expect(codeBlocksMarkdown([{ lang: 'json', code: '{}' }])).toBe('<div data-pb-block="0"></div>\n\n```json\n{}\n```\n');
  });

});

describe('guideSnippets loader', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'pb-guide-snippets-'));
    await mkdir(path.join(root, 'content'));
    await copyFile(path.join(projectRoot, 'content/gateway.yaml'), path.join(root, 'content/gateway.yaml'));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  async function sync(serialised?: string) {
    const store = await makeStore(serialised);
    const context = makeLoaderContext(store, 'guideSnippets', HighlightedSetSchema, root);
    const markdown = markdownRenderer();
    Object.assign(context.ctx, { renderMarkdown: markdown.render });
    await guideSnippetsLoader().load(context.ctx);
    return { ...context, renders: markdown.calls, serialised: store.toString() };
  }

  test('highlights every set once; a sync with the same gateway.yaml renders nothing; a changed one renders what changed', async () => {
    const first = await sync();
    expect(first.renders).toHaveLength(clientIds.length + 1);
    const codex = first.ctx.store.get('codex')?.data as HighlightedSet;
    expect(codex.setups).toHaveLength(2);
    expect(codex.snippets.length).toBeGreaterThan(0);
    for (const snippet of codex.snippets) expect(snippet.html).toMatch(/^<pre><code class="language-[a-z]+">/);
    expect(first.logs.info).toEqual([`guide snippets: highlighted ${clientIds.length + 1} of ${clientIds.length + 1} sets`]);

    const warm = await sync(first.serialised);
    expect(warm.renders).toEqual([]);
    expect(warm.ctx.store.get('codex')?.data).toEqual(codex);

    // Another key env var name changes the key setup and every client's snippets.
    const gatewayFile = path.join(root, 'content/gateway.yaml');
    await writeFile(gatewayFile, (await readFile(gatewayFile, 'utf8')).replaceAll('keyEnv: LITELLM_API_KEY', 'keyEnv: TEAM_LITELLM_KEY'));
    const changed = await sync(warm.serialised);
    expect(changed.renders.length).toBeGreaterThan(1);
    const secret = changed.ctx.store.get(SECRET_SETUP_SET)?.data as HighlightedSet;
    expect(secret.snippets.every((snippet) => !snippet.code.includes('LITELLM_API_KEY'))).toBe(true);
    expect(secret.snippets.some((snippet) => snippet.html.includes('TEAM_LITELLM_KEY'))).toBe(true);
  });

  test('an invalid gateway.yaml fails the sync naming the file and the field', async () => {
    await writeFile(path.join(root, 'content/gateway.yaml'), 'schemaVersion: 1\nname: litellm\nenvironments:\n  internal:\n    label: LAN\n    baseUrl: 42\n');
    await expect(sync()).rejects.toThrow(/content\/gateway\.yaml.*baseUrl/s);
  });
});
