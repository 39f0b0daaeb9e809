// The comments tab: filters, the table and the comment open beside it, the comments chosen for
// bulk actions with their bar, and the shortcuts of the common path (next, approve, decide, 1–4,
// reason template, search, x to choose).
import type { Decision } from '@gongkai/format';
import { html, nothing } from 'lit';
import type { ReviewMessages } from '../i18n/review.js';
import { once } from '../internal/once.js';
import { commentKey } from './actions.js';
import type { AttachmentsPanel } from './attachments.js';
import { BULK_FORM, BulkActions } from './bulk.js';
import { renderBulkBar } from './bulk-bar.js';
import type { Filters } from './comment-page.js';
import type { ReviewContext } from './context.js';
import { renderDecisionForm } from './decision-form.js';
import { renderDetail } from './detail.js';
import { clauseName, clauseNowText, decisionKey, formatNumber, moderationKey, roleLabel } from './labels.js';
import { keepInView } from './reveal.js';
import { Selection } from './selection.js';
import type { Shortcut } from './shortcuts.js';
import type { CommentItem, DecisionsFilter } from './staff-api.js';
import { renderFilters, renderTable } from './table.js';
import { renderFilterSignoff, renderWorkflow, Workflow, type WorkflowProps } from './workflow.js';

const SEARCH_PAUSE = 400;
/** A comment's attachments: a chunk of its own, loaded when a comment is first opened. */
const loadAttachments = once(() => import('./attachments.js'));
/** 因意见修改: a chunk of its own, loaded when an adopted comment is first opened. */
const loadChangeLinks = once(() => import('./change-links.js').then((m) => m.defineChangeLinks()));

const sameFilters = (a: Filters, b: Filters) =>
  a.clause === b.clause &&
  a.moderation === b.moderation &&
  a.decision === b.decision &&
  a.q.trim() === b.q.trim() &&
  (a.stage ?? '') === (b.stage ?? '') &&
  (a.unit ?? '') === (b.unit ?? '') &&
  !!a.overdue === !!b.overdue;

/** The list's filters as the server's filter of a step (the same fields). */
export function asDecisionsFilter(f: Filters): DecisionsFilter {
  return {
    ...(f.clause ? { clause: f.clause } : {}),
    ...(f.moderation ? { moderation: f.moderation } : {}),
    ...(f.decision ? { decision: f.decision === 'undecided' ? 'none' : f.decision } : {}),
    ...(f.q.trim() ? { q: f.q.trim() } : {}),
    ...(f.stage ? { stage: f.stage } : {}),
    ...(f.unit ? { unit: Number(f.unit) } : {}),
    ...(f.overdue ? { overdue: true } : {}),
  };
}

export class CommentsTab {
  openId: number | null = null;
  /** Why the comment asked for could not be read, shown above the list. */
  openError: string | null = null;
  /** The search text as typed, applied after a pause. */
  query = '';
  /** The comments chosen for a bulk action. */
  readonly selection = new Selection();
  readonly bulk: BulkActions;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  readonly workflow: Workflow;
  private attachments: AttachmentsPanel | null = null;

  constructor(private readonly c: ReviewContext) {
    this.bulk = new BulkActions(c, this.selection);
    this.workflow = new Workflow(
      c.session,
      () => c.workspace.id,
      () => c.t,
      (error) => c.describe(error),
      () => c.changed(),
      async () => {
        // The rows' stages and assignments changed: read the list and the comment open again.
        const open = this.openId;
        await c.page.load(c.workspace.id, c.page.filters);
        if (open !== null) c.page.select(open);
        void c.workspace.loadCounts();
        void c.workspace.loadPreview();
      },
    );
  }

  reset(): void {
    this.openId = null;
    this.openError = null;
    this.query = '';
    clearTimeout(this.searchTimer);
    this.selection.clear();
    this.bulk.reset();
  }

  /** The role may moderate or decide: rows can be chosen for bulk actions. */
  private get selectable(): boolean {
    return this.c.session.can('moderate') || this.c.session.can('decide');
  }

  get opened(): CommentItem | null {
    if (this.openId === null) return null;
    return this.c.page.items.find((x) => x.id === this.openId) ?? this.c.workspace.known.get(this.openId) ?? null;
  }

  /** The comment a shortcut acts on: the one open, else the one under the cursor. */
  private get target(): CommentItem | null {
    return this.opened ?? this.c.page.current;
  }

  open(id: number): void {
    this.openId = id;
    this.openError = null;
    this.c.page.select(id);
    this.c.changed();
    // A link to a comment on a page not read (from the audit log, a group): it is read by itself.
    const { page, workspace, t } = this.c;
    if (page.items.some((x) => x.id === id) || workspace.known.has(id)) return;
    workspace.readComment(id).catch((error: unknown) => {
      if (this.openId !== id) return;
      this.openId = null;
      this.openError = t('openFailed', { id, detail: this.c.describe(error) });
      this.c.announce(this.openError);
      this.c.changed();
    });
  }

