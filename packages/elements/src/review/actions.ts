// What staff do to comments, and publishing: each change is checked before it is sent (with the
// etag of the version the staff member was looking at), applied from the server's answer,
// announced, and on failure explained where it happened, with what was typed left in place. A
// colleague's change made meanwhile is shown, never overwritten unseen.
import type { FeedbackView } from '@gongkai/format';
import { GkDecideEvent, GkPublishEvent } from '../events/review.js';
import { ApiError } from '../internal/api.js';
import { downloadBlob } from '../internal/download.js';
import type { UiLang } from '../internal/localize.js';
import type { CommentPage } from './comment-page.js';
import { changedNow, conflictText, sameState, stateOf } from './conflict.js';
import {
  type CommentVersion,
  type FormState,
  newForm,
  reasonFollows,
  reasonRequired,
  untouched,
} from './decision-form.js';
import { type ModerationState, newModeration } from './detail.js';
import { describeError, fieldProblem } from './errors.js';
import { decisionKey, formatNumber, type ReviewMsg, removalKey } from './labels.js';
import { type Download, newPublishState, type PublishState, unfinished } from './publish.js';
import type { Capability, StaffSession } from './session.js';
import type {
  CommentItem,
  CommentPatch,
  DecisionsBody,
  DecisionsFilter,
  DecisionsResult,
  PublishConflict,
} from './staff-api.js';
import type { Templates } from './templates.js';
import { patched, type Workspace } from './workspace.js';

export interface ActionsHost {
  readonly session: StaffSession;
  readonly workspace: Workspace;
  readonly page: CommentPage;
  readonly templates: Templates;
  readonly t: ReviewMsg;
  readonly lang: UiLang;
  announce(text: string): void;
  changed(): void;
  dispatchEvent(event: Event): boolean;
  /** Moves focus to a form's reason field (`prefix` as in renderDecisionForm). */
  focusReason(prefix: string): void;
}

export const commentKey = (id: number) => `c-${id}`;
export const groupKey = (group: number) => `g-${group}`;

/** Which members a group decision is for: those not yet decided, or every one. */
export type GroupScope = 'undecided' | 'all';

const sameVersion = (a: CommentVersion, b: CommentVersion) => a.etag === b.etag && sameState(a, b);
const versionOf = (c: CommentVersion): CommentVersion => ({ ...stateOf(c), etag: c.etag });

export class ReviewActions {
  /** Decision forms by key (`c-12` for a comment, `g-3` for a group): survive failures and moves. */
  readonly forms = new Map<string, FormState>();
  readonly moderation = new Map<number, ModerationState>();
  publishing: PublishState = newPublishState();

  constructor(private readonly host: ActionsHost) {}

  private get t() {
    return this.host.t;
  }

  private describe(error: unknown): string {
    return describeError(error, this.t, this.host.lang, this.host.session.role);
  }

  form(key: string, item?: CommentItem): FormState {
    let form = this.forms.get(key);
    // Untouched, a form follows its comment as read anew; touched, it keeps the version it began
    // from, and saving says what changed meanwhile.
    if (form?.base && item && untouched(form) && !sameVersion(form.base, item)) form = undefined;
    if (!form) {
      form = newForm(item ?? null);
      this.forms.set(key, form);
    }
    return form;
  }

  updateForm(key: string, patch: Partial<FormState>): void {
    const form = this.form(key);
    const next = patch.decision !== undefined ? reasonFollows(form, patch) : { ...form, ...patch };
    this.forms.set(key, next);
    this.host.changed();
    const base = form.base?.decision;
    if (form.cleared === null && next.cleared !== null)
      this.host.announce(this.t('reasonCleared', { decision: base ? this.t(decisionKey[base]) : '' }));
  }

  /** After a conflict: what was chosen and typed is dropped for the comment as it is now. */
  discard(key: string): void {
    this.forms.set(key, newForm(this.form(key).base));
    this.host.changed();
    this.host.announce(this.t('changedDiscarded'));
    this.host.focusReason(key);
  }

  moderationOf(id: number): ModerationState {
    return this.moderation.get(id) ?? newModeration();
  }

  setModeration(id: number, patch: Partial<ModerationState>): void {
    this.moderation.set(id, { ...this.moderationOf(id), ...patch });
    this.host.changed();
  }

