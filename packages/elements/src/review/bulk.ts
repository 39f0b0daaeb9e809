// Bulk actions on the comments chosen in the table: approve, remove with a category, or one
// decision with one reason, each confirmed first. They go through `POST /consultations/:id/decisions`
// (the server moderates or decides many comments at once, all or none), in chunks: a chunk that
// fails leaves the comments it had, and those after it, chosen, and says how many were done.
// What was typed (the reason) is kept whatever happens.
import type { RemovalReason } from '@gongkai/format';
import { GkDecideEvent } from '../events/review.js';
import { commentKey } from './actions.js';
import type { ReviewContext } from './context.js';
import { reasonRequired } from './decision-form.js';
import { fieldProblem } from './errors.js';
import { decisionKey, formatNumber, removalKey } from './labels.js';
import type { Selection } from './selection.js';
import type { CommentItem, CommentPatch, DecisionsResult } from './staff-api.js';

/** Ids per request: each is one transaction on the server (which takes up to 5,000). */
export const BULK_CHUNK = 200;
/** The key of the bulk decision form among the forms (`bulk-reason`, `bulk-template`…). */
export const BULK_FORM = 'bulk';

export type BulkKind = 'approve' | 'remove' | 'decide';

export interface BulkState {
  /** The decision form is open. */
  deciding: boolean;
  /** The removal category chosen, not yet sent. */
  category: RemovalReason | '';
  /** The action waiting for the staff member's confirmation. */
  confirming: BulkKind | null;
  /** While sending: comments done, of how many. */
  progress: { done: number; total: number } | null;
  /** What went wrong, and how much was done. */
  error: string | null;
  /** What was done, until the selection changes. */
  done: string | null;
}

export const newBulk = (): BulkState => ({
  deciding: false,
  category: '',
  confirming: null,
  progress: null,
  error: null,
  done: null,
});

/** What the chosen comments are now, as far as the console knows: for the confirmation. */
export interface ChosenSummary {
  decided: number;
  removed: number;
}

export class BulkActions {
  state: BulkState = newBulk();

  constructor(
    private readonly c: ReviewContext,
    private readonly selection: Selection,
  ) {}

  set(patch: Partial<BulkState>): void {
    this.state = { ...this.state, ...patch };
    this.c.changed();
  }

  /** The selection changed: a pending confirmation is dropped, the last result forgotten. */
  selectionChanged(): void {
    if (this.state.confirming || this.state.done) this.set({ confirming: null, done: null });
  }

  reset(): void {
    this.state = newBulk();
  }

  private known(id: number): CommentItem | undefined {
    return this.c.page.items.find((x) => x.id === id) ?? this.c.workspace.known.get(id);
  }

  summary(): ChosenSummary {
    const s: ChosenSummary = { decided: 0, removed: 0 };
    for (const id of this.selection.ids) {
      const item = this.known(id);
      if (item?.moderation === 'rejected') s.removed++;
      else if (item?.decision) s.decided++;
    }
    return s;
  }

  /** The change `kind` sends, or null (and why, said where it belongs) when it is not ready. */
  private patchFor(kind: BulkKind): CommentPatch | null {
    const { t, actions } = this.c;
    if (kind === 'approve') return { moderation: 'approved' };
    if (kind === 'remove') {
      if (this.state.category) return { moderation: 'rejected', removalReason: this.state.category };
      this.set({ error: t('removePickFirst'), done: null });
      void this.focus('#bulk-category');
      return null;
    }
    const form = actions.form(BULK_FORM);
    if (!form.decision) {
      actions.updateForm(BULK_FORM, { error: t('decisionMissing'), saved: false });
      void this.focus(`form[data-form="${BULK_FORM}"] input[type="radio"]`);
      return null;
    }
    if (reasonRequired(form.decision) && !form.reason.trim()) {
      actions.updateForm(BULK_FORM, { reasonError: t('reasonMissing'), error: null, saved: false });
      this.c.focusReason(BULK_FORM);
      return null;
    }
    return { decision: form.decision, reason: form.reason.trim() };
  }

  private async focus(selector: string, unlessMoved = false): Promise<void> {
    await this.c.rendered();
    // After a run, focus goes back only if it was lost with the confirmation, not moved on.
    if (unlessMoved && this.c.query(':focus')) return;
    this.c.query(selector)?.focus();
  }