  close(): void {
    this.openId = null;
    this.c.changed();
  }

  /** Reads the list anew; the rows chosen are forgotten (said, when there were some). */
  filter(filters: Filters): void {
    clearTimeout(this.searchTimer);
    this.query = filters.q;
    this.unselect(sameFilters(filters, this.c.page.filters) ? 'selectionClearedRefresh' : 'selectionClearedFilters');
    void this.c.page.load(this.c.workspace.id, filters);
  }

  private unselect(why: keyof ReviewMessages): void {
    const count = this.selection.size;
    this.selection.clear();
    this.bulk.set({ confirming: null, done: null, error: null });
    if (count) this.c.announce(this.c.t(why, { count: formatNumber(count, this.c.lang) }));
  }

  /** Chooses row `index` (`on`) or not; `range`: every row from the one last toggled. */
  private choose(index: number, on: boolean, range: boolean): void {
    const { page, t, lang } = this.c;
    const item = page.items[index];
    if (!item) return;
    const ids = range ? this.selection.range(page.items, index, on) : [item.id];
    if (!range) this.selection.toggle(item.id, on);
    this.bulk.selectionChanged();
    this.c.changed();
    const total = formatNumber(this.selection.size, lang);
    if (ids.length > 1) {
      const [from, to] = [Math.min(...ids), Math.max(...ids)];
      this.c.announce(
        t(on ? 'announceRangeSelected' : 'announceRangeUnselected', {
          count: formatNumber(ids.length, lang),
          from,
          to,
          total,
        }),
      );
    } else this.c.announce(t(on ? 'announceSelected' : 'announceUnselected', { id: item.id, total }));
  }

  private choosePage(on: boolean): void {
    const { page, t, lang } = this.c;
    this.selection.set(
      page.items.map((x) => x.id),
      on,
    );
    this.bulk.selectionChanged();
    this.c.changed();
    const count = formatNumber(page.items.length, lang);
    this.c.announce(t(on ? 'announcePageSelected' : 'announcePageUnselected', { count }));
  }