  /** The server's answer for a comment replaces ours (and, when it is our change, a form's base). */
  private applied(item: CommentItem, before: CommentVersion | null = null): void {
    this.host.page.apply(item);
    this.host.workspace.apply(item);
    if (before) this.rebase(item.id, before, item);
  }

  /**
   * Our own change, so not a colleague's: a form that knew the comment as it was before it
   * now knows it as it is (what was typed stays).
   */
  private rebase(id: number, before: CommentVersion, after: CommentVersion): void {
    const key = commentKey(id);
    const form = this.forms.get(key);
    if (form?.base && sameVersion(form.base, before)) this.forms.set(key, { ...form, base: versionOf(after) });
  }

  /**
   * A change the server applied to many comments (`POST …/decisions` answers with a count, no
   * etags): the forms keep the etags they had, and the state is as it is now; `patch` resends
   * when the comment stands as shown.
   */
  applyMany(ids: readonly number[], patch: CommentPatch): void {
    const { page, workspace } = this.host;
    for (const id of ids) {
      const before = page.items.find((x) => x.id === id) ?? workspace.known.get(id);
      if (before) this.rebase(id, before, { ...patched(before, patch), etag: before.etag });
    }
    page.applyMany(ids, patch);
    workspace.applyMany(ids, patch);
  }

  /**
   * `PATCH /comments/:id` with the etag of `seen`, the version the staff member was looking at.
   * The server refuses (412) when it changed since; if it still stands as they saw it (e.g. after
   * a bulk change of ours, which returns no etags), nothing of anyone's is lost: sent again with
   * the new one. Otherwise the 412 is thrown, for the caller to show.
   */
  private async patch(id: number, body: CommentPatch, capability: Capability, seen: CommentVersion) {
    const send = (etag: string) =>
      this.host.session.call<CommentItem>(
        `/comments/${id}`,
        { method: 'PATCH', body, headers: { 'if-match': etag } },
        capability,
      );
    try {
      return await send(seen.etag);
    } catch (error) {
      const current = changedNow(error);
      if (!current || !sameState(current, seen)) throw error;
      return send(current.etag);
    }
  }

  /** Someone changed the comment meanwhile: shown as it is now, where the staff member was. */
  private showCurrent(item: CommentItem, current: CommentItem): void {
    this.host.page.apply({ ...current, group: current.group ?? item.group });
    this.host.workspace.apply({ ...current, group: current.group ?? item.group });
  }

  async approve(item: CommentItem): Promise<boolean> {
    if (!this.host.session.can('moderate')) {
      this.host.announce(this.t('roleCannotModerate'));
      return false;
    }
    return this.moderate(item, { moderation: 'approved' }, this.t('announceApproved', { id: item.id }));
  }

  /** Removes the comment with the category chosen, which the server keeps. */
  async remove(item: CommentItem): Promise<boolean> {
    const removalReason = this.moderationOf(item.id).category;
    if (!removalReason) {
      this.setModeration(item.id, { error: this.t('removePickFirst') });
      return false;
    }
    return this.moderate(
      item,
      { moderation: 'rejected', removalReason },
      this.t('announceRemoved', { id: item.id, category: this.t(removalKey[removalReason]) }),
    );
  }

  private async moderate(item: CommentItem, patch: CommentPatch, done: string): Promise<boolean> {
    this.setModeration(item.id, { busy: true, error: null, conflict: null });
    try {
      const updated = await this.patch(item.id, patch, 'moderate', item);
      this.setModeration(item.id, { busy: false, category: '' });
      this.applied({ ...updated, group: updated.group ?? item.group }, item);
      this.host.announce(done);
      this.host.dispatchEvent(
        new GkDecideEvent({ consultation: this.host.workspace.id, ids: [item.id], moderation: patch.moderation! }),
      );
      return true;
    } catch (error) {
      const current = changedNow(error);
      if (current) {
        // Not done: the staff member sees the colleague's change first, and may act again.
        this.showCurrent(item, current);
        this.setModeration(item.id, { busy: false, conflict: stateOf(current) });
        this.host.announce(conflictText(this.t, item.id, current, false));
        return false;
      }
      const text = this.describe(error);
      this.setModeration(item.id, { busy: false, error: text });
      this.host.announce(text);
      return false;
    }
  }

