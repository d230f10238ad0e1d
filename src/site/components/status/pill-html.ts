import { CHECK_ID_PATTERN } from '../../../schemas/check-id.ts';
import type { CheckStatus, RowState } from '../../../status/model.ts';
import { CHECK_PLACEHOLDER_CLASS } from '../../markdown/check-directive.ts';
import { escapeXml, formatAge, STATE_LABEL } from '../../../status/present.ts';

/** The verdict pill: the one markup for a state, in components, pages and pills. */
export function verdictPillHtml(state: RowState): string {
  return `<span class="pb-pill pb-${state}">${STATE_LABEL[state]}</span>`;
}

/**
 * The inline `:check[id]` pill as HTML. Filled in at page render (not at Markdown render, whose output
 * is cached by content digest) so the age is always the build's.
 */
export function checkPillHtml(checkId: string, check: CheckStatus | undefined): string {
  const id = escapeXml(checkId);
  if (!check || check.rows.length === 0) {
    return `<a class="pb-check" href="/status/#${id}"><code>${id}</code> ${verdictPillHtml('missing')}</a>`;
  }
  const newest = check.rows.reduce((a, b) => (a.ageMs <= b.ageMs ? a : b));
  const age = `<time datetime="${newest.finishedAt}" title="${newest.finishedAt}">${formatAge(newest.ageMs)}</time>`;
  return `<a class="pb-check" href="/status/#${id}"><code>${id}</code> ${verdictPillHtml(check.state)} ${age}</a>`;
}

const PLACEHOLDER = new RegExp(`<span class="${CHECK_PLACEHOLDER_CLASS}" data-check="(${CHECK_ID_PATTERN})"><code>[^<]*</code></span>`, 'g');

/** Replaces the remark plugin's placeholders in rendered HTML with live pills. */
export function fillCheckPills(html: string, lookup: (checkId: string) => CheckStatus | undefined): string {
  return html.replace(PLACEHOLDER, (_match, checkId: string) => checkPillHtml(checkId, lookup(checkId)));
}
