import { createHash } from 'node:crypto';
import { slug } from 'github-slugger';

/**
 * Names of a runnable block. The id must survive edits elsewhere on the page, so it is made of the page, the
 * heading the block sits under (as the page's own anchor) and its index among the runnable blocks under that
 * heading: adding a block under another heading, or prose anywhere, changes no other block's id.
 */

/** Heading slug used for blocks above the first heading. */
export const INTRO_HEADING = 'intro';

/**
 * Docs entry id of a page, as Astro's glob loader (under Starlight's docs loader) makes it: the path under
 * content/docs without extension, each segment slugged, a nested `index` dropped; a frontmatter `slug` wins.
 */
export function pageIdOf(relativePath: string, frontmatterSlug?: string): string {
  if (frontmatterSlug) return frontmatterSlug;
  const withoutExt = relativePath.replace(/\\/g, '/').replace(/\.(md|mdx|mdoc)$/i, '');
  return withoutExt.split('/').map((segment) => slug(segment)).join('/').replace(/\/index$/, '');
}

/** One id segment: lowercase words joined by `-`, as check ids allow. */
function idSegment(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9_]+/g, '-').replace(/^-+|-+$/g, '') || 'x';
}

/** Check id of a block: `runbook.<page, / as .>.<heading>-<n>`. */
export function blockCheckId(page: string, heading: string, index: number): string {
  return ['runbook', ...page.split('/').map(idSegment), `${idSegment(heading)}-${index}`].join('.');
}

/** Block id as readers see it: `<page>#<heading>-<n>`. */
export function blockIdOf(page: string, heading: string, index: number): string {
  return `${page}#${heading}-${index}`;
}

/** SHA-256 of what decides a block's result: its language, commands and expected output. */
export function blockSourceHash(lang: string, code: string, expected: string | undefined): string {
  return createHash('sha256').update(JSON.stringify({ lang, code, expected: expected ?? null })).digest('hex');
}

/** The element id of a block's evidence on its page (the figure under the block), for links from /status. */
export function blockAnchor(block: { heading: string; index: number }): string {
  return `run-${block.heading}-${block.index}`;
}
