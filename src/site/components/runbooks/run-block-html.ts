import type { EvidenceRecord } from '../../../schemas/evidence.ts';
import type { RunbookBlock } from '../../../schemas/runbook.ts';
import type { CheckStatus, StatusRow } from '../../../status/model.ts';
import { escapeXml, formatAge, STATE_LABEL } from '../../../status/present.ts';
import { RUN_PLACEHOLDER_CLASS } from '../../markdown/run-block-placeholder.ts';
import { blockAnchor } from '../../../runbooks/block-id.ts';
import { verdictPillHtml } from '../status/pill-html.ts';

/**
 * What a reader sees under a runbook block (issue 29): the output it printed when Proofbook last ran it, with its
 * state, exit code, age, target and origin, and why it is stale or failing. Filled in at page render (the
 * Markdown HTML is cached by content digest), from the same status model as /status.
 */

/** Looks up the latest record of one block row. */
export type RecordLookup = (checkId: string, target: string, origin: string) => EvidenceRecord | undefined;

const shortHash = (hash: string) => hash.slice(0, 12);

function ending(record: EvidenceRecord): string {
  const run = record.runbook!;
  if (run.timedOut) return 'killed at its timeout';
  return run.exitCode === null ? 'no exit code' : `exit ${run.exitCode}`;
}

/** Why the row is in its state, in one sentence, when that is not plain passing. */
function reason(block: RunbookBlock, row: StatusRow, record: EvidenceRecord): string | undefined {
  if (row.isSourceChanged) return `The commands changed since this output: it ran source ${shortHash(record.runbook!.sourceHash)}, the block is now ${shortHash(block.sourceHash)}. It runs again on the next npm run runbooks.`;
  if (row.state === 'stale') return `Older than the block's maxAge (${formatAge(block.maxAgeMs)}); it runs again on the next npm run runbooks.`;
  if (row.state === 'pass') return undefined;
  const missed = record.conditions.find((condition) => !condition.ok);
  return missed ? `${missed.condition}: ${missed.actual ?? ''}` : record.summary;
}

function otherRows(check: CheckStatus, decider: StatusRow): string {
  const others = check.rows.filter((row) => row !== decider);
  if (others.length === 0) return '';
  const items = others.map((row) => `${verdictPillHtml(row.state, row.provenance)} ${escapeXml(row.target)} from ${escapeXml(row.origin)}, ${escapeXml(formatAge(row.ageMs))} ago`);
  return `<p class="pb-note">Also: ${items.join('; ')}.</p>`;
}

function evidenceFigure(block: RunbookBlock, check: CheckStatus, recordOf: RecordLookup): string {
  const decidedBy = check.decidedBy;
  const row = check.rows.find((candidate) => candidate.target === decidedBy?.target && candidate.origin === decidedBy?.origin) ?? check.rows[0]!;
  const record = recordOf(block.id, row.target, row.origin);
  if (!record?.runbook) return `<p class="pb-note">${verdictPillHtml(row.state, row.provenance)} ${escapeXml(row.summary)} (no output recorded).</p>`;
  const run = record.runbook;
  const why = reason(block, row, record);
  const output = run.output === '' ? '(no output)' : run.output.replace(/\n$/, '');
  return [
    `<figure class="pb-run pb-run-${row.state}" id="${blockAnchor(block)}" data-pb-run="${escapeXml(block.id)}" data-state="${row.state}">`,
    '<figcaption>',
    `${verdictPillHtml(row.state, row.provenance)} <span data-pb-exit="${run.exitCode ?? ''}">${ending(record)}</span>`,
    ` · ran <time datetime="${record.finishedAt}" title="${record.finishedAt}">${escapeXml(formatAge(row.ageMs))}</time> ago`,
    ` against ${escapeXml(row.target)} from <span data-pb-origin>${escapeXml(row.origin)}</span>`,
    ` · ${Math.round(run.durationMs)} ms · <a href="/evidence/${escapeXml(record.runId)}/">run ${escapeXml(record.runId)}</a>`,
    why ? `<br><span class="pb-run-why">${escapeXml(why)}</span>` : '',
    '</figcaption>',
    `<pre class="pb-run-output" aria-label="Output of this block, ${STATE_LABEL[row.state]}"><code>${escapeXml(output)}</code></pre>`,
    run.truncated ? `<p class="pb-note">Output cut at ${Buffer.byteLength(run.output)} of ${run.outputBytes} bytes; the whole capture is in the run's raw artifact.</p>` : '',
    otherRows(check, row),
    '</figure>',
  ].join('');
}

/** The HTML that replaces one placeholder. */
export function runBlockHtml(block: RunbookBlock | undefined, check: CheckStatus | undefined, recordOf: RecordLookup): string {
  if (!block) return '<p class="pb-note pb-run-unknown">This block is not among the runnable blocks the build extracted; rebuild the site.</p>';
  const anchor = blockAnchor(block);
  if (block.run === 'manual' && (!check || check.rows.length === 0)) {
    return `<p class="pb-note pb-run-manual" id="${anchor}" data-pb-run="${escapeXml(block.id)}" data-state="manual">Manual step (<code>run=manual</code>): Proofbook never runs it; its evidence can only come from an operator's imported log.</p>`;
  }
  if (!check || check.rows.length === 0) {
    return `<p class="pb-note pb-run-missing" id="${anchor}" data-pb-run="${escapeXml(block.id)}" data-state="missing">${verdictPillHtml('missing')} Not run yet: <code>npm run runbooks</code> runs this block and shows its output here.</p>`;
  }
  return evidenceFigure(block, check, recordOf);
}

const PLACEHOLDER = new RegExp(`<div class="${RUN_PLACEHOLDER_CLASS}" data-run-ordinal="(\\d+)" data-source="([0-9a-f]{64})"></div>`, 'g');

/** Replaces the Markdown plugin's placeholders in a page's HTML with each block's evidence. */
export function fillRunBlocks(html: string, pageBlocks: readonly RunbookBlock[], checkOf: (id: string) => CheckStatus | undefined, recordOf: RecordLookup): string {
  return html.replace(PLACEHOLDER, (_match, ordinal: string, hash: string) => {
    // By position first; by source hash when the page's blocks were extracted from other text than was rendered.
    const byOrdinal = pageBlocks.find((block) => block.ordinal === Number(ordinal));
    const block = byOrdinal?.sourceHash === hash ? byOrdinal : pageBlocks.find((candidate) => candidate.sourceHash === hash);
    return runBlockHtml(block, block && checkOf(block.id), recordOf);
  });
}
