import { CHECK_ID_PATTERN } from '../../../schemas/check-id.ts';
import type { Provenance } from '../../../schemas/provenance.ts';
import type { CheckStatus, OutstandingStatus, RowState } from '../../../status/model.ts';
import { CHECK_PLACEHOLDER_CLASS } from '../../markdown/check-directive.ts';
import { escapeXml, formatAge, PROVENANCE_LABEL, STATE_LABEL } from '../../../status/present.ts';

/** The tag beside a pill for evidence that is not from the team's gateway (text, not colour alone). */
export function provenanceTagHtml(provenance: Provenance): string {
  if (provenance === 'real') return '';
  const title = provenance === 'demo' ? 'from the demo gateway, not the team\'s gateway' : 'a hand-written sample, not a capture';
  return ` <span class="pb-prov pb-prov-${provenance}" title="${title}">${PROVENANCE_LABEL[provenance]}</span>`;
}

/** The verdict pill: the one markup for a state (and where its evidence came from), in components, pages and pills. */
export function verdictPillHtml(state: RowState, provenance: Provenance = 'real'): string {
  return `<span class="pb-pill pb-${state}">${STATE_LABEL[state]}</span>${provenanceTagHtml(provenance)}`;
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
  // State, age, target, origin and provenance all come from the one row the state is decided by.
  const decider = check.decidedBy!;
  const where = escapeXml(`${decider.target} from ${decider.origin}, ${decider.finishedAt}`);
  const age = `<time datetime="${decider.finishedAt}" title="${where}">${formatAge(decider.ageMs)}</time>`;
  return `<a class="pb-check" href="/status/#${id}"><code>${id}</code> ${verdictPillHtml(check.state, decider.provenance)} ${age}</a>`;
}

/** An outstanding item's state: ready to close, or open with each closing check that holds it and why. */
export function outstandingPillHtml(itemId: string, status: OutstandingStatus | undefined): string {
  const id = escapeXml(itemId);
  if (!status) return `<span class="pb-check"><code>${id}</code> <span class="pb-pill pb-missing">unknown item</span></span>`;
  if (status.isReadyToClose) return `<a class="pb-check" href="/status/#outstanding" data-pb-outstanding="ready"><span class="pb-pill pb-pass">ready to close</span></a>`;
  const open = status.closes
    .filter((closing) => closing.state !== 'pass' && closing.state !== 'flaky')
    .map((closing) => `<code>${escapeXml(closing.check)}</code> ${verdictPillHtml(closing.state)}${closing.reason ? ` <small>${escapeXml(closing.reason)}</small>` : ''}`)
    .join(', ');
  return `<span class="pb-check" data-pb-outstanding="open"><a href="/status/#outstanding"><span class="pb-pill pb-missing">open</span></a> held by ${open}</span>`;
}

const PLACEHOLDER = new RegExp(`<span class="${CHECK_PLACEHOLDER_CLASS}" data-(check|outstanding)="(${CHECK_ID_PATTERN})"><code>[^<]*</code></span>`, 'g');

/** Replaces the remark plugin's placeholders in rendered HTML with live pills. */
export function fillCheckPills(html: string, lookup: (checkId: string) => CheckStatus | undefined, outstanding: (itemId: string) => OutstandingStatus | undefined = () => undefined): string {
  return html.replace(PLACEHOLDER, (_match, kind: string, id: string) => (kind === 'check' ? checkPillHtml(id, lookup(id)) : outstandingPillHtml(id, outstanding(id))));
}