  /** The button that starts `kind` (the decision form's submit for a decision). */
  private actionOf(kind: BulkKind): string {
    return kind === 'decide' ? `form[data-form="${BULK_FORM}"] button[type="submit"]` : `[data-bulk="${kind}"]`;
  }

  /** Checks what `kind` needs, then asks for confirmation. */
  ask(kind: BulkKind): void {
    const { session, t } = this.c;
    if (!session.can(kind === 'decide' ? 'decide' : 'moderate')) {
      this.c.announce(t('roleCannotModerate'));
      return;
    }
    if (this.selection.size === 0 || this.state.progress || !this.patchFor(kind)) return;
    this.set({ confirming: kind, error: null, done: null });
    void this.focus('[data-bulk="confirm"]');
  }

  cancel(): void {
    const kind = this.state.confirming;
    this.set({ confirming: null });
    if (kind) void this.focus(this.actionOf(kind));
  }

  /** Sends the confirmed action for every comment chosen. */
  async confirm(): Promise<boolean> {
    const kind = this.state.confirming;
    const patch = kind && this.patchFor(kind);
    if (!kind || !patch) return false;
    return this.run(kind, patch);
  }

  private async run(kind: BulkKind, patch: CommentPatch): Promise<boolean> {
    const { session, workspace, page, actions, t, lang } = this.c;
    const consultation = workspace.id;
    const ids = this.selection.ids;
    if (!ids.length) return false;
    const applied: number[] = [];
    this.set({ confirming: null, progress: { done: 0, total: ids.length }, error: null, done: null });
    if (kind === 'decide') actions.updateForm(BULK_FORM, { busy: true, error: null, reasonError: null, saved: false });
    let failure: unknown = null;
    for (let i = 0; i < ids.length; i += BULK_CHUNK) {
      const chunk = ids.slice(i, i + BULK_CHUNK);
      try {
        await session.call<DecisionsResult>(
          `/consultations/${encodeURIComponent(consultation)}/decisions`,
          { method: 'POST', body: { ids: chunk, ...patch } },
          kind === 'decide' ? 'decide' : 'moderate',
        );
      } catch (error) {
        failure = error;
        break;
      }
      if (workspace.id === consultation) actions.applyMany(chunk, patch);
      this.selection.set(chunk, false);
      applied.push(...chunk);
      this.set({ progress: { done: applied.length, total: ids.length } });
    }
    if (kind === 'decide') for (const id of applied) actions.forms.delete(commentKey(id));
    if (applied.length) {
      const change = patch.decision ? { decision: patch.decision } : { moderation: patch.moderation! };
      this.c.dispatchEvent(new GkDecideEvent({ consultation, ids: applied, ...change }));
    }
    const n = (x: number) => formatNumber(x, lang);
    const done = this.doneText(kind, patch, n(applied.length));
    if (!failure) {
      if (kind === 'decide') actions.updateForm(BULK_FORM, { busy: false, saved: true });
      this.set({ progress: null, done, category: kind === 'remove' ? '' : this.state.category });
      this.c.announce(done);
      void this.focus(`button.row-open[data-index="${page.cursor}"]`, true);
      return true;
    }
    const detail = this.c.describe(failure);
    const left = n(ids.length - applied.length);
    let text = applied.length
      ? t('bulkPartial', { done, count: left, detail })
      : t('bulkFailed', { count: left, detail });
    const field = kind === 'decide' ? fieldProblem(failure, lang, 'reason') : null;
    if (kind === 'decide') {
      text = `${text} ${t('keptInput')}`;
      actions.updateForm(BULK_FORM, field ? { busy: false, reasonError: field } : { busy: false });
    }
    this.set({ progress: null, error: text });
    if (field) this.c.focusReason(BULK_FORM);
    else void this.focus(this.actionOf(kind), true);
    this.c.announce(text);
    // An answer lost on the way may hide a change made: the progress is read from the server again.
    if (workspace.id === consultation) void workspace.loadCounts();
    return false;
  }

  private doneText(kind: BulkKind, patch: CommentPatch, count: string): string {
    const { t } = this.c;
    if (kind === 'approve') return t('announceBulkApproved', { count });
    if (kind === 'remove') return t('announceBulkRemoved', { count, category: t(removalKey[patch.removalReason!]) });
    return t('announceGroupDecided', { count, decision: t(decisionKey[patch.decision!]) });
  }
}
