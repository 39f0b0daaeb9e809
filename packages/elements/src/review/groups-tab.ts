// The groups tab: near-duplicate groups, largest first, a page at a time; a group's members a
// page at a time; one decision for a whole group in one request (by filter); members unlike the
// rest split out, groups merged. j/k move between groups (reading the next page past the last),
// d / 1–4 / t work on the group under the cursor.
import type { Decision } from '@gongkai/format';
import { type GroupScope, groupKey } from './actions.js';
import type { ReviewContext } from './context.js';
import { renderDecisionForm } from './decision-form.js';
import { GroupMembers } from './group-members.js';
import { type GroupNote, NO_NOTE, renderGroups } from './groups.js';
import { decisionKey, formatNumber, roleLabel } from './labels.js';
import type { Shortcut } from './shortcuts.js';
import type { CommentGroup, CommentItem, GroupChanged } from './staff-api.js';

export class GroupsTab {
  cursor = 0;
  readonly expanded = new Set<number>();
  readonly members: GroupMembers;
  /** Members ticked to be split out, by group. */
  private readonly ticked = new Map<number, Set<number>>();
  /** Groups chosen to be merged. */
  private readonly chosen = new Set<number>();
  private readonly scopes = new Map<number, GroupScope>();
  /** What the last split of each group did, or why not. */
  private readonly splits = new Map<number, GroupNote>();
  private merging: GroupNote = NO_NOTE;

  constructor(private readonly c: ReviewContext) {
    this.members = new GroupMembers(
      c.session,
      () => c.workspace.id,
      () => c.changed(),
    );
  }

  reset(): void {
    this.cursor = 0;
    this.expanded.clear();
    this.members.reset();
    this.ticked.clear();
    this.chosen.clear();
    this.scopes.clear();
    this.splits.clear();
    this.merging = NO_NOTE;
  }

  private get groups(): CommentGroup[] {
    return this.c.workspace.groups.value?.items ?? [];
  }

  toggle(g: CommentGroup, open = !this.expanded.has(g.group)): void {
    if (open) {
      // Read anew each time it opens: a colleague may have decided some meanwhile.
      if (!this.expanded.has(g.group) || !this.members.of(g.group)) void this.members.load(g.group);
      this.expanded.add(g.group);
    } else this.expanded.delete(g.group);
    this.cursor = Math.max(0, this.groups.indexOf(g));
    this.c.changed();
  }

  /** Opens a group and brings focus to its heading; a group not read yet is shown first. */
  async show(group: number): Promise<void> {
    let g = this.groups.find((x) => x.group === group);
    if (!g) {
      // From a comment's link: its group may be on a later page. It is read by itself and shown
      // first until the list is read again.
      const { workspace } = this.c;
      try {
        g = await workspace.readGroup(group);
      } catch (error) {
        this.c.announce(this.c.describe(error));
        return;
      }
      const list = workspace.groups.value;
      if (!list) return;
      if (!this.groups.some((x) => x.group === group)) workspace.setGroups([g, ...this.groups], list.total);
    }
    this.toggle(g, true);
    await this.c.rendered();
    this.c.query(`#group-${group}`)?.focus();
  }

