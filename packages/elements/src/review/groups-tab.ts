// The groups tab: near-duplicate groups, each decided at once for its members except the ones
// set apart; j/k move between groups, d / 1–4 / t work on the group under the cursor.
import type { Decision } from '@gongkai/format';
import { groupKey } from './actions.js';
import type { ReviewContext } from './context.js';
import { renderDecisionForm } from './decision-form.js';
import { defaultExceptions, renderGroups } from './groups.js';
import { decisionKey, formatNumber, roleLabel } from './labels.js';
import type { Shortcut } from './shortcuts.js';
import type { CommentGroup } from './staff-api.js';

export class GroupsTab {
  cursor = 0;
  readonly expanded = new Set<number>();
  private readonly exceptions = new Map<number, Set<number>>();

  constructor(private readonly c: ReviewContext) {}

  reset(): void {
    this.cursor = 0;
    this.expanded.clear();
    this.exceptions.clear();
  }

  private get groups(): CommentGroup[] {
    return this.c.workspace.groups.value ?? [];
  }

  /** Members set apart from the group decision; by default those already handled. */
  exceptionsOf(g: CommentGroup): Set<number> {
    const chosen = this.exceptions.get(g.group);
    if (chosen) return chosen;
    const members = this.c.workspace.members(g);
    const initial = defaultExceptions(members);
    // Kept only once every member is known, so a later load can still set the default.
    if (members.length === g.ids.length) this.exceptions.set(g.group, initial);
    return initial;
  }

  private except(g: CommentGroup, id: number, excepted: boolean): void {
    const set = new Set(this.exceptionsOf(g));
    if (excepted) set.add(id);
    else set.delete(id);
    this.exceptions.set(g.group, set);
    this.c.changed();
  }

  toggle(g: CommentGroup, open = !this.expanded.has(g.group)): void {
    if (open) this.expanded.add(g.group);
    else this.expanded.delete(g.group);
    this.cursor = Math.max(0, this.groups.indexOf(g));
    this.c.changed();
  }

  /** Opens a group and brings focus to its heading. */
  async show(group: number): Promise<void> {
    const g = this.groups.find((x) => x.group === group);
    if (!g) return;
    this.toggle(g, true);
    await this.c.rendered();
    this.c.query(`#group-${group}`)?.focus();
  }

  private async move(step: number): Promise<void> {
    const target = this.cursor + step;
    if (target < 0 || target >= this.groups.length) {
      this.c.announce(this.c.t(step > 0 ? 'atEnd' : 'atStart'));
      return;
    }
    this.cursor = target;
    this.c.changed();
    await this.c.rendered();
    const g = this.groups[target]!;
    this.c.query(`#group-${g.group}`)?.focus();
  }

  private async focusForm(selector: string, decision?: Decision): Promise<void> {
    const g = this.groups[this.cursor];
    if (!g) return;
    this.toggle(g, true);
    const key = groupKey(g.group);
    if (decision) {
      this.c.actions.updateForm(key, { decision, saved: false, reasonError: null });
      this.c.announce(this.c.t('announceChosen', { decision: this.c.t(decisionKey[decision]) }));
    }
    await this.c.rendered();
    this.c.query(`form[data-form="${key}"] ${selector}`)?.focus();
  }

  handle(s: Shortcut): boolean {
    switch (s.action) {
      case 'next':
      case 'previous':
        void this.move(s.action === 'next' ? 1 : -1);
        return true;
      case 'open': {
        const g = this.groups[this.cursor];
        if (g) this.toggle(g, true);
        return Boolean(g);
      }
      case 'decide':
      case 'decision':
      case 'template':
        if (!this.c.session.can('decide')) {
          this.c.announce(this.c.t('roleCannotModerate'));
          return true;
        }
        void this.focusForm(
          s.action === 'template'
            ? 'select[data-template]'
            : s.action === 'decision'
              ? 'textarea[data-reason]'
              : 'input[type="radio"]',
          s.action === 'decision' ? s.decision : undefined,
        );
        return true;
      default:
        return false;
    }
  }

  render() {
    const { t, lang, workspace, session, actions, templates } = this.c;
    const canDecide = session.can('decide');
    const roleNote = t('roleNoteModerate', { role: session.role ? roleLabel(t, session.role) : t('roleUnknown') });
    const error = workspace.groups.error ?? workspace.all.error;
    return renderGroups({
      t,
      lang,
      groups: this.groups,
      loading: workspace.groups.loading,
      error: error ? this.c.describe(error) : null,
      cursor: this.cursor,
      expanded: this.expanded,
      members: (g) => workspace.members(g),
      exceptions: (g) => this.exceptionsOf(g),
      form: (g, count) => {
        const key = groupKey(g.group);
        const state = actions.form(key);
        const ids = g.ids.filter((id) => !this.exceptionsOf(g).has(id));
        return renderDecisionForm({
          t,
          lang,
          prefix: key,
          state,
          templates: templates.for(state.decision),
          templatesUnavailable: templates.unavailable,
          disabled: !canDecide,
          disabledNote: roleNote,
          submitLabel: t('groupApply', { count: formatNumber(count, lang) }),
          onChange: (patch) => actions.updateForm(key, patch),
          onSubmit: () => void actions.decideGroup(g.group, ids),
          onTemplate: (id) => actions.useTemplate(key, id),
          onSaveTemplate: () => void actions.saveTemplate(key),
        });
      },
      onToggle: (g) => this.toggle(g),
      onException: (g, id, excepted) => this.except(g, id, excepted),
      onOpenComment: (id) => this.c.openComment(id),
      onCursor: (i) => {
        this.cursor = i;
      },
      onRetry: () => {
        void workspace.loadGroups();
        if (workspace.all.error) void workspace.loadIndex();
      },
    });
  }
}
