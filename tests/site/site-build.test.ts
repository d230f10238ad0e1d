import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { StatusJsonSchema } from '../../src/schemas/status.ts';
import { builtSite, projectRoot, readPage } from '../support/site.ts';

interface DocPage {
  file: string;
  sitePath: string;
  title: string;
}

/** Every Markdown/MDX page under the top-level content/docs, with the site path Starlight gives it. */
async function listDocPages(): Promise<DocPage[]> {
  const docsDir = path.join(projectRoot, 'content/docs');
  const files = (await readdir(docsDir, { recursive: true })).filter((f) => /\.mdx?$/.test(f));
  return Promise.all(
    files.map(async (file) => {
      const source = await readFile(path.join(docsDir, file), 'utf8');
      const frontmatter = parseYaml(/^---\n([\s\S]*?)\n---/.exec(source)?.[1] ?? '') as { title: string };
      const slug = file.replace(/\.mdx?$/, '').replace(/(^|\/)index$/, '');
      return { file: `content/docs/${file}`, sitePath: slug ? `/${slug}/` : '/', title: frontmatter.title };
    }),
  );
}

/** Sidebar group label → the links inside that group, from Starlight's `<details>` markup. */
function sidebarGroups(html: string): Map<string, string[]> {
  const sidebar = html.slice(html.indexOf('<ul class="top-level'), html.indexOf('</nav>', html.indexOf('<ul class="top-level')));
  const groups = new Map<string, string[]>();
  for (const part of sidebar.split('<details').slice(1)) {
    const label = /<span class="group-label[^"]*">\s*<span[^>]*>([^<]+)<\/span>/.exec(part)?.[1];
    if (label) groups.set(label, [...part.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]));
  }
  return groups;
}

const escapeHtml = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

describe('the built site', () => {
  let outDir: string;
  let pages: DocPage[];
  beforeAll(async () => {
    [outDir, pages] = await Promise.all([builtSite(), listDocPages()]);
  }, 300_000);

  test('builds every page under content/docs with its title in <title> and <h1>', async () => {
    expect(pages.length).toBeGreaterThanOrEqual(6);
    for (const page of pages) {
      const html = await readPage(outDir, page.sitePath);
      expect(html, page.file).toContain(`<title>${escapeHtml(page.title)} | Proofbook</title>`);
      expect(html, page.file).toMatch(new RegExp(`<h1[^>]*>${escapeHtml(page.title).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</h1>`));
    }
  });

  test('the sidebar has the runbook and client groups, filled by autogeneration', async () => {
    const html = await readPage(outDir, '/');
    const groups = sidebarGroups(html);
    expect([...groups.keys()]).toEqual(expect.arrayContaining(['Runbooks', 'Client setup']));
    for (const [group, folder] of [['Runbooks', '/runbooks/'], ['Client setup', '/clients/']] as const) {
      const expected = pages.filter((p) => p.file.includes(folder)).map((p) => p.sitePath);
      expect(expected.length, `pages under content/docs${folder}`).toBeGreaterThan(0);
      expect(groups.get(group)?.sort()).toEqual(expected.sort());
    }
  });

  test('asides, heading anchors and last-updated work for top-level content/docs pages (edit links: tests/site/clean-build.test.ts)', async () => {
    const html = await readPage(outDir, '/runbooks/gateway-routing/');
    expect(html).toMatch(/<aside aria-label="Note" class="starlight-aside starlight-aside--note">/);
    expect(html).toMatch(/class="starlight-aside starlight-aside--danger"[\s\S]*?An admin key on a public route/);
    expect(html).not.toContain(':::note');
    expect(html).toMatch(/<a class="sl-anchor-link" href="#the-three-routers">/);
    expect(html).toMatch(/<time datetime="\d{4}-\d\d-\d\dT[\d:.]+Z">/);
  });

  test('Pagefind indexed the pages for search', () => {
    expect(existsSync(path.join(outDir, 'pagefind/pagefind.js'))).toBe(true);
    expect(existsSync(path.join(outDir, 'pagefind/pagefind-entry.json'))).toBe(true);
  });

  test('the built status.json has exactly the shape its schema (src/schemas/status.ts) gives it', async () => {
    const json: unknown = JSON.parse(await readFile(path.join(outDir, 'status.json'), 'utf8'));
    // Parsing strips keys the schema does not know, so equality also fails on a field added without the schema.
    expect(StatusJsonSchema.parse(json)).toEqual(json);
  });

  test('an SVG badge and a Shields endpoint for every check and group in status.json, saying its state', async () => {
    const status = JSON.parse(await readFile(path.join(outDir, 'status.json'), 'utf8')) as { groups: { id: string; state: string; checks: { id: string; state: string }[] }[] };
    const subjects = status.groups.flatMap((group) => [{ base: `group/${group.id}`, label: group.id, state: group.state }, ...group.checks.map((check) => ({ base: check.id, label: check.id, state: check.state }))]);
    expect(subjects.length).toBeGreaterThan(10);
    const messages = new Set<string>();
    for (const { base, label } of subjects) {
      const endpoint = JSON.parse(await readFile(path.join(outDir, 'badges', `${base}.json`), 'utf8')) as { schemaVersion: number; label: string; message: string };
      expect(endpoint).toMatchObject({ schemaVersion: 1, label });
      messages.add(endpoint.message);
      const svg = await readFile(path.join(outDir, 'badges', `${base}.svg`), 'utf8');
      expect(svg, base).toMatch(/^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      expect(svg, base).toContain(`${label}: ${endpoint.message}`);
    }
    // The seed's evidence is not all passing: the badges must tell states apart.
    expect(messages.size).toBeGreaterThan(1);
  });
});
