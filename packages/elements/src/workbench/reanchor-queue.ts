// The notes carried over from a previous version whose new place is not certain (step 4): each
// with the passage it explained, the best candidate in the new text marked, how close it is in
// words, and confirm / re-place / delete. Until one of those, the note has no clause and readers
// list it as not placed: a guess is never published as the office's placement.
import { type Clause, clauseNumbers, type Pending } from '@gongkai/format';
import { html, nothing } from 'lit';
import { type ReanchorQueueMessages, reanchorQueueMessages } from '../i18n/workbench/reanchor-queue.js';
import { fill } from '../internal/localize.js';
import { clauseName, type WorkbenchContext } from './context.js';
import { pendingNotes } from './model.js';

type Say = (key: keyof ReanchorQueueMessages, params?: Record<string, string | number>) => string;
/** The queue's own text, in the workbench's language. */
const sayer =
  (ctx: WorkbenchContext): Say =>
  (key, params) =>
    fill(reanchorQueueMessages[ctx.lang][key], params);

export interface QueueActions {
  /** Opens the note's editor with the clause choice focused. */
  replace(index: number): void;
  remove(index: number): void;
}

/** How close the candidate is, in words (a score alone means little to a drafter). */
export function confidenceWords(ctx: WorkbenchContext, pending: Pending): string {
  const say = sayer(ctx);
  const score = pending.candidate?.score ?? 0;
  const pct = Math.round(score * 100);
  if (pending.reason === 'ambiguous') return say('confidenceAmbiguous');
  if (pending.reason === 'moved') return say('confidenceMoved');
  if (pending.reason === 'quote-not-found' || score === 0) return say('confidenceRewritten');
  if (score >= 0.7) return say('confidenceHigh', { pct });
  if (score >= 0.5) return say('confidenceMedium', { pct });
  return say('confidenceLow', { pct });
}

/** Characters of the clause shown on each side of a marked candidate (the preview has the rest). */
const AROUND = 60;

/**
 * The candidate clause's text with the candidate passage marked (in words too, for screen
 * readers), cut to the passage and some words around it; a clause without a passage in full.
 */
function candidateText(ctx: WorkbenchContext, clause: Clause, quote: string | undefined) {
  const text = clause.text;
  const at = quote ? text.indexOf(quote) : -1;
  if (!quote || at < 0) return html`${text}`;
  const from = Math.max(0, at - AROUND);
  const to = Math.min(text.length, at + quote.length + AROUND);
  return html`${from > 0 ? '…' : ''}${text.slice(from, at)}<mark><span class="sr-only">${sayer(ctx)('reanchorCandidateMark')}</span>${quote}</mark>${text.slice(at + quote.length, to)}${to < text.length ? '…' : ''}`;
}

function confirm(ctx: WorkbenchContext, index: number): void {
  const note = ctx.draft.notes[index];
  const clause = note?.pending?.candidate?.clause;
  if (!note || !clause) return;
  const position = pendingNotes(ctx.draft.notes).indexOf(index);
  ctx.edit(() => {
    note.clause = clause;
    delete note.pending;
  });
  ctx.announce(sayer(ctx)('reanchorConfirmed', { n: index + 1, clause: clauseName(ctx.clauses, clause) }));
  focusAfter(ctx, position);
}

/** Focus stays in the queue (the item that took this one's place), or goes to the notes list. */
export function focusAfter(ctx: WorkbenchContext, position: number): void {
  void ctx.host.updateComplete.then(() => {
    const root = ctx.host.shadowRoot;
    const items = [...(root?.querySelectorAll<HTMLElement>('.reanchor-queue > ol > li') ?? [])];
    const next = items[Math.min(position, items.length - 1)];
    if (next) next.querySelector<HTMLElement>('button')?.focus();
    else {
      ctx.announce(sayer(ctx)('reanchorDone'));
      root?.querySelector<HTMLElement>('.items button')?.focus();
    }
  });
}

export function renderReanchorQueue(ctx: WorkbenchContext, actions: QueueActions) {
  const t = sayer(ctx);
  const waiting = pendingNotes(ctx.draft.notes);
  if (!waiting.length) return nothing;
  const byId = new Map(ctx.clauses.map((c) => [c.id, c]));
  return html`<section class="reanchor-queue" id="reanchor-queue" aria-labelledby="reanchor-title" tabindex="-1">
    <h4 id="reanchor-title">${t('reanchorTitle')}</h4>
    <p class="hint">${t('reanchorIntro')}</p>
    <ol>
      ${waiting.map((i) => {
        const note = ctx.draft.notes[i]!;
        const pending = note.pending!;
        const candidate = pending.candidate && byId.get(pending.candidate.clause);
        const n = i + 1;
        // The number alone (第四条): the clause's text is shown in full below it.
        const where = candidate ? (clauseNumbers(byId, candidate.id) ?? clauseName(ctx.clauses, candidate.id)) : '';
        return html`<li aria-labelledby="reanchor-note-${i}">
          <p class="item-title" id="reanchor-note-${i}">
            <strong>${t('reanchorNote', { n })}</strong> ${note.body.trim().slice(0, 40)}
          </p>
          <dl>
            ${pending.previous.number ? html`<div><dt>${t('reanchorWas')}</dt><dd>${pending.previous.number}</dd></div>` : nothing}
            <div><dt>${t('reanchorWasText')}</dt><dd><q>${pending.previous.text}</q></dd></div>
            ${
              candidate
                ? html`<div>
                  <dt>${t('reanchorCandidate')}</dt>
                  <dd>
                    <strong>${where}</strong> — ${confidenceWords(ctx, pending)}
                    <blockquote class="candidate">${candidateText(ctx, candidate, pending.candidate?.quote?.exact)}</blockquote>
                  </dd>
                </div>`
                : nothing
            }
          </dl>
          ${candidate ? nothing : html`<p class="notice warn">${t('reanchorNoCandidate')}</p>`}
          <p class="actions">
            ${
              candidate
                ? html`<button type="button" class="gk-button primary" aria-label=${t('reanchorConfirmLabel', { n, clause: where })}
                  @click=${() => confirm(ctx, i)}>${t('reanchorConfirm')}</button>`
                : nothing
            }
            <button type="button" class="gk-button" aria-label=${t('reanchorReplaceLabel', { n })}
              @click=${() => actions.replace(i)}>${t('reanchorReplace')}</button>
            <button type="button" class="gk-button danger" aria-label=${t('reanchorDeleteLabel', { n })}
              @click=${() => {
                const position = waiting.indexOf(i);
                actions.remove(i);
                focusAfter(ctx, position);
              }}>${t('reanchorDelete')}</button>
          </p>
        </li>`;
      })}
    </ol>
  </section>`;
}
