// The comments tab: filters, the table and the comment open beside it, and the shortcuts of the
// common path (next, approve, decide, 1–4, reason template, search).
import type { Decision } from '@gongkai/format';
import { html, nothing } from 'lit';
import { commentKey } from './actions.js';
import type { Filters } from './comment-page.js';
import type { ReviewContext } from './context.js';
import { renderDecisionForm } from './decision-form.js';
import { renderDetail } from './detail.js';
import { decisionKey, moderationKey, roleLabel } from './labels.js';
import type { Shortcut } from './shortcuts.js';
import type { CommentItem } from './staff-api.js';
import { renderFilters, renderTable } from './table.js';

const SEARCH_PAUSE = 400;

export class CommentsTab {
  openId: number | null = null;
  /** The search text as typed, applied after a pause. */
  query = '';
  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly c: ReviewContext) {}

  reset(): void {
    this.openId = null;
    this.query = '';
    clearTimeout(this.searchTimer);
  }

  get opened(): CommentItem | null {
    if (this.openId === null) return null;
    return this.c.page.items.find((x) => x.id === this.openId) ?? this.c.workspace.all.value?.get(this.openId) ?? null;
  }

  /** The comment a shortcut acts on: the one open, else the one under the cursor. */
  private get target(): CommentItem | null {
    return this.opened ?? this.c.page.current;
  }

  open(id: number): void {
    this.openId = id;
    this.c.page.select(id);
    this.c.changed();
  }

  close(): void {
    this.openId = null;
    this.c.changed();
  }

  filter(filters: Filters): void {
    clearTimeout(this.searchTimer);
    this.query = filters.q;
    void this.c.page.load(this.c.workspace.id, filters);
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
      this.c.actions.form(key, item);
      this.c.actions.updateForm(key, { decision, saved: false, reasonError: null });
      this.c.announce(this.c.t('announceChosen', { decision: this.c.t(decisionKey[decision]) }));
    }
    await this.c.rendered();
    this.c.query(`form[data-form="${key}"] ${selector}`)?.focus();
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
          if (ok && item.id === page.current?.id && this.openId === null) await this.move(1);
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
      byClause: view?.counts.byClause ?? {},
      openId: this.openId,
      query: this.query,
      error: page.error ? this.c.describe(page.error) : null,
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
    return html`${renderFilters(props)}
      <div class=${item ? 'split with-detail' : 'split'}>
        <div class="list">${renderTable(props)}</div>
        ${item ? this.renderDetail(item) : nothing}
      </div>`;
  }

  private renderDetail(item: CommentItem) {
    const { t, lang, workspace, session, actions, templates } = this.c;
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
    const group = item.group === null ? null : workspace.groups.value?.find((g) => g.group === item.group);
    const form = actions.form(key, item);
    return renderDetail({
      t,
      lang,
      item,
      clause,
      clauseNote,
      groupSize: group?.ids.length ?? null,
      moderation: actions.moderationOf(item.id),
      canModerate,
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
    });
  }
}
