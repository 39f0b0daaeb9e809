// The notes' DOM, built once per list of notes and language and kept across renders: scrolling
// changes only which note is current, expanding only one note's class.
import type { Msg } from '../internal/load-bundle.js';
import { groupContent, noteView } from './note-view.js';
import type { NoteGroup, OrphanNote } from './notes.js';

/**
 * Notes longer than this (about five lines of the column, where they are cut) are shortened in
 * the column, with a button to read them whole, so dense notes stay near their clauses. Shorter
 * ones are shown whole: cut without that button, their end could not be read.
 */
const LONG_NOTE = 90;
const isLong = (group: NoteGroup) => (group.notes[0]?.body.textContent?.length ?? 0) > LONG_NOTE;

export interface ViewSource {
  groups: readonly NoteGroup[];
  orphans: readonly OrphanNote[];
  lang: string;
  t: Msg;
  /** A clause's short name for labels ("第三条…"). */
  label: (clause: string) => string;
}

export class NoteViews {
  /** The column's groups, in document order. */
  column: HTMLElement[] = [];
  /** The orphans' notes, in file order. */
  orphans: HTMLElement[] = [];
  private byClause = new Map<string, HTMLElement>();
  /** Clauses whose long notes the reader expanded (kept when the views are built again). */
  private readonly expanded = new Set<string>();
  private built: Pick<ViewSource, 'groups' | 'orphans' | 'lang'> | null = null;
  private marked: HTMLElement | null = null;
  private t: Msg | null = null;

  /** Builds the views again only when the notes or the language changed. */
  update(source: ViewSource): void {
    const built = this.built;
    if (built && built.groups === source.groups && built.orphans === source.orphans && built.lang === source.lang) {
      return;
    }
    this.built = { groups: source.groups, orphans: source.orphans, lang: source.lang };
    this.t = source.t;
    this.marked = null;
    this.byClause = new Map();
    this.column = source.groups.map((group) => {
      const view = this.groupView(group, source);
      this.byClause.set(group.clause, view);
      return view;
    });
    this.orphans = source.orphans.map((o) => noteView(o, source.t, false));
  }

  /** Marks the notes of the clause being read (`aria-current`, highlighted). */
  markCurrent(clause: string | null): void {
    const view = clause === null ? null : (this.byClause.get(clause) ?? null);
    if (view === this.marked) return;
    this.marked?.setAttribute('aria-current', 'false');
    view?.setAttribute('aria-current', 'true');
    this.marked = view;
  }

  /** Shows a long note whole, or shortened again. */
  toggleExpanded(clause: string): void {
    const view = this.byClause.get(clause);
    const button = view?.querySelector<HTMLButtonElement>(':scope > .more');
    if (!view || !button || !this.t) return;
    const expanded = !this.expanded.delete(clause);
    if (expanded) this.expanded.add(clause);
    view.classList.toggle('expanded', expanded);
    this.syncMore(button, expanded, this.t);
  }

  private groupView(group: NoteGroup, source: ViewSource): HTMLElement {
    const { t } = source;
    const label = source.label(group.clause);
    const view = document.createElement('section');
    view.className = 'group';
    view.dataset.clause = group.clause;
    // Printed before the note, matching the [注1] printed at its clause.
    view.dataset.printLabel = `${t('noteShort')}${group.number}`;
    // Given its inline style now, while it is restyled anyway: the first one set on 200 placed
    // notes later costs a full restyle of each.
    view.style.top = '0px';
    view.tabIndex = -1;
    view.setAttribute('aria-current', 'false');
    view.setAttribute('aria-label', t('notesFor', { clause: label }));
    view.append(...groupContent(group, t, label));
    if (isLong(group)) {
      const expanded = this.expanded.has(group.clause);
      view.classList.add('long');
      view.classList.toggle('expanded', expanded);
      const more = document.createElement('button');
      more.type = 'button';
      more.className = 'more gk-link-button';
      this.syncMore(more, expanded, t);
      view.append(more);
    }
    return view;
  }

  private syncMore(button: HTMLButtonElement, expanded: boolean, t: Msg): void {
    button.setAttribute('aria-expanded', expanded ? 'true' : 'false');
    button.textContent = expanded ? t('showLess') : t('showMore');
  }
}