  /** Checks the form before anything is sent: a decision, and a reason unless adopted. */
  private checked(key: string): FormState | null {
    const form = this.form(key);
    if (!form.decision) {
      this.updateForm(key, { error: this.t('decisionMissing'), saved: false });
      return null;
    }
    if (reasonRequired(form.decision) && !form.reason.trim()) {
      this.updateForm(key, { reasonError: this.t('reasonMissing'), error: null, saved: false });
      this.host.focusReason(key);
      return null;
    }
    return form;
  }

  private failed(key: string, error: unknown): void {
    const field = fieldProblem(error, this.host.lang, 'reason');
    const text = field ?? `${this.describe(error)} ${this.t('keptInput')}`;
    this.updateForm(key, field ? { busy: false, reasonError: field } : { busy: false, error: text });
    if (field) this.host.focusReason(key);
    this.host.announce(text);
  }

  async decide(item: CommentItem): Promise<boolean> {
    const key = commentKey(item.id);
    const form = this.checked(key);
    if (!form) return false;
    const body: CommentPatch = { decision: form.decision!, reason: form.reason.trim() };
    this.updateForm(key, { busy: true, error: null, reasonError: null, saved: false });
    try {
      const updated = await this.patch(item.id, body, 'decide', form.base ?? item);
      this.applied({ ...updated, group: updated.group ?? item.group });
      this.forms.set(key, { ...newForm(updated), saved: true });
      // A colleague's change found by an approval is answered by this decision.
      if (this.moderationOf(item.id).conflict)
        this.moderation.set(item.id, { ...this.moderationOf(item.id), conflict: null });
      this.host.changed();
      this.host.announce(this.t('announceDecided', { id: item.id, decision: this.t(decisionKey[body.decision!]) }));
      this.host.dispatchEvent(
        new GkDecideEvent({ consultation: this.host.workspace.id, ids: [item.id], decision: body.decision! }),
      );
      return true;
    } catch (error) {
      const current = changedNow(error);
      if (!current) {
        this.failed(key, error);
        return false;
      }
      // What was chosen and typed stays; saving again (with the new etag) overwrites knowingly.
      this.showCurrent(item, current);
      this.updateForm(key, { busy: false, base: versionOf(current), conflict: stateOf(current), cleared: null });
      this.host.announce(conflictText(this.t, item.id, current, true));
      return false;
    }
  }

  /**
   * One decision for a whole group in one request, by filter (all or none): its undecided members,
   * or all of them. Members removed in moderation are left as they are (the server's rule).
   * Resolves with which comments the filter matched, or null when nothing was done.
   */
  async decideGroup(
    group: number,
    scope: GroupScope,
  ): Promise<{ matches(item: CommentItem): boolean; patch: CommentPatch } | null> {
    const key = groupKey(group);
    const form = this.checked(key);
    if (!form) return null;
    const patch: CommentPatch = { decision: form.decision!, reason: form.reason.trim() };
    const filter: DecisionsFilter = scope === 'undecided' ? { group, decision: 'none' } : { group };
    this.updateForm(key, { busy: true, error: null, reasonError: null, saved: false });
    try {
      const body: DecisionsBody = { filter, ...patch };
      const { updated } = await this.host.session.call<DecisionsResult>(
        `/consultations/${encodeURIComponent(this.host.workspace.id)}/decisions`,
        { method: 'POST', body },
        'decide',
      );
      // The answer is a count: the comments known here that the filter matched change alike.
      const matches = (c: CommentItem) =>
        c.group === group && c.moderation !== 'rejected' && (scope === 'all' || c.decision === null);
      const { page, workspace } = this.host;
      const known = new Set<number>();
      for (const c of page.items) if (matches(c)) known.add(c.id);
      for (const c of workspace.known.values()) if (matches(c)) known.add(c.id);
      const ids = [...known];
      this.applyMany(ids, patch);
      for (const id of ids) this.forms.delete(commentKey(id));
      this.updateForm(key, { busy: false, saved: true });
      this.host.announce(
        this.t('announceGroupDecided', {
          count: formatNumber(updated, this.host.lang),
          decision: this.t(decisionKey[patch.decision!]),
        }),
      );
      this.host.dispatchEvent(
        new GkDecideEvent({ consultation: this.host.workspace.id, ids, decision: patch.decision! }),
      );
      return { matches, patch };
    } catch (error) {
      this.failed(key, error);
      return null;
    }
  }

