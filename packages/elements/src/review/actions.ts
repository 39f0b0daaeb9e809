// What staff do to comments, and publishing: each change is checked before it is sent, applied
// from the server's answer, announced, and on failure explained where it happened, with what
// was typed left in place.
import type { FeedbackView } from '@gongkai/format';
import { GkDecideEvent, GkPublishEvent } from '../events/review.js';
import { ApiError } from '../internal/api.js';
import { downloadBlob } from '../internal/download.js';
import type { UiLang } from '../internal/localize.js';
import type { CommentPage } from './comment-page.js';
import { type FormState, newForm, reasonRequired } from './decision-form.js';
import { type ModerationState, newModeration } from './detail.js';
import { describeError, fieldProblem } from './errors.js';
import { decisionKey, formatNumber, type ReviewMsg, removalKey } from './labels.js';
import { type Download, newPublishState, type PublishState } from './publish.js';
import type { StaffSession } from './session.js';
import type { CommentItem, CommentPatch, DecisionsResult, PublishConflict } from './staff-api.js';
import type { Templates } from './templates.js';
import type { Workspace } from './workspace.js';

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

  form(key: string, item?: Pick<CommentItem, 'decision' | 'reason'>): FormState {
    let form = this.forms.get(key);
    if (!form) {
      form = newForm(item?.decision ?? null, item?.reason ?? null);
      this.forms.set(key, form);
    }
    return form;
  }

  updateForm(key: string, patch: Partial<FormState>): void {
    this.forms.set(key, { ...this.form(key), ...patch });
    this.host.changed();
  }

  moderationOf(id: number): ModerationState {
    return this.moderation.get(id) ?? newModeration();
  }

  setModeration(id: number, patch: Partial<ModerationState>): void {
    this.moderation.set(id, { ...this.moderationOf(id), ...patch });
    this.host.changed();
  }

  private applied(item: CommentItem): void {
    this.host.page.apply(item);
    this.host.workspace.apply(item);
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
    this.setModeration(item.id, { busy: true, error: null });
    try {
      const updated = await this.host.session.call<CommentItem>(
        `/comments/${item.id}`,
        { method: 'PATCH', body: patch },
        'moderate',
      );
      this.setModeration(item.id, { busy: false, category: '' });
      this.applied({ ...updated, group: updated.group ?? item.group });
      this.host.announce(done);
      this.host.dispatchEvent(
        new GkDecideEvent({ consultation: this.host.workspace.id, ids: [item.id], moderation: patch.moderation! }),
      );
      return true;
    } catch (error) {
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
      const updated = await this.host.session.call<CommentItem>(
        `/comments/${item.id}`,
        { method: 'PATCH', body },
        'decide',
      );
      this.applied({ ...updated, group: updated.group ?? item.group });
      this.forms.set(key, { ...newForm(updated.decision, updated.reason), saved: true });
      this.host.changed();
      this.host.announce(this.t('announceDecided', { id: item.id, decision: this.t(decisionKey[body.decision!]) }));
      this.host.dispatchEvent(
        new GkDecideEvent({ consultation: this.host.workspace.id, ids: [item.id], decision: body.decision! }),
      );
      return true;
    } catch (error) {
      this.failed(key, error);
      return false;
    }
  }

  /** One decision for the members of a group that are not exceptions (all or none). */
  async decideGroup(group: number, ids: number[]): Promise<boolean> {
    const key = groupKey(group);
    if (ids.length === 0) {
      this.updateForm(key, { error: this.t('groupNothing') });
      return false;
    }
    const form = this.checked(key);
    if (!form) return false;
    const patch: CommentPatch = { decision: form.decision!, reason: form.reason.trim() };
    this.updateForm(key, { busy: true, error: null, reasonError: null, saved: false });
    try {
      const { updated } = await this.host.session.call<DecisionsResult>(
        `/consultations/${encodeURIComponent(this.host.workspace.id)}/decisions`,
        { method: 'POST', body: { ids, ...patch } },
        'decide',
      );
      this.host.page.applyMany(ids, patch);
      this.host.workspace.applyMany(ids, patch);
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
      return true;
    } catch (error) {
      this.failed(key, error);
      return false;
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
    this.publishing = { ...this.publishing, busy: true, error: null, done: null };
    this.host.changed();
    try {
      const feedback = await this.host.session.call<FeedbackView>(
        `/consultations/${encodeURIComponent(id)}/feedback`,
        { method: 'POST' },
        'publish',
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
      this.publishing = { ...this.publishing, busy: false, confirming: false, error: text };
      this.host.announce(text);
      // What blocked it may have changed under us (another staff member, new comments).
      if (error instanceof ApiError && error.status === 409) {
        void this.host.workspace.loadIndex();
        void this.host.workspace.loadPreview();
      }
    }
    this.host.changed();
  }

  private publishError(error: unknown): string {
    if (!(error instanceof ApiError) || error.status !== 409) return this.describe(error);
    const body = error.body as PublishConflict;
    if (body.error === 'still-open') return this.t('publish409Open');
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
    const path = kind === 'csv' ? 'export.csv' : 'report.html';
    const name = kind === 'csv' ? `${id}-comments.csv` : `${id}-report.html`;
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
