// A newcomer's first build (issue 27): a fresh copy of the site with no evidence yet and no public URL builds
// without a warning line to interpret, and the "Edit page" link exists only where PROOFBOOK_EDIT_URL says
// where pages are edited.
import { beforeAll, expect, test } from 'vitest';
import { buildCopy } from './edited-copy-build.ts';
import { builtProject, readPage } from '../support/site.ts';

const EDIT_URL = 'https://forge.example.test/team/proofbook/edit/main/';
let build: Awaited<ReturnType<typeof buildCopy>>;
beforeAll(async () => {
  build = await buildCopy(async () => {}, ['runbooks/reachability/index.html', '404.html', 'evidence/index.html'], { PROOFBOOK_EDIT_URL: EDIT_URL });
}, 300_000);

/** Lines a reader would take for a warning: Astro's [WARN] and [ERROR], npm's `npm warn`, anything saying warning. */
const warningLines = (output: string) => output.split('\n').filter((line) => /\[(WARN|ERROR)\]|\bnpm warn\b|\bwarning\b/i.test(line));

test('a build with no runs, no imports and no site URL prints no warning', () => {
  expect(build.code, build.output.slice(-3000)).toBe(0);
  expect(warningLines(build.output)).toEqual([]);
  expect(build.files.get('evidence/index.html')).toContain('0 retained runs');
});

test('the 404 page is ours, in the splash layout, and kept out of search', () => {
  const page = build.files.get('404.html') ?? '';
  expect(page).toContain('<title>Page not found | Proofbook</title>');
  expect(page).toContain('href="/status/"');
  expect(page).not.toContain('data-pagefind-body');
});

test('with PROOFBOOK_EDIT_URL set, a page links to its source under that URL', () => {
  expect(build.files.get('runbooks/reachability/index.html')).toContain(`href="${EDIT_URL}content/docs/runbooks/reachability.md"`);
});

test('without it (the default), no page has an "Edit page" link, and npm start printed no warning', async () => {
  const project = await builtProject();
  expect(await readPage(project.outDir, '/runbooks/reachability/')).not.toMatch(/Edit page|\/edit\//);
  expect(warningLines(project.output)).toEqual([]);
}, 400_000);