  /** Fills the reason from a template; the replaced text can be restored. */
  useTemplate(key: string, id: string): void {
    const template = this.host.templates.find(id);
    if (!template) return;
    const form = this.form(key);
    const undo = form.reason.trim() && form.reason !== template.text ? form.reason : null;
    this.updateForm(key, {
      reason: template.text,
      undo,
      decision: form.decision ?? template.decision,
      reasonError: null,
      saved: false,
    });
    this.host.announce(this.t('announceTemplate', { title: template.title }));
  }

  async saveTemplate(key: string): Promise<void> {
    const form = this.form(key);
    const title = form.templateTitle.trim();
    if (!title) {
      this.updateForm(key, { templateNote: { ok: false, text: this.t('templateTitleMissing') } });
      return;
    }
    try {
      await this.host.templates.save({ decision: form.decision, title, text: form.reason.trim() });
      this.updateForm(key, { naming: false, templateNote: { ok: true, text: this.t('templateSaved', { title }) } });
    } catch (error) {
      this.updateForm(key, { templateNote: { ok: false, text: this.describe(error) } });
    }
  }

  async publish(): Promise<void> {
    const id = this.host.workspace.id;
    this.publishing = { ...this.publishing, busy: true, waiting: null, error: null, done: null };
    this.host.changed();
    try {
      const feedback = await this.host.session.follow<FeedbackView>(
        `/consultations/${encodeURIComponent(id)}/feedback`,
        { method: 'POST' },
        'publish',
        // Many comments: the server publishes in the background; say how it is going.
        (run) => {
          const seconds = run.startedAt ? Math.max(0, Math.round((Date.now() - Date.parse(run.startedAt)) / 1000)) : 0;
          const waiting =
            run.state === 'queued'
              ? this.t('publishQueued')
              : this.t('publishRunning', { seconds: formatNumber(seconds, this.host.lang) });
          this.publishing = { ...this.publishing, waiting };
          this.host.changed();
        },
      );
      const done = this.t('published', { version: feedback.version });
      this.publishing = { ...newPublishState(), done };
      this.host.announce(done);
      this.host.dispatchEvent(new GkPublishEvent({ consultation: id, version: feedback.version }));
      void this.host.workspace.loadConsultation();
      void this.host.workspace.loadVersions();
      void this.host.workspace.loadPreview();
    } catch (error) {
      const text = this.publishError(error);
      const blocking =
        error instanceof ApiError && error.status === 409 ? ((error.body as PublishConflict).blocking ?? null) : null;
      this.publishing = { ...this.publishing, busy: false, waiting: null, confirming: false, error: text, blocking };
      this.host.announce(text);
      // What blocked it may have changed under us (another staff member, new comments).
      if (error instanceof ApiError && error.status === 409) {
        void this.host.workspace.loadCounts();
        void this.host.workspace.loadPreview();
      }
    }
    this.host.changed();
  }

  private publishError(error: unknown): string {
    if (!(error instanceof ApiError) || error.status !== 409) return this.describe(error);
    const body = error.body as PublishConflict;
    if (body.error === 'still-open') return this.t('publish409Open');
    if (body.error === 'not-signed-off') return this.t('publishRefused');
    const n = (x: number | undefined) => formatNumber(x ?? 0, this.host.lang);
    return this.t('publish409Undecided', { unmoderated: n(body.unmoderated), undecided: n(body.undecided) });
  }

  setPublishing(patch: Partial<PublishState>): void {
    this.publishing = { ...this.publishing, ...patch };
    this.host.changed();
  }

  /** Fetches the file with the token and hands it to the browser as a download. */
  async download(kind: Download): Promise<void> {
    const id = this.host.workspace.id;
    const ext = kind === 'docx' ? 'docx' : 'html';
    const path = kind === 'csv' ? 'export.csv' : `report.${ext}`;
    const draft = kind !== 'csv' && unfinished(this.host.workspace.progress()) > 0;
    const name = kind === 'csv' ? `${id}-comments.csv` : `${id}-report${draft ? '-draft' : ''}.${ext}`;
    this.setPublishing({ download: kind, downloadError: null });
    try {
      const blob = await this.host.session.download(`/consultations/${encodeURIComponent(id)}/${path}`);
      downloadBlob(blob, name);
      this.setPublishing({ download: null });
      this.host.announce(this.t('downloaded', { name }));
    } catch (error) {
      this.setPublishing({ download: null, downloadError: this.describe(error) });
    }
  }
}