  private search(q: string): void {
    this.query = q;
    this.c.changed();
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.filter({ ...this.c.page.filters, q }), SEARCH_PAUSE);
  }

  async focusRow(): Promise<void> {
    await this.c.rendered();
    this.c.query(`button.row-open[data-index="${this.c.page.cursor}"]`)?.focus();
  }

  private async move(step: number): Promise<void> {
    const { page, t } = this.c;
    if (!(await page.move(step))) {
      this.c.announce(t(step > 0 ? (page.items.length ? 'atEnd' : 'noComments') : 'atStart'));
      return;
    }
    const item = page.current!;
    if (this.openId !== null) this.openId = item.id;
    await this.focusRow();
    this.c.announce(this.summary(item));
  }

  private summary(item: CommentItem): string {
    const { t } = this.c;
    const state = item.decision ? t(decisionKey[item.decision]) : t(moderationKey[item.moderation]);
    return t('announceRow', { index: this.c.page.cursor + 1, total: this.c.page.items.length, id: item.id, state });
  }

  /** Opens the target comment (if none is open) and focuses something in its decision form. */
  private async focusForm(selector: string, decision?: Decision): Promise<void> {
    const item = this.target;
    if (!item) return;
    if (this.openId === null) this.open(item.id);
    const key = commentKey(item.id);
    if (decision) {
      const { actions, t } = this.c;
      const kept = actions.form(key, item).cleared;
      actions.updateForm(key, { decision, saved: false, reasonError: null });
      const cleared = kept === null && actions.form(key).cleared !== null;
      const base = actions.form(key).base?.decision;
      // One announcement: the choice, and the kept reason cleared by it.
      this.c.announce(
        [
          t('announceChosen', { decision: t(decisionKey[decision]) }),
          cleared ? t('reasonCleared', { decision: base ? t(decisionKey[base]) : '' }) : '',
        ]
          .filter(Boolean)
          .join(' '),
      );
    }
    await this.c.rendered();
    const field = this.c.query(`form[data-form="${key}"] ${selector}`);
    field?.focus();
    // Not on every focus: a click must not move the form under the pointer.
    if (field) keepInView(field);
  }

  /** Runs a shortcut; false when it means nothing here. */
  handle(s: Shortcut): boolean {
    const { page, actions, session, t } = this.c;
    const canDecide = session.can('decide');
    switch (s.action) {
      case 'next':
      case 'previous':
        void this.move(s.action === 'next' ? 1 : -1);
        return true;
      case 'open':
        if (!page.current) return false;
        this.open(page.current.id);
        this.c.announce(t('announceOpened', { id: page.current.id }));
        return true;
      case 'close':
        if (this.openId === null) return false;
        this.close();
        void this.focusRow();
        return true;
      case 'approve': {
        const item = this.target;
        if (!item) return false;
        void actions.approve(item).then(async (ok) => {
          // On to the next, with the comment open too (which then shows the next).
          if (ok && item.id === page.current?.id) await this.move(1);
          // A colleague changed it meanwhile: open it, where their change is shown.
          else if (!ok && actions.moderationOf(item.id).conflict && this.openId !== item.id) this.open(item.id);
        });
        return true;
      }
      case 'decide':
      case 'decision':
      case 'template':
        if (!canDecide) {
          this.c.announce(t('roleCannotModerate'));
          return true;
        }
        void this.focusForm(
          s.action === 'template'
            ? 'select[data-template]'
            : s.action === 'decision'
              ? 'textarea[data-reason]'
              : 'input[type="radio"]:checked, input[type="radio"]',
          s.action === 'decision' ? s.decision : undefined,
        );
        return true;
      case 'search':
        this.c.query('#f-q')?.focus();
        return true;
      case 'select': {
        if (!this.selectable) {
          this.c.announce(t('roleCannotModerate'));
          return true;
        }
        const item = page.current;
        if (!item) return false;
        this.choose(page.cursor, !this.selection.has(item.id), s.range);
        return true;
      }
      default:
        return false;
    }
  }

  render() {
    const { t, lang, page, workspace } = this.c;
    const view = workspace.consultation.value;
    const props = {
      t,
      lang,
      page,
      clauses: workspace.clauses.value ?? [],
      clausesRead: workspace.clauses.value !== null && !workspace.clauses.loading,
      byClause: view?.counts.byClause ?? {},
      openId: this.openId,
      query: this.query,
      error: page.error ? this.c.describe(page.error) : null,
      selectable: this.selectable,
      contacts: this.c.session.can('contacts'),
      selected: (id: number) => this.selection.has(id),
      pageSelection: this.selection.of(page.items),
      onSelect: (i: number, on: boolean, range: boolean) => this.choose(i, on, range),
      onSelectPage: (on: boolean) => this.choosePage(on),
      onFilters: (f: Filters) => this.filter(f),
      onSearchInput: (q: string) => this.search(q),
      onOpen: (i: number) => {
        const item = page.items[i];
        if (item) this.open(item.id);
      },
      onCursor: (i: number) => {
        page.cursor = i;
        if (this.openId !== null && page.items[i]) this.openId = page.items[i].id;
        this.c.changed();
      },
      onMore: () => void page.more(),
      onRefresh: () => this.filter(page.filters),
    };
    const item = this.opened;
    this.workflow.loadUnits();
    const workflow = this.workflowProps();
    return html`${renderFilters({ ...props, units: this.workflow.units ?? [] })}
      ${page.filtered && !item ? renderFilterSignoff(workflow, asDecisionsFilter(page.filters)) : nothing}
      ${this.openError ? html`<p class="form-error" role="alert">${this.openError}</p>` : nothing}
      <div class=${item ? 'split with-detail' : 'split'}>
        <div class="list">${this.renderBulk()}${renderTable(props)}</div>
        ${item ? this.renderDetail(item) : nothing}
      </div>`;
  }

  private renderBulk() {
    const { t, lang, session, actions, templates } = this.c;
    const { bulk, selection } = this;
    const form = actions.form(BULK_FORM);
    const count = selection.size;
    const canDecide = session.can('decide');
    return renderBulkBar({
      t,
      lang,
      count,
      state: bulk.state,
      canModerate: session.can('moderate'),
      canDecide,
      form: () =>
        renderDecisionForm({
          t,
          lang,
          prefix: BULK_FORM,
          state: form,
          templates: templates.for(form.decision),
          templatesUnavailable: templates.unavailable,
          disabled: !canDecide,
          disabledNote: '',
          submitLabel: t('bulkDecideSubmit', { count: formatNumber(count, lang) }),
          onChange: (patch) => {
            if (bulk.state.confirming === 'decide') bulk.set({ confirming: null });
            actions.updateForm(BULK_FORM, patch);
          },
          onSubmit: () => bulk.ask('decide'),
          onTemplate: (id) => actions.useTemplate(BULK_FORM, id),
          onSaveTemplate: () => void actions.saveTemplate(BULK_FORM),
        }),
      decision: form.decision,
      reason: form.reason,
      summary: () => bulk.summary(),
      onClear: () => {
        this.unselect('selectionCleared');
        void this.focusRow();
      },
      onAsk: (kind) => bulk.ask(kind),
      onCategory: (category) =>
        bulk.set({
          category,
          error: null,
          confirming: bulk.state.confirming === 'remove' ? null : bulk.state.confirming,
        }),
      onDeciding: async (open) => {
        bulk.set({ deciding: open });
        await this.c.rendered();
        if (open) this.c.query<HTMLInputElement>(`form[data-form="${BULK_FORM}"] input[type="radio"]`)?.focus();
      },
      onConfirm: () => void bulk.confirm(),
      onCancel: () => bulk.cancel(),
    });
  }

  private workflowProps(): WorkflowProps {
    const { t, lang, session } = this.c;
    return {
      t,
      lang,
      w: this.workflow,
      canCheck: session.can('check'),
      canSign: session.can('signOff'),
      canAssign: session.can('assign'),
      canNote: session.can('notes'),
      roleName: session.role ? roleLabel(t, session.role) : t('roleUnknown'),
    };
  }

  private renderAttachments(item: CommentItem) {
    const c = this.c;
    if (this.attachments) return this.attachments.render(item.id, c.lang, c.session.can('publish'));
    loadAttachments().then(
      ({ AttachmentsPanel }) => {
        this.attachments ??= new AttachmentsPanel(
          c.session,
          () => c.changed(),
          (error) => c.describe(error),
        );
        c.changed();
      },
      (error: unknown) => console.warn('[gongkai] <gk-review>: attachments could not be loaded.', error),
    );
    return nothing;
  }

  /** An adopted comment's links to the changes of the next version it led to (change-links.ts). */
  private renderChangeLinks(item: CommentItem) {
    const c = this.c;
    if (item.decision !== 'adopted' && item.decision !== 'partly-adopted') return nothing;
    if (!customElements.get('gk-change-links')) {
      loadChangeLinks().then(
        () => c.changed(),
        (error: unknown) => console.warn('[gongkai] <gk-review>: the changes panel could not be loaded.', error),
      );
      return nothing;
    }
    return html`<gk-change-links
      .session=${c.session}
      .consultation=${c.workspace.id}
      .comment=${item.id}
      .group=${item.group}
      .canDecide=${c.session.can('decide')}
      .roleName=${c.session.role ? roleLabel(c.t, c.session.role) : c.t('roleUnknown')}
      .uiLang=${c.lang}
      .describe=${(error: unknown) => c.describe(error)}
    ></gk-change-links>`;
  }

  private renderDetail(item: CommentItem) {
    const { t, lang, workspace, session, actions, templates } = this.c;
    this.workflow.open(item);
    const key = commentKey(item.id);
    const canModerate = session.can('moderate');
    const canDecide = session.can('decide');
    const role = session.role ? roleLabel(t, session.role) : t('roleUnknown');
    const roleNote = t('roleNoteModerate', { role });
    const clauses = workspace.clauses;
    const clause = item.clause === null ? null : (workspace.clause(item.clause) ?? undefined);
    const clauseNote = clauses.loading
      ? t('clauseLoading')
      : clauses.error
        ? t('clauseFailed', { detail: this.c.describe(clauses.error) })
        : workspace.consultation.value && !workspace.consultation.value.policyId
          ? t('clauseNoPolicy')
          : t('clauseNotFound');
    const group = item.group === null ? null : workspace.groups.value?.items.find((g) => g.group === item.group);
    const form = actions.form(key, item);
    return renderDetail({
      t,
      lang,
      item,
      clause,
      clauseNote,
      clauseLabel: (clauseName(item, workspace.clauses.value ?? []) ?? '') + clauseNowText(item, t) || null,
      groupSize: group?.size ?? null,
      moderation: actions.moderationOf(item.id),
      canModerate,
      canSeeContacts: session.can('contacts'),
      roleNote,
      form: renderDecisionForm({
        t,
        lang,
        prefix: key,
        state: form,
        templates: templates.for(form.decision),
        templatesUnavailable: templates.unavailable,
        disabled: !canDecide,
        disabledNote: roleNote,
        submitLabel: item.moderation === 'rejected' ? t('decideRestore') : t('decideSave'),
        onChange: (patch) => actions.updateForm(key, patch),
        onSubmit: () => void actions.decide(item),
        onTemplate: (id) => actions.useTemplate(key, id),
        onSaveTemplate: () => void actions.saveTemplate(key),
        onDiscard: () => actions.discard(key),
      }),
      onClose: () => {
        this.close();
        void this.focusRow();
      },
      onApprove: () => void actions.approve(item),
      onRemove: () => void actions.remove(item),
      onCategory: (category) => actions.setModeration(item.id, { category, error: null }),
      onGroup: () => item.group !== null && this.c.showGroup(item.group),
      onHistory: () => this.c.showAudit(item.id),
      workflow: renderWorkflow(this.workflowProps(), item),
      attachments: this.renderAttachments(item),
      changes: this.renderChangeLinks(item),
    });
  }
}
