import GithubSlugger from 'github-slugger';
import type { Code, Heading, Parent, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { parse as parseYaml } from 'yaml';
import { compileExpected, ExpectedOutputError } from '../checks/expected-output.ts';
import { ProofbookInputError, type LocatedIssue } from '../schemas/parse.ts';
import type { RunbookBlock } from '../schemas/runbook.ts';
import { blockCheckId, blockIdOf, blockSourceHash, INTRO_HEADING, pageIdOf } from './block-id.ts';
import { EXPECT_WORD, parseBlockMeta } from './block-meta.ts';

/**
 * Runnable blocks of one docs page, found with a real Markdown parser (remark, with the directive syntax
 * Starlight adds, so a block inside `:::note` is found as the site renders it). Pure: text in, blocks out.
 */

/** A page's frontmatter fields the extraction needs, and its body with the frontmatter blanked (lines keep their numbers). */
export function splitFrontmatter(text: string, file: string): { title: string; slug?: string; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) return { title: '', body: text };
  let data: { title?: unknown; slug?: unknown } | null;
  try {
    data = parseYaml(match[1]!) as typeof data;
  } catch (error) {
    throw new ProofbookInputError(file, 'page frontmatter', [{ path: '', line: 1, message: (error as Error).message.split('\n')[0]! }]);
  }
  const blank = match[0].replace(/[^\n]/g, '');
  return {
    title: typeof data?.title === 'string' ? data.title : '',
    ...(typeof data?.slug === 'string' ? { slug: data.slug } : {}),
    body: blank + text.slice(match[0].length),
  };
}

const parser = unified().use(remarkParse).use(remarkDirective);

/** What the extraction is told about the page besides its text. */
export interface PageSource {
  /** The file, relative to the project root. @example 'content/docs/runbooks/gateway-routing.md' */
  file: string;
  /** The file relative to the docs folder, for the page id. @example 'runbooks/gateway-routing.md' */
  docsPath: string;
  text: string;
}

function lineOf(node: { position?: { start: { line: number } } }): number {
  return node.position?.start.line ?? 1;
}

/** The expected-output fence right after `index` in `parent`, when there is one. */
function expectedAfter(parent: Parent, index: number): Code | undefined {
  const next = parent.children[index + 1];
  return next?.type === 'code' && parseBlockMeta(next.lang, next.meta).isExpect ? next : undefined;
}

/**
 * A fence line whose info string holds an option (`key=value`) or the expect word: a page without one has no
 * block and no fence to complain about, so it is not parsed (on the bench site's 240 pages this saves ~450 ms
 * of each build).
 */
const MAY_HOLD_BLOCKS = new RegExp(`^[ \\t>]*(?:\`{3,}|~{3,})[^\\n]*(?:=|\\b${EXPECT_WORD}\\b)`, 'm');

/** Every runnable block of a page, in document order; throws ProofbookInputError naming each bad fence's line. */
export function extractBlocks(source: PageSource): RunbookBlock[] {
  if (!MAY_HOLD_BLOCKS.test(source.text)) return [];
  const front = splitFrontmatter(source.text, source.file);
  const page = pageIdOf(source.docsPath, front.slug);
  const tree = parser.parse(front.body) as Root;
  const slugger = new GithubSlugger();
  const issues: LocatedIssue[] = [];
  const blocks: RunbookBlock[] = [];
  const claimedExpects = new Set<Code>();
  let heading = { slug: INTRO_HEADING, text: '' };
  let underHeading = 0;
  visit(tree, (node, index, parent) => {
    if (node.type === 'heading') {
      const text = toString(node as Heading);
      heading = { slug: slugger.slug(text), text };
      underHeading = 0;
      return;
    }
    if (node.type !== 'code') return;
    const code = node as Code;
    const meta = parseBlockMeta(code.lang, code.meta);
    for (const problem of meta.problems) issues.push({ path: `fence "${code.lang ?? ''} ${code.meta ?? ''}"`.trim(), line: lineOf(code), message: problem });
    if (meta.isExpect && !claimedExpects.has(code)) {
      issues.push({ path: 'expect', line: lineOf(code), message: 'an expected-output fence must come right after a run=ci or run=manual fence' });
    }
    if (!meta.run || meta.problems.length > 0 || index === undefined || !parent) return;
    const expect = expectedAfter(parent as Parent, index);
    if (expect) {
      claimedExpects.add(expect);
      try {
        compileExpected(expect.value);
      } catch (error) {
        if (!(error instanceof ExpectedOutputError)) throw error;
        issues.push({ path: 'expect', line: lineOf(expect) + error.line, message: error.message });
      }
    }
    underHeading += 1;
    const lang = code.lang as RunbookBlock['lang'];
    blocks.push({
      id: blockCheckId(page, heading.slug, underHeading),
      blockId: blockIdOf(page, heading.slug, underHeading),
      page,
      pageTitle: front.title,
      file: source.file,
      line: lineOf(code),
      heading: heading.slug,
      headingText: heading.text,
      index: underHeading,
      ordinal: blocks.length + 1,
      run: meta.run,
      lang,
      code: code.value,
      ...(expect ? { expected: expect.value } : {}),
      sourceHash: blockSourceHash(lang, code.value, expect?.value),
      timeoutMs: meta.timeoutMs,
      maxAgeMs: meta.maxAgeMs,
    });
  });
  if (issues.length > 0) throw new ProofbookInputError(source.file, 'runbook blocks', issues, 'the block syntax is described in content/docs/reference/runbook-blocks.md (/reference/runbook-blocks/ on the site)');
  return blocks;
}