  private async move(step: number): Promise<void> {
    const target = this.cursor + step;
    if (target >= this.groups.length && this.c.workspace.groups.value?.next) await this.c.workspace.loadMoreGroups();
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

  private tick(g: CommentGroup, id: number, on: boolean): void {
    const set = new Set(this.ticked.get(g.group));
    if (on) set.add(id);
    else set.delete(id);
    this.ticked.set(g.group, set);
    this.splits.delete(g.group);
    this.c.changed();
  }

  private choose(g: CommentGroup, on: boolean): void {
    if (on) this.chosen.add(g.group);
    else this.chosen.delete(g.group);
    this.merging = NO_NOTE;
    this.c.changed();
  }

  /** Comments known here whose group changed: `groupOf` gives the new one (undefined: unchanged). */
  private regroup(groupOf: (item: CommentItem) => number | null | undefined): void {
    this.c.workspace.regroup(groupOf);
    const page = this.c.page;
    page.items = page.items.map((item) => {
      const group = groupOf(item);
      return group === undefined || group === item.group ? item : { ...item, group };
    });
  }

  /** What was kept under a group's id (its form, its panel) follows it to its new id. */
  private rename(from: number, to: number | null): void {
    const forms = this.c.actions.forms;
    const form = forms.get(groupKey(from));
    forms.delete(groupKey(from));
    if (to !== null && form) forms.set(groupKey(to), form);
    const scope = this.scopes.get(from);
    this.scopes.delete(from);
    if (to !== null && scope) this.scopes.set(to, scope);
    this.expanded.delete(from);
    this.ticked.delete(from);
    this.splits.delete(from);
    this.members.forget(from);
  }

  /** Takes the ticked members out of the group: they stand alone from now on. */
  private async split(g: CommentGroup): Promise<void> {
    const { t, lang, workspace } = this.c;
    const ids = [...(this.ticked.get(g.group) ?? [])];
    if (!ids.length) {
      this.splits.set(g.group, { ...NO_NOTE, error: t('groupSplitNone') });
      this.c.changed();
      return;
    }
    this.splits.set(g.group, { ...NO_NOTE, busy: true });
    this.c.changed();
    try {
      const answer = await this.c.session.call<GroupChanged>(
        `/consultations/${encodeURIComponent(workspace.id)}/groups/${g.group}/split`,
        { method: 'POST', body: { ids } },
        'decide',
      );
      const out = new Set(ids);
      this.regroup((item) => (out.has(item.id) ? null : item.group === g.group ? answer.group : undefined));
      const count = formatNumber(ids.length, lang);
      const done =
        answer.group === null
          ? t('groupDissolved', { count })
          : t('groupSplitDone', { count, size: formatNumber(answer.size, lang) });
      // The rest keep the group, led by its first member left (a new id if the first was taken out).
      const rep = answer.group;
      const sample =
        rep === g.group
          ? g.sample
          : (this.members.of(g.group)?.items.find((m) => m.id === rep)?.body ?? workspace.known.get(rep!)?.body ?? '');
      const list = workspace.groups.value!;
      workspace.setGroups(
        this.groups.flatMap((x) =>
          x !== g ? [x] : rep === null ? [] : [{ group: rep, size: answer.size, sample: sample.slice(0, 200) }],
        ),
        rep === null ? list.total - 1 : list.total,
      );
      this.rename(g.group, rep);
      this.c.announce(done);
      if (rep !== null) {
        this.expanded.add(rep);
        this.splits.set(rep, { ...NO_NOTE, done });
        void this.members.load(rep);
        await this.c.rendered();
        this.c.query(`#group-${rep}`)?.focus();
      } else {
        this.merging = { ...NO_NOTE, done };
        this.cursor = Math.min(this.cursor, Math.max(0, this.groups.length - 1));
        await this.c.rendered();
        this.c.query('#groups-title')?.focus();
      }
    } catch (error) {
      const text = this.c.describe(error);
      this.splits.set(g.group, { ...NO_NOTE, error: text });
      this.c.announce(text);
      this.c.changed();
    }
  }

  /** Joins the groups chosen into one, which takes the place of the first of them. */
  private async merge(): Promise<void> {
    const { t, lang, workspace } = this.c;
    const groups = this.groups.filter((g) => this.chosen.has(g.group));
    if (groups.length < 2) {
      this.merging = { ...NO_NOTE, error: t('groupMergeTooFew') };
      this.c.changed();
      return;
    }
    this.merging = { ...NO_NOTE, busy: true };
    this.c.changed();
    try {
      const answer = await this.c.session.call<GroupChanged>(
        `/consultations/${encodeURIComponent(workspace.id)}/groups/merge`,
        { method: 'POST', body: { groups: groups.map((g) => g.group) } },
        'decide',
      );
      const into = answer.group!;
      const merged = new Set(groups.map((g) => g.group));
      this.regroup((item) => (item.group !== null && merged.has(item.group) ? into : undefined));
      const first = groups[0]!;
      const sample = (groups.find((g) => g.group === into) ?? first).sample;
      const list = workspace.groups.value!;
      workspace.setGroups(
        this.groups.flatMap((g) =>
          g === first ? [{ group: into, size: answer.size, sample }] : merged.has(g.group) ? [] : [g],
        ),
        list.total - (groups.length - 1),
      );
      const form = this.c.actions.forms.get(groupKey(first.group));
      for (const g of groups) this.rename(g.group, null);
      if (form) this.c.actions.forms.set(groupKey(into), form);
      this.chosen.clear();
      const done = t('groupMerged', { group: into, count: formatNumber(answer.size, lang) });
      this.merging = { ...NO_NOTE, done };
      this.c.announce(done);
      this.cursor = Math.max(
        0,
        this.groups.findIndex((g) => g.group === into),
      );
      await this.c.rendered();
      this.c.query(`#group-${into}`)?.focus();
    } catch (error) {
      const text = this.c.describe(error);
      this.merging = { ...NO_NOTE, error: text };
      this.c.announce(text);
      this.c.changed();
    }
  }

  private async decide(g: CommentGroup): Promise<void> {
    const done = await this.c.actions.decideGroup(g.group, this.scopes.get(g.group) ?? 'undecided');
    if (done) this.members.apply(g.group, done.matches, done.patch);
  }

  render() {
    const { t, lang, workspace, session, actions, templates } = this.c;
    const canDecide = session.can('decide');
    const roleNote = t('roleNoteModerate', { role: session.role ? roleLabel(t, session.role) : t('roleUnknown') });
    const list = workspace.groups.value;
    const more = workspace.moreGroups;
    return renderGroups({
      t,
      lang,
      groups: this.groups,
      total: list?.total ?? 0,
      more: Boolean(list?.next),
      pending: list?.pending ?? false,
      loading: workspace.groups.loading,
      loadingMore: more.loading,
      error: workspace.groups.error ? this.c.describe(workspace.groups.error) : null,
      moreError: more.error ? this.c.describe(more.error) : null,
      cursor: this.cursor,
      expanded: this.expanded,
      canChange: canDecide,
      chosen: this.chosen,
      merging: this.merging,
      members: (g) => this.members.of(g.group),
      complete: (g) => this.members.complete(g.group),
      membersError: (g) => {
        const error = this.members.of(g.group)?.error;
        return error ? this.c.describe(error) : null;
      },
      ticked: (g) => this.ticked.get(g.group) ?? new Set(),
      split: (g) => this.splits.get(g.group) ?? NO_NOTE,
      scope: (g) => this.scopes.get(g.group) ?? 'undecided',
      form: (g) => {
        const key = groupKey(g.group);
        const state = actions.form(key);
        const all = this.scopes.get(g.group) === 'all';
        return renderDecisionForm({
          t,
          lang,
          prefix: key,
          state,
          templates: templates.for(state.decision),
          templatesUnavailable: templates.unavailable,
          disabled: !canDecide,
          disabledNote: roleNote,
          submitLabel: t(all ? 'groupApplyAll' : 'groupApplyUndecided'),
          onChange: (patch) => actions.updateForm(key, patch),
          onSubmit: () => void this.decide(g),
          onTemplate: (id) => actions.useTemplate(key, id),
          onSaveTemplate: () => void actions.saveTemplate(key),
        });
      },
      onToggle: (g) => this.toggle(g),
      onChoose: (g, on) => this.choose(g, on),
      onMerge: () => void this.merge(),
      onClearChoice: () => {
        this.chosen.clear();
        this.merging = NO_NOTE;
        this.c.changed();
      },
      onTick: (g, id, on) => this.tick(g, id, on),
      onSplit: (g) => void this.split(g),
      onMoreMembers: (g) =>
        void (this.members.of(g.group)?.items.length ? this.members.more(g.group) : this.members.load(g.group)),
      onScope: (g, scope) => {
        this.scopes.set(g.group, scope);
        actions.updateForm(groupKey(g.group), { saved: false });
      },
      onOpenComment: (id) => this.c.openComment(id),
      onCursor: (i) => {
        this.cursor = i;
      },
      onRetry: () => void workspace.loadGroups(),
      onMore: () => void workspace.loadMoreGroups(),
    });
  }
}
